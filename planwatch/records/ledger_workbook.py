"""The project list (项目台账) as an Excel sheet: the columns it is written with, and the
sheet read back to add and update projects.

``COLUMNS`` is the one list of the sheet's columns (the web export writes them through
``web/tables.py``); ``import_ledger`` checks every row and cell first and raises
``SheetProblems`` listing each problem with its row and column, storing nothing then;
otherwise it adds the rows without 编号 and sets exactly the cells that differ on the rest,
each change audited by the store's hooks.
"""

from __future__ import annotations

import io
import math
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from planwatch.errors import InvalidInput, NotFound, PlanwatchError
from planwatch.records.archives import check_archive
from planwatch.records.ledger import add_project, close_project, edit_project, project_row
from planwatch.records.numbers import LIMIT
from planwatch.records.users import Account, check_allowed
from planwatch.store.models import Plan, Project
from planwatch.store.reference import region_row, stored_department
from planwatch.vocabulary import words
from planwatch.vocabulary.messages import Both


@dataclass(frozen=True)
class Column:
    field: str  # the ledger field (``department``: the lead department's name)
    zh: str
    en: str
    kind: str = "text"  # text, number, date, category, level


COLUMNS = (
    Column("id", "编号", "id", "id"),
    Column("name", "项目名称", "name"),
    Column("category", "类别", "category", "category"),
    Column("level", "级别", "level", "level"),
    Column("department", "牵头单位", "lead department"),
    Column("responsible", "责任人", "responsible"),
    Column("location", "建设地点", "location"),
    Column("investment", "总投资", "total investment", "number"),
    Column("investment_unit", "计量单位", "unit"),
    Column("year_investment", "年度计划投资", "planned this year", "number"),
    Column("planned_start", "计划开工", "planned start", "date"),
    Column("actual_start", "实际开工", "actual start", "date"),
    Column("planned_completion", "计划竣工", "planned completion", "date"),
    Column("actual_completion", "实际竣工", "actual completion", "date"),
    Column("note", "备注", "note"),
)
CODED = {"category": "project_categories", "level": "project_levels"}
FORMULA_GUARD = "'"  # web/tables.py writes formula-like text behind an apostrophe


def region_plan(session: Session, code: str, year: int) -> Plan:
    """The region's plan for ``year``, whose projects the sheet lists."""
    region = region_row(session, code)
    plan = session.scalar(select(Plan).where(Plan.region_id == region.id, Plan.year == year))
    if plan is None:
        raise NotFound("records.ledger_workbook.has_no_plan", name=region.name, year=year)
    return plan


def ledger_cells(session: Session, user: Account, plan: Plan) -> list[list[Any]]:
    """The sheet's rows for the plan's projects (the planning office only)."""
    check_allowed(session, user, "manage_projects", plan.region)
    return [cells_of(p) for p in sorted(plan.projects, key=lambda p: (p.position, p.id))]


def cells_of(project: Project) -> list[Any]:
    """One project's row of the sheet, in ``COLUMNS`` order (codes as Chinese words)."""
    row: list[Any] = []
    for column in COLUMNS:
        if column.field == "department":
            value: Any = project.department.name if project.department else None
        else:
            value = getattr(project, column.field)
        if column.kind in CODED and value:
            value = words(CODED[column.kind])[value].zh
        row.append(value.isoformat() if isinstance(value, date) else value)
    return row


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    error: PlanwatchError

    def said(self) -> dict[str, Any]:
        e = self.error
        return {
            "row": self.row,
            "column": self.column,
            "message": e.message,
            "hint": e.hint,
            "zh": e.zh,
            "zh_hint": e.zh_hint,
        }


class SheetProblems(InvalidInput):
    """Every problem of an uploaded sheet, each with its row and column; nothing was stored."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        first = problems[0]
        first_said = Both(first.error.message, first.error.zh or first.error.message)
        super().__init__(
            "records.ledger_workbook.sheet_problems",
            count=len(problems),
            row=first.row,
            column=first.column,
            first=first_said,
        )
        self.problems = list(problems)


def open_book(data: bytes, filename: str) -> Any:
    """The uploaded workbook, opened read-only once its parts are checked."""
    if not data:
        raise InvalidInput("records.ledger_workbook.empty", filename=filename)
    check_archive(data, filename)  # before openpyxl could unpack a bomb
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as err:
        raise InvalidInput(
            "records.ledger_workbook.not_excel_workbook_xlsx", filename=filename
        ) from err


def sheet_rows(data: bytes, filename: str) -> list[tuple[Any, ...]]:
    """The first sheet's rows as values (the header first)."""
    book = open_book(data, filename)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    return rows


