"""The project list to Excel and back: unchanged = no change; one edited cell = that change."""

from __future__ import annotations

import io
from typing import Any

from fastapi.testclient import TestClient
from openpyxl import Workbook, load_workbook

from tests.web.helpers import SignIn

EXPORT = "/regions/420106/2017H1/projects/workbook.xlsx"
IMPORT = "/regions/420106/2017H1/projects/workbook"
LEDGER = "/regions/420106/2017H1/projects.json"


def _sheet(client: TestClient) -> list[list[Any]]:
    answer = client.get(EXPORT)
    assert answer.status_code == 200, answer.text
    book = load_workbook(io.BytesIO(answer.content))
    return [list(row) for row in book.active.iter_rows(values_only=True)]


def _xlsx(rows: list[list[Any]]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _upload(client: TestClient, rows: list[list[Any]]) -> Any:
    files = {"file": ("ledger.xlsx", _xlsx(rows), "application/octet-stream")}
    return client.post(IMPORT, files=files)


def _audited(client: TestClient) -> int:
    total: int = client.get("/audit.json?table=projects").json()["total"]
    return total


def test_the_export_lists_every_project_with_its_ledger_columns(planner: TestClient) -> None:
    rows = _sheet(planner)
    assert rows[0][:5] == ["编号", "项目名称", "类别", "级别", "牵头单位"]
    assert len(rows) == 10
    green = rows[1]
    assert green[1:5] == ["绿地国际金融城", "产业", "省重点", "区招商局"]
    assert green[7] == 360 and green[9] == 40 and green[11] == "2014-05-01"


def test_an_unchanged_sheet_changes_nothing(planner: TestClient) -> None:
    before = (planner.get(LEDGER).json(), _audited(planner))
    answer = _upload(planner, _sheet(planner))
    assert answer.status_code == 200, answer.text
    assert answer.json()["added"] == [] and answer.json()["changes"] == []
    assert (planner.get(LEDGER).json(), _audited(planner)) == before


def test_an_edited_cell_is_exactly_that_change_audited(planner: TestClient) -> None:
    rows = _sheet(planner)
    huadian = next(r for r in rows if r[1] == "华电研发中心")
    huadian[9] = 3.0  # 年度计划投资 2.5 → 3
    rows.append([None, "武昌古城保护一期", "民生", "区重点", "区住房局", None, None, 12])
    before = {r["name"]: r for r in planner.get(LEDGER).json()["projects"]}
    audited = _audited(planner)
    answer = _upload(planner, rows)
    assert answer.status_code == 200, answer.text
    result = answer.json()
    assert result["changes"] == [
        {"project": "华电研发中心", "field": "year_investment", "before": 2.5, "after": 3.0}
    ]
    assert result["added"] == ["武昌古城保护一期"]
    after = {r["name"]: r for r in planner.get(LEDGER).json()["projects"]}
    assert after["华电研发中心"]["year_investment"] == 3.0
    assert after["武昌古城保护一期"]["level"] == "district"
    assert {k: v for k, v in after.items() if k not in ("华电研发中心", "武昌古城保护一期")} == {
        k: v for k, v in before.items() if k != "华电研发中心"
    }
    log = planner.get("/audit.json?table=projects").json()
    assert log["total"] > audited
    change = next(e for e in log["entries"] if e["row_id"] == huadian[0])
    assert change["actor"] == "planner"
    assert change["changes"]["year_investment"] == [2.5, 3.0]


def test_every_problem_is_listed_and_nothing_is_stored(planner: TestClient) -> None:
    rows = _sheet(planner)
    rows[1][9] = "四十"  # row 2: not a number
    rows[3][2] = "商业"  # row 4: not a category
    rows[4][4] = "区文旅局"  # row 5: no such department
    rows[5][10] = "2017-13-01"  # row 6: not a date
    rows.append([999, "不存在的项目"])  # row 11: no project 999 in the plan
    before = (planner.get(LEDGER).json(), _audited(planner))
    answer = _upload(planner, rows)
    assert answer.status_code == 400
    found = {(p["row"], p["column"]) for p in answer.json()["problems"]}
    assert found == {
        (2, "年度计划投资"),
        (4, "类别"),
        (5, "牵头单位"),
        (6, "计划开工"),
        (11, "编号"),
    }
    assert (planner.get(LEDGER).json(), _audited(planner)) == before
    shown = planner.post(
        IMPORT,
        files={"file": ("ledger.xlsx", _xlsx(rows), "application/octet-stream")},
        headers={"accept": "text/html"},
    )
    assert shown.status_code == 400 and "「四十」不是数字" in shown.text


def test_only_the_planning_office_exports_and_imports(client_as: SignIn) -> None:
    fagai = client_as("fagai")
    assert fagai.get(EXPORT).status_code == 403
    files = {"file": ("ledger.xlsx", _xlsx([["项目名称"], ["x"]]), "application/octet-stream")}
    assert fagai.post(IMPORT, files=files).status_code == 403
