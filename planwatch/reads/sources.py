"""Where stored targets and figures came from: the document span, or the plan they sit in.

A target or figure accepted from a document points at the span its number was read from
(the number's own span where the extractor kept one, else the fact's); one entered by a
user or loaded from a file points at nothing here, and its page is its source.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from planwatch.reads.plans import read
from planwatch.store.models import Fact, Observation, Target


@dataclass(frozen=True, slots=True)
class DocumentSpan:
    document_id: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TargetOrigin:
    plan_id: int
    span: DocumentSpan | None


_START = func.coalesce(Fact.number_start, Fact.span_start)
_END = func.coalesce(Fact.number_end, Fact.span_end)
_TARGETS = (
    select(Target.id, Target.plan_id, Fact.document_id, _START, _END)
    .outerjoin(Fact, Fact.id == Target.source_fact_id)
    .where(Target.id.in_(bindparam("ids", expanding=True)))
)
_OBSERVATIONS = (
    select(Observation.id, Fact.document_id, _START, _END)
    .outerjoin(Fact, Fact.id == Observation.source_fact_id)
    .where(Observation.id.in_(bindparam("ids", expanding=True)))
)


def _span(document_id: int | None, start: int | None, end: int | None) -> DocumentSpan | None:
    if document_id is None or start is None or end is None:
        return None
    return DocumentSpan(document_id, start, end)


def target_origins(session: Session, ids: Collection[int]) -> dict[int, TargetOrigin]:
    if not ids:
        return {}
    rows = read(session, _TARGETS, ids=list(ids))
    return {row[0]: TargetOrigin(row[1], _span(*row[2:])) for row in rows}


def observation_origins(session: Session, ids: Collection[int]) -> dict[int, DocumentSpan | None]:
    if not ids:
        return {}
    return {row[0]: _span(*row[1:]) for row in read(session, _OBSERVATIONS, ids=list(ids))}
