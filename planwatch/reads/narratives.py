"""The planner's stored texts of a report, by part."""

from __future__ import annotations

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from planwatch.periods import Period
from planwatch.reads.plans import read
from planwatch.store.models import Narrative
from planwatch.store.reference import RegionKey, region_row
from planwatch.vocabulary import NARRATIVE_PARTS

_TEXTS = select(Narrative.part, Narrative.text, Narrative.version).where(
    Narrative.region_id == bindparam("region"), Narrative.period == bindparam("period")
)


def narratives(session: Session, region: str | RegionKey, period: str) -> dict[str, str]:
    """The stored parts for a region and period, by part name; parts not written are absent."""
    return {part: text for part, (text, _) in _stored(session, region, period).items()}


def narrative_versions(session: Session, region: str | RegionKey, period: str) -> dict[str, int]:
    """The version of each stored part (a form sends it back, so a stale save is refused)."""
    return {part: version for part, (_, version) in _stored(session, region, period).items()}


def _stored(session: Session, region: str | RegionKey, period: str) -> dict[str, tuple[str, int]]:
    row = region_row(session, region) if isinstance(region, str) else region
    found = {
        part: (text, version)
        for part, text, version in read(
            session, _TEXTS, region=row.id, period=Period.parse(period).code
        )
    }
    return {part: found[part] for part in NARRATIVE_PARTS if part in found}


def paragraphs(text: str) -> list[str]:
    """A narrative split where the planner started a new paragraph (a line break)."""
    return [line.strip() for line in text.splitlines() if line.strip()]
