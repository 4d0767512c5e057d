"""Facts from text tables: a header row naming the measures, then one row per item.

Communiqués print tables as lines whose cells are separated by tabs (or, in text
copied from PDFs, by runs of two or more spaces)::

    表1 2025年年末郑州市常住人口数及其构成
    指标	年末数（万人）	比重（%）
    全市常住人口	1313.8	100.0
    其中：城镇	1071.04	81.5

Each numeric cell becomes one fact: the measure and unit come from its column
header (or a 单位 column), the subject from the row label. A label under
``其中：`` names a part of the table's topic (城镇 → 城镇常住人口), so it is
composed with the topic taken from the row the part belongs to.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from planwatch.catalog import lookup
from planwatch.extract.model import DocumentInfo, Fact
from planwatch.extract.numerals import numeral

_LINE = re.compile(r"[^\n]*")
# Tabs are the cell separator when present: labels pad their characters with
# single or en spaces (原  煤, 衣  着), which must not split the label.
_SPACED_CELLS = re.compile(r"[ \u3000]{2,}")
_PADDING = re.compile(r"[ \u2002\u3000\u00a0]+")
# full-width digits, points, commas and minus signs read as in prose (－１．５)
_NUMBER_CELL = re.compile(r"[-−+－]?\d+(?:[,，]\d{3})*(?:[.．]\d+)?(?:\[\d+\])?")
_PIPE_RULE = re.compile(r"^[\s|:：\-－—]*$")  # | --- | --- |: a Markdown rule row
_BLANK_CELLS = {"", "-", "—", "…", "...", "/", "－"}
_PART_MARK = re.compile(r"^(?:其\s*中|内\s*含|含)[：:]\s*")
# A total's own qualifier, which its parts replace: 全市常住人口 → 城镇常住人口,
# 粮食播种面积 → 小麦播种面积.
_WHOLE_PREFIX = re.compile(r"^(?:全市|全区|全县|全省|全州|全盟|全国|全旗|全部|各项|农作物|粮食)")
# Outline numbers in front of a label: 1.1.粮食播种面积, （一）, 二、
_OUTLINE = re.compile(
    r"^(?:\d+(?:\.\d+)*\.(?!\d)|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)"
)
# A column headed by the year itself (2025年) holds the year's amounts.
_YEAR_HEADER = re.compile(r"^(?:19|20)\d{2}年?(?:末|底|全年)?$")
_UNIT_IN_HEADER = re.compile(r"[（(]([^（()）=±]{1,8})[）)]|([%‰])\s*$")
_TABLE_UNIT_LINE = re.compile(r"^\s*(?:计量)?单位\s*[：:]\s*(\S{1,8})\s*$")
_TITLE_LINE = re.compile(r"^\s*(?:附)?表\s*\d+")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")

_UNIT_COLUMNS = {"单位", "计量单位"}
_SHARE_WORDS = ("比重", "占比", "构成", "结构")
_GROWTH_WORDS = ("增长", "增速", "增幅", "涨跌", "幅度", "同比", "增长率")
_CHANGE_WORDS = ("增加", "减少", "增减", "比上年", "比年初")
_VALUE_WORDS = (
    "年末数",
    "绝对数",
    "总量",
    "数量",
    "产量",
    "金额",
    "余额",
    "完成",
    "本年",
    "全年",
    "累计",
    "年末",
    "数值",
    "合计",
    "总额",
    "人数",
    "总计",
    "实绩",
    "指标值",
)


@dataclass(frozen=True)
class _Column:
    measure: str | None  # None: a column that carries no facts (label, unit)
    unit: str | None
    is_unit_column: bool = False


@dataclass
class _Table:
    columns: list[_Column]
    period: str | None
    title: str
    unit: str | None
    topic: str | None = None
    in_parts: bool = False
    facts: list[Fact] = field(default_factory=list)


def read_tables(text: str, document: DocumentInfo) -> list[Fact]:
    """One fact per numeric cell of every text table in ``text``."""
    if not _may_hold_tables(text):
        return []  # no line can have two cells; prose-only documents cost one scan
    facts: list[Fact] = []
    for table, rows in _tables(text, document):
        for start, end, cells in rows[1:]:
            facts.extend(_row_facts(text, table, start, end, cells))
    return facts


def table_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of table lines (title, header, rows), for the grammar to skip."""
    if not _may_hold_tables(text):
        return []
    spans: list[tuple[int, int]] = []
    for table, rows in _tables(text, DocumentInfo()):
        del table
        spans.append((rows[0][0], rows[-1][1]))
    return spans


def _may_hold_tables(text: str) -> bool:
    return "\t" in text or "  " in text or "\u3000\u3000" in text or "|" in text


def _cells_separated(line: str) -> bool:
    return "\t" in line or "  " in line or line.count("|") >= 2


