"""Shared steps for assess tests: add figures or plans to a store the way a loader would."""

from __future__ import annotations

from typing import Any

from planwatch.records.observations import ObservationIn, store_observations
from planwatch.records.plans import PlanIn, store_plan
from planwatch.store import Store

Row = tuple[str, str, str, str, float, str | None]


def add_figures(store: Store, *rows: Row) -> None:
    """Rows of (region, indicator, period, measure, value, unit)."""
    fields = ("region", "indicator", "period", "measure", "value", "unit")
    items = [ObservationIn.model_validate(dict(zip(fields, row, strict=True))) for row in rows]
    with store.transaction(actor="test") as session:
        store_observations(session, items)


def add_plan(store: Store, plan: dict[str, Any]) -> None:
    with store.transaction(actor="test") as session:
        store_plan(session, PlanIn.model_validate(plan))
