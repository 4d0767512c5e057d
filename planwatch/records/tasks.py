"""A key task's progress entered on the web by its responsible department (or the office).

One entry per task and period (a second entry of the same period replaces the first's
figures, the audit log keeping both): the department's status, the completion percent and
the progress text. Reporters of other departments are refused (403).
"""

from __future__ import annotations

import math
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from planwatch.errors import Forbidden, InvalidInput, NotFound
from planwatch.periods import Period
from planwatch.records.users import Account, check_allowed
from planwatch.store.models import Task, TaskProgress
from planwatch.vocabulary import words

TASK_STATUSES = ("on_track", "slightly_behind", "behind", "achieved")


def task_row(session: Session, task_id: int) -> Task:
    row = session.get(Task, task_id)
    if row is None:
        raise NotFound("records.tasks.no_key_task", task_id=task_id)
    return row


def _check_department(session: Session, user: Account, task: Task) -> None:
    check_allowed(session, user, "enter_observations", task.plan.region)
    if user.role == "reporter" and task.department_id != user.department_id:
        lead = task.department.name if task.department else "no department"
        raise Forbidden(
            "records.tasks.may_not_report_s",
            p1=user.department or "your department",
            title=task.title,
            lead=lead,
            p2=user.department or "本单位",
            p3=task.department.name if task.department else "未指定",
        )


def _completion(raw: str) -> float | None:
    if not raw.strip():
        return None
    try:
        value = float(raw.strip().rstrip("%"))
    except ValueError as err:
        raise InvalidInput("records.tasks.completion_not_number", raw=raw) from err
    if not math.isfinite(value) or not 0 <= value <= 1000:
        raise InvalidInput("records.tasks.completion_out_range", raw=raw)
    return value


def enter_task_progress(
    session: Session,
    user: Account,
    task_id: int,
    period: str,
    status: str,
    completion: str,
    note: str,
) -> TaskProgress:
    """Store the period's progress of a task (replacing an earlier entry of that period)."""
    task = task_row(session, task_id)
    _check_department(session, user, task)
    when = Period.parse(period)
    if when.year != task.plan.year:
        raise InvalidInput("records.tasks.period_not_plan_s", code=when.code, year=task.plan.year)
    if status not in TASK_STATUSES:
        names = "、".join(words("assessment_statuses")[s].zh for s in TASK_STATUSES)
        raise InvalidInput(
            "records.tasks.unknown_status", status=status, p1=", ".join(TASK_STATUSES), names=names
        )
    if not note.strip():
        raise InvalidInput("records.tasks.progress_text_empty")
    entry = next((p for p in task.progress if p.period == when.code), None)
    if entry is None:
        entry = TaskProgress(task_id=task.id, period=when.code)
        task.progress.append(entry)
    # the form's figures replace the period's: a value loaded from the plan file goes with them
    entry.status, entry.completion = status, _completion(completion)
    entry.value, entry.unit = None, None
    entry.note, entry.user_id = note.strip()[:5000], user.id or None
    entry.created_at = datetime.now(UTC)
    session.flush()
    return entry
