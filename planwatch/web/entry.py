"""Entering figures (form, Excel sheet, API) and showing where any stored figure came from.

Figures entered by people go through ``planwatch.records.submissions``: a reporter's are
drafts of its department until approved; each is a new version, so a correction never
hides what was there before.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request, UploadFile
from fastapi.responses import Response
from pydantic import BaseModel, ValidationError
from pydantic.dataclasses import dataclass
from starlette.concurrency import run_in_threadpool

from planwatch import links
from planwatch.errors import InvalidInput, NotFound, PlanwatchError
from planwatch.periods import Period
from planwatch.reads import Session
from planwatch.reads.collection import EntryItem, calendar_items, entry_items, template_rows
from planwatch.reads.observations import (
    AuditRow,
    audit_of,
    observation_by_id,
    observation_list,
    reporter_sees,
    versions_of,
)
from planwatch.reads.regions import stored_region
from planwatch.records.observations import ObservationIn
from planwatch.records.submissions import enter_figures, entry_problems
from planwatch.records.upload import checked_sheet
from planwatch.records.users import Account, check_allowed
from planwatch.records.workbook import template_workbook
from planwatch.vocabulary.messages import described
from planwatch.web import shapes
from planwatch.web.auth import Viewer, allowed, app_store, reporter_scope
from planwatch.web.forms import FieldProblem, typed_number
from planwatch.web.i18n import translator
from planwatch.web.params import period_of
from planwatch.web.render import ChineseJSONResponse, html, request_language, respond, twin

router = APIRouter()

Reporter = Annotated[Account, Depends(allowed("enter_observations"))]


def entry_form(request: Request, code: str, period: str, user: Reporter) -> Response:
    when = period_of(period)
    with app_store(request).reading() as session:
        region = stored_region(session, code)
        check_allowed(session, user, "enter_observations", region)
        data = _entry_page(session, user, region.code, when.code, stored=None)
    return html(request, "enter.html", data)


def _entry_page(
    session: Session,
    user: Account,
    code: str,
    period: str,
    stored: int | None,
    typed: dict[str, str] | None = None,
    problems: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The form: the plan's items the user reports, grouped by department in plan order,
    each with the catalogue's unit; and the period's figures entered so far."""
    region = stored_region(session, code)
    when = Period.parse(period)
    items = entry_items(session, region, when.year)
    mine = [i for i in items if user.role != "reporter" or i.department == user.department]
    calendar = calendar_items(session, region, when.year)
    return {
        "departments": list(dict.fromkeys(item.department for item in calendar)),
        "template": links.region(code, period, "enter", "template"),
        "region": {"code": code, "name": region.name},
        "period": {"code": period},
        "has_plan": bool(items),
        "periods": [
            {"code": other, "href": links.entry(code, other)}
            for other in (f"{when.year}Q1", f"{when.year}H1", f"{when.year}Q3", str(when.year))
        ],
        "groups": _groups(mine),
        "entered": _entered(session, user, region.id, period, {i.indicator for i in mine}),
        "typed": typed or {},
        "problems": problems or {},
        "stored": stored,
        "links": {
            "overview": links.region(code, period),
            "enter": links.entry(code, period),
            "submissions": links.submissions(code, period),
        },
    }


def _groups(items: list[EntryItem]) -> list[dict[str, Any]]:
    groups: dict[str | None, list[dict[str, Any]]] = {}
    for item in items:
        fields = [
            {
                "name": _field(item.indicator, "value"),
                "measure": "value",
                "unit": item.unit,
                "falls": False,
            },
            {
                "name": _field(item.indicator, "yoy_growth"),
                "measure": "yoy_growth",
                "unit": "%",
                "falls": "reduction_at_least" in item.target_kinds,
            },
        ]
        groups.setdefault(item.department, []).append(
            {
                "indicator": item.indicator,
                "english": item.english,
                "targets": item.targets,
                "fields": fields,
            }
        )
    return [{"department": name, "items": rows} for name, rows in groups.items()]


def _field(indicator: str, measure: str) -> str:
    return f"fig:{indicator}:{measure}"


def _entered(
    session: Session, user: Account, region_id: int, period: str, shown: set[str]
) -> list[dict[str, Any]]:
    """The latest version of each figure of the period the user may see, with its status."""
    scope = reporter_scope(user)
    page = observation_list(
        session, region_id=region_id, period=period, reporter_department=scope, limit=500, offset=0
    )
    latest: dict[tuple[str, str], dict[str, Any]] = {}
    for row in page.items:  # newest first
        if (scope is None or row.indicator in shown) and (row.indicator, row.measure) not in latest:
            latest[(row.indicator, row.measure)] = {
                **shapes.plain(shapes.observation(row)),
                "user_name": row.user_name,
            }
    return sorted(latest.values(), key=lambda f: (f["indicator"], f["measure"]))


