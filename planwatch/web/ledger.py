"""The major-project ledger page (重点项目调度) with filters, and its JSON, CSV and Excel twins (``render.twin``).

``/regions/{code}/{period}/projects`` lists the plan's projects judged in the period
(stage, year-to-date investment against time progress, status and why), the aggregate
line for the projects shown, the totals documents reported for all the projects beside the
ledger's own (a finding where they differ beyond rounding), and the lagging ones first. Filters: ``stage``, ``level``,
``category``, ``department``, ``status``; the twins keep them.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from planwatch import links
from planwatch.assess.ledger_totals import reported_beside
from planwatch.assess.model import STATUSES
from planwatch.assess.projects import LedgerSummary, ProjectJudgement, judged_ledger, summarize
from planwatch.periods import Period
from planwatch.reads import Session
from planwatch.reads.regions import stored_region
from planwatch.records.users import check_allowed
from planwatch.vocabulary import PROJECT_CATEGORIES, PROJECT_LEVELS, PROJECT_STAGES
from planwatch.web import shapes
from planwatch.web.auth import Viewer, app_store
from planwatch.web.params import period_of
from planwatch.web.render import respond, twin

router = APIRouter()
FILTERS = ("stage", "level", "category", "department", "status")


class LedgerPage(BaseModel):
    region: dict[str, str]
    period: dict[str, Any]
    filters: dict[str, str]
    choices: dict[str, list[str]]
    totals: LedgerSummary  # the summary is plain data: its JSON as it is
    reported: list[shapes.ReportedLedgerTotal]  # what documents state, beside the ledger's
    projects: list[shapes.LedgerRow]
    links: dict[str, str]


def _kept(one: ProjectJudgement, filters: dict[str, str]) -> bool:
    values = {
        "stage": one.stage,
        "level": one.project.level,
        "category": one.project.category,
        "department": one.project.department,
        "status": one.status,
    }
    return all(values[k] == v for k, v in filters.items())


def ledger_data(
    session: Session, code: str, when: Period, user: Any, filters: dict[str, str]
) -> LedgerPage:
    region = stored_region(session, code)
    check_allowed(session, user, "read", region)
    judged = judged_ledger(session, region.id, when)
    kept = [one for one in judged if _kept(one, filters)]
    page = links.ledger(region.code, when.code)
    return LedgerPage(
        region={"code": region.code, "name": region.name},
        period={"code": when.code, "time_progress": round(when.time_progress * 100, 2)},
        filters=filters,
        choices=_choices(judged),
        totals=summarize(kept, when.year),
        reported=[
            shapes.reported_ledger_total(one)
            for one in reported_beside(session, region.id, when, judged)
        ],
        projects=[shapes.ledger_row(one) for one in kept],
        links={
            "overview": links.region(region.code, when.code),
            "board": links.board(region.code, when.code),
            "month_entry": links.month_entry(region.code, when.code),
            "workbook": links.region(region.code, when.code, "projects", "workbook"),
            "add": links.region(region.code, when.code, "projects", "add"),
            "csv": f"{page}.csv",
            "json": links.json(page),
        },
    )


def _choices(judged: list[ProjectJudgement]) -> dict[str, list[str]]:
    """What each filter offers: the vocabulary's codes, and the departments that lead one."""
    leads = sorted({one.project.department for one in judged if one.project.department})
    return {
        "stage": list(PROJECT_STAGES),
        "level": list(PROJECT_LEVELS),
        "category": list(PROJECT_CATEGORIES),
        "status": list(STATUSES),
        "department": leads,
    }


Filter = Annotated[str | None, Query(max_length=100)]


def ledger_filters(
    stage: Filter = None,
    level: Filter = None,
    category: Filter = None,
    department: Filter = None,
    status: Filter = None,
) -> dict[str, str]:
    """The filters given (each exact: a code, or a department's name)."""
    given = {
        "stage": stage,
        "level": level,
        "category": category,
        "department": department,
        "status": status,
    }
    return {k: v for k, v in given.items() if v}


Filters = Annotated[dict[str, str], Depends(ledger_filters)]


def ledger_page(
    request: Request,
    code: str,
    period: str,
    user: Viewer,
    chosen: Filters,
) -> Response:
    """The ledger: each project's stage, investment against time progress and status."""
    with app_store(request).reading() as session:
        page = ledger_data(session, code, period_of(period), user, chosen)
    return respond(request, "ledger.html", page.model_dump())


twin(
    router,
    "/regions/{code}/{period}/projects",
    ledger_page,
    summary="The major-project ledger judged in a period, with filters",
    response_model=LedgerPage,
)
