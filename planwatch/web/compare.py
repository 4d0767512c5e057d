"""Regions of one level side by side, and one region's key tasks and major projects."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from planwatch import links
from planwatch.assess.compare import check_level, compare_members
from planwatch.assess.model import RankEntry, RegionComparison, TaskAssessment, Thresholds
from planwatch.assess.projects import stage_of
from planwatch.assess.region import assess_plan
from planwatch.periods import Period, period_end
from planwatch.reads.figures import FigureBook
from planwatch.reads.indicators import indicator_named
from planwatch.reads.lookup import plan_of
from planwatch.reads.plans import PlanProject
from planwatch.reads.regions import RegionRow, stored_region
from planwatch.vocabulary import PROJECT_STAGES
from planwatch.web.auth import Viewer
from planwatch.web.cache import cached_page
from planwatch.web.params import period_of
from planwatch.web.render import respond, twin

router = APIRouter()


def compare_page(
    request: Request,
    parent: str,
    level: str,
    period: str,
    user: Viewer,
    indicator: Annotated[str | None, Query(description="Rank on this indicator only.")] = None,
) -> Response:
    """Regions at ``level`` under ``parent`` ranked per target, best first."""
    when = period_of(period)
    data = cached_page(
        request,
        ("compare", parent, level, when.code, indicator or None),
        lambda session: comparison_data(
            _compared(session, parent, level, when, indicator or None), when
        ),
        parent,
    )
    return respond(request, "compare.html", data)


def _compared(
    session: Session, parent: str, level: str, period: Period, indicator: str | None
) -> RegionComparison:
    top = stored_region(session, parent)
    check_level(level)
    wanted = indicator_named(session, indicator).name if indicator else None
    # the page ranks targets: the regions' tasks and projects are not read
    return compare_members(session, top, level, period, wanted)


def comparison_data(comparison: RegionComparison, period: Period) -> dict[str, Any]:
    indicators = sorted({r.indicator for r in comparison.rankings})
    return {
        "parent": {"code": comparison.parent_code, "name": comparison.parent},
        "level": comparison.level,
        "period": {"code": period.code},
        "indicator": comparison.indicator,
        "indicators": indicators,
        "rankings": [
            {
                "indicator": ranking.indicator,
                "kind": ranking.kind,
                "metric": ranking.metric,
                # completion is read against the share of the year gone
                "time_progress": period.time_progress * 100
                if ranking.metric == "completion"
                else None,
                "entries": [_entry(entry, period, ranking.indicator) for entry in ranking.entries],
            }
            for ranking in comparison.rankings
        ],
        "regions": [
            {
                "code": r.region_code,
                "name": r.region,
                "status_counts": r.status_counts,
                "href": links.region(r.region_code, period.code),
            }
            for r in comparison.regions
        ],
        "skipped": [
            {"region": s.region, "region_code": s.region_code, "reason": s.reason}
            for s in comparison.skipped
        ],
    }


def _entry(entry: RankEntry, period: Period, indicator: str) -> dict[str, Any]:
    # spelled out: dataclasses.asdict deep-copies every value of every entry
    return {
        "rank": entry.rank,
        "region": entry.region,
        "region_code": entry.region_code,
        "value": entry.value,
        "status": entry.status,
        "href": links.indicator(entry.region_code, period.code, indicator),
    }


def board_page(request: Request, code: str, period: str, user: Viewer) -> Response:
    """The plan's key tasks with their reported progress, and its projects by stage."""
    when = period_of(period)
    data = cached_page(
        request,
        ("board", code, when.code),
        lambda session: board_data(session, stored_region(session, code), when),
        code,
    )
    return respond(request, "board.html", data)


def board_data(session: Session, region: RegionRow, when: Period) -> dict[str, Any]:
    plan = plan_of(session, region, when.year)
    book = FigureBook(session, region, (when.year, when.year - 1))
    # a plan's tasks and projects are shown before any figure of the period exists
    assessed = assess_plan(region, plan, book, when, Thresholds(), empty_ok=True)
    return {
        "region": {"code": region.code, "name": region.name},
        "period": {"code": when.code, "time_progress": assessed.time_progress},
        "sections": _sections(assessed.tasks),
        "projects": _projects(plan.projects, when),
        "project_counts": assessed.projects.counts,
        "links": {"overview": links.region(region.code, when.code)},
    }


def _sections(tasks: list[TaskAssessment]) -> list[dict[str, Any]]:
    sections: dict[str, list[dict[str, Any]]] = {}
    for task in tasks:
        sections.setdefault(task.section or "", []).append(
            {
                "id": task.task_id,
                "title": task.title,
                "department": task.department,
                "note": task.note,
                "value": task.value,
                "unit": task.unit,
                "completion": task.completion,
                "status": task.status,
                "gap": task.gap,
            }
        )
    return [{"title": title, "tasks": items} for title, items in sections.items()]


def _projects(projects: list[PlanProject], when: Period) -> dict[str, list[dict[str, Any]]]:
    """The projects by the stage their dates give at the period's end, as on the ledger."""
    by_stage: dict[str, list[dict[str, Any]]] = {stage: [] for stage in PROJECT_STAGES}
    as_of = period_end(when)
    for project in projects:
        by_stage[stage_of(project, as_of)].append(
            {
                "id": project.id,
                "name": project.name,
                "investment": project.investment,
                "unit": project.unit,
                "department": project.department.name if project.department else None,
                "note": project.note,
            }
        )
    return by_stage


twin(
    router,
    "/compare/{parent}/{level}/{period}",
    compare_page,
    summary="Regions of one level ranked on each target",
)
twin(
    router,
    "/regions/{code}/{period}/board",
    board_page,
    summary="Key tasks and major projects of a region's plan",
)
