"""Completeness and timeliness: what each department owes for a period, what is in, what
is late and by how long, and its on-time rate over the year (DHIS2's "reporting rate on
time": reports received by their due date over reports expected).

What a department owes comes from the reporting calendar (``reporting_items``, loaded with
the plan): an item reported every three months owes 2017Q1, 2017H1, 2017Q3 and 2017. A
figure is in when any measure of the indicator was entered for the same span (2017H1 =
2017Q2 = 2017M06) and has reached the planning office (submitted or later); it came in
when its first such version was entered.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Literal

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from planwatch.errors import NotFound
from planwatch.periods import Period, due_date, reported_at, reporting_periods
from planwatch.reads.figures import FigureBook
from planwatch.reads.plans import read
from planwatch.reads.regions import RegionRow
from planwatch.store.models import (
    Department,
    Indicator,
    Observation,
    Plan,
    ReportingItem,
    Target,
)
from planwatch.vocabulary import word

State = Literal["on_time", "late", "missing", "not_due"]
IN_OFFICE = ("submitted", "approved", "published")  # a draft has not reached the office

_ITEMS = (
    select(
        Department.name,
        Indicator.id,
        Indicator.name,
        Indicator.unit,
        ReportingItem.frequency,
        ReportingItem.due,
    )
    .join(Plan, ReportingItem.plan_id == Plan.id)
    .join(Department, ReportingItem.department_id == Department.id)
    .join(Indicator, ReportingItem.indicator_id == Indicator.id)
    .where(Plan.region_id == bindparam("region"), Plan.year == bindparam("year"))
    .order_by(ReportingItem.position)
)
_RECEIVED = (
    select(Observation.indicator_id, Observation.period, func.min(Observation.created_at))
    .where(
        Observation.region_id == bindparam("region"),
        Observation.period.like(bindparam("year_prefix")),
        Observation.status.in_(IN_OFFICE),
    )
    .group_by(Observation.indicator_id, Observation.period)
)


@dataclass(frozen=True, slots=True)
class CalendarItem:
    department: str
    indicator_id: int
    indicator: str
    unit: str | None
    frequency: str
    due: str

    @property
    def every(self) -> int:
        return int(word("frequencies", self.frequency).forms["months"])


@dataclass(frozen=True, slots=True)
class Owed:
    """One report a department owes: the indicator, its period, due date, and where it is."""

    department: str
    indicator: str
    unit: str | None
    frequency: str
    period: str
    due: date
    received: datetime | None
    state: State
    days_late: int | None  # late: after the due date; missing: overdue for this many days
    days_left: int | None  # not due yet: days until the due date


@dataclass(frozen=True, slots=True)
class DepartmentCompleteness:
    department: str
    owed: list[Owed]
    year_expected: int  # reports due in the year so far (up to the period)
    year_on_time: int

    @property
    def expected(self) -> int:
        return len(self.owed)

    @property
    def received(self) -> int:
        return sum(1 for o in self.owed if o.received is not None)

    @property
    def late(self) -> list[Owed]:
        return [o for o in self.owed if o.state == "late"]

    @property
    def missing(self) -> list[Owed]:
        return [o for o in self.owed if o.state in ("missing", "not_due")]

    @property
    def on_time_rate(self) -> float | None:
        """Percent of the year's reports due so far that came in by their due date."""
        return 100 * self.year_on_time / self.year_expected if self.year_expected else None


@dataclass(frozen=True, slots=True)
class Completeness:
    region: RegionRow
    period: str
    as_of: date
    departments: list[DepartmentCompleteness] = field(default_factory=list)

    @property
    def expected(self) -> int:
        return sum(d.expected for d in self.departments)

    @property
    def received(self) -> int:
        return sum(d.received for d in self.departments)

    @property
    def late(self) -> int:
        return sum(len(d.late) for d in self.departments)

    @property
    def overdue(self) -> int:
        return sum(1 for d in self.departments for o in d.owed if o.state == "missing")


def calendar_items(session: Session, region: RegionRow, year: int) -> list[CalendarItem]:
    """The region's reporting calendar of ``year``, in plan order."""
    return [CalendarItem(*row) for row in read(session, _ITEMS, region=region.id, year=year)]


