"""The start page (plans and their periods) and a region's overview for one period."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from planwatch import links
from planwatch.assess.model import RegionAssessment, Thresholds
from planwatch.assess.region import assess_plan
from planwatch.periods import Period
from planwatch.reads.collection import completeness
from planwatch.reads.documents import recent_documents
from planwatch.reads.figures import FigureBook
from planwatch.reads.lookup import plan_of
from planwatch.reads.observations import observations_by_id
from planwatch.reads.plans import period_order, plan_listings
from planwatch.reads.regions import RegionRow, stored_region
from planwatch.web import shapes
from planwatch.web.auth import Viewer, Visitor, app_store, check_visitor
from planwatch.web.cache import cached_page
from planwatch.web.params import period_of
from planwatch.web.parts import card
from planwatch.web.render import respond, twin

router = APIRouter()

# Lagging first: what needs a leader's attention leads the page.
LAGGING_ORDER = {"behind": 0, "slightly_behind": 1, "unknown": 2, "on_track": 3, "achieved": 4}


def plans_page(request: Request, user: Viewer) -> Response:
    """Every stored plan with the periods that have figures, and documents to review."""
    with app_store(request).reading() as session:
        documents = [shapes.plain(shapes.document(row)) for row in recent_documents(session)]
        data = {"plans": _plans(session), "documents": documents}
    return respond(request, "home.html", data)


def _plans(session: Session) -> list[dict[str, Any]]:
    return [
        {
            "region": {"code": plan.region_code, "name": plan.region_name},
            "year": plan.year,
            "title": plan.title,
            "href": links.plan(plan.id),
            "periods": [
                {"code": code, "href": links.region(plan.region_code, code)}
                for code in plan.period_codes
            ],
        }
        for plan in plan_listings(session)
    ]


def overview_page(request: Request, code: str, period: str, user: Visitor) -> Response:
    """A card per plan target, lagging ones first, with completion against time progress."""
    when = period_of(period)
    check_visitor(request, user, code)
    data = cached_page(request, ("overview", code, when.code), lambda s: _overview(s, code, when))
    return respond(request, "overview.html", data)


def _overview(session: Session, code: str, period: Period) -> dict[str, Any]:
    region = stored_region(session, code)
    plan = plan_of(session, region, period.year)
    book = FigureBook(session, region, (period.year, period.year - 1))
    assessed = assess_plan(region, plan, book, period, Thresholds())
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
        "status_counts": assessed.status_counts,
        "cards": cards,
        "other_figures": _other_figures(session, region, period, book, targeted),
        "findings": [f.as_dict() for f in assessed.findings],
        "links": _links(region, period.code),
        # the book holds every code of the year with figures: no query of its own
        "periods": _periods(region, book.period_codes(period.year)),
        "completeness": _completeness(session, region, period),
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


def _links(region: RegionRow, period: str) -> dict[str, str | None]:
    parent = region.parent
    return {
        "overview": links.region(region.code, period),
        "board": links.board(region.code, period),
        "report": links.report(region.code, period),
        "enter": links.entry(region.code, period),
        "compare": links.comparison(parent, region.level, period) if parent else None,
        "completeness": links.completeness(region.code, period),
    }


twin(router, "/regions", plans_page, summary="Stored plans and the periods with figures")
twin(router, "/regions/{code}/{period}", overview_page, summary="A region's overview for a period")
