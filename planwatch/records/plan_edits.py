"""A plan edited in the browser: created empty, then its targets, key tasks and major
projects added, changed and removed one at a time, or replaced whole from a file.

Each change names the plan version it was made on: a save on an older version (another
planner saved in between) is refused with 409, and every save bumps the version. Only
the planning office of the plan's region (or above) may edit; the audit log records every
row written. A target, task or project keeps its id when changed, so links to it, a task's
progress and a project's ledger stay.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from planwatch import catalog
from planwatch.errors import Conflict, InvalidInput, NotFound
from planwatch.records.plans import (
    PlanIn,
    ProjectIn,
    TargetIn,
    TaskIn,
    _due,
    _project,
    _target,
    _task,
    frequency_code,
    store_plan,
)
from planwatch.records.users import Account, check_allowed
from planwatch.store.models import Plan, Project, ReportingItem, Target, Task
from planwatch.store.reference import region_row
from planwatch.vocabulary import word

# what a task's and a project's form changes, its reporting frequency and due rule with
# it; the rest (progress, the ledger) stays
CALENDAR_FIELDS = ("frequency", "due")
TASK_FIELDS = (
    "title",
    "section",
    "target_value",
    "unit",
    "description",
    "department",
    *CALENDAR_FIELDS,
)
PROJECT_FIELDS = (
    "name",
    "stage",
    "investment",
    "investment_unit",
    "note",
    "department",
    *CALENDAR_FIELDS,
)
TARGET_FIELDS = (
    "indicator",
    "kind",
    "value",
    "unit",
    "qualifier",
    "basis",
    "text",
    "other_indicator",
    "department",
)


def create_plan(session: Session, user: Account, region: str, year: int, title: str | None) -> Plan:
    """An empty plan of the region for the year; 409 if it has one already."""
    where = region_row(session, region)
    check_allowed(session, user, "edit_plans", where)
    found = session.scalar(select(Plan).where(Plan.region_id == where.id, Plan.year == year))
    if found is not None:
        raise Conflict("records.plan_edits.has_plan_already", name=where.name, year=year)
    plan = Plan(region=where, year=year, title=(title or "").strip() or None)
    session.add(plan)
    session.flush()
    return plan


def editable_plan(session: Session, user: Account, plan_id: int, expected: int | None) -> Plan:
    """The plan, if the user may edit it and it is still at the version the form read."""
    plan = session.get(Plan, plan_id)
    if plan is None:
        raise NotFound("records.plan_edits.plan_does_not_exist", plan_id=plan_id)
    check_allowed(session, user, "edit_plans", plan.region)
    if expected is not None and expected != plan.version:
        raise Conflict(
            "records.plan_edits.plan_changed_since_you", expected=expected, version=plan.version
        )
    flag_modified(plan, "title")  # the save bumps the version, whatever else it changes
    return plan


def set_title(plan: Plan, title: str | None) -> None:
    plan.title = (title or "").strip() or None


def save_target(session: Session, plan: Plan, target_id: int | None, given: TargetIn) -> Target:
    """Add a target at the end of the plan, or change one in place."""
    _check_indicator(given.indicator, "indicator")
    if given.other:
        _check_indicator(given.other, "other")
    _check_target(given)
    existing = _item(plan.targets, target_id, "target")
    built = _target(
        session, plan, len(plan.targets) if existing is None else existing.position, given
    )
    if existing is None:
        plan.targets.append(built)
        existing = built
    else:
        _copy(built, existing, TARGET_FIELDS)
    session.flush()
    _refresh_calendar(plan, existing, given)
    return existing


def save_task(session: Session, plan: Plan, task_id: int | None, given: TaskIn) -> Task:
    existing = _item(plan.tasks, task_id, "task")
    built = _task(session, plan, len(plan.tasks) if existing is None else existing.position, given)
    if existing is None:
        plan.tasks.append(built)
        return built
    _copy(built, existing, TASK_FIELDS)
    return existing


def save_project(session: Session, plan: Plan, project_id: int | None, given: ProjectIn) -> Project:
    existing = _item(plan.projects, project_id, "project")
    position = len(plan.projects) if existing is None else existing.position
    built = _project(session, plan, position, given)
    if existing is None:
        plan.projects.append(built)
        return built
    _copy(built, existing, PROJECT_FIELDS)
    return existing


def remove_item(session: Session, plan: Plan, kind: str, item_id: int) -> None:
    """Remove a target, task or project (a task's progress and a project's ledger with it)."""
    parts: dict[str, list[Any]] = {
        "target": plan.targets,
        "task": plan.tasks,
        "project": plan.projects,
    }
    items = parts[kind]
    found = _item(items, item_id, kind)
    assert found is not None
    items.remove(found)
    for position, item in enumerate(items):
        item.position = position
    session.flush()
    if kind == "target":
        _refresh_calendar(plan, None, None)


def replace_plan(
    session: Session,
    user: Account,
    plan_in: PlanIn,
    expected: int | None,
    plan_id: int | None = None,
) -> Plan:
    """A plan from a file: a new one, or an existing one replaced whole when the form
    names the version it replaces (an upload never overwrites a plan unasked); from a
    plan's own page (``plan_id``) the file must hold that plan."""
    where = region_row(session, plan_in.region, parent=plan_in.parent)
    check_allowed(session, user, "edit_plans", where)
    found = session.scalar(
        select(Plan).where(Plan.region_id == where.id, Plan.year == plan_in.year)
    )
    if plan_id is not None and (found is None or found.id != plan_id):
        raise InvalidInput(
            "records.plan_edits.file_holds_plan_not", name=where.name, year=plan_in.year
        )
    if found is not None:
        if expected is None:
            raise Conflict(
                "records.plan_edits.has_plan_already_2", name=where.name, year=plan_in.year
            )
        editable_plan(session, user, found.id, expected)
    return store_plan(session, plan_in)


