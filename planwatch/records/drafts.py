"""The draft history: each draft of a report that left planwatch, with the figures it stated."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from planwatch.periods import Period
from planwatch.store.models import ReportDraft
from planwatch.store.reference import region_row


def store_draft(
    session: Session,
    region: str,
    period: str,
    fmt: str,
    figures: list[dict[str, Any]],
    *,
    actor: str,
    final: bool = False,
) -> ReportDraft:
    """Keep one draft sent out (downloaded, or written with ``--final``) and its figures."""
    row = ReportDraft(
        region_id=region_row(session, region).id,
        period=Period.parse(period).code,
        format=fmt,
        final=final,
        actor=actor,
        figures=figures,
    )
    session.add(row)
    session.flush()
    return row
