"""What a report states about the projects all together, accepted on the review page, is
the ledger's reported total beside its own count or sum (a finding when they differ);
rejecting the fact takes it back. On SQLite and, when a server is configured, PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from planwatch.config import Settings
from planwatch.demo import Demo
from planwatch.web import create_app
from tests.web.helpers import csrf_of

JUNE = "/regions/420106/2017H1/projects"
Login = Callable[[str], TestClient]


@pytest.fixture
def sign_in(either_demo: Demo) -> Iterator[Login]:
    """``sign_in("planner")``: a client of the demo through the login form, on either database."""
    demo = either_demo
    app = create_app(Settings(database_url=demo.database_url, secret_key="t"))
    clients: list[TestClient] = []

    def login(name: str) -> TestClient:
        client = TestClient(app)
        clients.append(client)
        form = {"username": name, "password": demo.passwords[name], "next": "/"}
        assert client.post("/login", data=form, follow_redirects=False).status_code == 303
        client.headers["X-CSRF-Token"] = csrf_of(client)
        return client

    yield login
    for client in clients:
        client.close()
    app.state.store.dispose()


def _uploaded(planner: TestClient, text: str) -> dict[tuple[str, str], dict[str, Any]]:
    """The report's facts by subject and measure."""
    files = {"file": ("june.txt", text.encode(), "text/plain")}
    answer = planner.post("/api/documents", files=files)
    assert answer.status_code == 201, answer.text
    document = answer.json()["document_id"]
    items = planner.get(f"/api/facts?document={document}&limit=50").json()["items"]
    return {(f["subject"], f["measure"]): f for f in items}


def _reported(client: TestClient) -> dict[str, dict[str, Any]]:
    return {r["total"]: r for r in client.get(f"{JUNE}.json").json()["reported"]}


def _accept(planner: TestClient, fact: dict[str, Any]) -> None:
    """The review page's own action (htmx): the fact's row comes back accepted."""
    row = planner.post(f"/facts/{fact['id']}/accept")
    assert row.status_code == 200 and "accepted" in row.text


def test_the_groups_investment_is_reported_beside_the_ledgers(sign_in: Login) -> None:
    planner = sign_in("planner")
    facts = _uploaded(
        planner,
        "武昌区2017年6月重点项目调度情况\n"
        "1-6月项目累计完成投资629.0亿元，占年度投资计划的97.2%，超过时间进度13.8个百分点。",
    )
    assert _reported(planner) == {}
    _accept(planner, facts[("项目累计完成投资", "value")])
    _accept(planner, facts[("项目累计完成投资", "completion")])
    reported = _reported(planner)
    investment, share = reported["investment"], reported["investment_share"]
    assert (investment["value"], investment["unit"]) == (629.0, "亿元")
    assert investment["source"]["text"] == "1-6月项目累计完成投资629.0亿元"
    # the demo's nine projects invested far less: a finding, worded in both languages
    assert investment["computed"] < 629.0 and investment["difference"] > 0
    assert "台账项目合计" in investment["chinese"] and "ledger's projects" in investment["message"]
    assert (share["value"], share["unit"]) == (97.2, "%") and share["computed"] is not None
    page = planner.get(JUNE).text
    assert 'id="reported-investment"' in page and "报告所述汇总数" in page
    audit = planner.get("/audit.json?table=reported_ledger_totals").json()["entries"]
    assert {(e["actor"], e["action"]) for e in audit} == {("planner", "insert")}

    planner.post(f"/facts/{facts[('项目累计完成投资', 'value')]['id']}/reject")
    assert set(_reported(planner)) == {"investment_share"}
    audit = planner.get("/audit.json?table=reported_ledger_totals").json()["entries"]
    assert audit[0]["action"] == "delete"


def test_counts_that_agree_have_no_finding_and_others_do(sign_in: Login) -> None:
    planner = sign_in("planner")
    totals = planner.get(f"{JUNE}.json").json()["totals"]
    started = totals["started"]
    facts = _uploaded(
        planner,
        f"武昌区2017年6月重点项目调度情况\n1-6月，计划开工项目255项，已开工{started}项。",
    )
    _accept(planner, facts[("开工项目", "target_value")])
    _accept(planner, facts[("开工项目开工", "value")])
    reported = _reported(planner)
    assert reported["started"]["value"] == reported["started"]["computed"] == started
    assert reported["started"]["message"] is None and reported["started"]["complete"]
    planned = reported["planned_starts"]
    assert planned["value"] == 255 and planned["computed"] == totals["planned_starts"]
    assert planned["difference"] == 255 - totals["planned_starts"]
    # the filters narrow the projects listed, never what a report's total is set beside
    filtered = planner.get(f"{JUNE}.json?stage=finished").json()["reported"]
    assert {r["total"]: r["computed"] for r in filtered}["started"] == started


def test_a_viewer_cannot_make_a_reported_total(sign_in: Login) -> None:
    planner, viewer = sign_in("planner"), sign_in("viewer")
    facts = _uploaded(planner, "武昌区2017年6月重点项目调度情况\n1-6月，10个项目基本完工。")
    fact = facts[("项目基本完工", "value")]
    assert viewer.post(f"/facts/{fact['id']}/accept").status_code == 403
    assert viewer.post(f"/api/facts/{fact['id']}/accept").status_code == 403
    assert _reported(planner) == {}
    answer = planner.post(f"/api/facts/{fact['id']}/accept").json()
    assert (answer["stored"], answer["note"]) == (1, None)
    assert _reported(viewer)["basically_done"]["value"] == 10
