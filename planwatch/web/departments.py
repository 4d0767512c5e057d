"""A region's departments: who answers for which targets, tasks and projects, who reports.

The planning office adds a department on the page (its form posts to the same address)
or through ``POST /api/departments/{code}``; users are tied to one with
``planwatch users add --department``.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from planwatch import links
from planwatch.reads.departments import departments
from planwatch.reads.regions import stored_region
from planwatch.records.departments import add_department
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
        data: dict[str, Any] = {
            "region": {"code": region.code, "name": region.name},
            "departments": [asdict(row) for row in departments(session, region)],
            "may_add": user.may("departments"),
        }
    return respond(request, "departments.html", data)


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


@router.post("/api/departments/{code}", summary="Add a department to a region", status_code=201)
def add_api(request: Request, code: str, body: DepartmentIn, user: Office) -> Response:
    return ChineseJSONResponse(_add(request, code, body.name, user), status_code=201)


twin(router, "/departments/{code}", departments_page, summary="A region's departments")
router.add_api_route("/departments/{code}", add_form, methods=["POST"], include_in_schema=False)
