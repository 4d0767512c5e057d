"""One indicator of a region: its history, the plan's targets, the assessment, each source."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from planwatch import links
from planwatch.assess.region import assess_targets
from planwatch.errors import NotFound
from planwatch.periods import Period
from planwatch.reads.plans import parsed_period, read
from planwatch.store.models import Fact, Indicator, Observation, Plan, Region, Target, User
from planwatch.web.auth import Viewer
from planwatch.web.cache import cached_page
from planwatch.web.overview import card, judged_on
from planwatch.web.params import indicator_named, period_of, stored_region
from planwatch.web.render import respond, twin

router = APIRouter()

CHARTED = ("value", "yoy_growth")


def indicator_page(request: Request, code: str, period: str, name: str, user: Viewer) -> Response:
    when = period_of(period)
    data = cached_page(
        request,
        ("indicator", code, when.code, name),
        lambda session: indicator_data(
            session, stored_region(session, code), when, indicator_named(session, name)
        ),
    )
    return respond(request, "indicator.html", data)


def indicator_data(
    session: Session, region: Region, period: Period, indicator: Indicator
) -> dict[str, Any]:
    observations = _observations(session, region, indicator)
    latest = _latest(observations)
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
        "assessments": _assessments(session, region, period, indicator),
        "sources": [o for o in latest if o["period"] == period.code],
        "history": _by_period(latest),
        "links": {"overview": links.region(region.code, period.code)},
    }


_OBSERVATIONS = (
    select(
        Observation.id,
        Observation.period,
        Observation.measure,
        Observation.value,
        Observation.unit,
        Observation.basis,
        Observation.status,
        Observation.version,
        Observation.note,
        Fact.document_id,
        Fact.id.label("fact_id"),
        Fact.text,
        Fact.span_start,
        Fact.span_end,
        User.name.label("user_name"),
    )
    .outerjoin(Fact, Observation.source_fact_id == Fact.id)
    .outerjoin(User, Observation.user_id == User.id)
    .where(
        Observation.region_id == bindparam("region"),
        Observation.indicator_id == bindparam("indicator"),
    )
    .order_by(Observation.period, Observation.measure, Observation.version)
)


def _observations(session: Session, region: Region, indicator: Indicator) -> list[dict[str, Any]]:
    """Every stored version with who or what entered it, in one query."""
    rows = read(session, _OBSERVATIONS, region=region.id, indicator=indicator.id)
    return [
        {
            "id": row.id,
            "period": row.period,
            "measure": row.measure,
            "value": row.value,
            "unit": row.unit,
            "basis": row.basis,
            "status": row.status,
            "version": row.version,
            "note": row.note,
            "href": links.observation(row.id),
            "source": _source(_fact_span(row), row.user_name),
        }
        for row in rows
    ]


def _fact_span(row: Any) -> FactSpan | None:
    if row.fact_id is None:
        return None
    return (row.document_id, row.fact_id, row.text, row.span_start, row.span_end)


# a source fact as (document id, fact id, text, span start, span end)
FactSpan = tuple[int, int, str, int, int]


def source_of(row: Observation, fact: Fact | None, user_name: str | None) -> dict[str, Any]:
    """Where a number came from: a span of a reviewed document, a user, or a loaded file."""
    if fact is None:
        return _source(None, user_name)
    return _source(
        (fact.document_id, fact.id, fact.text, fact.span_start, fact.span_end), user_name
    )


def _source(fact: FactSpan | None, user_name: str | None) -> dict[str, Any]:
    if fact is not None:
        document_id, fact_id, text, start, end = fact
        return {
            "kind": "document",
            "document_id": document_id,
            "fact_id": fact_id,
            "text": text,
            "span": [start, end],
            "href": links.document_span(document_id, start, end),
        }
    if user_name is not None:
        return {"kind": "user", "user": user_name, "href": None}
    return {"kind": "import", "href": None}


def _latest(observations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The current version of each (period, measure), in period order."""
    current: dict[tuple[str, str], dict[str, Any]] = {}
    for item in observations:  # ordered by version, so later versions replace earlier ones
        current[(item["period"], item["measure"])] = item
    return sorted(current.values(), key=lambda o: (_period_key(o["period"]), o["measure"]))


def _period_key(code: str) -> tuple[int, int, str]:
    period = parsed_period(code)
    return (period.year, period.months, period.kind)


def _by_period(latest: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per period, newest first, with each measure's current figure."""
    rows: dict[str, dict[str, Any]] = {}
    for item in latest:
        rows.setdefault(item["period"], {"period": item["period"], "measures": {}})
        rows[item["period"]]["measures"][item["measure"]] = item
    return list(reversed(rows.values()))


def _chart(latest: list[dict[str, Any]]) -> dict[str, Any]:
    """ECharts input: periods on the x axis, value as bars, growth as a line."""
    periods = sorted({o["period"] for o in latest}, key=_period_key)
    series: dict[str, list[float | None]] = {m: [None] * len(periods) for m in CHARTED}
    units: dict[str, str | None] = {m: None for m in CHARTED}
    for item in latest:
        if item["measure"] in series:
            series[item["measure"]][periods.index(item["period"])] = item["value"]
            units[item["measure"]] = units[item["measure"]] or item["unit"]
    return {
        "periods": periods,
        "value": series["value"],
        "growth": series["yoy_growth"],
        "value_unit": units["value"],
        "growth_unit": units["yoy_growth"] or "%",
    }


_TARGETS = (
    select(
        Target.id,
        Plan.year,
        Target.kind,
        Target.value,
        Target.unit,
        Target.qualifier,
        Target.basis,
        Target.text,
        Fact.document_id,
        Fact.span_start,
        Fact.span_end,
    )
    .join(Plan, Target.plan_id == Plan.id)
    .outerjoin(Fact, Target.source_fact_id == Fact.id)
    .where(Plan.region_id == bindparam("region"), Target.indicator_id == bindparam("indicator"))
    .order_by(Plan.year.desc(), Target.position)
)


def _targets(session: Session, region: Region, indicator: Indicator) -> list[dict[str, Any]]:
    rows = read(session, _TARGETS, region=region.id, indicator=indicator.id)
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
            "source": (
                links.document_span(t.document_id, t.span_start, t.span_end)
                if t.document_id is not None
                else None
            ),
        }
        for t in rows
    ]


def _assessments(
    session: Session, region: Region, period: Period, indicator: Indicator
) -> list[dict[str, Any]]:
    try:
        assessments = assess_targets(session, region, period)
    except NotFound:
        return []  # no plan or no figures for the period: the history still shows
    return [
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
