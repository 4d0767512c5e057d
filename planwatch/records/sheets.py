"""Reading a figure sheet as people make them: planwatch's template or a department's own.

A department's own sheet has title rows above its header, header cells merged across
columns or rows (``1-6月`` over ``累计`` and ``同比增长%``), a ``单位：万元`` line or units
in the header (``（亿元）``), columns in any order, full-width digits, ``—`` for no data,
blank and 合计 rows. The header is found by its names, each column mapped by what it
says; a row may carry several figures (a value and a growth column).

Nothing here knows the database: every cell that cannot be read becomes a ``CellProblem``
at its place (sheet, row, column) and reading goes on, so an upload says everything at once.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from planwatch.errors import InvalidInput
from planwatch.records.archives import check_archive

TEMPLATE_SHEET = "planwatch"  # the hidden sheet naming a template's region, department, period
NO_DATA = ("", "—", "-", "－", "——", "/", "…", "...")
HEADER_SCAN = 20  # rows searched for the header
TOTAL_ROWS = ("合计", "总计", "小计", "total")

# what a header says → the column's role; the first pattern that matches wins
ROLES: tuple[tuple[str, str], ...] = (
    (r"^(序号|编号|no\.?)$", "skip"),
    (r"^(上年|去年)|同期数|目标|计划|预计", "skip"),
    (r"^(指标|指标名称|项目|项目名称|名称|indicator)$", "indicator"),
    (r"^(口径|measure)$", "measure"),
    (r"^(计量单位|单位|unit)$", "unit"),
    (r"^(地区|区域|region)$", "region"),
    (r"^(期间|时期|报告期|period)$", "period"),
    (r"^(备注|note)$", "note"),
    (r"^(说明|comment)$", "comment"),
    (r"比重|占比|share", "share"),
    (r"增长|增速|增幅|growth", "yoy_growth"),
    (r"本月(?!.*累计)", "skip"),
    (r"累计|数值|绝对值|总量|本期|完成|\d+[-—~至]\d+月|^\d+月|value", "value"),
)
FIGURE_ROLES = ("value", "yoy_growth", "share")
MEASURE_WORDS = {
    "总量": "value",
    "绝对值": "value",
    "value": "value",
    "增速": "yoy_growth",
    "同比增长": "yoy_growth",
    "yoy_growth": "yoy_growth",
    "比重": "share",
    "占比": "share",
    "share": "share",
    "完成率": "completion",
    "completion": "completion",
}
UNIT_IN_TEXT = re.compile(r"[（(]\s*(?:单位\s*[:：])?\s*([^()（）]+?)\s*[)）]")
UNIT_LINE = re.compile(r"(?:计量)?单位\s*[:：]\s*(\S+)")
NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])\s*"
)
THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")


@dataclass(frozen=True)
class Place:
    sheet: str
    row: int
    column: str  # the column's letter

    @property
    def zh(self) -> str:
        return f"工作表「{self.sheet}」第{self.row}行{self.column}列"

    @property
    def en(self) -> str:
        return f"Sheet {self.sheet}, row {self.row}, column {self.column}"


@dataclass(frozen=True)
class CellProblem:
    """One thing wrong at one place, said in Chinese and English."""

    place: Place
    zh: str
    en: str

    @property
    def text_zh(self) -> str:
        return f"{self.place.zh}：{self.zh}"

    @property
    def text_en(self) -> str:
        return f"{self.place.en}: {self.en}"


@dataclass(frozen=True)
class Column:
    index: int
    role: str
    unit: str | None = None  # a unit the header names: 1-6月累计（万元）

    @property
    def letter(self) -> str:
        return get_column_letter(self.index + 1)


@dataclass(frozen=True)
class SheetFigure:
    """One figure a row gives, with the place of each cell it came from."""

    fields: dict[str, Any]
    places: dict[str, Place]  # field → the cell to correct


@dataclass
class ReadSheet:
    """What a workbook says: its figures, the template's own words, what could not be read."""

    figures: list[SheetFigure] = field(default_factory=list)
    problems: list[CellProblem] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    meta_places: dict[str, Place] = field(default_factory=dict)


