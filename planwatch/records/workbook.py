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
}
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
        raise InvalidInput(f"{filename} is empty", "choose the filled-in sheet itself")
    check_archive(data, filename)  # before openpyxl could unpack a bomb
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as err:
        raise InvalidInput(
            f"{filename} is not an Excel workbook (.xlsx)",
            "save the sheet as .xlsx, with headers 指标, 口径, 数值, 单位",
        ) from err
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    book.close()
    if not rows:
        raise InvalidInput(f"{filename} is empty", "put headers in row 1 and figures below")
    columns = _columns(rows[0], filename)
    figures = []
    for number, row in enumerate(rows[1:], start=2):
        if all(cell in (None, "") for cell in row):
            continue
        figures.append((number, _figure(columns, row, number, region, period)))
    if not figures:
        raise InvalidInput(f"{filename} has headers but no figures", "fill in rows below them")
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
            f"{filename} has no column {' or '.join(missing)} in row 1",
            "head the columns 指标, 口径, 数值, 单位 (or indicator, measure, value, unit)",
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
            raise InvalidInput(
                f"row {number} names no {name}",
                f"add a {word} ({name}) column, or pass --{name} for the whole sheet",
            )
    return {
        "region": str(cell("region") or region),
        "period": str(cell("period") or period),
        "indicator": cell("indicator"),
        "measure": MEASURE_WORDS.get(measure, measure),
        "value": cell("value"),
        "unit": cell("unit"),
        "note": cell("note"),
        "status": "submitted",
    }
