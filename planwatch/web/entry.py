"""Entering figures (form, Excel sheet, API) and showing where any stored figure came from.

Figures entered by people are ``submitted``; each is a new version, so a correction never
hides what was there before. Reporters enter only for their own region.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request, UploadFile
from fastapi.responses import Response
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from planwatch import links
from planwatch.errors import InvalidInput, NotFound
from planwatch.reads.regions import stored_region
from planwatch.records.observations import ObservationIn, read_figures, store_observation
from planwatch.records.users import Account, check_allowed
from planwatch.store.models import AuditEntry, Fact, Indicator, Observation, User
from planwatch.vocabulary import OBSERVED_MEASURES
from planwatch.web.auth import Viewer, allowed, app_store
from planwatch.web.params import period_of
from planwatch.web.parts import FactSpan, source_dict
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
    return {
        "region": {"code": code, "name": name},
        "period": {"code": period},
        "indicators": list(
            session.scalars(select(Indicator.name).order_by(Indicator.category, Indicator.id))
        ),
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
) -> Response:
    fields = {
        "region": code,
        "indicator": indicator,
        "period": period,
        "measure": measure,
        "value": value,
        "unit": unit,
        "note": note,
        "status": "submitted",
    }
    try:
        item = ObservationIn.model_validate(fields)
    except ValidationError as err:
        problem = err.errors()[0]
        raise InvalidInput(
            f"{'.'.join(str(p) for p in problem['loc'])}: {problem['msg']}",
            "choose the measure from the list and write the value with digits",
        ) from err
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
    """Store each figure after checking the user may enter figures for its region."""
    ids = []
    for item in items:
        check_allowed(session, user, "enter_observations", stored_region(session, item.region))
        ids.append(store_observation(session, item, user_id=user.id).id)
    return ids


def api_add_observation(request: Request, item: ObservationIn, user: Reporter) -> Response:
    """Store one figure as a new version; the answer is the stored observation."""
    with app_store(request).transaction(actor=user.name) as session:
        (observation_id,) = store_figures(session, user, [item])
        data = observation_data(session, observation_id)
    return ChineseJSONResponse(data, status_code=201)


def observation_page(request: Request, observation_id: int, user: Viewer) -> Response:
    """Who or what entered a figure, its other versions, and the audit trail of changes."""
    with app_store(request).reading() as session:
        data = observation_data(session, observation_id)
    return respond(request, "observation.html", data)


def observation_data(session: Session, observation_id: int) -> dict[str, Any]:
    found = session.execute(
        select(Observation, Fact, User.name)
        .outerjoin(Fact, Observation.source_fact_id == Fact.id)
        .outerjoin(User, Observation.user_id == User.id)
        .where(Observation.id == observation_id)
    ).first()
    if found is None:
        raise NotFound(
            f"observation {observation_id} does not exist", "take an id from /api/observations"
        )
    row, fact, user_name = found
    return {
        "id": row.id,
        "indicator": row.indicator.name,
        "english": row.indicator.english,
        "region": {"code": row.region.code, "name": row.region.name},
        "period": row.period,
        "measure": row.measure,
        "value": row.value,
        "unit": row.unit,
        "basis": row.basis,
        "status": row.status,
        "version": row.version,
        "note": row.note,
        "created_at": row.created_at,
        "source": source_dict(
            FactSpan(fact.document_id, fact.id, fact.text, fact.span_start, fact.span_end)
            if fact is not None
            else None,
            user_name,
        ),
        "versions": _versions(session, row),
        "audit": _audit(session, row.id),
        "links": {"indicator": links.indicator(row.region.code, row.period, row.indicator.name)},
    }


def _versions(session: Session, row: Observation) -> list[dict[str, Any]]:
    others = session.scalars(
        select(Observation)
        .where(
            Observation.indicator_id == row.indicator_id,
            Observation.region_id == row.region_id,
            Observation.period == row.period,
            Observation.measure == row.measure,
        )
        .order_by(Observation.version)
    )
    return [
        {
            "id": o.id,
            "version": o.version,
            "value": o.value,
            "status": o.status,
            "created_at": o.created_at,
            "href": links.observation(o.id),
        }
        for o in others
    ]


def _audit(session: Session, row_id: int) -> list[dict[str, Any]]:
    entries = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.table_name == "observations", AuditEntry.row_id == row_id)
        .order_by(AuditEntry.id)
    )
    return [
        {"at": e.at, "actor": e.actor, "action": e.action, "changes": e.changes} for e in entries
    ]


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
)
twin(
    router,
    "/observations/{observation_id}",
    observation_page,
    summary="One stored figure with its source, versions and audit trail",
)
