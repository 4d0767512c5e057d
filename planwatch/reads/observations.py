"""Stored figures as plain rows: each with its region, indicator and source, its other
versions, and the audit trail of its changes."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Select, bindparam, or_, select
from sqlalchemy.orm import Session

from planwatch.errors import NotFound
from planwatch.reads.facts import SourceFact, source_fact
from planwatch.reads.paging import Page, paged, read_one
from planwatch.reads.plans import read
from planwatch.store.models import AuditEntry, Fact, Indicator, Observation, Region, User


@dataclass(frozen=True, slots=True)
class ObservationRow:
    id: int
    region: str
    indicator: str
    period: str
    measure: str
    value: float
    unit: str | None
    basis: str | None
    status: str
    version: int
    note: str | None
    created_at: datetime
    source_fact: SourceFact | None
    user_name: str | None
    indicator_english: str
    comment: str | None  # why a figure a warning rule flagged is right


@dataclass(frozen=True, slots=True)
class AuditRow:
    at: datetime
    actor: str
    action: str
    changes: dict[str, Any]


_OBSERVATIONS = (
    select(
        Observation.id,
        Region.code.label("region"),
        Indicator.name.label("indicator"),
        Observation.period,
        Observation.measure,
        Observation.value,
        Observation.unit,
        Observation.basis,
        Observation.status,
        Observation.version,
        Observation.note,
        Observation.created_at,
        Fact.document_id,
        Fact.id.label("fact_id"),
        Fact.text,
        Fact.span_start,
        Fact.span_end,
        User.name.label("user_name"),
        Indicator.english.label("indicator_english"),
        Observation.comment,
    )
    .join(Region, Observation.region_id == Region.id)
    .join(Indicator, Observation.indicator_id == Indicator.id)
    .outerjoin(Fact, Observation.source_fact_id == Fact.id)
    .outerjoin(User, Observation.user_id == User.id)
)
_BY_ID = _OBSERVATIONS.where(Observation.id == bindparam("observation"))
_SAME = select(
    Observation.indicator_id, Observation.region_id, Observation.period, Observation.measure
).where(Observation.id == bindparam("observation"))
_SAME_KEY = _SAME.subquery()
# every version of the figure the bound observation is one version of
_VERSIONS = _OBSERVATIONS.join(
    _SAME_KEY,
    (Observation.indicator_id == _SAME_KEY.c.indicator_id)
    & (Observation.region_id == _SAME_KEY.c.region_id)
    & (Observation.period == _SAME_KEY.c.period)
    & (Observation.measure == _SAME_KEY.c.measure),
).order_by(Observation.version)
_AUDIT = (
    select(AuditEntry.at, AuditEntry.actor, AuditEntry.action, AuditEntry.changes)
    .where(AuditEntry.table_name == "observations", AuditEntry.row_id == bindparam("row"))
    .order_by(AuditEntry.id)
)


# one indicator's history in a region: every version, in period and measure order
_OF_INDICATOR = _OBSERVATIONS.where(
    Observation.region_id == bindparam("region"),
    Observation.indicator_id == bindparam("indicator"),
).order_by(Observation.version, Observation.id)
_BY_IDS = _OBSERVATIONS.where(Observation.id.in_(bindparam("ids", expanding=True)))


# what a reporter may see: published figures, and its own department's at any status
_REPORTER_SEES = or_(
    Observation.status == "published", Observation.department_id == bindparam("department")
)


@lru_cache(maxsize=16)
def _filtered(by_region: bool, by_indicator: bool, by_period: bool, by_reporter: bool) -> Select:
    """The list statement for the filters asked for, built once per combination."""
    statement: Select = _OBSERVATIONS.order_by(Observation.id.desc())
    if by_reporter:
        statement = statement.where(_REPORTER_SEES)
    if by_region:
        statement = statement.where(Observation.region_id == bindparam("region"))
    if by_indicator:
        statement = statement.where(Observation.indicator_id == bindparam("indicator"))
    if by_period:
        statement = statement.where(Observation.period == bindparam("period"))
    return statement


def _observation(row: Any) -> ObservationRow:
    return ObservationRow(
        row.id,
        row.region,
        row.indicator,
        row.period,
        row.measure,
        row.value,
        row.unit,
        row.basis,
        row.status,
        row.version,
        row.note,
        row.created_at,
        source_fact(row),
        row.user_name,
        row.indicator_english,
        row.comment,
    )


def observation_list(
    session: Session,
    *,
    region_id: int | None = None,
    indicator_id: int | None = None,
    period: str | None = None,
    reporter_department: int | None = None,
    limit: int,
    offset: int,
) -> Page[ObservationRow]:
    """Stored figures, newest first, narrowed to a region, an indicator or a period; for a
    reporter (``reporter_department``) only published ones and its department's own."""
    statement = _filtered(
        region_id is not None,
        indicator_id is not None,
        period is not None,
        reporter_department is not None,
    )
    return paged(
        session,
        statement,
        _observation,
        limit=limit,
        offset=offset,
        region=region_id,
        indicator=indicator_id,
        period=period,
        department=reporter_department,
    )


def observation_by_id(session: Session, observation_id: int) -> ObservationRow:
    missing = NotFound("reads.observations.no_observation", observation_id=observation_id)
    return _observation(read_one(session, _BY_ID, missing, observation=observation_id))


def reporter_sees(session: Session, observation_id: int, department_id: int | None) -> bool:
    """Whether a reporter of ``department_id`` may see the figure (published or its own)."""
    query = select(Observation.id).where(Observation.id == observation_id, _REPORTER_SEES)
    return bool(read(session, query, department=department_id))


def versions_of(session: Session, observation_id: int) -> list[ObservationRow]:
    """Every version of the same (indicator, region, period, measure), oldest first."""
    return [_observation(row) for row in read(session, _VERSIONS, observation=observation_id)]


def audit_of(session: Session, observation_id: int) -> list[AuditRow]:
    return [AuditRow(*row) for row in read(session, _AUDIT, row=observation_id)]


def observations_of(session: Session, region_id: int, indicator_id: int) -> list[ObservationRow]:
    """Every stored version of an indicator's figures in a region, in version order (as
    ``FigureBook.of_rows`` expects)."""
    rows = read(session, _OF_INDICATOR, region=region_id, indicator=indicator_id)
    return [_observation(row) for row in rows]


def observations_by_id(session: Session, ids: Collection[int]) -> dict[int, ObservationRow]:
    """The observations with these ids (the sources of figures an assessment used)."""
    if not ids:
        return {}
    return {row.id: _observation(row) for row in read(session, _BY_IDS, ids=list(ids))}
