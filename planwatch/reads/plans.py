"""What assessing a plan reads, as plain rows, in four queries for one region or for many.

Loading ORM objects and resolving their relationships one lazy load at a time cost about
twenty times the SQL behind a page; these frozen rows carry only what the rules read.
The rules see targets through ``TargetLike``, so a ``Target`` built in memory (as the
property tests do) is judged exactly like a loaded row.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import Any, Protocol

from sqlalchemy import BindParameter, Executable, bindparam, func, select
from sqlalchemy.orm import Session, aliased

from planwatch.periods import Period
from planwatch.reads.ledger import Milestone
from planwatch.store.models import (
    Department,
    Fact,
    FigurePeriod,
    Indicator,
    Plan,
    Project,
    ProjectMilestone,
    Region,
    Target,
    Task,
    TaskProgress,
)


@lru_cache(maxsize=4096)
def parsed_period(code: str) -> Period:
    """``Period.parse`` for codes read from the store, parsed once per process."""
    return Period.parse(code)


class IndicatorLike(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def english(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def direction(self) -> str: ...


class RegionLike(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...


class NamedLike(Protocol):
    @property
    def name(self) -> str: ...


class TargetLike(Protocol):
    """What the rules read of a target: a loaded ``PlanTarget`` or a ``Target`` row."""

    @property
    def id(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def value(self) -> float | None: ...
    @property
    def unit(self) -> str | None: ...
    @property
    def qualifier(self) -> str | None: ...
    @property
    def basis(self) -> str | None: ...
    @property
    def indicator_id(self) -> int: ...
    @property
    def indicator(self) -> IndicatorLike: ...
    @property
    def other_indicator(self) -> IndicatorLike | None: ...
    @property
    def department(self) -> NamedLike | None: ...


@dataclass(frozen=True, slots=True)
class IndicatorInfo:
    id: int
    name: str
    english: str
    kind: str
    direction: str


@dataclass(frozen=True, slots=True)
class Named:
    name: str


@dataclass(frozen=True, slots=True)
class PlanTarget:
    id: int
    kind: str
    value: float | None
    unit: str | None
    qualifier: str | None
    basis: str | None
    indicator_id: int
    indicator: IndicatorInfo
    other_indicator: IndicatorInfo | None
    department: Named | None


@dataclass(frozen=True, slots=True)
class Progress:
    """One progress entry of a task; ``year`` and ``months`` are its period's, parsed once."""

    id: int
    task_id: int
    period: str
    year: int
    months: int
    note: str
    value: float | None
    unit: str | None
    completion: float | None
    created_at: datetime
    status: str | None = None  # as the responsible department judged it, when it did


def progress_of(
    progress_id: int,
    task_id: int,
    period: str,
    note: str,
    value: float | None,
    unit: str | None,
    completion: float | None,
    created_at: datetime,
    status: str | None = None,
) -> Progress:
    """A progress entry from its stored columns, its period parsed once."""
    span = parsed_period(period)
    return Progress(
        progress_id,
        task_id,
        period,
        span.year,
        span.months,
        note,
        value,
        unit,
        completion,
        created_at,
        status,
    )


@dataclass(frozen=True)
class PlanTask:
    id: int
    section: str | None
    title: str
    department: Named | None
    target_value: float | None
    unit: str | None
    progress: list[Progress] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PlanProject:
    """A plan's project with what its stage follows from (``assess.projects.stage_of``)."""

    id: int
    name: str
    stage: str
    investment: float | None
    unit: str | None
    department: Named | None
    note: str | None
    planned_start: date | None = None
    actual_start: date | None = None
    planned_completion: date | None = None
    actual_completion: date | None = None
    milestones: tuple[Milestone, ...] = ()


@dataclass(frozen=True)
class PlanRows:
    """One region's plan for a year: its targets, key tasks and major projects."""

    region_id: int
    year: int
    title: str | None
    targets: list[PlanTarget] = field(default_factory=list)
    tasks: list[PlanTask] = field(default_factory=list)
    projects: list[PlanProject] = field(default_factory=list)