def header_map(header: Sequence[Any], wanted: Sequence[Column]) -> dict[str, int]:
    """Which position holds each column, by its Chinese or English heading."""
    names = {c.zh: c.field for c in wanted} | {c.en.lower(): c.field for c in wanted}
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        key = names.get(str(cell or "").strip()) or names.get(str(cell or "").strip().lower())
        if key:
            found[key] = index
    return found


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    if text.startswith(FORMULA_GUARD) and text[1:2] in ("=", "+", "-", "@"):
        text = text[1:]
    return text or None


def _number(value: Any) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(str(value).replace(",", "")) if isinstance(value, str) else float(value)
    except (TypeError, ValueError) as err:
        raise InvalidInput("records.ledger_workbook.not_number", value=value) from err
    if not math.isfinite(number) or not 0 <= number <= LIMIT:
        raise InvalidInput("records.ledger_workbook.not_amount", value=value)
    return number


def _date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    if text is None:
        return None
    try:
        return date.fromisoformat(text.replace("/", "-"))
    except ValueError as err:
        raise InvalidInput("records.ledger_workbook.not_date", text=text) from err


def _code(value: Any, group: str) -> str | None:
    text = _text(value)
    if text is None:
        return None
    for code, word in words(group).items():
        if text in (code, word.zh, word.en):
            return code
    known = "、".join(w.zh for w in words(group).values())
    raise InvalidInput("records.ledger_workbook.not_one", text=text, known=known)


def cell_value(column: Column, value: Any) -> Any:
    """A cell read as the ledger field's value (a problem raises ``InvalidInput``)."""
    if column.kind == "number":
        return _number(value)
    if column.kind == "date":
        return _date(value)
    if column.kind in CODED:
        return _code(value, CODED[column.kind])
    if column.kind == "id":
        number = _number(value)
        return int(number) if number is not None else None
    return _text(value)


