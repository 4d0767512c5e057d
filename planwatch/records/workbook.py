"""Figures from an Excel sheet a department fills in: one row per figure, headed columns.

Headers may be Chinese or English (指标/indicator, 口径/measure, 数值/value, 单位/unit,
备注/note, and optionally 地区/region and 期间/period when the sheet covers several).
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from openpyxl import load_workbook

from planwatch.errors import InvalidInput
from planwatch.records.archives import check_archive

HEADERS = {
    "指标": "indicator",
    "indicator": "indicator",
    "口径": "measure",
    "measure": "measure",
    "数值": "value",
    "value": "value",
    "单位": "unit",
    "unit": "unit",
    "备注": "note",
    "note": "note",
    "地区": "region",
    "region": "region",
    "期间": "period",
    "period": "period",
    "说明": "comment",
    "comment": "comment",
}
TEMPLATE_SHEET = "planwatch"  # the hidden sheet naming a template's region, department, period
NO_DATA = ("", "—", "-", "－", "——")
MEASURE_WORDS = {
    "总量": "value",
    "绝对值": "value",
    "增速": "yoy_growth",
    "同比增长": "yoy_growth",
    "比重": "share",
    "占比": "share",
    "完成率": "completion",
}


def sheet_figures(
    data: bytes, filename: str, region: str | None, period: str | None
) -> list[tuple[int, dict[str, Any]]]:
    """(row number, fields) of every filled row of the first sheet, not yet validated;
    ``region`` and ``period`` fill rows that name none."""
    if not data:
        raise InvalidInput("records.workbook.empty", filename=filename)
    check_archive(data, filename)  # before openpyxl could unpack a bomb
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as err:
        raise InvalidInput("records.workbook.not_xlsx", filename=filename) from err
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    meta = _template_meta(book)
    book.close()
    region = region or meta.get("region")
    period = period or meta.get("period")
    if not rows:
        raise InvalidInput("records.workbook.no_rows", filename=filename)
    columns = _columns(rows[0], filename)
    figures = []
    for number, row in enumerate(rows[1:], start=2):
        if all(cell in (None, "") for cell in row):
            continue
        value_at = columns["value"]
        cell = row[value_at] if value_at < len(row) else None
        if cell is None or (isinstance(cell, str) and cell.strip() in NO_DATA):
            continue  # a template's line left empty, or — for no data
        figures.append((number, _figure(columns, row, number, region, period)))
    if not figures:
        raise InvalidInput("records.workbook.no_figures", filename=filename)
    return figures


def _columns(header: tuple[Any, ...], filename: str) -> dict[str, int]:
    columns = {}
    for index, cell in enumerate(header):
        key = HEADERS.get(str(cell or "").strip().lower())
        if key:
            columns[key] = index
    missing = [name for name in ("indicator", "value") if name not in columns]
    if missing:
        raise InvalidInput(
            "records.workbook.no_column", filename=filename, names=" or ".join(missing)
        )
    return columns


def _figure(
    columns: dict[str, int],
    row: tuple[Any, ...],
    number: int,
    region: str | None,
    period: str | None,
) -> dict[str, Any]:
    def cell(name: str) -> Any:
        index = columns.get(name)
        value = row[index] if index is not None and index < len(row) else None
        return value.strip() if isinstance(value, str) else value

    measure = cell("measure") or "value"
    for name, default, word in (("region", region, "地区"), ("period", period, "期间")):
        if cell(name) in (None, "") and default is None:
            raise InvalidInput("records.workbook.row_without", number=number, name=name, word=word)
    return {
        "region": str(cell("region") or region),
        "period": str(cell("period") or period),
        "indicator": cell("indicator"),
        "measure": MEASURE_WORDS.get(measure, measure),
        "value": cell("value"),
        "unit": cell("unit"),
        "note": cell("note"),
        "comment": cell("comment"),
        "status": "submitted",
    }


def _template_meta(book: Any) -> dict[str, str]:
    if TEMPLATE_SHEET not in book.sheetnames:
        return {}
    pairs = book[TEMPLATE_SHEET].iter_rows(values_only=True)
    return {str(row[0]): str(row[1]) for row in pairs if len(row) > 1 and row[0] and row[1]}


TEMPLATE_HEADERS = ("指标", "口径", "单位", "上年同期", "全年目标", "数值", "说明")
MEASURE_LABELS = {"value": "总量", "yoy_growth": "增速"}


def template_workbook(region: str, department: str, period: str, rows: list[Any]) -> bytes:
    """A department's template: its lines in plan order, unit and references locked, the
    数值 and 说明 cells open (numbers only in 数值), and a hidden sheet naming it."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = f"{period}"
    sheet.append(list(TEMPLATE_HEADERS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(
            [row.indicator, MEASURE_LABELS[row.measure], row.unit, row.last_year, row.target]
        )
    last = len(rows) + 1
    numbers = DataValidation(
        type="decimal",
        operator="between",
        formula1="-1E12",
        formula2="1E12",
        showErrorMessage=True,
        errorTitle="数值 / value",
        error="请填写数字 / numbers only",
    )
    sheet.add_data_validation(numbers)
    if rows:
        numbers.add(f"F2:F{last}")
    for line in range(2, last + 1):
        for column in ("F", "G"):
            sheet[f"{column}{line}"].protection = Protection(locked=False)
    sheet.protection.sheet = True  # 指标, 口径, 单位 and the references stay as given
    for column, width in zip("ABCDEFG", (28, 8, 10, 12, 30, 14, 30), strict=True):
        sheet.column_dimensions[column].width = width
    meta = book.create_sheet(TEMPLATE_SHEET)
    for key, value in (
        ("template", "planwatch"),
        ("region", region),
        ("department", department),
        ("period", period),
    ):
        meta.append([key, value])
    meta.sheet_state = "hidden"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
