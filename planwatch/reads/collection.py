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
from sqlalchemy.orm import Session, aliased

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
    Project,
    ProjectProgress,
    Reminder,
    ReportingItem,
    Target,
    Task,
    TaskProgress,
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


# a key task's progress is reported every quarter, a major project's every month (the
# 重点项目调度), unless the plan sets the item's own; a due rule not set is its frequency's
TASK_FREQUENCY, PROJECT_FREQUENCY = "quarterly", "monthly"
ItemKind = Literal["indicator", "task", "project"]

_TASK_ITEMS = (
    select(Department.name, Task.id, Task.title, Task.frequency, Task.due)
    .join(Plan, Task.plan_id == Plan.id)
    .join(Department, Task.department_id == Department.id)
    .where(Plan.region_id == bindparam("region"), Plan.year == bindparam("year"))
    .order_by(Task.position)
)
_PROJECT_ITEMS = (
    select(Department.name, Project.id, Project.name, Project.frequency, Project.due)
    .join(Plan, Project.plan_id == Plan.id)
    .join(Department, Project.department_id == Department.id)
    .where(Plan.region_id == bindparam("region"), Plan.year == bindparam("year"))
    .order_by(Project.position)
)
_TASK_RECEIVED = (
    select(TaskProgress.task_id, TaskProgress.period, func.min(TaskProgress.created_at))
    .join(Task, TaskProgress.task_id == Task.id)
    .join(Plan, Task.plan_id == Plan.id)
    .where(
        Plan.region_id == bindparam("region"), TaskProgress.period.like(bindparam("year_prefix"))
    )
    .group_by(TaskProgress.task_id, TaskProgress.period)
)
_PROJECT_RECEIVED = (
    select(ProjectProgress.project_id, ProjectProgress.period, func.min(ProjectProgress.entered_at))
    .join(Project, ProjectProgress.project_id == Project.id)
    .join(Plan, Project.plan_id == Plan.id)
    .where(
        Plan.region_id == bindparam("region"),
        ProjectProgress.period.like(bindparam("year_prefix")),
        ProjectProgress.status != "draft",
    )
    .group_by(ProjectProgress.project_id, ProjectProgress.period)
)


@dataclass(frozen=True, slots=True)
class CalendarItem:
    department: str
    indicator_id: int  # the indicator's, task's or project's id (by ``kind``)
    indicator: str  # the indicator's name, the task's title or the project's name
    unit: str | None
    frequency: str
    due: str
    kind: ItemKind = "indicator"

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
    kind: ItemKind = "indicator"


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
    """The region's reporting calendar of ``year``, in plan order: the indicators each
    department reports, then its key tasks' and major projects' progress."""
    items = [CalendarItem(*row) for row in read(session, _ITEMS, region=region.id, year=year)]
    for query, kind, default in (
        (_TASK_ITEMS, "task", TASK_FREQUENCY),
        (_PROJECT_ITEMS, "project", PROJECT_FREQUENCY),
    ):
        for department, item_id, name, frequency, due in read(
            session, query, region=region.id, year=year
        ):
            every = frequency or default
            due = due or str(word("frequencies", every).forms["due"])
            items.append(CalendarItem(department, item_id, name, None, every, due, kind))  # type: ignore[arg-type]
    return items


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
            owed(item, p, received.get((item.kind, item.indicator_id, p.months)), today)
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
        item.kind,
    )


def _received(
    session: Session, region: RegionRow, year: int
) -> dict[tuple[str, int, int], datetime]:
    """When each indicator's figure (a task's, a project's progress) of each span of the
    year first reached the office."""
    found: dict[tuple[str, int, int], datetime] = {}
    for kind, query in (
        ("indicator", _RECEIVED),
        ("task", _TASK_RECEIVED),
        ("project", _PROJECT_RECEIVED),
    ):
        for item_id, code, first in read(session, query, region=region.id, year_prefix=f"{year}%"):
            key = (kind, item_id, Period.parse(code).months)
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
    items = [
        i
        for i in calendar_items(session, region, period.year)
        if i.department == department and i.kind == "indicator"
    ]
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
    """The reminder a department reads: exactly what is missing, and by when (in Chinese,
    then in English)."""
    lines = [f"【{region}计划执行监测】{department}：{period}以下数据尚未报送，请尽快填报："]
    for o in owed:
        when = f"已逾期{o.days_late}天" if o.state == "missing" else f"还剩{o.days_left}天"
        lines.append(f"- {o.indicator}（{o.period}，截止{o.due.isoformat()}，{when}）")
    lines.append(f"[{region} plan monitoring] {department}: not yet reported for {period}:")
    for o in owed:
        when = f"{o.days_late} days overdue" if o.state == "missing" else f"{o.days_left} days left"
        lines.append(f"- {o.indicator} ({o.period}, due {o.due.isoformat()}, {when})")
    return "\n".join(lines)


