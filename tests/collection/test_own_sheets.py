"""Departments' own sheets: title rows above the header, merged header cells, a 单位 line or
units in the header, columns in another order, 合计 and blank rows, full-width digits."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook
from sqlalchemy import create_engine, text

from planwatch.demo import Demo
from planwatch.records.sheets import read_sheet


def saved(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def bureau_sheet() -> bytes:
    """A 统计局 monthly table: a title, a two-row header with 1-9月 merged over 累计 and
    同比增长(%), a unit column, a 其中 line, a blank and a 合计 row."""
    book = Workbook()
    sheet = book.active
    sheet.title = "主要指标"
    sheet["A1"] = "武昌区2017年1-9月主要经济指标"
    sheet.merge_cells("A1:E1")
    sheet["A3"], sheet["B3"], sheet["C3"], sheet["E3"] = "指标名称", "计量单位", "1-9月", "备注"
    for cells in ("A3:A4", "B3:B4", "C3:D3", "E3:E4"):
        sheet.merge_cells(cells)
    sheet["C4"], sheet["D4"] = "累计", "同比增长(%)"
    rows = [
        ["一、地区生产总值", "亿元", 900.5, 8.2, None],
        [None, None, None, None, None],
        ["  其中：第三产业增加值", "亿元", "—", "９．０", "快报"],
        ["居民人均可支配收入", "元", "２８，５００", 9.1, None],
        ["合计", None, 1000, None, None],
    ]
    for number, row in enumerate(rows, start=5):
        for column, value in zip("ABCDE", row, strict=True):
            sheet[f"{column}{number}"] = value
    return saved(book)


def test_a_bureau_sheet_is_read_by_its_header_names() -> None:
    read = read_sheet(bureau_sheet(), "统计局.xlsx")
    assert read.problems == []
    got = [
        (f.fields["indicator"], f.fields["measure"], f.fields["value"], f.fields["unit"])
        for f in read.figures
    ]
    assert got == [
        ("地区生产总值", "value", 900.5, "亿元"),
        ("地区生产总值", "yoy_growth", 8.2, "%"),
        ("第三产业增加值", "yoy_growth", 9.0, "%"),
        ("居民人均可支配收入", "value", 28500.0, "元"),
        ("居民人均可支配收入", "yoy_growth", 9.1, "%"),
    ]
    assert read.figures[2].fields["note"] == "快报"
    first = read.figures[0].places
    assert (first["indicator"].row, first["indicator"].column, first["value"].column) == (
        5,
        "A",
        "C",
    )
    assert read.figures[1].places["value"].column == "D"


def wan_yuan_sheet(unit_in_header: bool) -> bytes:
    """Columns in another order, the unit on a line of its own or in the header."""
    book = Workbook()
    sheet = book.active
    sheet.title = "投资"
    sheet.append(["区发改委 2017年1-9月固定资产投资完成情况"])
    sheet.append([None, None, "单位：万元"] if not unit_in_header else [])
    sheet.append(["同比增长%", "指标", "1-9月累计（万元）" if unit_in_header else "本年累计"])
    sheet.append([18.27, "全社会固定资产投资", 2_600_000])
    sheet.append([None, None, None])
    return saved(book)


def test_a_unit_line_or_a_unit_in_the_header_is_the_values_unit() -> None:
    for unit_in_header in (False, True):
        read = read_sheet(wan_yuan_sheet(unit_in_header), "发改委.xlsx")
        assert read.problems == []
        got = [(f.fields["measure"], f.fields["value"], f.fields["unit"]) for f in read.figures]
        assert got == [("yoy_growth", 18.27, "%"), ("value", 2_600_000, "万元")]


def stored(demo: Demo, period: str) -> set[tuple[str, str, float, str | None]]:
    engine = create_engine(demo.database_url)
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT i.name, o.measure, o.value, o.unit FROM observations o "
                "JOIN indicators i ON i.id = o.indicator_id WHERE o.period = :p"
            ),
            {"p": period},
        ).all()
    engine.dispose()
    return {(r[0], r[1], round(r[2], 4), r[3]) for r in rows}


def test_an_own_sheet_in_wan_yuan_is_stored_in_yi_yuan(client_as: Any, demo: Demo) -> None:
    fagai = client_as("fagai")
    files = {"file": ("发改委.xlsx", wan_yuan_sheet(unit_in_header=False))}
    answer = fagai.post("/regions/420106/2017Q3/enter/excel", files=files)
    assert answer.status_code == 200, answer.text
    assert stored(demo, "2017Q3") >= {
        ("全社会固定资产投资", "value", 260.0, "亿元"),
        ("全社会固定资产投资", "yoy_growth", 18.27, "%"),
    }


def test_a_sheet_without_a_header_says_what_it_needs() -> None:
    book = Workbook()
    book.active.append(["随便", "什么"])
    book.active.append([1, 2])
    try:
        read_sheet(saved(book), "x.xlsx")
    except Exception as err:  # noqa: BLE001  # the one error the reader raises for a file
        assert "指标" in str(err)
        assert getattr(err, "zh", "").startswith("x.xlsx前20行中找不到")
    else:
        raise AssertionError("a sheet without a header must be refused")
