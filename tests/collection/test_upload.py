"""An uploaded sheet says every problem at once, each at its sheet, row and column, in
Chinese and English, and stores nothing; the same through the command line."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from sqlalchemy import create_engine, text

from planwatch.demo import Demo
from tests.cli.runner import run
from tests.web.helpers import error_of

UPLOAD = "/regions/420106/2017Q3/enter/excel"
HEADER = ["指标", "期间", "口径", "数值", "单位", "说明"]
INVESTMENT = "全社会固定资产投资"


def workbook(rows: list[list[Any]], meta: dict[str, str] | None = None) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "数据"
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    if meta:
        hidden = book.create_sheet("planwatch")
        for key, value in meta.items():
            hidden.append([key, value])
        hidden.sheet_state = "hidden"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


TEN_FAULTS = [
    [INVESTMENT, "2017M07", "总量", "6,2", "亿元"],  # row 2: not a number
    [INVESTMENT, "2017M08", "总量", 100, "人"],  # row 3: a unit of people for 亿元
    ["不存在的指标", "2017Q3", "总量", 5, "亿元"],  # row 4: unknown indicator
    [INVESTMENT, "2019Q3", "总量", 200, "亿元"],  # row 5: no plan of 2019
    [INVESTMENT, "2017Q3", "总量", 260, "亿元"],  # row 6: right
    [INVESTMENT, "2017Q3", "总量", 261, "亿元"],  # row 7: repeats row 6
    [INVESTMENT, "2017M10", "总量", -50, "亿元"],  # row 8: negative investment
    [INVESTMENT, "2017Q3", "增速", 9999, "%"],  # row 9: absurd growth
    [None, "2017Q3", "总量", 12, "亿元"],  # row 10: the indicator left empty
    [INVESTMENT, "2017M11", "环比", 3, "%"],  # row 11: a measure planwatch does not know
]
# the template's hidden sheet names another department (row 3, column B)
ANOTHERS = {"template": "planwatch", "region": "420106", "department": "区统计局"}
EXPECTED = [
    ("planwatch", 3, "B", "区统计局的模板"),
    ("数据", 2, "D", "“6,2”不是数字"),
    ("数据", 3, "E", "单位人不是全社会固定资产投资的单位"),
    ("数据", 4, "A", "指标“不存在的指标”不在指标目录中"),
    ("数据", 5, "B", "期间2019Q3不在武昌区的计划年度内"),
    ("数据", 7, "A", "与第6行重复"),
    ("数据", 8, "D", "总量或存量不能为负数"),
    ("数据", 9, "D", "增速9999%超出"),
    ("数据", 10, "A", "指标名称为空"),
    ("数据", 11, "C", "口径“环比”无法识别"),
]


def stored_counts(demo: Demo) -> tuple[int, int, int]:
    engine = create_engine(demo.database_url)
    with engine.connect() as connection:
        counts = tuple(
            int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
            for table in ("observations", "audit_log", "submissions")
        )
    engine.dispose()
    return counts  # type: ignore[return-value]


def test_ten_faults_are_reported_at_their_cells_and_nothing_is_stored(
    client_as: Any, demo: Demo
) -> None:
    fagai = client_as("fagai")  # 区发改委's reporter
    before = stored_counts(demo)
    files = {"file": ("十处错误.xlsx", workbook(TEN_FAULTS, ANOTHERS))}
    error = error_of(fagai.post(UPLOAD, files=files), 400)
    problems = error["problems"]
    assert [(p["sheet"], p["row"], p["column"]) for p in problems] == [e[:3] for e in EXPECTED]
    for problem, (sheet, row, column, words) in zip(problems, EXPECTED, strict=True):
        assert problem["zh"].startswith(f"工作表「{sheet}」第{row}行{column}列：")
        assert words in problem["zh"], problem["zh"]
        assert problem["en"].startswith(f"Sheet {sheet}, row {row}, column {column}: ")
    assert problems[1]["en"] == (
        'Sheet 数据, row 2, column D: "6,2" is not a number: write digits only, '
        'with "." for decimals'
    )
    assert error["zh"]["message"].startswith("十处错误.xlsx有10处问题，未导入任何数据；第一处：")
    assert stored_counts(demo) == before


def test_the_upload_page_lists_every_problem(client_as: Any, demo: Demo) -> None:
    fagai = client_as("fagai")
    files = {"file": ("bad.xlsx", workbook(TEN_FAULTS, ANOTHERS))}
    page = fagai.post(UPLOAD, files=files, headers={"accept": "text/html"})
    assert page.status_code == 400
    assert page.text.count("<li>") >= 10
    assert "工作表「数据」第2行D列：“6,2”不是数字" in page.text
    english = fagai.post(f"{UPLOAD}?lang=en", files=files, headers={"accept": "text/html"})
    assert "Sheet 数据, row 2, column D: &#34;6,2&#34; is not a number" in english.text


def stored_of(demo: Demo, period: str) -> set[tuple[str, float, str | None, str]]:
    engine = create_engine(demo.database_url)
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT measure, value, unit, status FROM observations WHERE period = :p"),
            {"p": period},
        ).all()
    engine.dispose()
    return {(r[0], r[1], r[2], r[3]) for r in rows}


def test_a_clean_sheet_is_stored_after_the_check(client_as: Any, demo: Demo) -> None:
    fagai = client_as("fagai")
    rows = [
        [INVESTMENT, "2017Q3", "总量", 2_600_000, "万元"],
        [INVESTMENT, "2017Q3", "增速", 18.27],
    ]
    answer = fagai.post(UPLOAD, files={"file": ("ok.xlsx", workbook(rows))})
    assert answer.status_code == 200, answer.text
    # 2,600,000 万元 stored as 260 亿元, a draft of the department
    assert stored_of(demo, "2017Q3") >= {
        ("value", 260, "亿元", "draft"),
        ("yoy_growth", 18.27, "%", "draft"),
    }


def test_the_cli_prints_every_problem_and_exits_non_zero(demo: Demo, tmp_path: Path) -> None:
    path = tmp_path / "bad.xlsx"
    path.write_bytes(workbook(TEN_FAULTS[:4]))
    before = stored_counts(demo)
    code, out, err = run(
        "observations", "load", str(path), "--region", "420106", "--db", demo.database_url
    )
    assert code == 1
    said = out + err
    assert "bad.xlsx有4处问题，未导入任何数据" in said
    assert "工作表「数据」第2行D列：“6,2”不是数字" in said
    assert "Sheet 数据, row 3, column E: unit of the indicator's dimension: the unit 人" in said
    assert "Sheet 数据, row 5, column B: the period 2019Q3 is outside" in said
    assert stored_counts(demo) == before
