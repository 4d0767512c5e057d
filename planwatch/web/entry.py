"""Entering figures (form, Excel sheet, API) and showing where any stored figure came from.

Figures entered by people go through ``planwatch.records.submissions``: a reporter's are
drafts of its department until approved; each is a new version, so a correction never
hides what was there before.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Request, UploadFile
from fastapi.responses import Response
from pydantic import BaseModel, ValidationError
from pydantic.dataclasses import dataclass

from planwatch import links
from planwatch.errors import InvalidInput, NotFound
from planwatch.periods import Period
from planwatch.reads import Session
from planwatch.reads.collection import calendar_items, template_rows
from planwatch.reads.lookup import indicator_names
from planwatch.reads.observations import (
    AuditRow,
    audit_of,
    observation_by_id,
    reporter_sees,
    versions_of,
)
from planwatch.reads.regions import stored_region
from planwatch.records.observations import ObservationIn, read_figures
from planwatch.records.submissions import enter_figures
from planwatch.records.users import Account, check_allowed
from planwatch.records.workbook import template_workbook
from planwatch.vocabulary import OBSERVED_MEASURES
from planwatch.vocabulary.messages import described
from planwatch.web import shapes
from planwatch.web.auth import Viewer, allowed, app_store, reporter_scope
from planwatch.web.params import period_of
from planwatch.web.render import ChineseJSONResponse, html, respond, twin

router = APIRouter()

Reporter = Annotated[Account, Depends(allowed("enter_observations"))]


def entry_form(request: Request, code: str, period: str, user: Reporter) -> Response:
    when = period_of(period)
    with app_store(request).reading() as session:
        region = stored_region(session, code)
        check_allowed(session, user, "enter_observations", region)
        data = _entry_page(session, region.code, region.name, when.code, stored=None)
    return html(request, "enter.html", data)


def _entry_page(
    session: Session, code: str, name: str, period: str, stored: int | None
) -> dict[str, Any]:
    region = stored_region(session, code)
    calendar = calendar_items(session, region, Period.parse(period).year)
    return {
        "departments": list(dict.fromkeys(item.department for item in calendar)),
        "template": links.region(code, period, "enter", "template"),
        "region": {"code": code, "name": name},
        "period": {"code": period},
        "indicators": indicator_names(session),
        "measures": OBSERVED_MEASURES,
        "stored": stored,
        "links": {"overview": links.region(code, period)},
    }


def enter_one(
    request: Request,
    code: str,
    period: str,
    user: Reporter,
    indicator: Annotated[str, Form()],
    value: Annotated[float, Form()],
    measure: Annotated[str, Form()] = "value",
    unit: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "",
    reason: Annotated[str, Form()] = "",
    comment: Annotated[str, Form()] = "",
) -> Response:
    fields = {
        "region": code,
        "indicator": indicator,
        "period": period,
        "measure": measure,
        "value": value,
        "unit": unit,
        "note": note,
        "reason": reason,
        "comment": comment,
    }
    try:
        item = ObservationIn.model_validate(fields)
    except ValidationError as err:
        problem = err.errors()[0]
        raise InvalidInput("web.entry.problem", problem=described(problem)) from err
    return _store_and_show(request, code, period, user, [item])


async def enter_sheet(
    request: Request, code: str, period: str, user: Reporter, file: UploadFile
) -> Response:
    data = await file.read()
    items = read_figures(data, file.filename or "upload.xlsx", code, period_of(period).code)
    return _store_and_show(request, code, period, user, items)


def _store_and_show(
    request: Request, code: str, period: str, user: Account, items: list[ObservationIn]
) -> Response:
    with app_store(request).transaction(actor=user.name) as session:
        rows = store_figures(session, user, items)
        region = stored_region(session, code)
        data = _entry_page(
            session, region.code, region.name, period_of(period).code, stored=len(rows)
        )
    return html(request, "enter.html", data)


def store_figures(session: Session, user: Account, items: list[ObservationIn]) -> list[int]:
    """Store each figure as the user may (a reporter's are drafts of its department)."""
    return enter_figures(session, user, items)


def api_add_observation(request: Request, item: ObservationIn, user: Reporter) -> Response:
    """Store one figure as a new version; the answer is the stored observation."""
    with app_store(request).transaction(actor=user.name) as session:
        (observation_id,) = store_figures(session, user, [item])
        session.flush()  # the read runs on the session's connection: it sees the new row
        stored = shapes.observation(observation_by_id(session, observation_id))
    return ChineseJSONResponse(shapes.plain(stored), status_code=201)


@dataclass(frozen=True)
class AuditEntry(AuditRow):
    """One change to a figure: when, by whom, what (the audit trail's row, as the API shows it)."""


class ObservationPage(BaseModel):
    """One figure with its region, every version of it, and the audit trail of its changes."""

    observation: shapes.Observation
    region: shapes.Region
    versions: list[shapes.Observation]
    audit: list[AuditEntry]
    links: dict[str, str]


def observation_page(request: Request, observation_id: int, user: Viewer) -> Response:
    """Who or what entered a figure, its other versions, and the audit trail of changes."""
    with app_store(request).reading() as session:
        row = observation_by_id(session, observation_id)
        check_allowed(session, user, "read", stored_region(session, row.region))
        scope = reporter_scope(user)
        if scope is not None and not reporter_sees(session, observation_id, scope):
            raise NotFound("web.entry.no_observation", observation_id=observation_id)
        page = ObservationPage(
            observation=shapes.observation(row),
            region=shapes.region(stored_region(session, row.region)),
            versions=[shapes.observation(v) for v in versions_of(session, observation_id)],
            audit=[
                AuditEntry(a.at, a.actor, a.action, a.changes)
                for a in audit_of(session, observation_id)
            ],
            links={"indicator": links.indicator(row.region, row.period, row.indicator)},
        )
    return respond(request, "observation.html", page.model_dump())


def template_download(
    request: Request, code: str, period: str, user: Reporter, department: str | None = None
) -> Response:
    """The department's Excel template of the period (a reporter's: its own department)."""
    when = period_of(period)
    chosen = user.department if user.role == "reporter" else department
    if not chosen:
        raise InvalidInput("web.entry.name_department")
    with app_store(request).reading() as session:
        region = stored_region(session, code)
        check_allowed(session, user, "enter_observations", region)
        rows = template_rows(session, region, chosen, when)
    data = template_workbook(region.code, chosen, when.code, rows)
    filename = quote(f"{region.name}-{chosen}-{when.code}.xlsx")
    return Response(
        data,
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"content-disposition": f"attachment; filename*=UTF-8''{filename}"},
    )


router.add_api_route(
    "/regions/{code}/{period}/enter/template",
    template_download,
    methods=["GET"],
    include_in_schema=False,
)
router.add_api_route(
    "/regions/{code}/{period}/enter", entry_form, methods=["GET"], include_in_schema=False
)
router.add_api_route(
    "/regions/{code}/{period}/enter", enter_one, methods=["POST"], include_in_schema=False
)
router.add_api_route(
    "/regions/{code}/{period}/enter/excel", enter_sheet, methods=["POST"], include_in_schema=False
)
router.add_api_route(
    "/api/observations",
    api_add_observation,
    methods=["POST"],
    tags=["observations"],
    status_code=201,
    summary="Enter one figure",
    response_model=shapes.Observation,
)
twin(
    router,
    "/observations/{observation_id}",
    observation_page,
    summary="One stored figure with its source, versions and audit trail",
    response_model=ObservationPage,
)
