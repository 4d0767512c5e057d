"""Every face answers from the one rule for which figure counts, on SQLite and PostgreSQL.

The demo gets a second version of GDP growth, a figure stored under 2017M06 (the same
span as 2017H1) for an indicator without a target, and a 2017Q2 figure beside an
existing 2017H1 one: the overview's cards and other figures, the indicator page, the
comparison and the drafted report must all show the same numbers.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from planwatch.config import Settings
from planwatch.demo import Demo, fill_demo
from planwatch.periods import Period
from planwatch.reads import figures
from planwatch.reads.figures import FigureBook
from planwatch.reads.regions import stored_region
from planwatch.records.observations import ObservationIn, store_observation
from planwatch.report.draft import draft_report
from planwatch.store import Store
from planwatch.web.app import create_app

H1 = Period.parse("2017H1")
GDP = "地区生产总值"
RETAIL = "社会消费品零售总额"  # no target in the plan: an "other figure"
JOBS = "城镇新增就业"


def _add(
    store: Store, indicator: str, period: str, measure: str, value: float, **more: str
) -> None:
    with store.transaction(actor="test") as session:
        item = ObservationIn(
            region="420106",
            indicator=indicator,
            period=period,
            measure=measure,
            value=value,
            **more,
        )
        store_observation(session, item)


@pytest.fixture
def agreeing(store: Store) -> Iterator[tuple[Demo, TestClient, Store]]:
    demo = fill_demo(store)
    _add(store, GDP, "2017H1", "yoy_growth", 8.4, status="approved")  # version 2 counts
    _add(store, RETAIL, "2017M06", "value", 321.5, unit="亿元")  # same span, other code
    _add(store, JOBS, "2017Q2", "value", 99999.0, unit="人")  # the exact 2017H1 code wins
    # pages are built anew each time, so a changed default shows at once
    app = create_app(
        Settings(database_url=store.url, secret_key="t"), store=store, page_cache_size=0
    )
    client = TestClient(app)
    client.auth = ("admin", demo.passwords["admin"])
    yield demo, client, store


def _json(client: TestClient, path: str) -> Any:
    answer = client.get(path)
    assert answer.status_code == 200, (path, answer.text[:300])
    return answer.json()


def _measures(client: TestClient, indicator: str) -> dict[str, float]:
    page = _json(client, f"/regions/420106/2017H1/indicators/{indicator}.json")
    return {source["measure"]: source["value"] for source in page["sources"]}


def test_every_face_shows_the_counted_figures(agreeing: tuple[Demo, TestClient, Store]) -> None:
    _, client, store = agreeing
    overview = _json(client, "/regions/420106/2017H1.json")
    card = next(c for c in overview["cards"] if c["indicator"] == GDP)
    others = {f["indicator"]: f["measures"] for f in overview["other_figures"]}

    assert card["growth"] == 8.4 and card["value"] == 525.69
    assert _measures(client, GDP) == {"value": 525.69, "yoy_growth": 8.4}
    assert others[RETAIL]["value"]["value"] == 321.5 == _measures(client, RETAIL)["value"]
    assert others[JOBS]["value"]["value"] == 24400 == _measures(client, JOBS)["value"]

    compared = _json(client, f"/compare/420100/county/2017H1.json?indicator={GDP}")
    ranked = [e for r in compared["rankings"] for e in r["entries"]]
    assert {e["value"] for e in ranked if e["region_code"] == "420106"} == {8.4}

    with store.reading() as session:
        report = draft_report(session, "420106", "2017H1")
    line = next(line for line in report.indicators if line.indicator == GDP).paragraph.text
    assert "同比增长8.4%" in line and "8.1%" not in line


def test_the_status_filter_is_one_default(agreeing: tuple[Demo, TestClient, Store]) -> None:
    _, client, store = agreeing
    _add(store, GDP, "2017H1", "yoy_growth", 8.6, status="submitted")
    _add(store, GDP, "2017H1", "yoy_growth", 9999.0, status="draft")
    countings = ("all", "submitted", "approved", "published")
    with store.reading() as session:
        region = stored_region(session, "420106")
        books = {c: FigureBook(session, region, [2017], c) for c in countings}
    gdp = next(key for key, f in books["all"].current(H1).items() if f.indicator == GDP)[0]
    growth = {c: book.get(gdp, H1, "yoy_growth") for c, book in books.items()}
    # the draft counts only when every status does; the demo's own figure is published
    assert {c: f.value if f else None for c, f in growth.items()} == {
        "all": 9999.0,
        "submitted": 8.6,
        "approved": 8.4,
        "published": 8.1,
    }
    with figures.counting_for(None):
        assert figures.counted_statuses() == ("approved", "published")  # the default

    assert _measures(client, GDP)["yoy_growth"] == 8.4  # an admin reads approved figures
    preview = _json(client, "/regions/420106/2017H1.json?preview=submitted")
    assert next(c for c in preview["cards"] if c["indicator"] == GDP)["growth"] == 8.6
    overview = _json(client, "/regions/420106/2017H1.json")
    assert next(c for c in overview["cards"] if c["indicator"] == GDP)["growth"] == 8.4