def read_sheet(data: bytes, filename: str) -> ReadSheet:
    """The figures of the workbook's first visible sheet; InvalidInput only when the file
    as a whole is not a figure sheet (not .xlsx, empty, no header)."""
    if not data:
        raise _whole(f"{filename} is empty", f"{filename}是空文件", "choose the filled-in sheet")
    check_archive(data, filename)  # before openpyxl could unpack a bomb
    try:
        book = load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as err:
        raise _whole(
            f"{filename} is not an Excel workbook (.xlsx)",
            f"{filename}不是Excel工作簿(.xlsx)",
            "save the sheet as .xlsx",
        ) from err
    found = ReadSheet()
    if TEMPLATE_SHEET in book.sheetnames:
        found.meta, found.meta_places = _template_meta(book[TEMPLATE_SHEET])
    sheets = [
        s for s in book.worksheets if s.title != TEMPLATE_SHEET and s.sheet_state == "visible"
    ]
    if not sheets or sheets[0].max_row < 1 or _empty(sheets[0]):
        raise _whole(f"{filename} is empty", f"{filename}没有任何内容", "fill in the sheet")
    _read_grid(sheets[0].title, _grid(sheets[0]), found, filename)
    if not found.figures and not found.problems:
        raise _whole(
            f"{filename} has a header but no figures",
            f"{filename}只有表头，没有数据",
            "fill in the rows below the header",
        )
    return found


def _whole(en: str, zh: str, hint: str) -> InvalidInput:
    return InvalidInput("records.sheets.problem", en=en, hint=hint, zh=zh)


def _empty(sheet: Any) -> bool:
    return all(c.value in (None, "") for row in sheet.iter_rows() for c in row)


def _grid(sheet: Any) -> list[list[Any]]:
    """The sheet's values with each merged range's value in every cell of it."""
    grid = [[cell.value for cell in row] for row in sheet.iter_rows()]
    for merged in sheet.merged_cells.ranges:
        value = grid[merged.min_row - 1][merged.min_col - 1]
        for r in range(merged.min_row - 1, merged.max_row):
            for c in range(merged.min_col - 1, merged.max_col):
                if r < len(grid) and c < len(grid[r]):
                    grid[r][c] = value
    return grid


def _text(value: Any) -> str:
    return unicodedata.normalize("NFKC", str(value)).strip() if value is not None else ""


def _header_at(grid: list[list[Any]]) -> int | None:
    for r, row in enumerate(grid[:HEADER_SCAN]):
        roles = {_role(_text(v))[0] for v in row}
        if "indicator" in roles and roles & set(FIGURE_ROLES):
            return r
    return None


def _role(label: str) -> tuple[str | None, str | None]:
    """What a header cell names, and the unit it carries."""
    unit_match = UNIT_IN_TEXT.search(label)
    unit = unit_match.group(1) if unit_match and unit_match.group(1) not in ("%", "％") else None
    bare = UNIT_IN_TEXT.sub("", label).replace("%", "").replace(" ", "").lower()
    if not bare:
        return None, None
    for pattern, role in ROLES:
        if re.search(pattern, bare):
            return role, unit
    return None, None


def _columns(grid: list[list[Any]], at: int) -> tuple[list[Column], int]:
    """The header's columns; a second header row (merged cells above) joins the first."""
    first = grid[at]
    below = grid[at + 1] if at + 1 < len(grid) else []
    two_rows = not any(isinstance(v, int | float) for v in below) and any(
        _role(_text(v))[0] in FIGURE_ROLES and _merged_above(first, i)
        for i, v in enumerate(below)
        if i < len(first)
    )
    columns = []
    for index, top in enumerate(first):
        label = _text(top)
        if two_rows and index < len(below) and _text(below[index]) not in ("", label):
            label = label + _text(below[index])
        role, unit = _role(label)
        if role and role != "skip":
            columns.append(Column(index, role, unit))
    return columns, at + (2 if two_rows else 1)


def _merged_above(top: list[Any], index: int) -> bool:
    """Whether the header cell above ``index`` spans several columns (or is empty)."""
    label = _text(top[index])
    neighbours = [_text(top[i]) for i in (index - 1, index + 1) if 0 <= i < len(top)]
    return not label or label in neighbours


def _sheet_unit(grid: list[list[Any]], at: int) -> str | None:
    """A ``单位：万元`` line above the header (or in a title cell)."""
    for row in grid[:at]:
        for value in row:
            found = UNIT_LINE.search(_text(value))
            if found:
                return found.group(1).strip("）)")
    return None


