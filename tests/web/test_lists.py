"""Paged lists: limit, offset and the total they are cut from."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.helpers import error_of


def test_facts_page_through_the_document(viewer: TestClient) -> None:
    first = viewer.get("/api/facts?document=1&limit=5").json()
    second = viewer.get("/api/facts?document=1&limit=5&offset=5").json()
    assert first["total"] == second["total"] > 100
    assert (first["limit"], first["offset"], second["offset"]) == (5, 0, 5)
    positions = [f["position"] for f in first["items"] + second["items"]]
    assert positions == list(range(10))
    beyond = viewer.get(f"/api/facts?document=1&offset={first['total']}").json()
    assert beyond["items"] == [] and beyond["total"] == first["total"]


def test_fact_filters_narrow_the_total(planner: TestClient) -> None:
    some = planner.get("/api/facts?limit=1").json()["items"][0]
    planner.post(f"/api/facts/{some['id']}/accept")
    accepted = planner.get("/api/facts?status=accepted").json()
    assert accepted["total"] == 1 and accepted["items"][0]["id"] == some["id"]
    error = error_of(planner.get("/api/facts?status=approved"), 422)
    assert "status" in error["message"]


def test_observations_filter_by_region_indicator_and_period(viewer: TestClient) -> None:
    everything = viewer.get("/api/observations?limit=500").json()
    wuchang = viewer.get("/api/observations?region=420106&limit=500").json()
    gdp = viewer.get("/api/observations?region=420106&indicator=GDP&period=2017H1").json()
    assert everything["total"] > wuchang["total"] > gdp["total"] == 2
    assert {o["measure"] for o in gdp["items"]} == {"value", "yoy_growth"}
    assert error_of(viewer.get("/api/observations?period=H1"), 400)["message"] == (
        "period 'H1' is not valid"
    )


def test_regions_and_documents_lists(viewer: TestClient) -> None:
    counties = viewer.get("/api/regions?level=county").json()
    assert {r["code"] for r in counties["items"]} == {"420102", "420103", "420106", "420111"}
    assert all(r["parent"] == "420100" for r in counties["items"])
    documents = viewer.get("/api/documents").json()
    assert documents["total"] == 1
    assert documents["items"][0]["region"] == "420106"
    assert len(documents["items"][0]["sha256"]) == 64


def test_limit_is_capped(viewer: TestClient) -> None:
    error = error_of(viewer.get("/api/observations?limit=100000"), 422)
    assert "limit must be at most 500" in error["message"]
    assert "每页条数不能大于500" in error["zh"]["message"]
