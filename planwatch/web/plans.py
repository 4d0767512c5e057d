"""The planning office's plan forms: a new plan (in forms, or from an Excel or YAML file),
and a plan's edit page where targets, key tasks and major projects are added, changed and
removed one form at a time.

Every form carries the plan's version; a save on an older one answers 409 (another planner
saved in between). A form that cannot be saved comes back with the message beside it and
everything typed kept. The writes are ``planwatch.records.plan_edits``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from planwatch import links
from planwatch.errors import InvalidInput, NotFound, PlanwatchError
from planwatch.reads import Session
from planwatch.reads.departments import departments
from planwatch.reads.lookup import indicator_names
from planwatch.reads.objects import plan_record
from planwatch.reads.regions import stored_region
from planwatch.records import plan_edits
from planwatch.records.filedata import read_mapping_text, validated
from planwatch.records.plan_workbook import plan_template, read_plan_workbook
from planwatch.records.plans import PlanIn, ProjectIn, TargetIn, TaskIn
from planwatch.records.users import Account, check_allowed
from planwatch.vocabulary import FREQUENCIES, PROJECT_STAGES, QUALIFIERS, TARGET_KINDS
from planwatch.web import shapes
from planwatch.web.auth import allowed, app_store
from planwatch.web.forms import FieldProblem, blank_is_none, typed_number
from planwatch.web.i18n import translator
from planwatch.web.render import html, request_language

router = APIRouter()

Planner = Annotated[Account, Depends(allowed("edit_plans"))]
KINDS = {"targets": "target", "tasks": "task", "projects": "project"}
PLAN_FILE_BYTES = 2 * 1024 * 1024


def new_plan_page(request: Request, user: Planner) -> Response:
    return html(request, "plan_new.html", _new_page(user, {}, None))


def _new_page(user: Account, typed: dict[str, str], problem: dict[str, Any] | None) -> dict:
    return {
        "region": typed.get("region", user.region_code or ""),
        "year": typed.get("year", ""),
        "title": typed.get("title", ""),
        "problem": problem,
        "links": {
            "create": links.new_plan(),
            "file": links.new_plan("file"),
            "template": links.new_plan("template"),
        },
    }


async def create_plan(request: Request, user: Planner) -> Response:
    typed = await _form(request)

    def create(session: Session) -> int:
        year = typed_number("year", typed.get("year"))
        if year is None or year != int(year):
            raise FieldProblem("year", "year_needed", typed.get("year", ""))
        region = typed.get("region", "").strip()
        if not region:
            raise FieldProblem("region", "region_needed", "")
        return plan_edits.create_plan(session, user, region, int(year), typed.get("title")).id

    return await _saved_or_new(request, user, typed, create, "plan-new")


async def upload_new_plan(request: Request, user: Planner) -> Response:
    upload = await _uploaded(request)

    def create(session: Session) -> int:
        return plan_edits.replace_plan(session, user, _plan_file(upload), None).id

    return await _saved_or_new(request, user, {}, create, "file")


async def _saved_or_new(
    request: Request,
    user: Account,
    typed: dict[str, str],
    write: Callable[[Session], int],
    form: str,
) -> Response:
    try:
        plan_id = await run_in_threadpool(_write, request, user, write)
    except (FieldProblem, InvalidInput) as err:
        problem = _problem(request, form, err)
        return html(request, "plan_new.html", _new_page(user, typed, problem), status=400)
    return RedirectResponse(links.plan_edit(plan_id), status_code=303)


def _write(request: Request, user: Account, write: Callable[[Session], int]) -> int:
    with app_store(request).transaction(actor=user.name) as session:
        return write(session)


def template_download(request: Request, user: Planner) -> Response:
    filename = quote("计划模板.xlsx")
    return Response(
        plan_template(),
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"content-disposition": f"attachment; filename*=UTF-8''{filename}"},
    )


def edit_page(request: Request, plan_id: int, user: Planner) -> Response:
    return html(request, "plan_edit.html", _edit_data(request, user, plan_id, None))


def _edit_data(
    request: Request, user: Account, plan_id: int, problem: dict[str, Any] | None
) -> dict[str, Any]:
    with app_store(request).reading() as session:
        record = plan_record(session, plan_id)
        region = stored_region(session, record.head.region)
        check_allowed(session, user, "edit_plans", region)
        offices = [row.name for row in departments(session, region)]
        names = indicator_names(session)
    head = record.head
    year = str(head.year)
    return {
        "plan": shapes.plain(shapes.plan(head)),
        "targets": [shapes.plain(shapes.target(row)) for row in record.targets],
        "tasks": [shapes.plain(shapes.task(row)) for row in record.tasks],
        "projects": [shapes.plain(shapes.project(row)) for row in record.projects],
        "indicators": names,
        "departments": offices,
        "choices": {
            "kinds": TARGET_KINDS,
            "qualifiers": QUALIFIERS,
            "stages": PROJECT_STAGES,
            "frequencies": FREQUENCIES,
        },
        "problem": problem,
        "links": {
            "self": links.plan_edit(plan_id),
            "plan": links.plan(plan_id),
            "overview": links.region(head.region, year),
            "enter": links.entry(head.region, year),
            "template": links.new_plan("template"),
        },
    }


async def save_title(request: Request, plan_id: int, user: Planner) -> Response:
    typed = await _form(request)

    def save(session: Session) -> int:
        plan = plan_edits.editable_plan(session, user, plan_id, _version(typed))
        plan_edits.set_title(plan, typed.get("title"))
        return plan_id

    return await _saved_or_edit(request, user, plan_id, typed, save, "plan-title", "")


async def replace_from_file(request: Request, plan_id: int, user: Planner) -> Response:
    upload = await _uploaded(request)
    typed = await _form(request)

    def replace(session: Session) -> int:
        plan_in = _plan_file(upload)
        return plan_edits.replace_plan(session, user, plan_in, _version(typed), plan_id).id

    return await _saved_or_edit(request, user, plan_id, typed, replace, "file", "")


async def add_item(request: Request, plan_id: int, kind: str, user: Planner) -> Response:
    return await _save_item(request, plan_id, kind, None, user)


async def save_item(
    request: Request, plan_id: int, kind: str, item_id: int, user: Planner
) -> Response:
    return await _save_item(request, plan_id, kind, item_id, user)


async def _save_item(
    request: Request, plan_id: int, kind: str, item_id: int | None, user: Account
) -> Response:
    singular = _kind(kind)
    typed = await _form(request)
    save_one = {
        "target": plan_edits.save_target,
        "task": plan_edits.save_task,
        "project": plan_edits.save_project,
    }[singular]

    def save(session: Session) -> int:
        plan = plan_edits.editable_plan(session, user, plan_id, _version(typed))
        item = save_one(session, plan, item_id, _item_in(singular, typed))  # type: ignore[operator]
        session.flush()
        return int(item.id)

    form = f"{singular}-{item_id if item_id is not None else 'new'}"
    return await _saved_or_edit(request, user, plan_id, typed, save, form, singular)


async def remove_item(
    request: Request, plan_id: int, kind: str, item_id: int, user: Planner
) -> Response:
    singular = _kind(kind)
    typed = await _form(request)

    def remove(session: Session) -> int:
        plan = plan_edits.editable_plan(session, user, plan_id, _version(typed))
        plan_edits.remove_item(session, plan, singular, item_id)
        return 0

    return await _saved_or_edit(request, user, plan_id, typed, remove, f"{singular}s", "")


async def _saved_or_edit(
    request: Request,
    user: Account,
    plan_id: int,
    typed: dict[str, str],
    write: Callable[[Session], int],
    form: str,
    anchor_kind: str,
) -> Response:
    try:
        item_id = await run_in_threadpool(_write, request, user, write)
    except (FieldProblem, InvalidInput) as err:
        problem = {**_problem(request, form, err), "values": typed}
        data = await run_in_threadpool(_edit_data, request, user, plan_id, problem)
        return html(request, "plan_edit.html", data, status=400)
    anchor = f"#{anchor_kind}-{item_id}" if anchor_kind and item_id else ""
    return RedirectResponse(links.plan_edit(plan_id) + anchor, status_code=303)


ITEM_MODELS: dict[str, type[TargetIn] | type[TaskIn] | type[ProjectIn]] = {
    "target": TargetIn,
    "task": TaskIn,
    "project": ProjectIn,
}


def _item_in(kind: str, typed: dict[str, str]) -> TargetIn | TaskIn | ProjectIn:
    """The form's fields as the plan file's item: numbers read, empty fields None."""
    numbers = {"target": ("value",), "task": ("target_value",), "project": ("investment",)}[kind]
    model = ITEM_MODELS[kind]
    fields: dict[str, Any] = {name: typed_number(name, typed.get(name)) for name in numbers}
    for name in model.model_fields:
        if name not in fields and name in typed:
            fields[name] = blank_is_none(typed[name])
    if kind == "project" and fields.get("stage") is None:
        fields.pop("stage", None)
    if kind == "target" and fields.get("kind") != "relation":
        fields["other"] = None  # only a relation compares with another indicator
    try:
        return model.model_validate(fields)
    except ValidationError as err:
        where = str(err.errors()[0]["loc"][0])
        raise FieldProblem(where, "field_invalid", str(typed.get(where, ""))) from err


def _problem(request: Request, form: str, err: Exception) -> dict[str, Any]:
    """What to show beside the form, in the reader's language."""
    lang = request_language(request)
    if isinstance(err, FieldProblem):
        t = translator(lang)
        text = t(err.key) + (f" {err.suggestion}" if err.suggestion else "")
        return {"form": form, "field": err.field, "text": text}
    assert isinstance(err, PlanwatchError)
    if lang == "zh" and err.zh:
        text = err.zh + (f"：{err.zh_hint}" if err.zh_hint else "")
    else:
        text = str(err)
    return {"form": form, "field": None, "text": text}