def _lines(text: str) -> Iterator[tuple[int, int]]:
    position = 0
    for line in text.split("\n"):
        yield position, position + len(line.rstrip("\r"))
        position += len(line) + 1


def _cells(line: str) -> list[str]:
    if line.count("|") >= 2 and "\t" not in line:
        # | 指标 | 绝对数 |: a table as an HTML-to-text conversion writes it
        cells = [cell.strip() for cell in line.strip().split("|")]
        return cells[1:-1] if line.strip().startswith("|") else cells
    if "\t" in line:
        # strip() without arguments: cells are padded with en and ideographic spaces too
        return [cell.strip() for cell in line.split("\t")]
    cells = [cell.strip() for cell in _SPACED_CELLS.split(line.strip())]
    # 指  标, 衣  着: a two-character label padded to the column width
    while len(cells) > 2 and len(cells[0]) == 1 and not _NUMBER_CELL.fullmatch(cells[1]):
        cells[0:2] = [cells[0] + cells[1]]
    return cells


def _tables(
    text: str, document: DocumentInfo
) -> Iterator[tuple[_Table, list[tuple[int, int, list[str]]]]]:
    """Each table with its header's and rows' line ranges; the first range is the header's."""
    lines = list(_lines(text))
    index = 0
    while index < len(lines):
        start, end = lines[index]
        line = text[start:end]
        header = _header(_cells(line)) if _cells_separated(line) else None
        if header is None:
            index += 1
            continue
        before = _preceding_lines(text, lines, index)
        title = next((text for _, _, text in before if _TITLE_LINE.match(text)), "")
        table = _Table(header, _period(line, before, document), title, _table_unit(before))
        rows: list[tuple[int, int, list[str]]] = []
        index += 1
        while index < len(lines):
            row_start, row_end = lines[index]
            cells = _cells(text[row_start:row_end])
            if not _is_row(cells):
                # a rule row, or one unreadable row between rows, ends no table
                skip = (
                    _PIPE_RULE.match(text[row_start:row_end]) is not None
                    and "|" in text[row_start:row_end]
                )
                if not (skip or _row_follows(text, lines, index + 1)):
                    break
                index += 1
                continue
            rows.append((row_start, row_end, _aligned(cells, len(header))))
            index += 1
        if rows:
            first = before[-1][0] if before else start
            yield table, [(first, end, []), *rows]


def _is_row(cells: list[str]) -> bool:
    return len(cells) >= 2 and any(_NUMBER_CELL.fullmatch(cell) for cell in cells[1:])


def _row_follows(text: str, lines: list[tuple[int, int]], index: int) -> bool:
    if index >= len(lines):
        return False
    start, end = lines[index]
    return _is_row(_cells(text[start:end]))


def _aligned(cells: list[str], width: int) -> list[str]:
    """Cells under their header columns when spaces, not tabs, separated them.

    A label padded with spaces (衣  着) splits into extra leading cells, and a
    blank cell leaves no trace, so the numbers are counted from the right.
    """
    cells = list(cells)
    while len(cells) > width and not _NUMBER_CELL.fullmatch(cells[1]):
        cells[0:2] = [cells[0] + cells[1]]
    if len(cells) < width and "" not in cells:
        cells[1:1] = [""] * (width - len(cells))
    return cells


def _preceding_lines(
    text: str, lines: list[tuple[int, int]], index: int
) -> list[tuple[int, int, str]]:
    """The table's title and unit lines just above its header (表1 …, 单位：亿元)."""
    found: list[tuple[int, int, str]] = []
    for start, end in reversed(lines[max(0, index - 2) : index]):
        line = text[start:end]
        if _TITLE_LINE.match(line) or _TABLE_UNIT_LINE.match(line):
            found.append((start, end, line))
        else:
            break
    return found


def _header(cells: list[str]) -> list[_Column] | None:
    """Column meanings if ``cells`` is a header row: no numbers, at least one measure."""
    if len(cells) < 2 or any(_NUMBER_CELL.fullmatch(cell) for cell in cells):
        return None
    columns = [_Column(None, None)] + [_column(cell) for cell in cells[1:]]
    if not any(column.measure for column in columns):
        return None
    return columns


def _column(cell: str) -> _Column:
    name = _PADDING.sub("", cell)
    if name in _UNIT_COLUMNS:
        return _Column(None, None, is_unit_column=True)
    unit = _header_unit(name)
    planned = _planned_column(name, unit)
    if planned is not None:
        return planned
    if "百分点" in name:
        return _Column("pp_change", "个百分点")
    if any(word in name for word in _SHARE_WORDS):
        return _Column("share", unit or "%")
    if unit == "%" or any(word in name for word in _GROWTH_WORDS):
        return _Column("yoy_growth", "%")
    if any(word in name for word in _CHANGE_WORDS):
        # 比上年增加（亿元）: an amount, in the header's unit or the table's.
        return _Column("change", unit)
    if any(word in name for word in _VALUE_WORDS) or _YEAR_HEADER.match(name):
        return _Column("value", unit)
    return _Column(None, None)


