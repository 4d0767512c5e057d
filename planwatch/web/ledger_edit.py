"""The planning office edits the ledger in the browser: add a project (ledger page), edit
its columns and close it (project page). Each form posts, the change is audited, and the
answer leads back to the project page.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from planwatch import links
from planwatch.reads.regions import stored_region
from planwatch.records.ledger import add_project
from planwatch.records.ledger_workbook import close_on, edit_from_form, region_plan
from planwatch.records.users import Account
from planwatch.web.auth import allowed, app_store
from planwatch.web.params import period_of

router = APIRouter(tags=["ledger"])
Office = Annotated[Account, Depends(allowed("manage_projects"))]
Text = Annotated[str, Form(max_length=200)]


def _to_project(project_id: int, anchor: str = "") -> Response:
    return RedirectResponse(links.project(project_id) + anchor, status_code=303)


async def edit_project_form(request: Request, project_id: int, user: Office) -> Response:
    """Set the ledger columns the form sends (编号 never changes)."""
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    with app_store(request).transaction(actor=user.name) as session:
        edit_from_form(session, user, project_id, form)
    return _to_project(project_id, "#ledger-edit")


def close_project_form(
    request: Request, project_id: int, user: Office, completed: Text
) -> Response:
    with app_store(request).transaction(actor=user.name) as session:
        close_on(session, user, project_id, completed)
    return _to_project(project_id)


def add_project_form(
    request: Request, code: str, period: str, user: Office, name: Text, department: Text = ""
) -> Response:
    """A new project at the end of the plan's list; the rest is filled in on its page."""
    when = period_of(period)
    with app_store(request).transaction(actor=user.name) as session:
        region = stored_region(session, code)
        plan = region_plan(session, region.code, when.year)
        added = add_project(session, user, plan, name, department or None)
        project_id = added.id
    return _to_project(project_id, "#ledger-edit")


router.add_api_route(
    "/projects/{project_id}/edit", edit_project_form, methods=["POST"], summary="Edit a project"
)
router.add_api_route(
    "/projects/{project_id}/close",
    close_project_form,
    methods=["POST"],
    summary="Close a project (竣工)",
)
router.add_api_route(
    "/regions/{code}/{period}/projects/add",
    add_project_form,
    methods=["POST"],
    summary="Add a project to the plan's ledger",
)