def load_plans(
    session: Session,
    region_ids: Collection[int],
    year: int,
    *,
    targets: bool = True,
    tasks: bool = True,
    projects: bool = True,
) -> dict[int, PlanRows]:
    """The plans of ``year`` of these regions, by region id; regions without one are absent.

    Parts not asked for stay empty, so a page judging targets only reads no tasks.
    """
    wanted = {"regions": list(region_ids), "year": year}
    if targets:  # plans and their targets in one query
        plans = _plans_with_targets(read(session, _PLAN_TARGETS, **wanted), year)
    else:
        found = read(session, _PLANS, **wanted)
        plans = {plan_id: PlanRows(region_id, year, title) for plan_id, region_id, title in found}
    for asked, add in ((tasks, _add_tasks), (projects, _add_projects)):
        if asked and plans:
            add(session, plans)
    return {plan.region_id: plan for plan in plans.values()}


def read(session: Session, statement: Executable, **params: object) -> Sequence[Any]:
    """Rows of a column query, run on the session's connection.

    Statements are built once, at import, with bound parameters: building one per call,
    and running it through the ORM, cost five times the SQL of a page's small queries.
    """
    return session.connection().execute(statement, params).all()


# the plan ids a query reads, bound at each call
PLAN_IDS: BindParameter[list[int]] = bindparam("plans", expanding=True)
_OF_REGIONS = (
    Plan.region_id.in_(bindparam("regions", expanding=True)),
    Plan.year == bindparam("year"),
)
_PLANS = select(Plan.id, Plan.region_id, Plan.title).where(*_OF_REGIONS)
_OTHER = aliased(Indicator)
# a plan without targets comes once, with its target columns empty
_PLAN_TARGETS = (
    select(
        Plan.id.label("plan_id"),
        Plan.region_id,
        Plan.title,
        Target.id,
        Target.kind,
        Target.value,
        Target.unit,
        Target.qualifier,
        Target.basis,
        Department.name.label("department"),
        Indicator.id.label("subject_id"),
        Indicator.name.label("subject_name"),
        Indicator.english.label("subject_english"),
        Indicator.kind.label("subject_kind"),
        Indicator.direction.label("subject_direction"),
        _OTHER.id.label("other_id"),
        _OTHER.name.label("other_name"),
        _OTHER.english.label("other_english"),
        _OTHER.kind.label("other_kind"),
        _OTHER.direction.label("other_direction"),
    )
    .outerjoin(Target, Target.plan_id == Plan.id)
    .outerjoin(Indicator, Target.indicator_id == Indicator.id)
    .outerjoin(_OTHER, Target.other_indicator_id == _OTHER.id)
    .outerjoin(Department, Target.department_id == Department.id)
    .where(*_OF_REGIONS)
    .order_by(Plan.id, Target.position, Target.id)
)


def _plans_with_targets(rows: Sequence[Any], year: int) -> dict[int, PlanRows]:
    plans: dict[int, PlanRows] = {}
    indicators: dict[int, IndicatorInfo] = {}  # one object per indicator, shared by targets
    for row in rows:
        plan = plans.get(row.plan_id)
        if plan is None:
            plan = plans[row.plan_id] = PlanRows(row.region_id, year, row.title)
        if row.id is not None:
            plan.targets.append(_target(row, indicators))
    return plans


def _target(row: Any, indicators: dict[int, IndicatorInfo]) -> PlanTarget:
    subject = _indicator(
        indicators,
        row.subject_id,
        row.subject_name,
        row.subject_english,
        row.subject_kind,
        row.subject_direction,
    )
    other = (
        _indicator(
            indicators,
            row.other_id,
            row.other_name,
            row.other_english,
            row.other_kind,
            row.other_direction,
        )
        if row.other_id is not None
        else None
    )
    department = Named(row.department) if row.department is not None else None
    return PlanTarget(
        row.id,
        row.kind,
        row.value,
        row.unit,
        row.qualifier,
        row.basis,
        subject.id,
        subject,
        other,
        department,
    )


def _indicator(
    known: dict[int, IndicatorInfo], id_: int, name: str, english: str, kind: str, direction: str
) -> IndicatorInfo:
    found = known.get(id_)
    if found is None:
        found = known[id_] = IndicatorInfo(id_, name, english, kind, direction)
    return found


