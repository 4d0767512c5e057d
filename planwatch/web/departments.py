"""A region's departments: who answers for which targets, tasks and projects, who reports.

The planning office adds a department on the page (its form posts to the same address)
or through ``POST /api/departments/{code}``; users are tied to one with
``planwatch users add --department``. The office also sets where each department's
reminders go (an e-mail address, a work-chat robot's webhook): only it sees them, and the
robot's address only without the key its query carries.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from planwatch import links
from planwatch.errors import Forbidden
from planwatch.reads.departments import contacts, departments
from planwatch.reads.regions import RegionRow, stored_region
from planwatch.records.departments import add_department
from planwatch.records.reminders import set_contact
from planwatch.records.users import Account, check_allowed
from planwatch.web.auth import Viewer, allowed, app_store
from planwatch.web.render import ChineseJSONResponse, respond, twin

router = APIRouter(tags=["departments"])
Office = Annotated[Account, Depends(allowed("departments"))]


class DepartmentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(max_length=100, description="As the plan writes it, e.g. 区统计局")


def departments_page(request: Request, code: str, user: Viewer) -> Response:
    with app_store(request).reading() as session:
        region = stored_region(session, code)
        check_allowed(session, user, "read", region)
        office = _is_office(session, user, region)
        rows = [asdict(row) for row in departments(session, region)]
        if office:  # the reminder addresses are the planning office's to see
            found = contacts(session, region)
            for row in rows:
                row["contact"] = asdict(found[row["id"]])
        data: dict[str, Any] = {
            "region": {"code": region.code, "name": region.name},
            "departments": rows,
            "may_add": office,
            "contact_action": links.department_contact(region.code) if office else None,
        }
    return respond(request, "departments.html", data)


def _is_office(session: Session, user: Account, region: RegionRow) -> bool:
    try:
        check_allowed(session, user, "departments", region)
    except Forbidden:
        return False
    return True


def _add(request: Request, code: str, name: str, user: Account) -> dict[str, Any]:
    with app_store(request).transaction(actor=user.name) as session:
        check_allowed(session, user, "departments", stored_region(session, code))
        row = add_department(session, code, name)
        return {"id": row.id, "name": row.name}


def add_form(
    request: Request, code: str, user: Office, name: Annotated[str, Form(max_length=100)]
) -> Response:
    _add(request, code, name, user)
    return RedirectResponse(links.departments(code), status_code=303)


def contact_form(
    request: Request,
    code: str,
    user: Office,
    department: Annotated[str, Form(max_length=100)],
    email: Annotated[str, Form(max_length=1000)] = "",
    webhook: Annotated[str, Form(max_length=1000)] = "",
    clear_webhook: Annotated[str, Form(max_length=10)] = "",
) -> Response:
    """Set a department's reminder addresses: an emptied e-mail clears it; the webhook
    (never shown whole) changes only when one is typed, or is cleared when asked."""
    with app_store(request).transaction(actor=user.name) as session:
        region = stored_region(session, code)
        check_allowed(session, user, "departments", region)
        robot = "" if clear_webhook else (webhook.strip() or None)
        row = set_contact(session, region.id, department, email, robot)
        anchor = f"#department-{row.id}"
    return RedirectResponse(links.departments(code) + anchor, status_code=303)


@router.post("/api/departments/{code}", summary="Add a department to a region", status_code=201)
def add_api(request: Request, code: str, body: DepartmentIn, user: Office) -> Response:
    return ChineseJSONResponse(_add(request, code, body.name, user), status_code=201)


twin(router, "/departments/{code}", departments_page, summary="A region's departments")
router.add_api_route("/departments/{code}", add_form, methods=["POST"], include_in_schema=False)
router.add_api_route(
    "/departments/{code}/contact", contact_form, methods=["POST"], include_in_schema=False
)
