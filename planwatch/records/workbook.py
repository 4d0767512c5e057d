"""A department's Excel template of a period, to fill in and upload (read back by
``records.sheets`` and checked whole by ``records.upload``)."""

from __future__ import annotations

import io
from typing import Any

from planwatch.records.sheets import TEMPLATE_SHEET

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