_TASKS = (
    select(
        Task.plan_id,
        Task.id,
        Task.section,
        Task.title,
        Department.name.label("department"),
        Task.target_value,
        Task.unit,
        TaskProgress.id.label("progress_id"),
        TaskProgress.period,
        TaskProgress.note,
        TaskProgress.value,
        TaskProgress.unit.label("progress_unit"),
        TaskProgress.completion,
        TaskProgress.created_at,
        TaskProgress.status,
    )
    .outerjoin(Department, Task.department_id == Department.id)
    .outerjoin(TaskProgress, TaskProgress.task_id == Task.id)
    .where(Task.plan_id.in_(PLAN_IDS))
    .order_by(Task.plan_id, Task.position, Task.id, TaskProgress.period, TaskProgress.id)
)


def _add_tasks(session: Session, plans: dict[int, PlanRows]) -> None:
    """Tasks with their progress in one query: a task without progress comes once, blank."""
    tasks: dict[int, PlanTask] = {}
    for row in read(session, _TASKS, plans=list(plans)):
        task = tasks.get(row.id)
        if task is None:
            named = Named(row.department) if row.department is not None else None
            task = PlanTask(row.id, row.section, row.title, named, row.target_value, row.unit)
            tasks[row.id] = task
            plans[row.plan_id].tasks.append(task)
        if row.progress_id is not None:
            task.progress.append(
                progress_of(
                    row.progress_id,
                    row.id,
                    row.period,
                    row.note,
                    row.value,
                    row.progress_unit,
                    row.completion,
                    row.created_at,
                    row.status,
                )
            )


# one row per project and milestone (a project without one: a row of nulls), in one query
_PROJECTS = (
    select(
        Project.plan_id,
        Project.id,
        Project.name,
        Project.stage,
        Project.investment,
        Project.investment_unit,
        Department.name.label("department"),
        Project.note,
        Project.planned_start,
        Project.actual_start,
        Project.planned_completion,
        Project.actual_completion,
        ProjectMilestone.id.label("milestone_id"),
        ProjectMilestone.name.label("milestone"),
        ProjectMilestone.kind,
        ProjectMilestone.planned,
        ProjectMilestone.done,
    )
    .outerjoin(Department, Project.department_id == Department.id)
    .outerjoin(ProjectMilestone, ProjectMilestone.project_id == Project.id)
    .where(Project.plan_id.in_(PLAN_IDS))
    .order_by(Project.plan_id, Project.position, Project.id, ProjectMilestone.position)
)


def _add_projects(session: Session, plans: dict[int, PlanRows]) -> None:
    rows: dict[int, Any] = {}
    milestones: dict[int, list[Milestone]] = {}
    for row in read(session, _PROJECTS, plans=list(plans)):
        rows.setdefault(row.id, row)
        listed = milestones.setdefault(row.id, [])
        if row.milestone_id is not None:
            listed.append(
                Milestone(row.milestone, row.kind, row.planned, row.done, row.milestone_id)
            )
    for row in rows.values():
        department = Named(row.department) if row.department is not None else None
        plans[row.plan_id].projects.append(
            PlanProject(
                row.id,
                row.name,
                row.stage,
                row.investment,
                row.investment_unit,
                department,
                row.note,
                row.planned_start,
                row.actual_start,
                row.planned_completion,
                row.actual_completion,
                tuple(milestones[row.id]),
            )
        )


@dataclass(frozen=True, slots=True)
class PlanListing:
    """A stored plan for the start page, with the period codes of its year that have figures."""

    id: int
    region_code: str
    region_name: str
    year: int
    title: str | None
    period_codes: list[str]


# the periods with figures of the listed plans' regions and years, of the counted statuses,
# from the counts kept beside the figures (planwatch.store.tallies), not the figures
_PERIODS_WITH_FIGURES = (
    select(FigurePeriod.region_id, FigurePeriod.period)
    .where(
        FigurePeriod.region_id.in_(bindparam("regions", expanding=True)),
        FigurePeriod.period >= bindparam("first"),
        FigurePeriod.period < bindparam("after"),
        FigurePeriod.status.in_(bindparam("counted", expanding=True)),
        FigurePeriod.figures > 0,
    )
    .distinct()
)
_PLAN_LIST = (
    select(Plan.id, Plan.region_id, Region.code, Region.name, Plan.year, Plan.title)
    .join(Region, Plan.region_id == Region.id)
    .order_by(Region.code, Plan.year.desc(), Plan.id)
)
_PLAN_PAGE = _PLAN_LIST.limit(bindparam("limit")).offset(bindparam("offset"))
_PLAN_COUNT = select(func.count(Plan.id))