def _version(typed: dict[str, str]) -> int:
    raw = typed.get("version", "")
    if not raw.isdigit() or len(raw) > 18:
        raise InvalidInput("web.plans.form_names_no_plan")
    return int(raw)


def _kind(kind: str) -> str:
    if kind not in KINDS:
        raise NotFound("web.plans.plan_has_no", kind=kind)
    return KINDS[kind]


async def _form(request: Request) -> dict[str, str]:
    form = await request.form()
    return {key: value for key, value in form.items() if isinstance(value, str)}


async def _uploaded(request: Request) -> tuple[str, bytes] | None:
    """The uploaded file's name and bytes (None if the form sent none)."""
    form = await request.form()
    upload = form.get("file")
    if upload is None or isinstance(upload, str) or not upload.filename:
        return None
    try:
        return upload.filename, await upload.read(PLAN_FILE_BYTES + 1)
    finally:
        await upload.close()


def _plan_file(upload: tuple[str, bytes] | None) -> PlanIn:
    """The plan an uploaded .xlsx, .yaml or .json file holds."""
    if upload is None:
        raise InvalidInput("web.plans.choose_plan_file_upload")
    name, data = upload
    if len(data) > PLAN_FILE_BYTES:
        raise InvalidInput("web.plans.larger_than_2_mb", name=name)
    if name.lower().endswith(".xlsx"):
        return read_plan_workbook(data, name)
    if not name.lower().endswith((".yaml", ".yml", ".json")):
        raise InvalidInput("web.plans.plan_uploaded_as_xlsx", name=name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InvalidInput("web.plans.not_utf_8", name=name) from err
    return validated(PlanIn, read_mapping_text(text, name), name)


# the new plan's routes go first: /plans/new is not a plan id
router.add_api_route("/plans/new", new_plan_page, methods=["GET"], include_in_schema=False)
router.add_api_route("/plans/new", create_plan, methods=["POST"], include_in_schema=False)
router.add_api_route("/plans/new/file", upload_new_plan, methods=["POST"], include_in_schema=False)
router.add_api_route(
    "/plans/new/template", template_download, methods=["GET"], include_in_schema=False
)
router.add_api_route("/plans/{plan_id}/edit", edit_page, methods=["GET"], include_in_schema=False)
router.add_api_route("/plans/{plan_id}/edit", save_title, methods=["POST"], include_in_schema=False)
router.add_api_route(
    "/plans/{plan_id}/file", replace_from_file, methods=["POST"], include_in_schema=False
)
router.add_api_route("/plans/{plan_id}/{kind}", add_item, methods=["POST"], include_in_schema=False)
router.add_api_route(
    "/plans/{plan_id}/{kind}/{item_id}", save_item, methods=["POST"], include_in_schema=False
)
router.add_api_route(
    "/plans/{plan_id}/{kind}/{item_id}/delete",
    remove_item,
    methods=["POST"],
    include_in_schema=False,
)
