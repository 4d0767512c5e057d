"""The planner's own words in a report: the opening, the problems, the next-period arrangements.

Numbers come from the store; judgement and intent do not. A report of 武昌区 for 2017H1
reads these texts by (region, period, part); a part nobody wrote yet is drafted as a
visible placeholder rather than left out, so a missing paragraph cannot go unnoticed.
"""

from __future__ import annotations

from typing import Protocol

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from planwatch.errors import Conflict, InvalidInput
from planwatch.periods import Period
from planwatch.store.models import Narrative
from planwatch.store.reference import RegionKey, region_row
from planwatch.vocabulary import NARRATIVE_PARTS, one_of


class NarrativeVersion(Protocol):
    """What a writer reads back of a stored part: its text and version."""

    @property
    def text(self) -> str: ...
    @property
    def version(self) -> int: ...


def check_part(part: str) -> str:
    if part not in NARRATIVE_PARTS:
        raise InvalidInput(
            "records.narratives.unknown_part", part=part, parts=one_of(NARRATIVE_PARTS)
        )
    return part


def set_narrative(
    session: Session,
    region: str | RegionKey,
    period: str | Period,
    part: str,
    text: str,
    *,
    expected: int | None = None,
) -> Narrative:
    """Store (or replace) one part of the planner's text for a region and period.

    ``expected`` is the version the writer started from (None: any); a newer stored
    version means someone else saved meanwhile, and the write is refused (409).
    """
    check_part(part)
    cleaned = text.strip()
    if not cleaned:
        raise InvalidInput("records.narratives.text_empty", part=part)
    row = region_row(session, region) if isinstance(region, str) else region
    code = period.code if isinstance(period, Period) else Period.parse(period).code
    narrative = _stored(session, row, code, part, lock=True)
    _check_version(narrative, part, expected)
    if narrative is None:
        narrative = _first(session, row, code, part, cleaned, expected)
    else:
        narrative.text = cleaned
    session.flush()
    return narrative


def _check_version(narrative: Narrative | None, part: str, expected: int | None) -> None:
    current = narrative.version if narrative is not None else 0
    if expected is not None and expected != current:
        raise Conflict(
            "records.narratives.stale",
            part=part,
            expected=expected,
            current=current,
        )


def _first(
    session: Session, region: RegionKey, period: str, part: str, text: str, expected: int | None
) -> Narrative:
    """The first text of a part. Two planners may both write it first (PostgreSQL runs
    them side by side); the unique constraint refuses the later, which then replaces it,
    unless it asked to write the first version only."""
    narrative = Narrative(region_id=region.id, period=period, part=part, text=text)
    try:
        with session.begin_nested():
            session.add(narrative)
    except IntegrityError:
        stored = _stored(session, region, period, part, lock=True)
        assert stored is not None
        _check_version(stored, part, expected)
        stored.text = text
        return stored
    return narrative


def narrative_row(
    session: Session, region: RegionKey, period: Period, part: str
) -> Narrative | None:
    """One stored part with its version, or None when nobody wrote it yet."""
    return _stored(session, region, period.code, check_part(part))


def _stored(
    session: Session, region: RegionKey, period: str, part: str, *, lock: bool = False
) -> Narrative | None:
    """``lock``: a writer holds the row (PostgreSQL) until it commits, so a concurrent
    writer reads the version this one writes rather than failing on a stale one."""
    query = select(Narrative).where(
        Narrative.region_id == region.id, Narrative.period == period, Narrative.part == part
    )
    if lock:
        query = query.with_for_update().execution_options(populate_existing=True)
    return session.scalar(query)
