"""One indicator of a region: its history, the plan's targets, the assessment, each source."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from planwatch import links, units
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

CHARTED = ("value", "yoy_growth", "share")


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
        "unit": shown_unit(indicator, latest),
        "chart": _chart(latest, _axis_unit(indicator, latest)),
        "targets": _targets(session, region, indicator),
        "assessments": assessments,
        "sources": [_version(by_id[f.observation_id]) for f in counted],
        "history": _by_period(latest),
        # a period the region's overview cannot judge (no plan, no figures) is not linked
        "links": {"overview": links.region(region.code, period.code) if judged else None},
    }


def _axis_unit(indicator: IndicatorRow, latest: list[ObservationRow]) -> str | None:
    """The chart's level unit: the catalogue's if the figures convert to it, else the first's."""
    stated = [v.unit for v in latest if v.measure == "value" and v.unit]
    if indicator.unit and all(units.comparable(u, indicator.unit) for u in stated):
        return indicator.unit
    return stated[0] if stated else indicator.unit


def _version(row: ObservationRow) -> dict[str, Any]:
    return shapes.plain(shapes.observation(row))


def _by_period(latest: list[ObservationRow]) -> list[dict[str, Any]]:
    """One row per period, newest first, with each measure's current figure."""
    rows: dict[str, dict[str, Any]] = {}
    for item in latest:
        rows.setdefault(item.period, {"period": item.period, "measures": {}})
        rows[item.period]["measures"][item.measure] = _version(item)
    return list(reversed(rows.values()))


def _chart(latest: list[ObservationRow], unit: str | None) -> dict[str, Any]:
    """ECharts input: one series per measure and year-to-date span.

    Periods run along the x axis in time order. A 1-3月 figure and a 全年 one of a
    cumulative amount are different quantities, so each span is its own series (上半年
    joins 上半年 across the years) instead of one sawtooth. Levels (``value``, or a rate's
    ``share`` when there is no value) sit on the left axis in one unit, converted where a
    figure was stated in another (24400人 is 2.44万人); growth and shares on the right.
    """
    periods = sorted({v.period for v in latest if v.measure in CHARTED}, key=period_order)
    level = "value" if any(v.measure == "value" for v in latest) else "share"
    left = unit if level == "value" else "%"
    series: dict[tuple[str, int], list[float | None]] = {}
    for item in latest:
        if item.measure not in CHARTED:
            continue
        shown = _in_unit(item, left) if item.measure == level else item.value
        if shown is None:
            continue  # stated in a unit the axis cannot show (人 against 亿元)
        key = (item.measure, Period.parse(item.period).months)
        series.setdefault(key, [None] * len(periods))[periods.index(item.period)] = shown
    spans = {months for _, months in series}
    return {
        "periods": periods,
        "level_unit": left,
        "rate_unit": "%",
        "series": [
            {
                "measure": measure,
                "months": months,
                "span": f"span_{months}" if len(spans) > 1 else None,
                "axis": 0 if measure == level else 1,
                "type": "bar" if measure == "value" else "line",
                "data": data,
            }
            for (measure, months), data in sorted(
                series.items(), key=lambda kv: (CHARTED.index(kv[0][0]), kv[0][1])
            )
        ],
    }


def _in_unit(item: ObservationRow, unit: str | None) -> float | None:
    if not units.comparable(item.unit, unit):
        return None
    return round(units.convert(item.value, item.unit, unit), 6)


def shown_unit(indicator: IndicatorRow, latest: list[ObservationRow]) -> str | None:
    """The page's unit heading: the catalogue's when every figure is stated in it; None
    when one is stated in another (24400人 under 万人), whose row then shows its own."""
    values = [v for v in latest if v.measure == "value"]
    if not indicator.unit or any(v.unit and v.unit != indicator.unit for v in values):
        return None
    return indicator.unit


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
