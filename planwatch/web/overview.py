"""The start page (plans and their periods) and a region's overview for one period."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy import bindparam, case, func, select
from sqlalchemy.orm import Session

from planwatch import links
from planwatch.assess.english import english_judgement
from planwatch.assess.model import Assessment, RegionAssessment, Thresholds
from planwatch.assess.region import assess_plan, assess_region_row
from planwatch.periods import Period
from planwatch.reads.figures import FigureBook
from planwatch.reads.lookup import plan_of
from planwatch.reads.plans import parsed_period, read
from planwatch.store.models import Document, Fact, Indicator, Observation, Plan, Region
from planwatch.web.auth import Viewer, app_store
from planwatch.web.cache import cached_page
from planwatch.web.params import period_of, stored_region_and_parent
from planwatch.web.render import respond, twin

router = APIRouter()

# Lagging first: what needs a leader's attention leads the page.
# Targets on an amount lead with the amount; rate targets lead with the growth rate.
VALUE_KINDS = ("value_at_least", "value_at_most")
LAGGING_ORDER = {"behind": 0, "slightly_behind": 1, "unknown": 2, "on_track": 3, "achieved": 4}


def plans_page(request: Request, user: Viewer) -> Response:
    """Every stored plan with the periods that have figures, and documents to review."""
    with app_store(request).reading() as session:
        data = {"plans": _plans(session), "documents": recent_documents(session)}
    return respond(request, "home.html", data)


def _plans(session: Session) -> list[dict[str, Any]]:
    periods: dict[tuple[int, str], set[str]] = {}
    for region_id, code in session.execute(
        select(Observation.region_id, Observation.period).distinct()
    ):
        periods.setdefault((region_id, code[:4]), set()).add(code)
    rows = session.execute(
        select(Plan, Region)
        .join(Region, Plan.region_id == Region.id)
        .order_by(Region.code, Plan.year.desc())
    )
    return [
        {
            "region": {"code": region.code, "name": region.name},
            "year": plan.year,
            "title": plan.title,
            "periods": [
                {"code": code, "href": links.region(region.code, code)}
                for code in sorted(periods.get((region.id, str(plan.year)), set()), key=_months)
            ],
        }
        for plan, region in rows
    ]


def _months(code: str) -> int:
    return parsed_period(code).months


def recent_documents(session: Session) -> list[dict[str, Any]]:
    pending = func.sum(case((Fact.review_status == "pending", 1), else_=0))
    rows = session.execute(
        select(Document.id, Document.title, Document.filename, func.count(Fact.id), pending)
        .outerjoin(Fact, Fact.document_id == Document.id)
        .group_by(Document.id)
        .order_by(Document.id.desc())
    )
    return [
        {
            "id": i,
            "title": title or filename,
            "facts": count,
            "pending": int(waiting or 0),
            "href": links.document(i),
        }
        for i, title, filename, count, waiting in rows
    ]


def overview_page(request: Request, code: str, period: str, user: Viewer) -> Response:
    """A card per plan target, lagging ones first, with completion against time progress."""
    when = period_of(period)
    data = cached_page(request, ("overview", code, when.code), lambda s: _overview(s, code, when))
    return respond(request, "overview.html", data)


def _overview(session: Session, code: str, period: Period) -> dict[str, Any]:
    region, parent = stored_region_and_parent(session, code)
    plan = plan_of(session, region, period.year)
    book = FigureBook(session, region, (period.year, period.year - 1))
    assessed = assess_plan(region, plan, book, period, Thresholds())
    # the book holds every code of the year with figures: no query of its own
    codes = book.period_codes(period.year)
    return overview_data(session, region, parent, period, assessed, codes)


def assessed_region(session: Session, region: Region, period: Period) -> RegionAssessment:
    return assess_region_row(session, region, period)


def overview_data(
    session: Session,
    region: Region,
    parent: str | None,
    period: Period,
    assessed: RegionAssessment,
    period_codes: set[str],
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
        "other_figures": _other_figures(session, region, period, targeted),
        "findings": [f.as_dict() for f in assessed.findings],
        "links": _links(region, parent, period.code),
        "periods": _periods(region, period_codes),
    }


def _periods(region: Region, codes: set[str]) -> list[dict[str, str]]:
    """The year's periods with figures, to switch between (一季度, 上半年 …)."""
    return [
        {"code": code, "href": links.region(region.code, code)}
        for code in sorted(codes, key=_months)
    ]


