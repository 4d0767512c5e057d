"""The planning office adds, edits and closes a project in the browser's forms."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.web.helpers import SignIn

LEDGER = "/regions/420106/2017M12/projects.json"


def _rows(client: TestClient) -> dict[str, dict[str, Any]]:
    return {row["name"]: row for row in client.get(LEDGER).json()["projects"]}


def test_add_edit_and_close_a_project(planner: TestClient) -> None:
    added = planner.post(
        "/regions/420106/2017H1/projects/add",
        data={"name": "武昌古城保护一期", "department": "区住房局"},
        follow_redirects=False,
    )
    assert added.status_code == 303
    page = added.headers["location"]
    assert page.endswith("#ledger-edit")
    project_id = int(page.split("/")[2].split("#")[0])
    assert _rows(planner)["武昌古城保护一期"]["department"] == "区住房局"
    form = planner.get(f"/projects/{project_id}").text
    assert 'id="project-edit"' in form and 'id="project-close"' in form
    edited = planner.post(
        f"/projects/{project_id}/edit",
        data={"level": "district", "year_investment": "3", "planned_start": "2017-09-01"},
        follow_redirects=False,
    )
    assert edited.status_code == 303
    row = _rows(planner)["武昌古城保护一期"]
    assert (row["level"], row["year_investment"], row["stage"]) == ("district", 3.0, "to_start")
    log = planner.get(f"/audit.json?table=projects&row={project_id}").json()["entries"]
    assert any(e["changes"].get("year_investment") == [None, 3.0] for e in log)
    closed = planner.post(
        f"/projects/{project_id}/close", data={"completed": "2017-11-30"}, follow_redirects=False
    )
    assert closed.status_code == 303
    assert _rows(planner)["武昌古城保护一期"]["stage"] == "finished"


def test_a_wrong_field_is_named_and_nothing_changes(planner: TestClient) -> None:
    before = _rows(planner)
    green = before["绿地国际金融城"]["id"]
    answer = planner.post(
        f"/projects/{green}/edit",
        data={
            "year_investment": "四十",
            "level": "planet",
            "department": "区文旅局",
            "name": "新名",
        },
    )
    assert answer.status_code == 400
    zh = answer.json()["error"]["zh"]["message"]
    assert "年度计划投资" in zh and "级别" in zh and "牵头单位" in zh
    assert _rows(planner) == before


def test_only_the_office_edits(client_as: SignIn, planner: TestClient) -> None:
    fagai = client_as("fagai")
    dsm = _rows(planner)["帝斯曼国际中心"]["id"]  # 区发改委 leads it, but does not edit it
    assert fagai.post(f"/projects/{dsm}/edit", data={"year_investment": "9"}).status_code == 403
    assert fagai.post(f"/projects/{dsm}/close", data={"completed": "2017-10-01"}).status_code == 403
    assert 'id="project-edit"' not in fagai.get(f"/projects/{dsm}").text
    assert _rows(planner)["帝斯曼国际中心"]["year_investment"] == 8
