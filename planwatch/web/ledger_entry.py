"""The month's progress of a department's projects, entered on one form (重点项目月度调度).

``/regions/{code}/{period}/projects/progress`` shows one row per project the department
leads: last month's completed investment, its year-to-date total and 形象进度 beside the
inputs for the period's month (year to date, progress text, milestones' done dates). The
form posts to the same address; every row is checked first (``records.ledger_month``),
and a wrong field comes back marked beside itself, keeping what was typed, with nothing
saved. A reporter enters for its own department only; the planning office for any.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Query, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from planwatch import links
from planwatch.assess.projects import month_figures
from planwatch.errors import Forbidden, InvalidInput, PlanwatchError
from planwatch.periods import Period
from planwatch.reads import Session
from planwatch.reads.ledger import LedgerProject, region_ledger
from planwatch.reads.regions import RegionRow, stored_region
from planwatch.records.ledger_month import (
    MonthLine,
    MonthProblems,
    done_field,
    store_month,
    text_field,
    ytd_field,
)
from planwatch.records.ledger_workbook import TemplateLine, progress_template, read_progress
from planwatch.records.users import Account, check_allowed
from planwatch.web.auth import allowed, app_store
from planwatch.web.params import period_of
from planwatch.web.render import html
from planwatch.web.tables import FORMATS

router = APIRouter()

Reporter = Annotated[Account, Depends(allowed("enter_observations"))]
Department = Annotated[str | None, Query(max_length=100)]


def entering_for(user: Account, department: str | None) -> str | None:
    """The department whose projects the form lists (None: every project, for the office)."""
    if user.role != "reporter":
        return department or None
    if department and department != user.department:
        raise Forbidden(
            "web.ledger_entry.may_not_enter_progress",
            p1=user.department or "your department",
            department=department,
            p2=user.department or "本单位",
        )
    return user.department


def _row(project: LedgerProject, when: Period) -> dict[str, Any]:
    last = (
        month_figures(project, Period(when.year, "M", when.months - 1)) if when.months > 1 else None
    )
    now = month_figures(project, when)
    return {
        "id": project.id,
        "name": project.name,
        "department": project.department,
        "unit": project.unit or "",
        "year_investment": project.year_investment,
        "last": last.__dict__ if last else None,
        "ytd": {"field": ytd_field(project.id), "value": _plain(now.investment_ytd)},
        "text": {"field": text_field(project.id), "value": now.text or ""},
        "milestones": [
            {
                "name": m.name,
                "planned": m.planned.isoformat(),
                "field": done_field(project.id, m.id),
                "value": m.done.isoformat() if m.done else "",
            }
            for m in project.milestones
        ],
    }


def _plain(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def month_page(
    session: Session, region: RegionRow, when: Period, user: Account, department: str | None
) -> dict[str, Any]:
    ledger = region_ledger(session, region.id, when.year)
    shown = [p for p in ledger if department is None or p.department == department]
    return {
        "region": {"code": region.code, "name": region.name},
        "period": {"code": when.code, "month": f"{when.year}M{when.months:02d}"},
        "department": department,
        "departments": sorted({p.department for p in ledger if p.department}),
        "may_choose": user.role != "reporter",
        "rows": [_row(p, when) for p in shown],
        "typed": {},
        "problems": {},
        "error": None,
        "sheet_problems": [],
        "saved": None,
        "links": {
            "overview": links.region(region.code, when.code),
            "ledger": links.ledger(region.code, when.code),
            "template": f"{links.month_entry(region.code, when.code)}/template.xlsx",
            "upload": f"{links.month_entry(region.code, when.code)}/excel",
        },
    }


def _opened(
    session: Session, code: str, period: str, user: Account, department: str | None
) -> tuple[RegionRow, Period, str | None]:
    region = stored_region(session, code)
    check_allowed(session, user, "enter_observations", region)
    return region, period_of(period), entering_for(user, department)


def month_form(
    request: Request,
    code: str,
    period: str,
    user: Reporter,
    department: Department = None,
    saved: Annotated[int | None, Query(ge=0)] = None,
) -> Response:
    with app_store(request).reading() as session:
        region, when, chosen = _opened(session, code, period, user, department)
        data = month_page(session, region, when, user, chosen)
    data["saved"] = saved
    return html(request, "month_entry.html", data)


def lines_of(form: dict[str, str]) -> list[MonthLine]:
    """The form's rows by project: ``ytd-3``, ``text-3`` and ``done-3-7`` (milestone 7)."""
    rows: dict[int, dict[str, Any]] = {}
    for key, value in form.items():
        kind, _, rest = key.partition("-")
        if kind not in ("ytd", "text", "done"):
            continue
        ids = rest.split("-")
        if not all(part.isdigit() for part in ids) or len(ids) != (2 if kind == "done" else 1):
            raise InvalidInput("web.ledger_entry.unknown_form_field", key=key)
        row = rows.setdefault(int(ids[0]), {"done": {}})
        if kind == "done":
            row["done"][int(ids[1])] = value
        else:
            row[kind] = value
    return [
        MonthLine(pid, row.get("ytd", ""), row.get("text", ""), row["done"])
        for pid, row in rows.items()
    ]