def judged_on(a: Assessment) -> str:
    """The indicator whose figures judged the target (居民收入 may be judged on 城镇居民收入)."""
    figure = a.actual or a.growth
    return figure.indicator if figure else a.indicator


def card(code: str, period: str, a: Assessment) -> dict[str, Any]:
    return {
        "target_id": a.target_id,
        "indicator": a.indicator,
        "english": a.indicator_english,
        "kind": a.kind,
        "status": a.status,
        "value": a.actual.value if a.actual else None,
        "unit": a.actual.unit if a.actual else None,
        "growth": a.growth.value if a.growth else None,
        "other_indicator": a.other_indicator,
        "other_growth": a.other_growth.value if a.other_growth else None,
        "target": {
            "value": a.target_value,
            "unit": a.target_unit,
            "qualifier": a.qualifier,
            "phrase": a.target_phrase,
        },
        "completion": a.completion,
        "time_progress": a.time_progress,
        "gap": a.gap,
        "gap_phrase": a.gap_phrase,
        "headline": "value" if a.kind in VALUE_KINDS else "growth",
        "judgement": a.judgement_phrase,
        "judgement_en": english_judgement(a),
        "outlook": a.rest_of_year.chinese if a.rest_of_year else None,
        "sentence": a.sentence,
        "department": a.department,
        "sources": [links.observation(i) for i in a.sources],
        "href": links.indicator(code, period, judged_on(a)),
    }


# the newest row of each (indicator, measure) of the region in the period
_LATEST = (
    select(func.max(Observation.id))
    .where(Observation.region_id == bindparam("region"), Observation.period == bindparam("period"))
    .group_by(Observation.indicator_id, Observation.measure)
)
_FIGURES = (
    select(
        Observation.id,
        Observation.measure,
        Observation.value,
        Observation.unit,
        Indicator.name,
        Indicator.english,
    )
    .join(Indicator, Observation.indicator_id == Indicator.id)
    .where(Observation.id.in_(_LATEST))
    .order_by(Observation.id)
)


def _other_figures(
    session: Session, region: Region, period: Period, targeted: set[str]
) -> list[dict[str, Any]]:
    """Figures of the period for indicators the plan sets no target for (latest versions)."""
    grouped: dict[str, dict[str, Any]] = {}
    for row_id, measure, value, unit, name, english in read(
        session, _FIGURES, region=region.id, period=period.code
    ):
        if name in targeted:
            continue
        entry = grouped.get(name)
        if entry is None:
            entry = grouped[name] = {
                "indicator": name,
                "english": english,
                "measures": {},
                "href": links.indicator(region.code, period.code, name),
            }
        entry["measures"][measure] = {
            "value": value,
            "unit": unit,
            "href": links.observation(row_id),
        }
    return list(grouped.values())


def _links(region: Region, parent: str | None, period: str) -> dict[str, str | None]:
    return {
        "overview": links.region(region.code, period),
        "board": links.region(region.code, period, "board"),
        "report": links.region(region.code, period, "report"),
        "enter": links.region(region.code, period, "enter"),
        "compare": links.comparison(parent, region.level, period) if parent else None,
    }


twin(router, "/regions", plans_page, summary="Stored plans and the periods with figures")
twin(router, "/regions/{code}/{period}", overview_page, summary="A region's overview for a period")
