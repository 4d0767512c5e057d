"""Accepting many facts at once: all indicator facts, all of one measure, a selection."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.web.helpers import SignIn, card, error_of

OVERVIEW = "/regions/420106/2017H1.json"


def _facts(client: TestClient, status: str = "pending") -> list[dict[str, Any]]:
    found = client.get(f"/api/facts?document=1&status={status}&limit=500").json()
    return list(found["items"])


def _audited(client: TestClient, fact_id: int) -> int:
    return int(client.get(f"/audit.json?table=facts&row_id={fact_id}").json()["total"])


def test_all_indicator_facts_are_accepted_at_once_each_audited(planner: TestClient) -> None:
    pending = _facts(planner)
    indicators = [f for f in pending if f["indicator"]]
    others = [f for f in pending if not f["indicator"]]
    assert len(indicators) >= 20 and others
    assert card(planner.get(OVERVIEW).json(), "招商引资", "value_at_least")["value"] is None
    answer = planner.post("/api/documents/1/accept", data={"scope": "indicators"})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["accepted"] == len(indicators)
    assert {f["id"] for f in body["facts"]} == {f["id"] for f in indicators}
    assert {f["review_status"] for f in body["facts"]} == {"accepted"}
    assert body["stored"] >= len([f for f in indicators if f["measure"] == "value"])
    still = {f["id"] for f in _facts(planner)}
    assert still == {f["id"] for f in others}  # the rest still wait
    assert card(planner.get(OVERVIEW).json(), "招商引资", "value_at_least")["value"] == 426.4
    assert all(_audited(planner, f["id"]) >= 1 for f in indicators[:5])
    again = planner.post("/api/documents/1/accept", data={"scope": "indicators"}).json()
    assert again["accepted"] == 0  # nothing pending is left to accept


def test_one_measure_at_once(planner: TestClient) -> None:
    growths = [f for f in _facts(planner) if f["measure"] == "yoy_growth"]
    answer = planner.post(
        "/api/documents/1/accept", data={"scope": "measure", "measure": "yoy_growth"}
    )
    assert answer.json()["accepted"] == len(growths) > 3
    assert not [f for f in _facts(planner) if f["measure"] == "yoy_growth"]
    assert [f for f in _facts(planner) if f["measure"] == "value"]
    error_of(
        planner.post("/api/documents/1/accept", data={"scope": "measure", "measure": "x"}), 400
    )


def test_a_selection_and_nothing_changes_when_one_fails(planner: TestClient) -> None:
    first, second, third = _facts(planner)[:3]
    chosen = {"scope": "selected", "fact": [first["id"], second["id"]]}
    assert planner.post("/api/documents/1/accept", data=chosen).json()["accepted"] == 2
    pending = {f["id"] for f in _facts(planner)}
    assert first["id"] not in pending and second["id"] not in pending and third["id"] in pending
    error_of(planner.post("/api/documents/1/accept", data={"scope": "selected"}), 400)
    broken = {"scope": "selected", "fact": [third["id"], 999_999]}
    error_of(planner.post("/api/documents/1/accept", data=broken), 404)
    assert third["id"] in {f["id"] for f in _facts(planner)}  # rolled back with the rest


def test_the_review_page_form_accepts_and_says_how_many(planner: TestClient) -> None:
    page = planner.get("/documents/1").text
    assert 'id="bulk-accept"' in page and 'form="bulk-accept"' in page
    count = len([f for f in _facts(planner) if f["indicator"]])
    answer = planner.post(
        "/documents/1/accept", data={"scope": "indicators"}, follow_redirects=False
    )
    assert answer.status_code == 303
    assert answer.headers["location"] == f"/documents/1?accepted={count}#facts"
    assert f"已接受事实条数: {count}" in planner.get(answer.headers["location"]).text
    english = planner.get(f"/documents/1?accepted={count}&lang=en").text
    assert f"Facts accepted: {count}" in english


def test_only_reviewers_accept_many(client_as: SignIn) -> None:
    for name in ("viewer", "reporter"):
        error_of(client_as(name).post("/api/documents/1/accept", data={"scope": "indicators"}), 403)
    error_of(client_as(None).post("/api/documents/1/accept", data={"scope": "indicators"}), 401)
    assert 'id="bulk-accept"' not in client_as("viewer").get("/documents/1").text