def _read_grid(title: str, grid: list[list[Any]], found: ReadSheet, filename: str) -> None:
    at = _header_at(grid)
    if at is None:
        raise _whole(
            f"{filename}: no header row with an indicator and a figure column in the first "
            f"{HEADER_SCAN} rows",
            f"{filename}前{HEADER_SCAN}行中找不到含“指标”和数值列的表头",
            "head the columns 指标, 口径, 数值, 单位 (or 指标名称, 1-6月累计, 同比增长%)",
        )
    columns, start = _columns(grid, at)
    default_unit = _sheet_unit(grid, at)
    for r in range(start, len(grid)):
        _read_row(title, r + 1, grid[r], columns, default_unit, found)


def _cell(row: list[Any], column: Column | None) -> Any:
    if column is None or column.index >= len(row):
        return None
    value = row[column.index]
    return _text(value) if isinstance(value, str) else value


def _read_row(
    title: str,
    number: int,
    row: list[Any],
    columns: list[Column],
    default_unit: str | None,
    found: ReadSheet,
) -> None:
    by_role = {c.role: c for c in columns}
    name_column = by_role["indicator"]
    name = NUMBERING.sub("", _text(_cell(row, name_column))).removeprefix("其中:").strip()
    figures = [c for c in columns if c.role in FIGURE_ROLES and _text(_cell(row, c)) not in NO_DATA]
    if not figures or name.lower() in TOTAL_ROWS:
        return  # a blank or 合计 row, or a template's line left empty
    place = Place(title, number, name_column.letter)
    if not name:
        found.problems.append(
            CellProblem(place, "指标名称为空", "the indicator is empty: name the indicator")
        )
        return
    shared = {key: _cell(row, by_role.get(key)) for key in ("region", "period", "note", "comment")}
    places = {key: Place(title, number, by_role[key].letter) for key in shared if key in by_role}
    places["indicator"] = place
    for column in figures:
        figure = _figure(title, number, row, column, by_role, default_unit, found)
        if figure is not None:
            fields = {"indicator": name, **shared, **figure[0]}
            found.figures.append(SheetFigure(fields, {**places, **figure[1]}))


def _figure(
    title: str,
    number: int,
    row: list[Any],
    column: Column,
    by_role: dict[str, Column],
    default_unit: str | None,
    found: ReadSheet,
) -> tuple[dict[str, Any], dict[str, Place]] | None:
    place = Place(title, number, column.letter)
    value = _number(_cell(row, column))
    if value is None:
        raw = _text(_cell(row, column))
        found.problems.append(
            CellProblem(
                place,
                f"“{raw}”不是数字，请只填数字（小数点用“.”）",
                f'"{raw}" is not a number: write digits only, with "." for decimals',
            )
        )
        return None
    places = {"value": place}
    measure = column.role
    if column.role == "value" and "measure" in by_role:
        word = _text(_cell(row, by_role["measure"])) or "总量"
        places["measure"] = Place(title, number, by_role["measure"].letter)
        if word not in MEASURE_WORDS and word.lower() not in MEASURE_WORDS:
            found.problems.append(
                CellProblem(
                    places["measure"],
                    f"口径“{word}”无法识别，应为总量、增速、比重或完成率",
                    f'the measure "{word}" is not known: write 总量, 增速, 比重 or 完成率',
                )
            )
            return None
        measure = MEASURE_WORDS.get(word, MEASURE_WORDS.get(word.lower(), "value"))
    stated = _cell(row, by_role.get("unit")) if column.role == "value" else None
    if stated not in (None, ""):
        unit = stated
        places["unit"] = Place(title, number, by_role["unit"].letter)
    else:
        unit = (column.unit or default_unit) if measure == "value" else "%"
        places["unit"] = place
    return {"measure": measure, "value": value, "unit": unit or None}, places


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    text = _text(value).replace(" ", "").rstrip("%")
    if THOUSANDS.match(text):
        text = text.replace(",", "")
    try:
        return float(text)
    except ValueError:
        return None


def _template_meta(sheet: Any) -> tuple[dict[str, str], dict[str, Place]]:
    meta, places = {}, {}
    for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        if len(row) > 1 and row[0] and row[1]:
            meta[str(row[0])] = str(row[1])
            places[str(row[0])] = Place(sheet.title, number, "B")
    return meta, places