def reminder_subject(region: str, period: str) -> str:
    return f"【{region}】{period}数据报送提醒 / reminder: figures due for {period}"


@dataclass(frozen=True, slots=True)
class SentReminder:
    """A reminder sent (or tried) to a department: when, how, to where, with what outcome."""

    department: str
    channel: str
    address: str
    sent_at: datetime
    outcome: str
    error: str | None


_SENT = (
    select(
        Department.name,
        Reminder.channel,
        Reminder.address,
        Reminder.sent_at,
        Reminder.outcome,
        Reminder.error,
    )
    .join(Department, Reminder.department_id == Department.id)
    .where(Reminder.region_id == bindparam("region"), Reminder.period == bindparam("period"))
    .order_by(Reminder.sent_at.desc(), Reminder.id.desc())
)


def reminders_sent(session: Session, region: RegionRow, period: str) -> list[SentReminder]:
    """The reminders of the region's period, the latest first."""
    return [SentReminder(*row) for row in read(session, _SENT, region=region.id, period=period)]


def reminded(session: Session, region: RegionRow, period: str) -> set[str]:
    """The departments a reminder of the region's period has reached (by any channel)."""
    return {r.department for r in reminders_sent(session, region, period) if r.outcome == "sent"}


@dataclass(frozen=True)
class EntryItem:
    """An indicator of the plan to report, as the entry form offers it: its lead department
    (the first target's that names one), the catalogue's unit, what the plan asks."""

    indicator: str
    english: str
    unit: str | None
    kind: str  # the catalogue's: flow, stock or rate
    department: str | None
    targets: list[str] = field(default_factory=list)  # the plan's wording of each target
    target_kinds: list[str] = field(default_factory=list)


_OTHER = aliased(Indicator)
_ENTRY_TARGETS = (
    select(
        Indicator.name,
        Indicator.english,
        Indicator.unit,
        Indicator.kind,
        Department.name,
        Target.kind,
        Target.value,
        Target.unit,
        Target.text,
        _OTHER.name,
        _OTHER.english,
        _OTHER.unit,
        _OTHER.kind,
    )
    .join(Plan, Target.plan_id == Plan.id)
    .join(Indicator, Target.indicator_id == Indicator.id)
    .outerjoin(_OTHER, Target.other_indicator_id == _OTHER.id)
    .outerjoin(Department, Target.department_id == Department.id)
    .where(Plan.region_id == bindparam("region"), Plan.year == bindparam("year"))
    .order_by(Target.position, Target.id)
)


def entry_items(session: Session, region: RegionRow, year: int) -> list[EntryItem]:
    """The indicators the region's plan of ``year`` sets targets for, in plan order, once
    each; a relation's other indicator follows, if no target of its own names it."""
    items: dict[str, EntryItem] = {}
    others: list[tuple[str, str, str | None, str]] = []
    for row in read(session, _ENTRY_TARGETS, region=region.id, year=year):
        name, english, unit, kind, department, target_kind, value, target_unit, text = row[:9]
        item = items.get(name)
        if item is None:
            item = items[name] = EntryItem(name, english, unit, kind, department)
        elif item.department is None and department is not None:
            item = items[name] = EntryItem(
                name, english, unit, kind, department, item.targets, item.target_kinds
            )
        shown = text or f"{word('target_kinds', target_kind).zh} {value:g}{target_unit or ''}"
        item.targets.append(shown if value is not None or text else shown.split(" ")[0])
        item.target_kinds.append(target_kind)
        if row[9] is not None:
            others.append((row[9], row[10], row[11], row[12]))
    for name, english, unit, kind in others:
        items.setdefault(name, EntryItem(name, english, unit, kind, None))
    return list(items.values())
