"""A plan, a task or a project as one object, for their own pages: every field, in order.

``reads.plans`` reads what assessing needs for many regions at once; these read one object
whole, with the plan it belongs to, so its page can show and link everything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session, aliased

from planwatch.errors import NotFound
from planwatch.reads.facts import SourceFact, source_fact
from planwatch.reads.paging import read_one
from planwatch.reads.plans import PLAN_IDS, PROGRESS_COLUMNS, Progress, progress_of, read
from planwatch.store.models import (
    Department,
    Fact,
    Indicator,
    Plan,
    Project,
    Region,
    ReportingItem,
    Target,
    Task,
    TaskProgress,
)


@dataclass(frozen=True, slots=True)
class PlanHead:
    """Which plan an object belongs to: its id, region and year."""

    id: int
    region: str
    region_name: str
    year: int
    title: str | None
    version: int  # bumped by every save of the plan's forms (planwatch.records.plan_edits)


@dataclass(frozen=True, slots=True)
class TargetRow:
    id: int
    plan_id: int
    indicator: str
    kind: str
    value: float | None
    unit: str | None
    qualifier: str | None
    basis: str | None
    other_indicator: str | None
    department: str | None
    text: str | None
    source_fact: SourceFact | None
    # the reporting calendar's item of its department and indicator, if it names one
    frequency: str | None = None
    due: str | None = None


@dataclass(frozen=True)
class TaskRow:
    id: int
    plan_id: int
    section: str | None
    title: str
    department: str | None
    target_value: float | None
    unit: str | None
    description: str | None
    frequency: str | None  # the reporting calendar's, if the plan sets the task's own
    due: str | None
    progress: list[Progress] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ProjectRow:
    id: int
    plan_id: int
    name: str
    stage: str
    investment: float | None
    investment_unit: str | None
    department: str | None
    note: str | None
    frequency: str | None  # the reporting calendar's, if the plan sets the project's own
    due: str | None


@dataclass(frozen=True)
class PlanRecord:
    head: PlanHead
    targets: list[TargetRow]
    tasks: list[TaskRow]
    projects: list[ProjectRow]


_HEAD = select(Plan.id, Region.code, Region.name, Plan.year, Plan.title, Plan.version).join(
    Region, Plan.region_id == Region.id
)
_PLAN = _HEAD.where(Plan.id == bindparam("plan"))
_TASK_PLAN = _HEAD.join(Task, Task.plan_id == Plan.id).where(Task.id == bindparam("task"))
_PROJECT_PLAN = _HEAD.join(Project, Project.plan_id == Plan.id).where(
    Project.id == bindparam("project")
)
_OTHER = aliased(Indicator)
_TARGETS = (
    select(
        Target.id,
        Target.plan_id,
        Indicator.name,
        Target.kind,
        Target.value,
        Target.unit,
        Target.qualifier,
        Target.basis,
        _OTHER.name.label("other"),
        Department.name.label("department"),
        Target.text.label("target_text"),
        Fact.document_id,
        Fact.id.label("fact_id"),
        Fact.text,
        Fact.span_start,
        Fact.span_end,
        ReportingItem.frequency,
        ReportingItem.due,
    )
    .join(Indicator, Target.indicator_id == Indicator.id)
    .outerjoin(_OTHER, Target.other_indicator_id == _OTHER.id)
    .outerjoin(Department, Target.department_id == Department.id)
    .outerjoin(Fact, Target.source_fact_id == Fact.id)
    .outerjoin(
        ReportingItem,
        (ReportingItem.plan_id == Target.plan_id)
        & (ReportingItem.department_id == Target.department_id)
        & (ReportingItem.indicator_id == Target.indicator_id),
    )
    .where(Target.plan_id.in_(PLAN_IDS))
    .order_by(Target.position, Target.id)
)
_TASK_COLUMNS = select(
    Task.id,
    Task.plan_id,
    Task.section,
    Task.title,
    Department.name,
    Task.target_value,
    Task.unit,
    Task.description,
    Task.frequency,
    Task.due,
).outerjoin(Department, Task.department_id == Department.id)
_TASKS = _TASK_COLUMNS.where(Task.plan_id.in_(PLAN_IDS)).order_by(Task.position, Task.id)
_TASK = _TASK_COLUMNS.where(Task.id == bindparam("task"))
_PROGRESS = (
    select(*PROGRESS_COLUMNS)
    .where(TaskProgress.task_id.in_(bindparam("tasks", expanding=True)))
    .order_by(TaskProgress.period, TaskProgress.id)
)
_PROJECT_COLUMNS = select(
    Project.id,
    Project.plan_id,
    Project.name,
    Project.stage,
    Project.investment,
    Project.investment_unit,
    Department.name,
    Project.note,
    Project.frequency,
    Project.due,
).outerjoin(Department, Project.department_id == Department.id)
_PROJECTS = _PROJECT_COLUMNS.where(Project.plan_id.in_(PLAN_IDS)).order_by(
    Project.position, Project.id
)
_PROJECT = _PROJECT_COLUMNS.where(Project.id == bindparam("project"))


def _head(session: Session, statement: Select, missing: NotFound, **key: int) -> PlanHead:
    return PlanHead(*read_one(session, statement, missing, **key))


def _target(row: Any) -> TargetRow:
    return TargetRow(
        row.id,
        row.plan_id,
        row.name,
        row.kind,
        row.value,
        row.unit,
        row.qualifier,
        row.basis,
        row.other,
        row.department,
        row.target_text,
        source_fact(row),
        row.frequency,
        row.due,
    )


def _tasks(session: Session, rows: Any) -> list[TaskRow]:
    """Tasks with their progress entries, in period order, in one more query."""
    tasks = [TaskRow(*row) for row in rows]
    if tasks:
        by_id = {task.id: task for task in tasks}
        for row in read(session, _PROGRESS, tasks=list(by_id)):
            entry = progress_of(*row)
            by_id[entry.task_id].progress.append(entry)
    return tasks


def plan_record(session: Session, plan_id: int) -> PlanRecord:
    """A plan with all its targets, tasks (with progress) and projects."""
    head = _head(
        session,
        _PLAN,
        NotFound("reads.objects.no_plan", plan_id=plan_id),
        plan=plan_id,
    )
    ids = [plan_id]
    return PlanRecord(
        head,
        [_target(row) for row in read(session, _TARGETS, plans=ids)],
        _tasks(session, read(session, _TASKS, plans=ids)),
        [ProjectRow(*row) for row in read(session, _PROJECTS, plans=ids)],
    )


def task_record(session: Session, task_id: int) -> tuple[PlanHead, TaskRow]:
    """A key task with its progress entries and the plan it belongs to."""
    head = _head(
        session,
        _TASK_PLAN,
        NotFound("reads.objects.no_task", task_id=task_id),
        task=task_id,
    )
    return head, _tasks(session, read(session, _TASK, task=task_id))[0]


def project_record(session: Session, project_id: int) -> tuple[PlanHead, ProjectRow]:
    """A major project and the plan it belongs to."""
    head = _head(
        session,
        _PROJECT_PLAN,
        NotFound("reads.objects.no_project", project_id=project_id),
        project=project_id,
    )
    return head, ProjectRow(*read(session, _PROJECT, project=project_id)[0])
