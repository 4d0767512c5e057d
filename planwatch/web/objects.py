"""A plan, a key task and a major project, each on a page of its own with its JSON twin.

The report links every number to where it came from: a target to ``/plans/{id}#target-…``,
a task's progress to ``/tasks/{id}#progress-…``; these pages carry those anchors. Reading
follows the rule of every page: any reader, checked on the object's own region, so a
changed rule reaches an object found by its id as it reaches its region's pages.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pydantic import BaseModel

from planwatch.assess.projects import current_stage
from planwatch.reads import Session
from planwatch.reads.ledger import ledger_of, ledger_project
from planwatch.reads.objects import PlanHead, plan_record, project_record, task_record
from planwatch.reads.regions import stored_region
from planwatch.records.users import Account, check_allowed
from planwatch.web import shapes
from planwatch.web.auth import Viewer, app_store
from planwatch.web.parts import project_edit_fields, project_ledger
from planwatch.web.render import respond, twin

router = APIRouter()


def _plan_of(session: Session, user: Account, head: PlanHead) -> shapes.Plan:
    check_allowed(session, user, "read", stored_region(session, head.region))
    return shapes.plan(head)


class PlanPage(BaseModel):
    plan: shapes.Plan
    targets: list[shapes.Target]
    tasks: list[shapes.Task]
    projects: list[shapes.Project]


def _today() -> date:
    return datetime.now(UTC).date()


def plan_page(request: Request, plan_id: int, user: Viewer) -> Response:
    """A year's plan whole: its targets, key tasks with their progress, and projects (each
    in the stage its dates and milestones give today, or at the plan year's end)."""
    with app_store(request).reading() as session:
        record = plan_record(session, plan_id)
        plan = _plan_of(session, user, record.head)
        year, today = record.head.year, _today()
        stages = {p.id: current_stage(p, year, today) for p in ledger_of(session, plan_id)}
        page = PlanPage(
            plan=plan,
            targets=[shapes.target(row) for row in record.targets],
            tasks=[shapes.task(row) for row in record.tasks],
            projects=[shapes.project(row, stages.get(row.id)) for row in record.projects],
        )
    return respond(request, "plan.html", page.model_dump())


class TaskPage(BaseModel):
    plan: shapes.Plan
    task: shapes.Task


def task_page(request: Request, task_id: int, user: Viewer) -> Response:
    """A key task with every progress entry reported for it."""
    with app_store(request).reading() as session:
        head, row = task_record(session, task_id)
        page = TaskPage(plan=_plan_of(session, user, head), task=shapes.task(row))
    return respond(request, "task.html", page.model_dump())


class ProjectPage(BaseModel):
    plan: shapes.Plan
    project: shapes.Project
    ledger: shapes.ProjectLedger | None = None
    edit: list[dict[str, Any]] = []  # the office's edit form: each ledger column and value


def project_page(request: Request, project_id: int, user: Viewer) -> Response:
    with app_store(request).reading() as session:
        head, row = project_record(session, project_id)
        plan = _plan_of(session, user, head)
        ledger_row = ledger_project(session, project_id)
        staged = current_stage(ledger_row, head.year, _today()) if ledger_row else None
        page = ProjectPage(
            plan=plan,
            project=shapes.project(row, staged),
            ledger=project_ledger(session, project_id),
            edit=project_edit_fields(session, project_id, row.note)
            if user.may("manage_projects")
            else [],
        )
    return respond(request, "project.html", page.model_dump())


twin(
    router,
    "/plans/{plan_id}",
    plan_page,
    summary="A plan: its targets, key tasks with progress, and major projects",
    response_model=PlanPage,
)
twin(
    router,
    "/tasks/{task_id}",
    task_page,
    summary="A key task with its progress entries",
    response_model=TaskPage,
)
twin(
    router,
    "/projects/{project_id}",
    project_page,
    summary="A major project of a plan",
    response_model=ProjectPage,
)
