"""A region's plan for a year — targets, key tasks, major projects — loaded from a file."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from planwatch.errors import InvalidInput
from planwatch.periods import Period, check_due_rule
from planwatch.records.filedata import read_mapping_file, validated
from planwatch.records.ledger import month_code
from planwatch.records.numbers import Number
from planwatch.store.models import (
    Plan,
    Project,
    ProjectMilestone,
    ProjectProgress,
    ProjectSupervision,
    ReportingItem,
    Target,
    Task,
    TaskProgress,
)
from planwatch.store.reference import department_row, indicator_row, region_row
from planwatch.vocabulary import (
    PROJECT_STAGES,
    Frequency,
    MilestoneKind,
    ProjectCategory,
    ProjectLevel,
    ProjectStage,
    Qualifier,
    TargetKind,
    project_stage,
    word,
    words,
)


def _stage_word(value: Any) -> Any:
    return project_stage(value.strip()) if isinstance(value, str) else value


# a stage as files write it: today's codes and names, and the older four stages' words
StageWord = Annotated[ProjectStage, BeforeValidator(_stage_word)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TargetIn(_Strict):
    indicator: str = Field(max_length=100)
    kind: TargetKind
    value: Number | None = None
    unit: str | None = Field(None, max_length=32)
    qualifier: Qualifier | None = None
    basis: Literal["comparable"] | None = None
    other: str | None = Field(
        None, max_length=100, description="relation targets: the indicator compared with"
    )
    department: str | None = Field(None, max_length=100)
    text: str | None = Field(None, max_length=5000)
    # the reporting calendar: how often its department reports it (月报 … or monthly …)
    frequency: str | None = Field(None, max_length=16)
    due: str | None = Field(None, max_length=16)


class ReportingIn(_Strict):
    """The plan's default reporting calendar: how often and by when departments report."""

    frequency: str = Field("季报", max_length=16)
    due: str | None = Field(None, max_length=16)


class ProgressIn(_Strict):
    period: str = Field(max_length=16)
    note: str = Field(max_length=5000)
    value: Number | None = None
    unit: str | None = Field(None, max_length=32)
    completion: Number | None = None


class TaskIn(_Strict):
    title: str = Field(max_length=300)
    section: str | None = Field(None, max_length=200)
    department: str | None = Field(None, max_length=100)
    target_value: Number | None = None
    unit: str | None = Field(None, max_length=32)
    description: str | None = Field(None, max_length=5000)
    progress: list[ProgressIn] = []
    # the reporting calendar: how often its department reports its progress (default 季报)
    frequency: str | None = Field(None, max_length=16)
    due: str | None = Field(None, max_length=16)


class MilestoneIn(_Strict):
    name: str = Field(max_length=100)
    kind: MilestoneKind = "other"
    planned: date
    done: date | None = None


class ProjectProgressIn(_Strict):
    period: str = Field(max_length=16)
    investment_ytd: Number | None = None
    text: str | None = Field(None, max_length=5000)


class SupervisionIn(_Strict):
    problem: str = Field(max_length=5000)
    department: str = Field(max_length=100)
    due: date
    answer: str | None = Field(None, max_length=5000)


class ProjectIn(_Strict):
    name: str = Field(max_length=200)
    # what the plan states: it counts only while the project has no dates or milestones
    stage: StageWord = "preliminary"
    investment: Number | None = None
    investment_unit: str | None = Field("亿元", max_length=16)
    department: str | None = Field(None, max_length=100)
    note: str | None = Field(None, max_length=5000)
    # the ledger (重点项目调度): see planwatch.records.ledger for later edits
    category: ProjectCategory | None = None
    level: ProjectLevel | None = None
    responsible: str | None = Field(None, max_length=100)
    location: str | None = Field(None, max_length=200)
    year_investment: Number | None = None
    planned_start: date | None = None
    actual_start: date | None = None
    planned_completion: date | None = None
    actual_completion: date | None = None
    milestones: list[MilestoneIn] = []
    progress: list[ProjectProgressIn] = []
    supervisions: list[SupervisionIn] = []
    # the reporting calendar: how often its department reports its progress (default 月报)
    frequency: str | None = Field(None, max_length=16)
    due: str | None = Field(None, max_length=16)


class PlanIn(_Strict):
    region: str = Field(max_length=100)
    parent: str | None = Field(None, max_length=100)
    year: int = Field(ge=1949, le=2100)
    title: str | None = Field(None, max_length=200)
    targets: list[TargetIn] = []
    tasks: list[TaskIn] = []
    projects: list[ProjectIn] = []
    reporting: ReportingIn = Field(default_factory=lambda: ReportingIn(frequency="季报", due=None))


def read_plan_file(path: Path) -> PlanIn:
    return validated(PlanIn, read_mapping_file(path), path.name)


def store_plan(session: Session, plan_in: PlanIn) -> Plan:
    """Create the plan, or replace the targets, tasks and projects of an existing one."""
    region = region_row(session, plan_in.region, parent=plan_in.parent)
    plan = session.scalar(
        select(Plan).where(Plan.region_id == region.id, Plan.year == plan_in.year)
    )
    if plan is None:
        plan = Plan(region=region, year=plan_in.year)
        session.add(plan)
    else:
        flag_modified(plan, "title")  # a replaced plan is a new version (its forms: 409)
    plan.title = plan_in.title
    plan.targets = [_target(session, plan, i, t) for i, t in enumerate(plan_in.targets)]
    plan.tasks = [_task(session, plan, i, t) for i, t in enumerate(plan_in.tasks)]
    plan.projects = [_project(session, plan, i, p) for i, p in enumerate(plan_in.projects)]
    plan.reporting_items = []  # the old calendar goes before the new one takes its keys
    session.flush()
    plan.reporting_items = _calendar(plan, plan_in)
    session.flush()
    return plan


