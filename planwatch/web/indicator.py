"""One indicator of a region: its history, the plan's targets, the assessment, each source."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from planwatch import links
from planwatch.assess.region import assess_targets
from planwatch.errors import NotFound
from planwatch.periods import Period
from planwatch.reads.figures import FigureBook
from planwatch.reads.indicators import IndicatorRow, indicator_named
from planwatch.reads.observations import ObservationRow, observations_of
from planwatch.reads.plans import indicator_targets, period_order
from planwatch.reads.regions import RegionRow, stored_region
from planwatch.web import shapes
from planwatch.web.auth import Visitor, check_visitor
from planwatch.web.cache import cached_page
from planwatch.web.params import period_of
from planwatch.web.parts import card, judged_on
from planwatch.web.render import respond, twin

router = APIRouter()

CHARTED = ("value", "yoy_growth")


def indicator_page(request: Request, code: str, period: str, name: str, user: Visitor) -> Response:
    when = period_of(period)
    check_visitor(request, user, code)
    data = cached_page(
        request,
        ("indicator", code, when.code, name),
        lambda session: indicator_data(
            session, stored_region(session, code), when, indicator_named(session, name)
        ),
        code,
    )
    return respond(request, "indicator.html", data)


def indicator_data(
    session: Session, region: RegionRow, period: Period, indicator: IndicatorRow
) -> dict[str, Any]:
    versions = observations_of(session, region.id, indicator.id)
    by_id = {v.id: v for v in versions}
    # the figures that count, by the one rule the overview and the report use
    book = FigureBook.of_rows(indicator.id, versions)
    latest = sorted(
        (by_id[f.observation_id] for f in book.figures()),
        key=lambda v: (period_order(v.period), v.measure),
    )
    counted = book.current(period).values()
    judged, assessments = _assessments(session, region, period, indicator)
    return {
        "region": {"code": region.code, "name": region.name},
        "period": {"code": period.code},
        "indicator": {
            "name": indicator.name,
            "english": indicator.english,
            "unit": indicator.unit,
            "kind": indicator.kind,
            "direction": indicator.direction,
            "category": indicator.category,
        },
        "chart": _chart(latest),
        "targets": _targets(session, region, indicator),
        "assessments": assessments,
        "sources": [_version(by_id[f.observation_id]) for f in counted],
        "history": _by_period(latest),
        # a period the region's overview cannot judge (no plan, no figures) is not linked
        "links": {"overview": links.region(region.code, period.code) if judged else None},
    }


def _version(row: ObservationRow) -> dict[str, Any]:
    return shapes.plain(shapes.observation(row))


def _by_period(latest: list[ObservationRow]) -> list[dict[str, Any]]:
    """One row per period, newest first, with each measure's current figure."""
    rows: dict[str, dict[str, Any]] = {}
    for item in latest:
        rows.setdefault(item.period, {"period": item.period, "measures": {}})
        rows[item.period]["measures"][item.measure] = _version(item)
    return list(reversed(rows.values()))


def _chart(latest: list[ObservationRow]) -> dict[str, Any]:
    """ECharts input: periods on the x axis, value as bars, growth as a line."""
    periods = sorted({v.period for v in latest}, key=period_order)
    series: dict[str, list[float | None]] = {m: [None] * len(periods) for m in CHARTED}
    units: dict[str, str | None] = {m: None for m in CHARTED}
    for item in latest:
        if item.measure in series:
            series[item.measure][periods.index(item.period)] = item.value
            units[item.measure] = units[item.measure] or item.unit
    return {
        "periods": periods,
        "value": series["value"],
        "growth": series["yoy_growth"],
        "value_unit": units["value"],
        "growth_unit": units["yoy_growth"] or "%",
    }


def _targets(session: Session, region: RegionRow, indicator: IndicatorRow) -> list[dict[str, Any]]:
    return [
        {
            "id": t.id,
            "year": t.year,
            "kind": t.kind,
            "value": t.value,
            "unit": t.unit,
            "qualifier": t.qualifier,
            "basis": t.basis,
            "text": t.text,
            "href": links.target(t.plan_id, t.id),
            "source": (
                links.document_span(t.document_id, t.span_start, t.span_end)
                if t.document_id is not None and t.span_start is not None and t.span_end is not None
                else None
            ),
        }
        for t in indicator_targets(session, region.id, indicator.id)
    ]


def _assessments(
    session: Session, region: RegionRow, period: Period, indicator: IndicatorRow
) -> tuple[bool, list[dict[str, Any]]]:
    """Whether the region's plan could be judged in the period, and this indicator's cards."""
    try:
        assessments = assess_targets(session, region, period)
    except NotFound:
        return False, []  # no plan or no figures for the period: the history still shows
    return True, [
        card(region.code, period.code, a)
        for a in assessments
        if indicator.name in (a.indicator, judged_on(a))
    ]


twin(
    router,
    "/regions/{code}/{period}/indicators/{name}",
    indicator_page,
    summary="One indicator of a region: history, targets, assessment, sources",
)
