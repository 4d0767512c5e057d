"""The draft history read back: the last draft of a region's report sent out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from planwatch.periods import Period
from planwatch.store.models import ReportDraft
from planwatch.store.reference import RegionKey


@dataclass(frozen=True)
class StoredDraft:
    id: int
    format: str
    final: bool
    actor: str
    created_at: datetime
    figures: list[dict[str, Any]]


def last_draft(session: Session, region: RegionKey, period: str) -> StoredDraft | None:
    """The latest draft of ``region``'s report for ``period`` that left planwatch."""
    row = session.scalars(
        select(ReportDraft)
        .where(ReportDraft.region_id == region.id, ReportDraft.period == Period.parse(period).code)
        .order_by(ReportDraft.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    return StoredDraft(row.id, row.format, row.final, row.actor, row.created_at, list(row.figures))
