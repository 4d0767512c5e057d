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
        raise NotFound(
            f"no key task {task_id}",
            "pick a task from the plan or the board",
            zh=f"没有编号为{task_id}的重点任务",
            zh_hint="请在计划页或任务看板中选择任务",
        )
    return row


def _check_department(session: Session, user: Account, task: Task) -> None:
    check_allowed(session, user, "enter_observations", task.plan.region)
    if user.role == "reporter" and task.department_id != user.department_id:
        lead = task.department.name if task.department else "no department"
        raise Forbidden(
            f"{user.department or 'your department'} may not report {task.title}: it is {lead}'s",
            "report the tasks your department is responsible for, or ask the planning office",
            zh=f"{user.department or '本单位'}不能填报「{task.title}」：责任单位是"
            f"{task.department.name if task.department else '未指定'}",
            zh_hint="请填报本单位负责的任务，或联系规划科室",
        )


def _completion(raw: str) -> float | None:
    if not raw.strip():
        return None
    try:
        value = float(raw.strip().rstrip("%"))
    except ValueError as err:
        raise InvalidInput(
            f"completion '{raw}' is not a number",
            "write the percent with digits, e.g. 55",
            zh=f"完成进度「{raw}」不是数字",
            zh_hint="请用数字填写百分比，如 55",
        ) from err
    if not math.isfinite(value) or not 0 <= value <= 1000:
        raise InvalidInput(
            f"completion {raw}% is out of range",
            "write a percent between 0 and 1000",
            zh=f"完成进度{raw}%超出范围",
            zh_hint="请填写0到1000之间的百分比",
        )
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
        raise InvalidInput(
            f"period {when.code} is not in the plan's year {task.plan.year}",
            f"enter a period of {task.plan.year}",
            zh=f"期间{when.code}不在计划年度{task.plan.year}内",
            zh_hint=f"请填写{task.plan.year}年的期间",
        )
    if status not in TASK_STATUSES:
        names = "、".join(words("assessment_statuses")[s].zh for s in TASK_STATUSES)
        raise InvalidInput(
            f"unknown status '{status}'",
            f"choose one of {', '.join(TASK_STATUSES)}",
            zh=f"未知状态「{status}」",
            zh_hint=f"请选择：{names}",
        )
    if not note.strip():
        raise InvalidInput(
            "the progress text is empty",
            "say what was done in the period",
            zh="进展情况不能为空",
            zh_hint="请填写本期工作进展",
        )
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
