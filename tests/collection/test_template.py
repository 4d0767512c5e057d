"""A department's Excel template: downloaded, filled with openpyxl, uploaded through the web,
and the overview changes; the CLI writes the same template."""

from __future__ import annotations

import io
from pathlib import Path

from fastapi.testclient import TestClient
from openpyxl import load_workbook

from planwatch.demo import Demo
from tests.cli.runner import run
from tests.web.helpers import card, error_of

TEMPLATE = "/regions/420106/2017Q3/enter/template"  # no 2017Q3 figures yet


def test_a_filled_template_changes_the_overview(client_as, planner: TestClient) -> None:  # type: ignore[no-untyped-def]
    fagai = client_as("fagai")  # 区发改委
    answer = fagai.get(TEMPLATE)
    assert answer.status_code == 200, answer.text
    book = load_workbook(io.BytesIO(answer.content))
    assert book["planwatch"].sheet_state == "hidden"
    meta = {row[0]: row[1] for row in book["planwatch"].iter_rows(values_only=True)}
    assert meta["department"] == "区发改委" and meta["period"] == "2017Q3"
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("指标", "口径", "单位", "上年同期", "全年目标", "数值", "说明")
    assert [r[0] for r in rows[1::2]] == [
        "全社会固定资产投资",
        "单位生产总值能耗",
        "单位生产总值二氧化碳排放",
    ]
    assert rows[1][:3] == ("全社会固定资产投资", "总量", "亿元")
    assert rows[1][3] == 172.08  # 2016Q3 as the demo derives it from 2016H1 and 2016
    assert "220亿元" in rows[1][4] or "220" in rows[1][4]
    assert sheet.protection.sheet and not sheet["F2"].protection.locked
    assert sheet["C2"].protection.locked
    assert any("F2" in str(v.sqref) for v in sheet.data_validations.dataValidation)

    sheet["F2"] = 197.89  # investment, 亿元: consistent with 2016Q3 (172.08) and 15%
    sheet["F3"] = 15
    out = io.BytesIO()
    book.save(out)
    files = {"file": ("template.xlsx", out.getvalue())}
    stored = fagai.post("/regions/420106/2017Q3/enter/excel", files=files)
    assert stored.status_code == 200, stored.text
    step = {"department": "区发改委"}
    assert fagai.post("/api/submissions/420106/2017Q3/submit", json=step).status_code == 200
    assert planner.post("/api/submissions/420106/2017Q3/approve", json=step).status_code == 200
    overview = planner.get("/regions/420106/2017Q3.json").json()
    assert card(overview, "全社会固定资产投资", "value_at_least")["value"] == 197.89


def test_a_department_with_nothing_to_report_gets_no_template(planner: TestClient) -> None:
    assert planner.get(f"{TEMPLATE}?department=区发改委").status_code == 200
    error_of(planner.get(f"{TEMPLATE}?department=区教育局"), 404)
    assert "template-download" in planner.get("/regions/420106/2017Q3/enter").text


def test_the_cli_writes_the_template(demo: Demo, tmp_path: Path) -> None:
    target = tmp_path / "t.xlsx"
    code, out, _ = run(
        "excel",
        "template",
        "--region",
        "420106",
        "--period",
        "2017H1",
        "--department",
        "区统计局",
        "-o",
        str(target),
        "--db",
        demo.database_url,
    )
    assert code == 0, out
    rows = list(load_workbook(target).worksheets[0].iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == ["地区生产总值"] * 2 + ["居民人均可支配收入"] * 2