@dataclass
class LedgerImport:
    """What an import did: projects added, and each cell changed (project, field, old, new)."""

    added: list[str] = field(default_factory=list)
    changes: list[tuple[str, str, Any, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class _Row:
    number: int
    values: dict[str, Any]


def _read(session: Session, plan: Plan, rows: list[tuple[Any, ...]]) -> list[_Row]:
    if not rows:
        raise SheetProblems(
            [
                Problem(
                    1,
                    "—",
                    InvalidInput("records.ledger_workbook.sheet_empty"),
                )
            ]
        )
    at = header_map(rows[0], COLUMNS)
    if "name" not in at:
        raise SheetProblems(
            [
                Problem(
                    1,
                    "项目名称",
                    InvalidInput("records.ledger_workbook.row_1_has_no"),
                )
            ]
        )
    ours = {p.id: p for p in plan.projects}
    problems: list[Problem] = []
    read: list[_Row] = []
    for number, raw in enumerate(rows[1:], start=2):
        if all(cell in (None, "") for cell in raw):
            continue
        values: dict[str, Any] = {}
        for column in COLUMNS:
            if column.field not in at:
                continue
            index = at[column.field]
            try:
                values[column.field] = cell_value(column, raw[index] if index < len(raw) else None)
            except InvalidInput as err:
                problems.append(Problem(number, column.zh, err))
        problems.extend(_row_problems(session, plan, ours, number, values))
        read.append(_Row(number, values))
    if problems:
        raise SheetProblems(problems)
    return read


def _row_problems(
    session: Session, plan: Plan, ours: dict[int, Project], number: int, values: dict[str, Any]
) -> list[Problem]:
    found: list[Problem] = []
    pid = values.get("id")
    if pid is not None and pid not in ours:
        found.append(
            Problem(
                number,
                "编号",
                NotFound("records.ledger_workbook.project_not_this_plan", pid=pid),
            )
        )
    if "name" in values and not values["name"]:
        found.append(
            Problem(
                number,
                "项目名称",
                InvalidInput("records.ledger_workbook.project_needs_name"),
            )
        )
    if values.get("department"):
        try:
            stored_department(session, plan.region, values["department"])
        except NotFound as err:
            found.append(
                Problem(
                    number,
                    "牵头单位",
                    NotFound(
                        "records.ledger_workbook.problem_2",
                        message=err.message,
                        p1=values["department"],
                    ),
                )
            )
    return found


def import_ledger(
    session: Session, user: Account, plan: Plan, rows: list[tuple[Any, ...]]
) -> LedgerImport:
    """Add the rows without 编号, set the differing cells of the rest; all or nothing."""
    check_allowed(session, user, "manage_projects", plan.region)
    done = LedgerImport()
    for row in _read(session, plan, rows):
        values = dict(row.values)
        pid = values.pop("id", None)
        if pid is None:
            department = values.pop("department", None)
            added = add_project(session, user, plan, values.pop("name"), department)
            done.added.append(added.name)
            _set(session, user, added, values)
        else:
            done.changes.extend(_update(session, user, plan, pid, values))
    session.flush()
    return done


def _update(
    session: Session, user: Account, plan: Plan, pid: int, values: dict[str, Any]
) -> list[tuple[str, str, Any, Any]]:
    """Set the cells that differ on project ``pid``; the changes as (project, field, old, new)."""
    project = next(p for p in plan.projects if p.id == pid)  # checked in _read
    changes: list[tuple[str, str, Any, Any]] = []
    if "department" in values:
        name = values.pop("department")
        now = project.department.name if project.department else None
        if name != now:
            lead = stored_department(session, plan.region, name) if name else None
            project.department_id = lead.id if lead else None
            changes.append((project.name, "department", now, name))
    changed = {k: v for k, v in values.items() if getattr(project, k) != v}
    changes.extend((project.name, k, getattr(project, k), v) for k, v in changed.items())
    _set(session, user, project, changed)
    return changes


def _set(session: Session, user: Account, project: Project, values: dict[str, Any]) -> None:
    changed = {k: v for k, v in values.items() if getattr(project, k) != v}
    if changed:
        edit_project(session, user, project.id, **changed)


# the month's progress through Excel: a department's template, filled in and uploaded
PROGRESS_SHEET, MILESTONE_SHEET, META_SHEET = "项目进展", "项目节点", "planwatch"
PROGRESS_HEADERS = (
    "编号",
    "项目名称",
    "单位",
    "上月累计完成投资",
    "上月形象进度",
    "自年初累计完成投资",
    "形象进度",
)
MILESTONE_HEADERS = ("项目编号", "节点编号", "项目名称", "节点", "计划时间", "完成时间")


@dataclass(frozen=True)
class TemplateLine:
    """A project's line of the template: last month beside this month's open cells."""

    project_id: int
    name: str
    unit: str
    last_ytd: float | None
    last_text: str | None
    ytd: float | None
    text: str | None
    milestones: tuple[tuple[int, str, date, date | None], ...] = ()


def progress_template(
    region: str, department: str, month: str, lines: Sequence[TemplateLine]
) -> bytes:
    """The department's sheet for ``month``: names and last month locked, the month's cells open."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, Protection

    book = Workbook()
    sheet = book.active
    sheet.title = PROGRESS_SHEET
    sheet.append(list(PROGRESS_HEADERS))
    for line in lines:
        sheet.append(
            [
                line.project_id,
                line.name,
                line.unit,
                line.last_ytd,
                line.last_text,
                line.ytd,
                line.text,
            ]
        )
    dates = book.create_sheet(MILESTONE_SHEET)
    dates.append(list(MILESTONE_HEADERS))
    for line in lines:
        for mid, name, planned, done in line.milestones:
            dates.append(
                [
                    line.project_id,
                    mid,
                    line.name,
                    name,
                    planned.isoformat(),
                    done.isoformat() if done else None,
                ]
            )
    for ws, open_columns, widths in (
        (sheet, "FG", (8, 28, 8, 16, 30, 18, 36)),
        (dates, "F", (10, 10, 28, 16, 12, 12)),
    ):
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for number in range(2, ws.max_row + 1):
            for column in open_columns:
                ws[f"{column}{number}"].protection = Protection(locked=False)
        ws.protection.sheet = True
        for index, width in enumerate(widths):
            ws.column_dimensions["ABCDEFG"[index]].width = width
    meta = book.create_sheet(META_SHEET)
    for pair in (
        ("template", "project_progress"),
        ("region", region),
        ("department", department),
        ("period", month),
    ):
        meta.append(list(pair))
    meta.sheet_state = "hidden"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@dataclass(frozen=True)
class FilledTemplate:
    """An uploaded progress sheet: what it says of itself, its lines, and where each field is."""

    meta: dict[str, str]
    lines: list[tuple[int, str, str, dict[int, str]]]  # project, ytd, text, {milestone: date}
    places: dict[str, tuple[int, str]]  # a form field's name → (row, column) in the sheet


def read_progress(data: bytes, filename: str) -> FilledTemplate:
    """The filled-in template read back; a sheet that is not one is refused."""
    book = open_book(data, filename)
    if PROGRESS_SHEET not in book.sheetnames or META_SHEET not in book.sheetnames:
        book.close()
        raise InvalidInput("records.ledger_workbook.not_progress_template", filename=filename)
    meta = {
        str(r[0]): str(r[1])
        for r in book[META_SHEET].iter_rows(values_only=True)
        if len(r) > 1 and r[0] and r[1]
    }
    lines: dict[int, tuple[str, str, dict[int, str]]] = {}
    places: dict[str, tuple[int, str]] = {}
    for number, row in enumerate(
        book[PROGRESS_SHEET].iter_rows(min_row=2, values_only=True), start=2
    ):
        if not row or not isinstance(row[0], int | float):
            continue
        pid = int(row[0])
        ytd, text = (row[5] if len(row) > 5 else None), (row[6] if len(row) > 6 else None)
        lines[pid] = ("" if ytd is None else str(ytd), "" if text is None else str(text), {})
        places[f"ytd-{pid}"] = (number, PROGRESS_HEADERS[5])
        places[f"text-{pid}"] = (number, PROGRESS_HEADERS[6])
    if MILESTONE_SHEET in book.sheetnames:
        for number, row in enumerate(
            book[MILESTONE_SHEET].iter_rows(min_row=2, values_only=True), start=2
        ):
            if (
                len(row) < 6
                or not isinstance(row[0], int | float)
                or not isinstance(row[1], int | float)
            ):
                continue
            pid, mid, done = int(row[0]), int(row[1]), row[5]
            shown = (
                done.date().isoformat()
                if isinstance(done, datetime)
                else ("" if done is None else str(done))
            )
            lines.setdefault(pid, ("", "", {}))[2][mid] = shown
            places[f"done-{pid}-{mid}"] = (number, f"{MILESTONE_SHEET}·{MILESTONE_HEADERS[5]}")
    book.close()
    return FilledTemplate(meta, [(pid, *line) for pid, line in lines.items()], places)


def edit_from_form(
    session: Session, user: Account, project_id: int, form: dict[str, str]
) -> list[tuple[str, str, Any, Any]]:
    """The project page's edit form: the sheet's columns as typed, set where they differ."""
    project = project_row(session, project_id)
    plan = project.plan
    check_allowed(session, user, "manage_projects", plan.region)
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for column in COLUMNS[1:]:
        if column.field in form:
            try:
                values[column.field] = cell_value(column, form[column.field])
            except InvalidInput as err:
                problems.append(Problem(0, column.zh, err))
    problems += _row_problems(session, plan, {project.id: project}, 0, values)
    if problems:
        raise InvalidInput(
            "records.ledger_workbook.problem",
            p1="; ".join(f"{p.column}: {p.error.message}" for p in problems),
            p2="；".join(f"{p.column}：{p.error.zh or p.error.message}" for p in problems),
        )
    return _update(session, user, plan, project.id, values)


def close_on(session: Session, user: Account, project_id: int, completed: str) -> Project:
    """Close a project (竣工) on the date typed."""
    day = _date(completed)
    if day is None:
        raise InvalidInput("records.ledger_workbook.closing_needs_completion_date")
    return close_project(session, user, project_id, day)
