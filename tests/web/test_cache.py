"""Kept pages follow the data, whichever process changed it."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import event

from planwatch.config import Settings
from planwatch.demo import Demo
from planwatch.records.observations import ObservationIn, store_observation
from planwatch.store import open_store
from planwatch.store.reference import add_region
from tests.web.helpers import card

OVERVIEW = "/regions/420106/2017H1.json"


def test_a_change_by_another_process_shows_at_once(viewer: TestClient, demo: Demo) -> None:
    before = card(viewer.get(OVERVIEW).json(), "地区生产总值", "growth_at_least")
    assert before["growth"] == 8.1
    other = open_store(Settings(database_url=demo.database_url, secret_key="cli"))
    with other.transaction(actor="cli") as session:
        store_observation(
            session,
            ObservationIn(
                region="420106",
                indicator="地区生产总值",
                period="2017H1",
                measure="yoy_growth",
                value=9.2,
                unit="%",
            ),
        )
    other.dispose()
    after = card(viewer.get(OVERVIEW).json(), "地区生产总值", "growth_at_least")
    assert after["growth"] == 9.2
    assert after["status"] == "on_track"


def test_pages_are_kept_but_errors_are_not(viewer: TestClient, app: FastAPI) -> None:
    # a viewer reads figures waiting for approval too (marked): its pages are kept apart
    first = viewer.get(OVERVIEW).json()
    assert viewer.get(OVERVIEW).json() == first
    assert (("overview", "420106", "2017H1"), "submitted") in app.state.page_cache
    assert viewer.get("/regions/999999/2017H1.json").status_code == 404
    assert (("overview", "999999", "2017H1"), "submitted") not in app.state.page_cache


def _queries(app: FastAPI, client: TestClient, path: str) -> int:
    seen: list[str] = []

    def count(*args: object) -> None:
        seen.append(str(args[2]))

    event.listen(app.state.store.engine, "before_cursor_execute", count)
    try:
        assert client.get(path).status_code == 200
    finally:
        event.remove(app.state.store.engine, "before_cursor_execute", count)
    return len(seen)


def test_pages_are_built_with_few_queries_and_kept_with_one(
    viewer: TestClient, app: FastAPI
) -> None:
    built = _queries(app, viewer, OVERVIEW)
    # the plan, its figures and the page's own reads, in a few queries; the completeness
    # line adds six (the calendar's indicators, tasks and projects, and when each came in),
    # the project line the ledger's four (projects with their departments, milestones,
    # progress, 督办 items)
    assert built <= 18, built
    assert _queries(app, viewer, OVERVIEW) == 1  # the data version


def test_a_new_region_refreshes_kept_comparisons(viewer: TestClient, demo: Demo) -> None:
    path = "/compare/420100/county/2017H1.json"
    before = {s["region_code"] for s in viewer.get(path).json()["skipped"]}
    other = open_store(Settings(database_url=demo.database_url, secret_key="cli"))
    with other.transaction(actor="cli") as session:
        add_region(session, "420199", "示例开发区", "county", parent="420100")
    other.dispose()
    after = {s["region_code"] for s in viewer.get(path).json()["skipped"]}
    assert after == before | {"420199"}


def _enter(demo: Demo, region: str, value: float) -> None:
    """A figure stored by another process (the CLI), as ``planwatch observations load``."""
    other = open_store(Settings(database_url=demo.database_url, secret_key="cli"))
    with other.transaction(actor="cli") as session:
        store_observation(
            session,
            ObservationIn(
                region=region,
                indicator="地区生产总值",
                period="2017H1",
                measure="yoy_growth",
                value=value,
                unit="%",
            ),
        )
    other.dispose()


def test_a_write_to_one_district_keeps_the_others_pages(
    viewer: TestClient, app: FastAPI, demo: Demo
) -> None:
    comparison = "/compare/420100/county/2017H1.json"
    indicator = "/regions/420106/2017H1/indicators/地区生产总值.json"
    _enter(demo, "420102", 7.0)  # 江岸区 stored (a new region moves every page once)
    for path in (OVERVIEW, indicator, comparison):
        assert _queries(app, viewer, path) > 1  # built
        assert _queries(app, viewer, path) == 1  # kept: the version read only
    _enter(demo, "420102", 7.5)  # 江岸区 again: 武昌区's pages stay true
    assert _queries(app, viewer, OVERVIEW) == 1
    assert _queries(app, viewer, indicator) == 1
    # 武汉市's comparison lists 江岸区: rebuilt
    assert _queries(app, viewer, comparison) > 1
    assert _queries(app, viewer, comparison) == 1
    _enter(demo, "420106", 9.2)  # 武昌区 itself: its pages follow
    assert _queries(app, viewer, OVERVIEW) > 1
    growth = card(viewer.get(OVERVIEW).json(), "地区生产总值", "growth_at_least")["growth"]
    assert growth == 9.2
