"""A key task's progress entered on its page (the form posts to ``/tasks/{id}/progress``).

The responsible department's reporter, or the planning office, records a period's status,
completion percent and progress text (``records.tasks``); the task page and the board show
it, and the audit log keeps each change. Another department: 403.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from planwatch import links
from planwatch.records.tasks import enter_task_progress
from planwatch.records.users import Account
from planwatch.web.auth import allowed, app_store

router = APIRouter(tags=["tasks"])
Reporter = Annotated[Account, Depends(allowed("enter_observations"))]


def task_progress_form(
    request: Request,
    task_id: int,
    user: Reporter,
    period: Annotated[str, Form(max_length=16)],
    status: Annotated[str, Form(max_length=20)],
    note: Annotated[str, Form(max_length=5000)],
    completion: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    with app_store(request).transaction(actor=user.name) as session:
        entry = enter_task_progress(session, user, task_id, period, status, completion, note)
        target = links.task_progress(task_id, entry.id)
    return RedirectResponse(target, status_code=303)


router.add_api_route(
    "/tasks/{task_id}/progress",
    task_progress_form,
    methods=["POST"],
    summary="Record a key task's progress for a period",
)