def completeness(
    session: Session, region: RegionRow, period: Period, as_of: date | None = None
) -> Completeness:
    """Per department: what is owed for ``period``, and the on-time rate of the year so far."""
    today = as_of or datetime.now(UTC).date()
    items = calendar_items(session, region, period.year)
    received = _received(session, region, period.year)
    by_department: dict[str, DepartmentCompleteness] = {}
    for item in items:
        year = [
            owed(item, p, received.get((item.indicator_id, p.months)), today)
            for p in reporting_periods(item.every, period.year, period.months)
        ]
        due = [o for o in year if o.state != "not_due"]
        now = year[-1:] if reported_at(item.every, period) else []
        before = by_department.get(item.department) or DepartmentCompleteness(
            item.department, [], 0, 0
        )
        by_department[item.department] = DepartmentCompleteness(
            item.department,
            before.owed + now,
            before.year_expected + len(due),
            before.year_on_time + sum(1 for o in due if o.state == "on_time"),
        )
    return Completeness(region, period.code, today, list(by_department.values()))


def owed(item: CalendarItem, period: Period, received: datetime | None, today: date) -> Owed:
    """Where one report stands on ``today``: in on time, in late, overdue, or not due yet."""
    due = due_date(period, item.due)
    came = received.date() if received else None
    if came is not None:
        late = (came - due).days
        state: State = "late" if late > 0 else "on_time"
        days_late, days_left = (late if late > 0 else None), None
    elif today > due:
        state, days_late, days_left = "missing", (today - due).days, None
    else:
        state, days_late, days_left = "not_due", None, (due - today).days
    return Owed(
        item.department,
        item.indicator,
        item.unit,
        item.frequency,
        period.code,
        due,
        received,
        state,
        days_late,
        days_left,
    )


def _received(session: Session, region: RegionRow, year: int) -> dict[tuple[int, int], datetime]:
    """When each indicator's figure of each span of the year first reached the office."""
    found: dict[tuple[int, int], datetime] = {}
    for indicator_id, code, first in read(
        session, _RECEIVED, region=region.id, year_prefix=f"{year}%"
    ):
        key = (indicator_id, Period.parse(code).months)
        stamp = first if first.tzinfo else first.replace(tzinfo=UTC)
        found[key] = min(found.get(key, stamp), stamp)
    return found


@dataclass(frozen=True, slots=True)
class TemplateRow:
    """One line of a department's Excel template: what to enter, with references."""

    indicator: str
    measure: str
    unit: str | None
    last_year: float | None  # the same period last year, as it counts
    target: str | None  # the annual target as the plan states it


_TARGETS = (
    select(Target.indicator_id, Target.kind, Target.value, Target.unit)
    .join(Plan, Target.plan_id == Plan.id)
    .where(Plan.region_id == bindparam("region"), Plan.year == bindparam("year"))
    .order_by(Target.position)
)


def template_rows(
    session: Session, region: RegionRow, department: str, period: Period
) -> list[TemplateRow]:
    """The department's calendar items in plan order, a value and a growth line each."""
    items = [i for i in calendar_items(session, region, period.year) if i.department == department]
    if not items:
        raise NotFound(
            "reads.collection.not_in_calendar",
            department=department,
            region=region.name,
            year=period.year,
        )
    book = FigureBook(session, region, (period.year - 1,))
    targets: dict[int, list[str]] = {}
    for indicator_id, kind, value, unit in read(
        session, _TARGETS, region=region.id, year=period.year
    ):
        if value is not None:
            words = word("target_kinds", kind).zh
            targets.setdefault(indicator_id, []).append(f"{words} {value:g}{unit or ''}")
    last = period.same_period_last_year()
    rows = []
    for item in items:
        target = "；".join(targets.get(item.indicator_id, [])) or None
        for measure, unit in (("value", item.unit), ("yoy_growth", "%")):
            figure = book.get(item.indicator_id, last, measure)
            rows.append(
                TemplateRow(item.indicator, measure, unit, figure.value if figure else None, target)
            )
    return rows


def reminders_due(found: Completeness, soon_days: int = 3) -> dict[str, list[Owed]]:
    """Per department, the reports to remind it of: overdue, or due within ``soon_days``."""
    due: dict[str, list[Owed]] = {}
    for department in found.departments:
        owed = [
            o
            for o in department.owed
            if o.state == "missing"
            or (o.state == "not_due" and o.days_left is not None and o.days_left <= soon_days)
        ]
        if owed:
            due[department.department] = owed
    return due


def reminder_text(region: str, period: str, department: str, owed: list[Owed]) -> str:
    """The reminder a department reads: exactly what is missing, and by when."""
    lines = [f"【{region}计划执行监测】{department}：{period}以下数据尚未报送，请尽快填报："]
    for o in owed:
        when = f"已逾期{o.days_late}天" if o.state == "missing" else f"还剩{o.days_left}天"
        lines.append(f"- {o.indicator}（{o.period}，截止{o.due.isoformat()}，{when}）")
    return "\n".join(lines)
