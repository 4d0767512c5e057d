"""An uploaded figure sheet checked whole: every problem at once, each at its cell.

``checked_sheet`` reads the workbook (``records.sheets``), then looks at each figure
against the database: the indicator is known, the period falls in a year the region has a plan
for (or the year before), a reporter enters only its own department's figures (and uploads its own template),
no figure is given twice, a unit converts to the catalogue's (万元 becomes 亿元), and the
validation rules pass. Every problem found is named with its sheet, row and column in
Chinese and English; if there is any, ``SheetRefused`` says them all and nothing is
stored. Otherwise the figures come back ready for ``submissions.enter_figures``.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from planwatch import units
from planwatch.errors import InvalidInput, PlanwatchError
from planwatch.periods import Period, span_of
from planwatch.records.checks import Figure, StoredFigures, blocking, check_figures
from planwatch.records.observations import ObservationIn
from planwatch.records.rule_edits import stored_rules
from planwatch.records.sheets import CellProblem, Place, ReadSheet, SheetFigure, read_sheet
from planwatch.records.submissions import entered, responsible_department
from planwatch.records.users import Account
from planwatch.store.models import Indicator, Plan
from planwatch.store.reference import indicator_row, region_row
from planwatch.vocabulary.messages import Both

SHOWN = 200  # problems listed in one answer; a sheet with more is the wrong sheet


class SheetRefused(InvalidInput):
    """A sheet with problems: all of them, each at its place; nothing was stored."""

    def __init__(self, filename: str, problems: list[CellProblem]) -> None:
        self.problems = sorted(problems, key=_order)
        count, first = len(self.problems), self.problems[0]
        super().__init__(
            "records.upload.sheet_refused",
            filename=filename,
            count=count,
            first=Both(first.text_en, first.text_zh),
        )
        self.filename = filename

    def __str__(self) -> str:
        count = len(self.problems)
        lines = [
            f"{self.filename}有{count}处问题，未导入任何数据 / "
            f"{self.filename}: {count} problem(s), nothing was stored"
        ]
        for problem in self.problems[:SHOWN]:
            lines += [f"  {problem.text_zh}", f"  {problem.text_en}"]
        return "\n".join([*lines, f"{self.zh_hint} / {self.hint}"])

    def as_dict(self) -> dict[str, object]:
        answer = super().as_dict()
        error = answer["error"]
        assert isinstance(error, dict)
        error["problems"] = [
            {
                "sheet": p.place.sheet,
                "row": p.place.row,
                "column": p.place.column,
                "zh": p.text_zh,
                "en": p.text_en,
            }
            for p in self.problems[:SHOWN]
        ]
        return answer


def _order(problem: CellProblem) -> tuple[str, int, int, str]:
    column = problem.place.column
    return (problem.place.sheet, problem.place.row, len(column), column)


@dataclass
class _Checked:
    item: ObservationIn
    figure: Figure
    places: dict[str, Place]


def checked_sheet(
    session: Session,
    user: Account,
    data: bytes,
    filename: str,
    region: str | None,
    period: str | None,
) -> list[ObservationIn]:
    """The sheet's figures, if every one passes; else SheetRefused naming every problem.
    ``region`` and ``period`` are the page's (or the command's), for rows naming none."""
    sheet = read_sheet(data, filename)
    problems = list(sheet.problems)
    problems += _template_problems(user, sheet, region, period)
    region = region or sheet.meta.get("region")
    period = period or sheet.meta.get("period")
    checked: list[_Checked] = []
    seen: dict[tuple[str, str, tuple[int, int], str], Place] = {}
    for figure in sheet.figures:
        found = _figure(session, user, figure, region, period, problems)
        if found is None:
            continue
        key = (
            found.item.region,
            found.figure.indicator,
            span_of(found.item.period),
            found.item.measure,
        )
        first = seen.setdefault(key, found.places["indicator"])
        if first is not found.places["indicator"]:
            problems.append(_repeat(found, first))
            continue
        checked.append(found)
    problems += _rule_problems(session, user, checked)
    if problems:
        raise SheetRefused(filename, problems)
    return [c.item for c in checked]


def _repeat(found: _Checked, first: Place) -> CellProblem:
    return CellProblem(
        found.places["indicator"],
        f"与第{first.row}行重复（{found.figure.indicator} 同一期间、同一口径），请只保留一行",
        f"repeats row {first.row} ({found.figure.indicator}, same period and measure): "
        "keep one of them",
    )


def _template_problems(
    user: Account, sheet: ReadSheet, region: str | None, period: str | None
) -> list[CellProblem]:
    """A template of another department, region or period than the upload's."""
    problems = []
    meta, places = sheet.meta, sheet.meta_places
    department = meta.get("department")
    if department and user.role == "reporter" and department != user.department:
        problems.append(
            CellProblem(
                places["department"],
                f"这是{department}的模板，不是{user.department}的；请下载本部门的模板",
                f"this is {department}'s template, not {user.department}'s: download your "
                "department's template from the entry page",
            )
        )
    for key, given, word in (("region", region, "地区"), ("period", period, "期间")):
        stated = meta.get(key)
        if stated and given and not _same(key, stated, given):
            problems.append(
                CellProblem(
                    places[key],
                    f"模板的{word}是{stated}，而上传到{given}；请下载{given}的模板",
                    f"the template is for {key} {stated}, but it was uploaded to {given}: "
                    f"download the template of {given}",
                )
            )
    return problems


