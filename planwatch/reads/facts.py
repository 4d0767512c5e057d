"""Facts read from documents, as plain rows with the observations stored from each."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session

from planwatch.errors import NotFound
from planwatch.reads.paging import Page, paged, read_one
from planwatch.reads.plans import read
from planwatch.store.models import Fact, Indicator, Observation

__all__ = ["FactRow", "SourceFact", "fact_by_id", "fact_list", "pending_facts"]


@dataclass(frozen=True, slots=True)
class SourceFact:
    """The fact a target or an observation was accepted from: where its number stands."""

    document_id: int
    fact_id: int
    text: str
    span_start: int
    span_end: int


def source_fact(row: Any) -> SourceFact | None:
    """The source columns of a row joined to its fact (``fact_id`` None: not from one)."""
    if row.fact_id is None:
        return None
    return SourceFact(row.document_id, row.fact_id, row.text, row.span_start, row.span_end)


@dataclass(frozen=True, slots=True)
class FactRow:
    id: int
    document_id: int
    position: int
    subject: str | None
    indicator: str | None
    period: str | None
    measure: str
    value: float | None
    unit: str | None
    qualifier: str | None
    basis: str | None
    span_start: int
    span_end: int
    number_start: int | None
    number_end: int | None
    text: str
    review_status: str
    version: int
    observation_ids: tuple[int, ...] = ()


_FACTS = (
    select(
        Fact.id,
        Fact.document_id,
        Fact.position,
        Fact.subject,
        Indicator.name.label("indicator"),
        Fact.period,
        Fact.measure,
        Fact.value,
        Fact.unit,
        Fact.qualifier,
        Fact.basis,
        Fact.span_start,
        Fact.span_end,
        Fact.number_start,
        Fact.number_end,
        Fact.text,
        Fact.review_status,
        Fact.version,
    )
    .outerjoin(Indicator, Fact.indicator_id == Indicator.id)
    .order_by(Fact.document_id, Fact.position)
)
_BY_ID = _FACTS.where(Fact.id == bindparam("fact"))
_STORED = (
    select(Observation.source_fact_id, Observation.id)
    .where(Observation.source_fact_id.in_(bindparam("facts", expanding=True)))
    .order_by(Observation.id)
)


@lru_cache(maxsize=32)
def _filtered(
    by_document: bool, by_status: bool, by_measure: bool = False, indicators: bool = False
) -> Select:
    """The list statement for the filters asked for, built once per combination.

    ``indicators``: only facts of a catalogue indicator (the ones accepting stores as data)."""
    statement: Select = _FACTS
    if by_document:
        statement = statement.where(Fact.document_id == bindparam("document"))
    if by_status:
        statement = statement.where(Fact.review_status == bindparam("status"))
    if by_measure:
        statement = statement.where(Fact.measure == bindparam("measure"))
    if indicators:
        statement = statement.where(Fact.indicator_id.is_not(None))
    return statement


def _fact(row: Any) -> FactRow:
    return FactRow(*row)


def _with_observations(session: Session, facts: Sequence[FactRow]) -> list[FactRow]:
    """The facts with the ids of the observations accepted from each, in one query."""
    if not facts:
        return []
    stored: dict[int, list[int]] = {}
    for fact_id, observation_id in read(session, _STORED, facts=[f.id for f in facts]):
        stored.setdefault(fact_id, []).append(observation_id)
    return [replace(f, observation_ids=tuple(stored.get(f.id, ()))) for f in facts]


def fact_list(
    session: Session,
    *,
    document: int | None = None,
    status: str | None = None,
    measure: str | None = None,
    indicators: bool = False,
    limit: int,
    offset: int,
) -> Page[FactRow]:
    """Facts in document order, narrowed to a document, a review status, a measure or the
    facts of catalogue indicators."""
    statement = _filtered(document is not None, status is not None, measure is not None, indicators)
    page = paged(
        session,
        statement,
        _fact,
        limit=limit,
        offset=offset,
        document=document,
        status=status,
        measure=measure,
    )
    return Page(page.total, _with_observations(session, page.items))


def pending_facts(
    session: Session, document_id: int, *, measure: str | None = None, indicators: bool = False
) -> list[int]:
    """The ids of a document's facts still waiting for review, narrowed like ``fact_list``:
    what "accept all indicator facts" or "accept all of this measure" decides."""
    statement = _filtered(True, True, measure is not None, indicators)
    rows = read(session, statement, document=document_id, status="pending", measure=measure)
    return [row.id for row in rows]


def facts_of_document(session: Session, document_id: int) -> list[FactRow]:
    rows = read(session, _filtered(True, False), document=document_id)
    return _with_observations(session, [_fact(row) for row in rows])


def fact_by_id(session: Session, fact_id: int) -> FactRow:
    missing = NotFound("reads.facts.no_fact", fact_id=fact_id)
    row = read_one(session, _BY_ID, missing, fact=fact_id)
    return _with_observations(session, [_fact(row)])[0]