def frequency_code(word: str, where: str) -> Frequency:
    """``季报`` or ``quarterly`` → quarterly; InvalidInput naming the words otherwise."""
    for code, entry in words("frequencies").items():
        if word.strip() in (code, entry.zh, entry.en):
            return code  # type: ignore[return-value]  # a code of the group
    names = ", ".join(f"{w.zh} ({c})" for c, w in words("frequencies").items())
    raise InvalidInput("records.plans.frequency_known", where=where, word=word, names=names)


def _calendar(plan: Plan, plan_in: PlanIn) -> list[ReportingItem]:
    """One item per department and indicator, in plan order, from the targets that name a
    department; a target's own frequency and due rule win over the plan's ``reporting``."""
    items: dict[tuple[int, int], ReportingItem] = {}
    for target, given in zip(plan.targets, plan_in.targets, strict=True):
        if target.department is None:
            continue
        key = (target.department.id, target.indicator.id)
        where = f"target {target.position + 1} ({given.indicator})"
        frequency = frequency_code(given.frequency or plan_in.reporting.frequency, where)
        due = given.due or plan_in.reporting.due or word("frequencies", frequency).forms["due"]
        if key not in items or given.frequency or given.due:
            items[key] = ReportingItem(
                position=len(items) if key not in items else items[key].position,
                department=target.department,
                indicator=target.indicator,
                frequency=frequency,
                due=_due(due, where),
            )
    return list(items.values())


def item_schedule(frequency: str | None, due: str | None, where: str) -> dict[str, str | None]:
    """A task's or project's own frequency (as its code) and due rule, each checked; an
    empty one stays empty, and the calendar gives the item's default."""
    return {
        "frequency": frequency_code(frequency, where) if frequency else None,
        "due": _due(due, where) if due else None,
    }


def _due(rule: str, where: str) -> str:
    try:
        return check_due_rule(rule)
    except InvalidInput as err:
        raise err.within("part.place", place=where) from err


def _target(session: Session, plan: Plan, position: int, t: TargetIn) -> Target:
    if t.kind == "relation" and not t.other:
        raise InvalidInput(
            "records.plans.target_relation_no_other", number=position + 1, indicator=t.indicator
        )
    if t.kind != "relation" and t.value is None:
        raise InvalidInput(
            "records.plans.target_no_value", number=position + 1, indicator=t.indicator
        )
    return Target(
        position=position,
        indicator=indicator_row(session, t.indicator),
        kind=t.kind,
        value=t.value,
        unit=t.unit,
        qualifier=t.qualifier,
        basis=t.basis,
        text=t.text,
        other_indicator=indicator_row(session, t.other) if t.other else None,
        department=department_row(session, plan.region, t.department) if t.department else None,
    )


def _task(session: Session, plan: Plan, position: int, t: TaskIn) -> Task:
    task = Task(
        position=position,
        title=t.title,
        section=t.section,
        target_value=t.target_value,
        unit=t.unit,
        description=t.description,
        department=department_row(session, plan.region, t.department) if t.department else None,
        **item_schedule(t.frequency, t.due, f"task {position + 1} ({t.title})"),
    )
    for p in t.progress:
        Period.parse(p.period)
        task.progress.append(
            TaskProgress(
                period=p.period, note=p.note, value=p.value, unit=p.unit, completion=p.completion
            )
        )
    return task


def _project(session: Session, plan: Plan, position: int, p: ProjectIn) -> Project:
    assert p.stage in PROJECT_STAGES
    row = Project(
        position=position,
        name=p.name,
        stage=p.stage,
        investment=p.investment,
        investment_unit=p.investment_unit,
        note=p.note,
        department=department_row(session, plan.region, p.department) if p.department else None,
        **p.model_dump(include=LEDGER_FIELDS),
        **item_schedule(p.frequency, p.due, f"project {position + 1} ({p.name})"),
    )
    row.milestones = [
        ProjectMilestone(position=i, **m.model_dump()) for i, m in enumerate(p.milestones)
    ]
    row.progress = [
        ProjectProgress(
            period=month_code(Period.parse(e.period)),
            investment_ytd=e.investment_ytd,
            progress_text=e.text,
            status="approved",
            entered_by="plan file",
        )
        for e in p.progress
    ]
    row.supervisions = [_supervision(session, plan, s) for s in p.supervisions]
    return row


LEDGER_FIELDS = {
    "category",
    "level",
    "responsible",
    "location",
    "year_investment",
    "planned_start",
    "actual_start",
    "planned_completion",
    "actual_completion",
}


def _supervision(session: Session, plan: Plan, s: SupervisionIn) -> ProjectSupervision:
    answered = s.answer is not None
    return ProjectSupervision(
        problem=s.problem,
        department=department_row(session, plan.region, s.department),
        due=s.due,
        status="answered" if answered else "open",
        raised_by="plan file",
        answer=s.answer,
        answered_by="plan file" if answered else None,
        answered_at=datetime.now(UTC) if answered else None,
    )
