"""A planner changes a rule's thresholds on the rules page: stored in the database over the
shipped file, applied at once, audited; anyone else is refused."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.web.helpers import error_of

INVESTMENT = "全社会固定资产投资"
GROWTH = {"region": "420106", "indicator": INVESTMENT, "period": "2017M08"}


def test_a_planner_raises_the_growth_limit_and_the_entry_follows(planner: TestClient) -> None:
    figure = {**GROWTH, "measure": "yoy_growth", "value": 1500, "unit": "%", "comment": "基数小"}
    refused = error_of(planner.post("/api/observations", json=figure), 400)
    assert "growth_limit" in refused["message"]
    page = planner.get("/rules")
    assert 'action="/rules/growth_limit"' in page.text  # the office sees the form
    answer = planner.post(
        "/rules/growth_limit", data={"severity": "error", "min": "-100", "max": "2000"},
        follow_redirects=False,
    )  # fmt: skip
    assert answer.status_code == 303, answer.text
    rules = {r["name"]: r for r in planner.get("/rules.json").json()["rules"]}
    assert rules["growth_limit"]["settings"]["max"] == 2000 and rules["growth_limit"]["changed"]
    assert not rules["growth_band"]["changed"]
    assert planner.post("/api/observations", json=figure).status_code == 201
    audit = planner.get("/audit.json?table=rule_settings").json()
    assert any(e["actor"] == "planner" and e["table"] == "rule_settings" for e in audit["entries"])


def test_a_rule_turned_into_a_warning_accepts_with_a_comment(planner: TestClient) -> None:
    figure = {**GROWTH, "measure": "value", "value": -50, "unit": "亿元"}
    assert (
        "level_not_negative"
        in error_of(planner.post("/api/observations", json=figure), 400)["message"]
    )
    data = {"severity": "warning"}
    assert (
        planner.post("/rules/level_not_negative", data=data, follow_redirects=False).status_code
        == 303
    )
    warned = error_of(planner.post("/api/observations", json=figure), 400)
    assert "warning" in warned["message"]
    stored = planner.post("/api/observations", json={**figure, "comment": "退库冲减"})
    assert stored.status_code == 201, stored.text


def test_bad_thresholds_are_refused_and_nothing_changes(planner: TestClient) -> None:
    before = planner.get("/rules.json").json()
    for data, words in (
        ({"min": "80", "max": "10"}, "is not below max"),
        ({"max": "很多"}, "is not a number"),
        ({"severity": "fatal"}, "neither error nor warning"),
    ):
        answer = planner.post(
            "/rules/growth_band", data=data, headers={"accept": "application/json"}
        )
        assert words in error_of(answer, 400)["message"]
    error_of(
        planner.post("/rules/no_such_rule", data={}, headers={"accept": "application/json"}), 404
    )
    assert planner.get("/rules.json").json() == before


def test_others_may_not_change_a_rule(client_as: Any) -> None:
    for who in ("viewer", "fagai"):
        client = client_as(who)
        answer = client.post(
            "/rules/growth_band", data={"max": "5"}, headers={"accept": "application/json"}
        )
        error_of(answer, 403)
        assert 'action="/rules/' not in client.get("/rules").text
