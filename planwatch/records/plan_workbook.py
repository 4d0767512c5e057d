"""A plan as an Excel workbook: the template a planning office fills in, and its reading.

Four sheets, headed in Chinese: 计划 (地区, 上级地区, 年度, 标题 in column A and B), 目标,
重点任务 and 重大项目, one row each. Words are the interface's (增速目标, 以上, 续建在建) or
the codes of the plan file (growth_at_least, at_least, continuing); a stage may also be an
older word (在建, under_construction: ``vocabulary.project_stage``).
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from planwatch.errors import InvalidInput
from planwatch.records.archives import check_archive
from planwatch.records.filedata import validated
from planwatch.records.plans import PlanIn
from planwatch.vocabulary import project_stage, words

HEAD_SHEET = "计划"
HEAD_ROWS = {"地区": "region", "上级地区": "parent", "年度": "year", "标题": "title"}
SHEETS: dict[str, tuple[str, dict[str, str]]] = {
    "目标": (
        "targets",
        {
            "指标": "indicator",
            "目标类型": "kind",
            "目标值": "value",
            "单位": "unit",
            "限定": "qualifier",
            "口径": "basis",
            "比较对象": "other",
            "责任部门": "department",
            "计划表述": "text",
            "报送频率": "frequency",
            "报送时限": "due",
        },
    ),
    "重点任务": (
        "tasks",
        {
            "板块": "section",
            "任务": "title",
            "责任部门": "department",
            "目标值": "target_value",
            "单位": "unit",
            "说明": "description",
            "报送频率": "frequency",
            "报送时限": "due",
        },
    ),
    "重大项目": (
        "projects",
        {
            "项目名称": "name",
            "阶段": "stage",
            "总投资": "investment",
            "投资单位": "investment_unit",
            "责任部门": "department",
            "备注": "note",
            "报送频率": "frequency",
            "报送时限": "due",
        },
    ),
}
# a cell's word for a code: 增速目标 → growth_at_least, 以上 → at_least, 同口径 → comparable
QUALIFIER_WORDS = {"以上": "at_least", "不低于": "at_least", "以内": "at_most", "以下": "at_most"}
QUALIFIER_WORDS |= {"左右": "approx", "同步": "approx"}
CODED = {"kind": "target_kinds"}
EXAMPLE = {
    "目标": [
        "地区生产总值",
        "增速目标",
        8,
        "%",
        "以上",
        "",
        "",
        "区统计局",
        "地区生产总值增长8%以上",
    ],
    "重点任务": ["优化营商环境", "推进政务服务一网通办", "区政务服务局", "", "", ""],
    "重大项目": ["某产业园项目", "续建在建", 12.5, "亿元", "区发改委", ""],
}


def plan_template() -> bytes:
    """The empty plan workbook, one example row per sheet (delete or overwrite it)."""
    book = Workbook()
    head = book.active
    head.title = HEAD_SHEET
    for label in HEAD_ROWS:
        head.append([label, ""])
    head.column_dimensions["A"].width = 12
    head.column_dimensions["B"].width = 40
    for title, (_key, columns) in SHEETS.items():
        sheet = book.create_sheet(title)
        sheet.append(list(columns))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.append(EXAMPLE[title])
        for index in range(len(columns)):
            sheet.column_dimensions[chr(ord("A") + index)].width = 16
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read_plan_workbook(data: bytes, filename: str) -> PlanIn:
    """The plan a filled-in workbook holds; the first problem named with sheet and row."""
    check_archive(data, filename)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as err:
        raise InvalidInput(
            "records.plan_workbook.not_excel_workbook_xlsx", filename=filename
        ) from err
    if HEAD_SHEET not in book.sheetnames:
        raise InvalidInput(
            "records.plan_workbook.has_no_sheet", filename=filename, HEAD_SHEET=HEAD_SHEET
        )
    plan: dict[str, Any] = {}
    for row in book[HEAD_SHEET].iter_rows(values_only=True):
        key = HEAD_ROWS.get(str(row[0] or "").strip()) if row else None
        if key and len(row) > 1 and row[1] not in (None, ""):
            plan[key] = str(row[1]).strip() if key != "year" else row[1]
    for title, (key, columns) in SHEETS.items():
        if title in book.sheetnames:
            plan[key] = _rows(book[title], columns)
    book.close()
    return validated(PlanIn, plan, filename)


def _rows(sheet: Any, columns: dict[str, str]) -> list[dict[str, Any]]:
    rows = list(sheet.iter_rows(values_only=True))
    if not rows:
        return []
    header = [columns.get(str(cell or "").strip()) for cell in rows[0]]
    found = []
    for row in rows[1:]:
        item = {
            name: _cell(name, value)
            for name, value in zip(header, row, strict=False)
            if name and value not in (None, "")
        }
        if item:
            found.append(item)
    return found


def _cell(name: str, value: Any) -> Any:
    text = value.strip() if isinstance(value, str) else value
    if name in CODED and isinstance(text, str):
        for code, word in words(CODED[name]).items():
            if text in (word.zh, word.en):
                return code
    if name == "stage" and isinstance(text, str):
        return project_stage(text)
    if name == "qualifier" and isinstance(text, str):
        return QUALIFIER_WORDS.get(text, text)
    if name == "basis" and text == "同口径":
        return "comparable"
    if name in ("department", "text", "title", "name", "section", "note", "description"):
        return str(text)
    return text