def plan_count(session: Session) -> int:
    return int(read(session, _PLAN_COUNT)[0][0])


def plan_listings(
    session: Session, counted: Sequence[str], limit: int | None = None, offset: int = 0
) -> list[PlanListing]:
    """Stored plans by region code and newest year first (``limit`` of them from
    ``offset``, or all), each with its year's period codes that have figures of the
    ``counted`` statuses (``reads.figures.counted_statuses``)."""
    if limit is None:
        plans = read(session, _PLAN_LIST)
    else:
        plans = read(session, _PLAN_PAGE, limit=limit, offset=offset)
    if not plans:
        return []
    years = [row.year for row in plans]
    found = read(
        session,
        _PERIODS_WITH_FIGURES,
        regions=sorted({row.region_id for row in plans}),
        first=str(min(years)),
        after=str(max(years) + 1),
        counted=list(counted),
    )
    periods: dict[tuple[int, str], set[str]] = {}
    for region_id, code in found:
        periods.setdefault((region_id, code[:4]), set()).add(code)
    return [
        PlanListing(
            plan_id,
            code,
            name,
            year,
            title,
            sorted(periods.get((region_id, str(year)), set()), key=period_order),
        )
        for plan_id, region_id, code, name, year, title in plans
    ]


def period_order(code: str) -> tuple[int, int, str]:
    """Sort key of stored period codes: by year, then by the months they close."""
    period = parsed_period(code)
    return (period.year, period.months, period.kind)


@dataclass(frozen=True, slots=True)
class IndicatorTarget:
    """A target the region's plans set on one indicator, with the span it was read from."""

    id: int
    plan_id: int
    year: int
    kind: str
    value: float | None
    unit: str | None
    qualifier: str | None
    basis: str | None
    text: str | None
    document_id: int | None
    span_start: int | None
    span_end: int | None


_INDICATOR_TARGETS = (
    select(
        Target.id,
        Plan.id.label("plan_id"),
        Plan.year,
        Target.kind,
        Target.value,
        Target.unit,
        Target.qualifier,
        Target.basis,
        Target.text,
        Fact.document_id,
        Fact.span_start,
        Fact.span_end,
    )
    .join(Plan, Target.plan_id == Plan.id)
    .outerjoin(Fact, Target.source_fact_id == Fact.id)
    .where(Plan.region_id == bindparam("region"), Target.indicator_id == bindparam("indicator"))
    .order_by(Plan.year.desc(), Target.position)
)


def indicator_targets(session: Session, region_id: int, indicator_id: int) -> list[IndicatorTarget]:
    """Every target of the region's plans on the indicator, newest year first."""
    rows = read(session, _INDICATOR_TARGETS, region=region_id, indicator=indicator_id)
    return [IndicatorTarget(*row) for row in rows]


# the columns of progress_of, in its order
PROGRESS_COLUMNS = (
    TaskProgress.id,
    TaskProgress.task_id,
    TaskProgress.period,
    TaskProgress.note,
    TaskProgress.value,
    TaskProgress.unit,
    TaskProgress.completion,
    TaskProgress.created_at,
    TaskProgress.status,
)
_PROGRESS = (
    select(*PROGRESS_COLUMNS)
    .where(
        TaskProgress.task_id.in_(bindparam("tasks", expanding=True)),
        TaskProgress.period.like(bindparam("year_codes")),
    )
    .order_by(TaskProgress.task_id, TaskProgress.created_at, TaskProgress.id)
)


def task_progress(
    session: Session, task_ids: Collection[int], period: Period
) -> dict[int, list[Progress]]:
    """Notes reported for the period, under any code of the same span (2017H1 = 2017M06)."""
    if not task_ids:
        return {}
    found: dict[int, list[Progress]] = {}
    for row in read(session, _PROGRESS, tasks=list(task_ids), year_codes=f"{period.year}%"):
        entry = progress_of(*row)
        if entry.months == period.months:
            found.setdefault(entry.task_id, []).append(entry)
    return found