def _item(items: list[Any], item_id: int | None, kind: str) -> Any:
    if item_id is None:
        return None
    for item in items:
        if item.id == item_id:
            return item
    names = {"target": "目标", "task": "重点任务", "project": "重大项目"}
    raise NotFound("records.plan_edits.plan_has_no", kind=kind, item_id=item_id, p1=names[kind])


def _copy(source: Any, target: Any, fields: tuple[str, ...]) -> None:
    for name in fields:
        setattr(target, name, getattr(source, name))


def _check_indicator(name: str, field: str) -> None:
    if catalog.lookup(name) is None:
        raise InvalidInput("records.plan_edits.not_indicator_catalogue", field=field, name=name)


def _check_target(given: TargetIn) -> None:
    if given.kind == "relation" and not given.other:
        raise InvalidInput("records.plan_edits.relation_target_names_indicator")
    if given.kind != "relation" and given.value is None:
        raise InvalidInput("records.plan_edits.target_has_no_value")


def _refresh_calendar(plan: Plan, changed: Target | None, given: TargetIn | None) -> None:
    """One reporting item per department and indicator the targets name: kept as they
    were, a new one reported quarterly unless the target says otherwise."""
    kept = {(i.department_id, i.indicator_id): i for i in plan.reporting_items}
    wanted: dict[tuple[int, int], ReportingItem] = {}
    for target in plan.targets:
        if target.department is None:
            continue
        key = (target.department.id, target.indicator.id)
        item = wanted.get(key) or kept.get(key)
        if item is None:
            item = ReportingItem(department=target.department, indicator=target.indicator)
            item.frequency, item.due = _schedule(None, None, target)
        if target is changed and given is not None and (given.frequency or given.due):
            item.frequency, item.due = _schedule(given.frequency, given.due, target)
        wanted[key] = item
    for position, item in enumerate(wanted.values()):
        item.position = position
    plan.reporting_items = list(wanted.values())


def _schedule(frequency: str | None, due: str | None, target: Target) -> tuple[str, str]:
    where = f"target {target.position + 1} ({target.indicator.name})"
    code = frequency_code(frequency or "季报", where)
    return code, _due(due or word("frequencies", code).forms["due"], where)