_COMPLETION_WORDS = ("完成率", "完成程度", "完成进度", "为计划", "占计划", "为预算", "占预算")
_PLAN_WORDS = ("计划", "目标", "预算")


def _planned_column(name: str, unit: str | None) -> _Column | None:
    """计划 / 完成 / 完成率 columns: the plan is a target, its rate completion; 指数 a value."""
    if any(word in name for word in _COMPLETION_WORDS):
        return _Column("completion", "%")
    if any(name.startswith(word) or name.startswith("年度" + word) for word in _PLAN_WORDS):
        return _Column("target_value", unit if unit != "%" else None)
    if "指数" in name:
        return _Column("value", None)  # 指数（上年=100）: an index reading has no unit
    return None


def _header_unit(name: str) -> str | None:
    match = _UNIT_IN_HEADER.search(name)
    if match is None:
        return None
    return (match.group(1) or match.group(2)).replace("％", "%")


def _table_unit(before: list[tuple[int, int, str]]) -> str | None:
    for _, _, line in before:
        match = _TABLE_UNIT_LINE.match(line)
        if match:
            return match.group(1)
    return None


def _period(header: str, before: list[tuple[int, int, str]], document: DocumentInfo) -> str | None:
    title = " ".join(line for _, _, line in before)
    year_match = _YEAR.search(title)
    year = int(year_match.group(1)) if year_match else document.year
    if year is None:
        return document.period
    if "年末" in title or "年末" in header:
        return f"{year}M12"  # a stock read at the year's end
    if document.period and document.period.startswith(str(year)):
        return document.period
    return str(year)


def _row_facts(text: str, table: _Table, start: int, end: int, cells: list[str]) -> list[Fact]:
    label_unit = _LABEL_UNIT.search(cells[0])
    if label_unit is not None:
        cells = [cells[0][: label_unit.start()], *cells[1:]]  # 固定资产投资（亿元）
    subject = _subject(table, cells[0])
    indicator = lookup(subject) if subject else None
    row_unit = next(
        (cell for cell, column in zip(cells, table.columns, strict=False) if column.is_unit_column),
        None,
    )
    offsets = _cell_offsets(text, start, end, cells)
    facts = []
    for position, (cell, column) in enumerate(zip(cells, table.columns, strict=False)):
        if column.measure is None or position == 0 or not _NUMBER_CELL.fullmatch(cell):
            continue
        number = cell.split("[", 1)[0]
        number_start = offsets[position]
        facts.append(
            Fact(
                subject=subject,
                indicator=indicator.name if indicator else None,
                measure=column.measure,
                value=_cell_value(number),
                unit=column.unit
                or row_unit
                or (label_unit.group(1) if label_unit and column.measure in _AMOUNTS else None)
                or table.unit,
                period=table.period,
                span=(start, end),
                number_span=(number_start, number_start + len(number)),
                text=text[start:end],
            )
        )
    return facts


_LABEL_UNIT = re.compile(r"[（(]([^（()）=±%％]{1,6})[）)]\s*$")
_AMOUNTS = ("value", "target_value", "change")


def _cell_value(number: str) -> float:
    read = numeral(number.replace("−", "-").replace("－", "-"))
    if read is None:  # _NUMBER_CELL matched it, so it reads
        raise ValueError(f"unreadable table number {number!r}")
    return read.value


def _cell_offsets(text: str, start: int, end: int, cells: list[str]) -> list[int]:
    """Where each (stripped) cell starts: cells occur in the row in order."""
    line = text[start:end]
    offsets, position = [], 0
    for cell in cells:
        found = line.find(cell, position)
        if found < 0:  # a label joined from padded pieces (衣  着 → 衣着)
            offsets.append(start + position)
            continue
        offsets.append(start + found)
        position = found + len(cell)
    return offsets


def _subject(table: _Table, label: str) -> str | None:
    plain = _OUTLINE.sub("", _PADDING.sub("", label))
    part = _PART_MARK.match(plain)
    if part:
        plain = plain[part.end() :]
        table.in_parts = True
    if not plain:
        return None
    if table.topic is None or not table.in_parts or _shares_bigram(plain, table.topic):
        # A row that is not a part starts (or restarts) what the parts belong to.
        if not part:
            table.topic = _WHOLE_PREFIX.sub("", plain) or plain
            table.in_parts = False
        return _with_title_noun(plain, table.title)
    return plain + table.topic


def _shares_bigram(label: str, topic: str) -> bool:
    return any(label[i : i + 2] in topic for i in range(len(label) - 1))


def _with_title_noun(label: str, title: str) -> str:
    # A product table (…主要工业产品产量) lists 原煤, 水泥: the amount is their output.
    if "产品" in title and "产量" in title and not label.endswith(("量", "面积", "值", "额")):
        return label + "产量"
    return label
