"""What documents state about a region's projects all together (reported ledger totals).

``records/ledger_totals.py`` keeps them; ``assess/ledger_totals.py`` sets them beside the
ledger's own counts and sums.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from planwatch.reads.facts import SourceFact
from planwatch.store.models import Fact, ReportedLedgerTotal


@dataclass(frozen=True)
class ReportedTotal:
    """What a document states about the region's projects all together for a period
    (``records/ledger_totals.py``), with the fact and span it was read from."""

    total: str
    value: float
    unit: str | None
    source: SourceFact


def reported_totals(session: Session, region_id: int, month: str) -> list[ReportedTotal]:
    """The region's reported ledger totals for the closing month ``month`` (2017M10)."""
    rows = session.execute(
        select(
            ReportedLedgerTotal.total,
            ReportedLedgerTotal.value,
            ReportedLedgerTotal.unit,
            Fact.document_id,
            Fact.id,
            Fact.text,
            Fact.span_start,
            Fact.span_end,
        )
        .join(Fact, ReportedLedgerTotal.source_fact_id == Fact.id)
        .where(ReportedLedgerTotal.region_id == region_id, ReportedLedgerTotal.period == month)
        .order_by(ReportedLedgerTotal.id)
    )
    return [ReportedTotal(*row[:3], SourceFact(*row[3:])) for row in rows]
