"""The ledger's write side: projects added, edited and closed by the planning office, each
period's progress entered by the lead department's reporter (or a planner), and the 督办
cycle raise → answer → close. Every change is audited by the store's session hooks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy.orm import Session

from planwatch.errors import Conflict, Forbidden, InvalidInput, NotFound
from planwatch.periods import Period
from planwatch.records.users import Account, check_allowed
from planwatch.store.models import (
    Plan,
    Project,
    ProjectMilestone,
    ProjectProgress,
    ProjectSupervision,
)
from planwatch.store.reference import stored_department
from planwatch.vocabulary import PROJECT_CATEGORIES, PROJECT_LEVELS, one_of

# the ledger fields a planner may set on a project, and the codes two of them must be
EDITABLE = (
    "name",
    "category",
    "level",
    "responsible",
    "location",
    "lat",
    "lon",
    "investment",
    "investment_unit",
    "year_investment",
    "planned_start",
    "actual_start",
    "planned_completion",
    "actual_completion",
    "note",
)
CODES = {"category": PROJECT_CATEGORIES, "level": PROJECT_LEVELS}


@dataclass(frozen=True)
class ProgressIn:
    """One project's figures for one period: investment year to date (the project's unit)."""

    project_id: int
    period: str
    investment_ytd: float | None
    text: str | None = None


def project_row(session: Session, project_id: int) -> Project:
    row = session.get(Project, project_id)
    if row is None:
        raise NotFound("records.ledger.no_project", project_id=project_id)
    return row


def add_project(
    session: Session, user: Account, plan: Plan, name: str, department: str | None = None
) -> Project:
    """A new project at the end of the plan's list, led by ``department`` if given."""
    check_allowed(session, user, "manage_projects", plan.region)
    if not name.strip():
        raise InvalidInput("records.ledger.project_needs_name")
    row = Project(plan_id=plan.id, name=name.strip(), position=len(plan.projects))
    if department:
        row.department_id = stored_department(session, plan.region, department).id
    session.add(row)
    session.flush()
    return row


def edit_project(session: Session, user: Account, project_id: int, **changes: object) -> Project:
    """Set ledger fields (see ``EDITABLE``); category and level must be known codes."""
    row = project_row(session, project_id)
    check_allowed(session, user, "manage_projects", row.plan.region)
    for field, value in changes.items():
        if field not in EDITABLE:
            raise InvalidInput("records.ledger.unknown_field", field=field, names=one_of(EDITABLE))
        if field in CODES and value is not None and value not in CODES[field]:
            raise InvalidInput(
                "records.ledger.unknown_code", field=field, value=value, names=one_of(CODES[field])
            )
        setattr(row, field, value)
    session.flush()
    return row


def close_project(session: Session, user: Account, project_id: int, completed: date) -> Project:
    """Record the project's completion (竣工) on ``completed``."""
    return edit_project(session, user, project_id, actual_completion=completed)


def check_lead(session: Session, user: Account, row: Project) -> None:
    """Progress of a project is entered by its lead department's reporter or the office."""
    check_allowed(session, user, "enter_observations", row.plan.region)
    if user.role == "reporter" and row.department_id != user.department_id:
        mine = user.department or "your department"
        lead = row.department.name if row.department else "no department"
        raise Forbidden(
            "records.ledger.may_not_enter_progress",
            mine=mine,
            name=row.name,
            lead=lead,
            p1=user.department or "本单位",
            p2=row.department.name if row.department else "未指定",
        )


def mark_milestone(
    session: Session, user: Account, milestone_id: int, done: date | None
) -> ProjectMilestone:
    """Record (or clear) the day a milestone (节点) was reached."""
    row = session.get(ProjectMilestone, milestone_id)
    if row is None:
        raise NotFound("records.ledger.no_milestone", milestone_id=milestone_id)
    check_lead(session, user, project_row(session, row.project_id))
    row.done = done
    session.flush()
    return row


def month_code(period: Period) -> str:
    """Progress is kept by closing month, so 2017H1, 2017Q2 and 2017M06 are one entry."""
    return f"{period.year}M{period.months:02d}"


def enter_progress(session: Session, user: Account, item: ProgressIn) -> ProjectProgress:
    """Store (or replace) a project's figures for a period; reporters only for their projects."""
    row = project_row(session, item.project_id)
    check_lead(session, user, row)
    period = Period.parse(item.period)
    if period.year != row.plan.year:
        raise InvalidInput(
            "records.ledger.other_year", period_code=period.code, plan_year=row.plan.year
        )
    if item.investment_ytd is not None and item.investment_ytd < 0:
        raise InvalidInput("records.ledger.negative_investment")
    code = month_code(period)
    entry = next((p for p in row.progress if p.period == code), None)
    if entry is None:
        entry = ProjectProgress(project_id=row.id, period=code)
        row.progress.append(entry)
    entry.investment_ytd = item.investment_ytd
    entry.progress_text = (item.text or "").strip() or None
    entry.status = "draft" if user.role == "reporter" else "approved"
    entry.entered_by = user.name
    entry.entered_at = datetime.now(UTC)
    session.flush()
    return entry


def raise_supervision(
    session: Session, user: Account, project_id: int, problem: str, department: str, due: date
) -> ProjectSupervision:
    """A planner raises a 督办 item: the department must solve ``problem`` by ``due``."""
    row = project_row(session, project_id)
    check_allowed(session, user, "manage_projects", row.plan.region)
    if not problem.strip():
        raise InvalidInput("records.ledger.item_needs_problem")
    item = ProjectSupervision(
        project_id=row.id,
        problem=problem.strip(),
        department_id=stored_department(session, row.plan.region, department).id,
        due=due,
        raised_by=user.name,
    )
    session.add(item)
    session.flush()
    return item


def supervision_row(session: Session, item_id: int) -> ProjectSupervision:
    item = session.get(ProjectSupervision, item_id)
    if item is None:
        raise NotFound("records.ledger.no_item", item_id=item_id)
    return item


def answer_supervision(
    session: Session, user: Account, item_id: int, answer: str
) -> ProjectSupervision:
    """The assigned department (or a planner) answers an open item."""
    item = supervision_row(session, item_id)
    project = project_row(session, item.project_id)
    check_allowed(session, user, "enter_observations", project.plan.region)
    if user.role == "reporter" and item.department_id != user.department_id:
        raise Forbidden("records.ledger.item_assigned", item_department=item.department.name)
    if item.status == "closed":
        raise Conflict("records.ledger.item_closed", item_id=item_id)
    if not answer.strip():
        raise InvalidInput("records.ledger.empty_answer")
    item.answer, item.answered_by = answer.strip(), user.name
    item.answered_at, item.status = datetime.now(UTC), "answered"
    session.flush()
    return item


def close_supervision(session: Session, user: Account, item_id: int) -> ProjectSupervision:
    """The planner closes an answered item."""
    item = supervision_row(session, item_id)
    check_allowed(
        session, user, "manage_projects", project_row(session, item.project_id).plan.region
    )
    if item.status != "answered":
        raise Conflict("records.ledger.item_not_answered", item_id=item_id, item_status=item.status)
    item.closed_by, item.closed_at, item.status = user.name, datetime.now(UTC), "closed"
    session.flush()
    return item
