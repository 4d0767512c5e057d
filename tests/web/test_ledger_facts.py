"""A project's progress read from a document: accepting the fact on the review page writes
the project's ledger figure (audited), the ledger shows it, rejecting it takes it back."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

JULY = "/regions/420106/2017M07/projects.json"
REPORT = (
    "武昌区2017年7月重点项目调度情况\n"
    "1-7月，绿地国际金融城累计完成投资25.3亿元，占年度投资计划的63.3%。"
    "华电研发中心完成投资900万元。"
    "1-7月项目累计完成投资50.2亿元。"
)


def _uploaded(planner: TestClient) -> dict[str, dict[str, Any]]:
    """The report's value facts by subject."""
    files = {"file": ("july.txt", REPORT.encode(), "text/plain")}
    answer = planner.post("/api/documents", files=files)
    assert answer.status_code == 201, answer.text
    document = answer.json()["document_id"]
    items = planner.get(f"/api/facts?document={document}&limit=50").json()["items"]
    return {f["subject"]: f for f in items if f["measure"] == "value"}


def _ledger(client: TestClient, path: str = JULY) -> dict[str, dict[str, Any]]:
    return {row["name"]: row for row in client.get(path).json()["projects"]}


def test_an_accepted_investment_fact_is_the_projects_ledger_figure(planner: TestClient) -> None:
    facts = _uploaded(planner)
    green = facts["绿地国际金融城累计完成投资"]
    assert _ledger(planner)["绿地国际金融城"]["investment_ytd"] == 21.5  # June's, so far
    # the review page's own action (htmx): the fact's row comes back accepted
    row = planner.post(f"/facts/{green['id']}/accept")
    assert row.status_code == 200 and "accepted" in row.text
    july = _ledger(planner)["绿地国际金融城"]
    assert (july["investment_ytd"], july["completion"]) == (25.3, 63.25)
    audit = planner.get("/audit.json?table=project_progress").json()["entries"]
    assert audit[0]["actor"] == "planner" and audit[0]["action"] == "insert"
    planner.post(f"/facts/{green['id']}/reject")
    assert _ledger(planner)["绿地国际金融城"]["investment_ytd"] == 21.5


def test_the_fact_is_read_in_the_projects_unit(planner: TestClient) -> None:
    huadian = _uploaded(planner)["华电研发中心完成投资"]
    answer = planner.post(f"/api/facts/{huadian['id']}/accept").json()
    assert (answer["stored"], answer["note"]) == (1, None)
    # the fact is dated 2017 only: the year's figure, 900万元 in the project's 亿元
    year = _ledger(planner, "/regions/420106/2017/projects.json")["华电研发中心"]
    assert year["investment_ytd"] == 0.09


def test_all_projects_together_name_no_project(planner: TestClient) -> None:
    before = _ledger(planner)
    group = _uploaded(planner)["项目累计完成投资"]
    answer = planner.post(f"/api/facts/{group['id']}/accept").json()
    assert (answer["stored"], answer["note"]) == (1, None)
    # no project's figure: the region's reported total (tests/web/test_ledger_totals.py)
    july = planner.get(JULY).json()
    assert {r["name"]: r for r in july["projects"]} == before
    assert [(r["total"], r["value"]) for r in july["reported"]] == [("investment", 50.2)]
