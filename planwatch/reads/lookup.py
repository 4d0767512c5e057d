"""Finding what an assessment or a form needs — the region, its plan, the indicators — with
messages that say the fix."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from planwatch.errors import NotFound
from planwatch.reads.plans import PlanRows, load_plans, read
from planwatch.store.models import Indicator
from planwatch.store.reference import RegionKey, region_row


def no_plan(region_name: str, year: int) -> NotFound:
    return NotFound("reads.lookup.no_plan", region_name=region_name, year=year)


def no_figures(region_name: str, period_code: str) -> NotFound:
    return NotFound("reads.lookup.no_figures", region_name=region_name, period_code=period_code)


def plan_of(
    session: Session,
    region: RegionKey,
    year: int,
    *,
    targets: bool = True,
    tasks: bool = True,
    projects: bool = True,
) -> PlanRows:
    """The region's plan for ``year`` with the parts asked for; ``NotFound`` if it has none."""
    plan = load_plans(
        session, [region.id], year, targets=targets, tasks=tasks, projects=projects
    ).get(region.id)
    if plan is None:
        raise no_plan(region.name, year)
    return plan


def region_and_plan(
    session: Session,
    region: str,
    year: int,
    *,
    targets: bool = True,
    tasks: bool = True,
    projects: bool = True,
) -> tuple[RegionKey, PlanRows]:
    row = region_row(session, region)
    return row, plan_of(session, row, year, targets=targets, tasks=tasks, projects=projects)


_INDICATOR_NAMES = select(Indicator.name).order_by(Indicator.category, Indicator.id)


def indicator_names(session: Session) -> list[str]:
    """The catalogue's indicators by category, as forms offer them."""
    return [name for (name,) in read(session, _INDICATOR_NAMES)]
