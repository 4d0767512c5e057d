"""The start page (plans and their periods) and a region's overview for one period."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from planwatch import links
from planwatch.assess.model import RegionAssessment, TaskAssessment, Thresholds
from planwatch.assess.projects import judged_ledger, summarize
from planwatch.assess.region import assess_plan
from planwatch.assess.rollup import roll_up
from planwatch.periods import Period
from planwatch.reads.collection import completeness
from planwatch.reads.documents import recent_documents
from planwatch.reads.figures import FigureBook, counted_statuses, current_counting
from planwatch.reads.lookup import plan_of
from planwatch.reads.observations import observations_by_id
from planwatch.reads.plans import period_order, plan_count, plan_listings
from planwatch.reads.regions import RegionRow, stored_region
from planwatch.records.users import Account
from planwatch.web import shapes
from planwatch.web.auth import Viewer, Visitor, app_store, check_visitor
from planwatch.web.cache import cached_page
from planwatch.web.params import Paging, paging, period_of
from planwatch.web.parts import card
from planwatch.web.render import respond, twin

router = APIRouter()

# Lagging first: what needs a leader's attention leads the page.
LAGGING_ORDER = {"behind": 0, "slightly_behind": 1, "unknown": 2, "on_track": 3, "achieved": 4}


def plans_page(
    request: Request, user: Viewer, page: Annotated[Paging, Depends(paging)]
) -> Response:
    """Stored plans (a page of them) with the periods that have figures, and documents to
    review."""
    with app_store(request).reading() as session:
        documents = [shapes.plain(shapes.document(row)) for row in recent_documents(session)]
        plans = _plans(session, page)
        data = {
            "plans": plans,
            "links": _start_links(user, plans),
            "total": plan_count(session),
            "limit": page.limit,
            "offset": page.offset,
            "documents": documents,
        }
    return respond(request, "home.html", data)


def _start_links(user: Account, plans: list[dict[str, Any]]) -> dict[str, str]:
    """A reporter's way to its entry form: its region's newest plan listed here."""
    if user.role != "reporter":
        return {}
    mine = [plan["enter"] for plan in plans if plan["region"]["code"] == user.region_code]
    return {"enter": mine[0]} if mine else {}


def _plans(session: Session, page: Paging) -> list[dict[str, Any]]:
    return [
        {
            "region": {"code": plan.region_code, "name": plan.region_name},
            "year": plan.year,
            "title": plan.title,
            "href": links.plan(plan.id),
            "edit": links.plan_edit(plan.id),
            # a plan without figures yet still opens: its year's overview shows 暂无数据
            "year_href": links.region(plan.region_code, str(plan.year)),
            "enter": links.entry(plan.region_code, str(plan.year)),
            "periods": [
                {"code": code, "href": links.region(plan.region_code, code)}
                for code in plan.period_codes
            ],
        }
        for plan in plan_listings(session, counted_statuses(), page.limit, page.offset)
    ]


def overview_page(request: Request, code: str, period: str, user: Visitor) -> Response:
    """A card per plan target, lagging ones first, with completion against time progress."""
    when = period_of(period)
    check_visitor(request, user, code)
    data = cached_page(
        request, ("overview", code, when.code), lambda s: _overview(s, code, when), code
    )
    return respond(request, "overview.html", data)


def _overview(session: Session, code: str, period: Period) -> dict[str, Any]:
    region = stored_region(session, code)
    plan = plan_of(session, region, period.year)
    book = FigureBook(session, region, (period.year, period.year - 1))
    assessed = assess_plan(region, plan, book, period, Thresholds(), empty_ok=True)
    return overview_data(session, region, period, assessed, book)


def overview_data(
    session: Session,
    region: RegionRow,
    period: Period,
    assessed: RegionAssessment,
    book: FigureBook,
) -> dict[str, Any]:
    cards = sorted(
        (card(region.code, period.code, a) for a in assessed.assessments),
        key=lambda card: LAGGING_ORDER.get(card["status"], 2),
    )
    # a target may be judged on a related indicator's figures: those are not "other" figures
    targeted = {a.indicator for a in assessed.assessments} | {
        figure.indicator for a in assessed.assessments for figure in (a.actual, a.growth) if figure
    }
    return {
        "region": {"code": region.code, "name": region.name, "level": region.level},
        "period": {
            "code": period.code,
            "phrase": assessed.period_phrase,
            "time_progress": assessed.time_progress,
        },
        "plan": {"title": assessed.plan_title, "year": assessed.year},
        # figures waiting for approval count for this reader: they are marked 未审核
        "preview": current_counting() in ("submitted", "all"),
        "status_counts": assessed.status_counts,
        "cards": cards,
        "other_figures": _other_figures(session, region, period, book, targeted),
        **_rolled_up(session, region, period, book, assessed),
        "links": _links(region, period.code, book.has_period(period)),
        # the book holds every code of the year with figures: no query of its own
        "periods": _periods(region, book.period_codes(period.year)),
        "completeness": _completeness(session, region, period),
        "task_line": _task_line(region, period, assessed.tasks),
        "project_line": _project_line(session, region, period),
    }


# the task line always counts these; slightly behind and unquantified ones when there are any
TASK_LINE = ("achieved", "on_track", "slightly_behind", "behind", "unknown")
ALWAYS = ("achieved", "on_track", "behind")


def _task_line(
    region: RegionRow, period: Period, tasks: list[TaskAssessment]
) -> dict[str, Any] | None:
    """The small line of key tasks: how many are done, on track, behind in the period."""
    if not tasks:
        return None
    counts = {status: sum(1 for t in tasks if t.status == status) for status in TASK_LINE}
    return {
        "total": len(tasks),
        "counts": [
            {"status": status, "count": n} for status, n in counts.items() if n or status in ALWAYS
        ],
        "href": links.board(region.code, period.code),
    }


def _project_line(session: Session, region: RegionRow, period: Period) -> dict[str, Any] | None:
    """The small line of major projects: started of those due to start, the year's
    investment against its plan, how many lag (the ledger's aggregate line)."""
    judged = judged_ledger(session, region.id, period)
    if not judged:
        return None
    summary = summarize(judged, period.year)
    return {
        "total": summary.total,
        "started": summary.started,
        "planned_starts": summary.planned_starts,
        "start_rate": summary.start_rate,
        "investment_share": summary.investment_share,
        "lagging": len(summary.lagging),
        "href": links.ledger(region.code, period.code),
    }


def _completeness(session: Session, region: RegionRow, period: Period) -> dict[str, Any] | None:
    """The small line: of the reports due this period, how many are in, late, overdue."""
    found = completeness(session, region, period)
    if not found.expected:
        return None  # no reporting calendar, nothing to count
    return {
        "expected": found.expected,
        "received": found.received,
        "late": found.late,
        "overdue": found.overdue,
        "href": links.completeness(region.code, period.code),
    }


def _rolled_up(
    session: Session,
    region: RegionRow,
    period: Period,
    book: FigureBook,
    assessed: RegionAssessment,
) -> dict[str, Any]:
    """The findings, with the roll-up's: additive figures beside their children's sum."""
    rolled = roll_up(session, region, period, book)
    findings = [*assessed.findings, *(r.finding for r in rolled if r.finding)]
    return {
        "findings": [f.as_dict() for f in findings],
        "rollup": [shapes.rollup(r) for r in rolled],
    }


def _periods(region: RegionRow, codes: set[str]) -> list[dict[str, str]]:
    """The year's periods with figures, to switch between (一季度, 上半年 …)."""
    return [
        {"code": code, "href": links.region(region.code, code)}
        for code in sorted(codes, key=period_order)
    ]


def _other_figures(
    session: Session, region: RegionRow, period: Period, book: FigureBook, targeted: set[str]
) -> list[dict[str, Any]]:
    """The period's figures that count, of indicators the plan sets no target for."""
    current = {
        key: figure
        for key, figure in book.current(period).items()
        if figure.indicator not in targeted
    }
    rows = observations_by_id(session, [f.observation_id for f in current.values()])
    grouped: dict[str, dict[str, Any]] = {}
    for (_, measure), figure in current.items():
        entry = grouped.get(figure.indicator)
        if entry is None:
            entry = grouped[figure.indicator] = {
                "indicator": figure.indicator,
                "english": rows[figure.observation_id].indicator_english,
                "measures": {},
                "href": links.indicator(region.code, period.code, figure.indicator),
            }
        entry["measures"][measure] = shapes.plain(shapes.observation(rows[figure.observation_id]))
    return list(grouped.values())


def _links(region: RegionRow, period: str, has_figures: bool) -> dict[str, str | None]:
    """What the overview leads to; a period without figures has no report to draft and
    nothing to compare."""
    parent = region.parent
    return {
        "overview": links.region(region.code, period),
        "board": links.board(region.code, period),
        "report": links.report(region.code, period) if has_figures else None,
        "enter": links.entry(region.code, period),
        "submissions": links.submissions(region.code, period),
        "departments": links.departments(region.code),
        "compare": links.comparison(parent, region.level, period)
        if parent and has_figures
        else None,
        "completeness": links.completeness(region.code, period),
    }


twin(router, "/regions", plans_page, summary="Stored plans and the periods with figures")
twin(router, "/regions/{code}/{period}", overview_page, summary="A region's overview for a period")