def saved_query(count: int, user: Account, department: str | None) -> dict[str, object]:
    """Where a save leads: the form again, saying how many projects were saved."""
    chosen = department if department and user.role != "reporter" else None
    return {"saved": count, **({"department": chosen} if chosen else {})}


def _said(error: PlanwatchError) -> dict[str, str | None]:
    return {"message": error.message, "hint": error.hint, "zh": error.zh, "zh_hint": error.zh_hint}


async def save_month(
    request: Request, code: str, period: str, user: Reporter, department: Department = None
) -> Response:
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    lines = lines_of(form)
    store = app_store(request)
    try:
        with store.transaction(actor=user.name) as session:
            region, when, chosen = _opened(session, code, period, user, department)
            count = store_month(session, user, when, lines)
    except MonthProblems as problems:
        page = _again_data(
            request, code, period, user, department, form, problems.problems, problems
        )
        return html(request, "month_entry.html", page, status=400)
    except InvalidInput as error:
        page = _again_data(request, code, period, user, department, form, {}, error)
        return html(request, "month_entry.html", page, status=400)
    query = saved_query(count, user, chosen)
    target = f"{links.month_entry(region.code, when.code)}?{urlencode(query)}"
    return RedirectResponse(target, status_code=303)


def _again_data(
    request: Request,
    code: str,
    period: str,
    user: Account,
    department: str | None,
    typed: dict[str, str],
    problems: dict[str, PlanwatchError],
    summary: PlanwatchError,
) -> dict[str, Any]:
    """The form as it was sent, each wrong field marked beside itself (nothing saved)."""
    with app_store(request).reading() as session:
        region, when, chosen = _opened(session, code, period, user, department)
        data = month_page(session, region, when, user, chosen)
    data["typed"] = typed
    data["problems"] = {name: _said(error) for name, error in problems.items()}
    data["error"] = _said(summary)
    return data


def _template_line(project: LedgerProject, when: Period) -> TemplateLine:
    last = (
        month_figures(project, Period(when.year, "M", when.months - 1)) if when.months > 1 else None
    )
    now = month_figures(project, when)
    return TemplateLine(
        project.id,
        project.name,
        project.unit or "",
        last.investment_ytd if last else None,
        last.text if last else None,
        now.investment_ytd,
        now.text,
        tuple((m.id, m.name, m.planned, m.done) for m in project.milestones),
    )


def month_template(
    request: Request, code: str, period: str, user: Reporter, department: Department = None
) -> Response:
    """The month's progress sheet of a department (the office: of every project if none)."""
    with app_store(request).reading() as session:
        region, when, chosen = _opened(session, code, period, user, department)
        ledger = region_ledger(session, region.id, when.year)
    shown = [p for p in ledger if chosen is None or p.department == chosen]
    month = f"{when.year}M{when.months:02d}"
    body = progress_template(
        region.code, chosen or "", month, [_template_line(p, when) for p in shown]
    )
    name = quote(f"{region.code}-{month}-{chosen or 'projects'}.xlsx")
    return Response(
        body,
        media_type=FORMATS["xlsx"],
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{name}"},
    )


async def month_sheet(
    request: Request,
    code: str,
    period: str,
    user: Reporter,
    file: UploadFile,
    department: Department = None,
) -> Response:
    """The filled-in template stored as the form would be; problems listed by row and column."""
    filled = read_progress(await file.read(), file.filename or "upload.xlsx")
    when = period_of(period)
    month = f"{when.year}M{when.months:02d}"
    if filled.meta.get("period") != month:
        raise InvalidInput(
            "web.ledger_entry.this_template_not", p1=filled.meta.get("period"), month=month
        )
    lines = [MonthLine(pid, ytd, text, done) for pid, ytd, text, done in filled.lines]
    try:
        with app_store(request).transaction(actor=user.name) as session:
            region, when, chosen = _opened(session, code, period, user, department)
            count = store_month(session, user, when, lines)
    except MonthProblems as problems:
        form = {name: "" for name in problems.problems}
        page = _again_data(request, code, period, user, department, form, {}, problems)
        page["sheet_problems"] = [
            {
                "row": filled.places.get(name, (0, ""))[0],
                "column": filled.places.get(name, (0, ""))[1],
                **_said(err),
            }
            for name, err in problems.problems.items()
        ]
        page["typed"] = {}
        return html(request, "month_entry.html", page, status=400)
    query = saved_query(count, user, chosen)
    return RedirectResponse(f"{links.month_entry(region.code, when.code)}?{urlencode(query)}", 303)


PATH = "/regions/{code}/{period}/projects/progress"
router.add_api_route(
    PATH, month_form, methods=["GET"], tags=["ledger"], summary="The month's progress form"
)
router.add_api_route(
    PATH, save_month, methods=["POST"], tags=["ledger"], summary="Save the month's progress"
)
router.add_api_route(
    f"{PATH}/template.xlsx",
    month_template,
    methods=["GET"],
    tags=["ledger"],
    summary="The month's progress as an Excel template",
)
router.add_api_route(
    f"{PATH}/excel",
    month_sheet,
    methods=["POST"],
    tags=["ledger"],
    summary="Upload the filled-in progress template",
)
