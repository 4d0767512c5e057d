"""Finding what an assessment needs — the region, its plan — with messages that say the fix."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from planwatch.errors import NotFound
from planwatch.store.models import Plan, Region
from planwatch.store.reference import region_row


def plan_of(session: Session, region: Region, year: int) -> Plan:
    plan = session.scalar(select(Plan).where(Plan.region_id == region.id, Plan.year == year))
    if plan is None:
        raise NotFound(
            f"{region.name} has no plan for {year}", "load one with `planwatch plan load`"
        )
    return plan


def region_and_plan(session: Session, region: str, year: int) -> tuple[Region, Plan]:
    row = region_row(session, region)
    return row, plan_of(session, row, year)
