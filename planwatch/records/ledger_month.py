"""A month's progress of several projects entered at once (the web form, the Excel sheet).

Each line is what a person typed for one project: the investment completed since January,
the 形象进度 text and the done dates of its milestones. ``store_month`` checks every line
first and raises ``MonthProblems`` naming each field that is wrong (nothing is stored
then); otherwise it stores every line in the caller's transaction.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from planwatch.errors import InvalidInput, PlanwatchError
from planwatch.periods import Period, period_end
from planwatch.records.ledger import (
    ProgressIn,
    check_lead,
    enter_progress,
    mark_milestone,
    month_code,
    project_row,
)
from planwatch.records.numbers import LIMIT
from planwatch.records.users import Account
from planwatch.store.models import Project

TEXT_LIMIT = 2000


@dataclass(frozen=True)
class MonthLine:
    """One project's row as typed; ``done`` maps a milestone's id to its done date."""

    project_id: int
    investment_ytd: str = ""
    text: str = ""
    done: Mapping[int, str] = field(default_factory=dict)

    def empty(self) -> bool:
        return not (self.investment_ytd.strip() or self.text.strip() or any(self.done.values()))


def ytd_field(project_id: int) -> str:
    return f"ytd-{project_id}"


def text_field(project_id: int) -> str:
    return f"text-{project_id}"


def done_field(project_id: int, milestone_id: int) -> str:
    return f"done-{project_id}-{milestone_id}"


class MonthProblems(InvalidInput):
    """Every wrong field of a month's entry, by field name (``ytd-3``, ``done-3-7``)."""

    def __init__(self, problems: Mapping[str, PlanwatchError]) -> None:
        super().__init__("records.ledger_month.fields_to_correct", count=len(problems))
        self.problems = dict(problems)


def _amount(raw: str) -> float:
    try:
        value = float(raw.replace(",", ""))
    except ValueError as err:
        raise InvalidInput("records.ledger_month.not_number", raw=raw) from err
    if not math.isfinite(value) or abs(value) > LIMIT:
        raise InvalidInput("records.ledger_month.out_range", raw=raw)
    if value < 0:
        raise InvalidInput("records.ledger_month.completed_investment_cannot_be")
    return value


def _not_below(value: float, before: float | None, month: str) -> None:
    if before is not None and value < before:
        raise InvalidInput(
            "records.ledger_month.year_date_figure_below", value=value, month=month, before=before
        )


def _day(raw: str, last: date) -> date:
    try:
        day = date.fromisoformat(raw.strip())
    except ValueError as err:
        raise InvalidInput("records.ledger_month.not_date", raw=raw) from err
    if day > last:
        raise InvalidInput("records.ledger_month.after_month_s_end", day=day, last=last)
    return day


def previous_ytd(row: Project, period: Period) -> tuple[str, float] | None:
    """The latest earlier month of the same year with a year-to-date figure."""
    code = month_code(period)
    earlier = [
        p
        for p in row.progress
        if p.period.startswith(f"{period.year}M")
        and p.period < code
        and p.investment_ytd is not None
    ]
    if not earlier:
        return None
    last = max(earlier, key=lambda p: p.period)
    assert last.investment_ytd is not None
    return last.period, last.investment_ytd


@dataclass(frozen=True)
class _Checked:
    project: Project
    line: MonthLine
    investment_ytd: float | None
    done: dict[int, date | None]


def _check(row: Project, line: MonthLine, period: Period, last: date) -> _Checked:
    problems: dict[str, PlanwatchError] = {}
    ytd: float | None = None
    if line.investment_ytd.strip():
        try:
            ytd = _amount(line.investment_ytd.strip())
            before = previous_ytd(row, period)
            _not_below(ytd, before[1] if before else None, before[0] if before else "")
        except InvalidInput as err:
            problems[ytd_field(row.id)] = err
    if len(line.text) > TEXT_LIMIT:
        problems[text_field(row.id)] = InvalidInput(
            "records.ledger_month.progress_text_longer_than", TEXT_LIMIT=TEXT_LIMIT
        )
    known = {m.id for m in row.milestones}
    done: dict[int, date | None] = {}
    for milestone_id, raw in line.done.items():
        if milestone_id not in known:
            problems[done_field(row.id, milestone_id)] = InvalidInput(
                "records.ledger_month.milestone_not_one_s", milestone_id=milestone_id, name=row.name
            )
            continue
        try:
            done[milestone_id] = _day(raw, last) if raw.strip() else None
        except InvalidInput as err:
            problems[done_field(row.id, milestone_id)] = err
    if problems:
        raise MonthProblems(problems)
    return _Checked(row, line, ytd, done)


def store_month(session: Session, user: Account, period: Period, lines: Sequence[MonthLine]) -> int:
    """Check every line, then store them all; returns how many projects were entered.

    A reporter may enter only the projects its department leads (403 otherwise, before any
    check); a blank line is skipped; any wrong field raises ``MonthProblems``.
    """
    last = period_end(period)
    wanted = [line for line in lines if not line.empty()]
    rows = [project_row(session, line.project_id) for line in wanted]
    for row in rows:
        check_lead(session, user, row)
    problems: dict[str, PlanwatchError] = {}
    checked: list[_Checked] = []
    for row, line in zip(rows, wanted, strict=True):
        try:
            checked.append(_check(row, line, period, last))
        except MonthProblems as err:
            problems.update(err.problems)
    if problems:
        raise MonthProblems(problems)
    checked = [one for one in checked if _enters_something(one)]
    if not checked:
        raise InvalidInput("records.ledger_month.nothing_was_entered")
    for one in checked:
        _store(session, user, period, one)
    return len(checked)


def _enters_something(one: _Checked) -> bool:
    """A figure or a text, or a milestone date other than the stored one."""
    stored = {m.id: m.done for m in one.project.milestones}
    moved = any(stored.get(mid) != day for mid, day in one.done.items())
    return moved or one.investment_ytd is not None or bool(one.line.text.strip())


def _store(session: Session, user: Account, period: Period, one: _Checked) -> None:
    stored = {m.id: m.done for m in one.project.milestones}
    for milestone_id, day in one.done.items():
        if stored.get(milestone_id) != day:
            mark_milestone(session, user, milestone_id, day)
    if one.investment_ytd is not None or one.line.text.strip():
        item = ProgressIn(one.project.id, period.code, one.investment_ytd, one.line.text)
        enter_progress(session, user, item)
