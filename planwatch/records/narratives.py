"""The planner's own words in a report: the opening, the problems, the next-period arrangements.

Numbers come from the store; judgement and intent do not. A report of 武昌区 for 2017H1
reads these texts by (region, period, part); a part nobody wrote yet is drafted as a
visible placeholder rather than left out, so a missing paragraph cannot go unnoticed.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from planwatch.errors import InvalidInput
from planwatch.periods import Period
from planwatch.store.models import Narrative, Region
from planwatch.store.reference import region_row
from planwatch.vocabulary import NARRATIVE_PARTS, one_of


def check_part(part: str) -> str:
    if part not in NARRATIVE_PARTS:
        raise InvalidInput(
            f"unknown narrative part '{part}'", f"use one of {one_of(NARRATIVE_PARTS)}"
        )
    return part


def set_narrative(session: Session, region: str, period: str, part: str, text: str) -> Narrative:
    """Store (or replace) one part of the planner's text for a region and period."""
    check_part(part)
    cleaned = text.strip()
    if not cleaned:
        raise InvalidInput(
            f"the {part} text is empty", "pass the text with --text or a UTF-8 file with --file"
        )
    row = region_row(session, region)
    code = Period.parse(period).code
    narrative = _stored(session, row, code, part)
    if narrative is None:
        narrative = Narrative(region_id=row.id, period=code, part=part, text=cleaned)
        session.add(narrative)
    else:
        narrative.text = cleaned
    session.flush()
    return narrative


def _stored(session: Session, region: Region, period: str, part: str) -> Narrative | None:
    return session.scalar(
        select(Narrative).where(
            Narrative.region_id == region.id, Narrative.period == period, Narrative.part == part
        )
    )