def _same(key: str, stated: str, given: str) -> bool:
    if key == "period":
        try:
            return Period.parse(stated).code == Period.parse(given).code
        except InvalidInput:
            return False
    return stated.strip() == given.strip()


def _figure(
    session: Session,
    user: Account,
    figure: SheetFigure,
    region: str | None,
    period: str | None,
    problems: list[CellProblem],
) -> _Checked | None:
    fields, places = figure.fields, figure.places
    at = places["indicator"]
    where = {
        key: fields.get(key) or default for key, default in (("region", region), ("period", period))
    }
    before = len(problems)
    for key, word in (("region", "地区"), ("period", "期间")):
        if not where[key]:
            if any(p.en.startswith(f"no {key}") for p in problems):
                return None  # said once, for the first row that lacks it
            problems.append(
                CellProblem(
                    places.get(key, at),
                    f"没有{word}（此行及以下各行）：请填写{word}列，或为整张表指定{word}"
                    f"（网页：在该地区和期间的填报页上传；命令行：--{key}）",
                    f"no {key} (this row and those below): fill in a {word} ({key}) column, "
                    f"or give the whole sheet's {key} (web: upload on the region and period's "
                    f"entry page; command line: --{key})",
                )
            )
    indicator = _indicator(session, str(fields["indicator"]), at, problems)
    if len(problems) > before:
        return None
    plan_year = _plan_year(session, where, places.get("period", places["value"]), problems)
    if len(problems) > before or indicator is None or plan_year is None:
        return None
    if user.role == "reporter" and not _reporters(
        session, user, indicator, where, plan_year, at, problems
    ):
        return None
    unit = fields["unit"]
    value = fields["value"]
    if (
        fields["measure"] == "value"
        and unit
        and indicator.unit
        and units.comparable(unit, indicator.unit)
    ):
        value, unit = units.convert(value, unit, indicator.unit), indicator.unit  # 万元 → 亿元
    try:
        # a sheet's figures reach the office as submitted (a reporter's stay drafts)
        item = ObservationIn.model_validate(
            {**fields, **where, "value": value, "unit": unit, "status": "submitted"}
        )
    except ValidationError as err:
        problem = err.errors()[0]
        field = str(problem["loc"][0]) if problem["loc"] else "value"
        problems.append(
            CellProblem(
                places.get(field, places["value"]),
                f"{field}不符合要求（{problem['msg']}）",
                f"{field}: {problem['msg']}",
            )
        )
        return None
    return _Checked(item, entered(session, item), places)


def _indicator(
    session: Session, name: str, at: Place, problems: list[CellProblem]
) -> Indicator | None:
    try:
        return indicator_row(session, name)
    except PlanwatchError:
        problems.append(
            CellProblem(
                at,
                f"指标“{name}”不在指标目录中，请使用目录中的名称或别名",
                f'the indicator "{name}" is not in the catalogue: use a name or alias '
                "that `planwatch indicators` lists",
            )
        )
        return None


def _plan_year(
    session: Session, where: dict[str, str | None], at: Place, problems: list[CellProblem]
) -> int | None:
    try:
        region = region_row(session, str(where["region"]))
        period = Period.parse(str(where["period"]))
    except PlanwatchError as err:
        problems.append(CellProblem(at, err.zh or err.message, err.message))
        return None
    years = session.scalars(select(Plan.year).where(Plan.region_id == region.id)).all()
    # a region without a plan takes any year; with plans, a plan's year or the year before
    # it (last year's figures, the references of growth)
    if years and period.year not in years and period.year + 1 not in years:
        known = "、".join(str(y) for y in sorted(years)) or "无"
        problems.append(
            CellProblem(
                at,
                f"期间{period.code}不在{region.name}的计划年度内（已有计划：{known}）",
                f"the period {period.code} is outside {region.name}'s plans "
                f"(plans: {', '.join(str(y) for y in sorted(years)) or 'none'})",
            )
        )
        return None
    return period.year


def _reporters(
    session: Session,
    user: Account,
    indicator: Indicator,
    where: dict[str, str | None],
    year: int,
    at: Place,
    problems: list[CellProblem],
) -> bool:
    region = region_row(session, str(where["region"]))
    department = responsible_department(session, region, year, indicator)
    if department is not None and department.id == user.department_id:
        return True
    whose = department.name if department else None
    problems.append(
        CellProblem(
            at,
            f"{indicator.name}不由{user.department}填报" + (f"（由{whose}填报）" if whose else ""),
            f"{user.department} does not report {indicator.name}"
            + (f" ({whose} does)" if whose else ""),
        )
    )
    return False


def _rule_problems(session: Session, user: Account, checked: list[_Checked]) -> list[CellProblem]:
    """The validation rules over each region's figures together, at the cell to correct."""
    problems: list[CellProblem] = []
    for region in dict.fromkeys(c.item.region for c in checked):
        mine = [c for c in checked if c.item.region == region]
        figures = [c.figure for c in mine]
        known = StoredFigures(session, region_row(session, region).id)
        found = blocking(check_figures(figures, known, stored_rules(session)), figures)
        for problem in found:
            if problem.severity == "warning" and user.role == "reporter":
                continue  # a department's drafts may wait for their comment until submission
            places = mine[problem.figure].places
            problems.append(
                CellProblem(
                    places.get(problem.field, places["value"]),
                    f"{problem.title_zh}：{problem.text_zh}",
                    f"{problem.title_en}: {problem.text_en}",
                )
            )
    return problems