async def enter_form(request: Request, code: str, period: str, user: Reporter) -> Response:
    """The entry form's figures: each typed field checked, and shown again beside its
    field with the message if it cannot be stored; nothing is stored until all can be.
    A form naming one ``indicator`` (as programs post it) stores that one figure."""
    form = await request.form()
    typed = {key: value for key, value in form.items() if isinstance(value, str)}
    if "indicator" in typed:
        return await run_in_threadpool(_enter_one, request, code, period, user, typed)
    return await run_in_threadpool(_enter_grid, request, code, period, user, typed)


def _enter_one(
    request: Request, code: str, period: str, user: Account, typed: dict[str, str]
) -> Response:
    fields = {
        "region": code,
        "period": period,
        "measure": "value",
        **{k: typed[k] for k in ENTRY_FIELDS if k in typed},
    }
    try:
        item = ObservationIn.model_validate(fields)
    except ValidationError as err:
        problem = err.errors()[0]
        raise InvalidInput("web.entry.problem", problem=described(problem)) from err
    return _store_and_show(request, code, period, user, [item])


ENTRY_FIELDS = ("indicator", "measure", "value", "unit", "note", "reason", "comment")
SHARED_FIELDS = ("note", "reason", "comment")


def _enter_grid(
    request: Request, code: str, period: str, user: Account, typed: dict[str, str]
) -> Response:
    when = period_of(period)
    t = translator(request_language(request))
    problems: dict[str, str] = {}
    wanted: list[tuple[str, str, str, float]] = []  # field, indicator, measure, value
    for name, raw in typed.items():
        if name.startswith("fig:") and raw.strip():
            _, indicator, measure = name.split(":", 2)
            try:
                value = typed_number(name, raw)
            except FieldProblem as err:
                problems[name] = t(err.key) + (f" {err.suggestion}" if err.suggestion else "")
                continue
            assert value is not None
            wanted.append((name, indicator, measure, value))
    if not wanted and not problems:
        problems[""] = t("entry_nothing")
    store = app_store(request)
    with store.reading() as session:
        region = stored_region(session, code)
        check_allowed(session, user, "enter_observations", region)
        units = {i.indicator: i.unit for i in entry_items(session, region, when.year)}
        items, fields = _figures(code, when.code, wanted, units, typed, problems, t)
        if not problems:
            for problem in entry_problems(session, user, items):
                said = problem.zh if request_language(request) == "zh" else problem.en
                problems.setdefault(fields[problem.figure], said)
    status = 400
    if not problems:
        try:
            with store.transaction(actor=user.name) as session:
                stored = len(enter_figures(session, user, items))
                data = _entry_page(session, user, region.code, when.code, stored)
            return html(request, "enter.html", data)
        except PlanwatchError as err:  # nothing was stored: the transaction rolled back
            problems[""] = _said(err, request_language(request))
            status = err.status
    with store.reading() as session:
        data = _entry_page(session, user, region.code, when.code, None, typed, problems)
    return html(request, "enter.html", data, status=status)


def _figures(
    code: str,
    period: str,
    wanted: list[tuple[str, str, str, float]],
    units: dict[str, str | None],
    typed: dict[str, str],
    problems: dict[str, str],
    t: Any,
) -> tuple[list[ObservationIn], list[str]]:
    """The typed numbers as figures in the catalogue's unit (growths in %)."""
    shared = {k: (typed.get(k) or "").strip() or None for k in SHARED_FIELDS}
    items, fields = [], []
    for name, indicator, measure, value in wanted:
        unit = units.get(indicator) if measure == "value" else "%"
        try:
            item = ObservationIn.model_validate(
                {
                    "region": code,
                    "indicator": indicator,
                    "period": period,
                    "measure": measure,
                    "value": value,
                    "unit": unit,
                    **shared,
                }
            )
        except ValidationError:
            problems[name] = t("field_invalid")
            continue
        items.append(item)
        fields.append(name)
    return items, fields


def _said(err: PlanwatchError, lang: str) -> str:
    if lang == "zh" and err.zh:
        return err.zh + (f"：{err.zh_hint}" if err.zh_hint else "")
    return str(err)


async def enter_sheet(
    request: Request, code: str, period: str, user: Reporter, file: UploadFile
) -> Response:
    """Every figure of the sheet checked first: all problems at once with their cells, and
    nothing stored unless every figure passes."""
    data = await file.read()
    name = file.filename or "upload.xlsx"
    when = period_of(period).code
    with app_store(request).transaction(actor=user.name) as session:
        check_allowed(session, user, "enter_observations", stored_region(session, code))
        items = checked_sheet(session, user, data, name, code, when)
        rows = store_figures(session, user, items)
        page = _entry_page(session, user, code, when, stored=len(rows))
    return html(request, "enter.html", page)


def _store_and_show(
    request: Request, code: str, period: str, user: Account, items: list[ObservationIn]
) -> Response:
    with app_store(request).transaction(actor=user.name) as session:
        rows = store_figures(session, user, items)
        region = stored_region(session, code)
        data = _entry_page(session, user, region.code, period_of(period).code, stored=len(rows))
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
    "/regions/{code}/{period}/enter", enter_form, methods=["POST"], include_in_schema=False
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
