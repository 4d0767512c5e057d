"""The project list to and from Excel (planning office): export the ledger's own columns,
edit the sheet, upload it back (``records.ledger_workbook``: every problem listed with its
row and column and nothing stored, or exactly the edited cells changed, audited).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, UploadFile
from fastapi.responses import Response

from planwatch import links
from planwatch.reads.regions import stored_region
from planwatch.records.ledger_workbook import (
    COLUMNS,
    SheetProblems,
    import_ledger,
    ledger_cells,
    region_plan,
    sheet_rows,
)
from planwatch.records.users import Account
from planwatch.web.auth import allowed, app_store
from planwatch.web.params import period_of
from planwatch.web.render import ChineseJSONResponse, html, request_language
from planwatch.web.tables import FORMATS, spreadsheet_cell, xlsx_bytes

router = APIRouter(tags=["ledger"])
Office = Annotated[Account, Depends(allowed("manage_projects"))]


def export_ledger(request: Request, code: str, period: str, user: Office) -> Response:
    """The plan's projects with every ledger column, ready to edit and upload back."""
    when = period_of(period)
    lang = request_language(request)
    with app_store(request).reading() as session:
        region = stored_region(session, code)
        rows = ledger_cells(session, user, region_plan(session, region.code, when.year))
    header = [c.en if lang == "en" else c.zh for c in COLUMNS]
    cells = [[spreadsheet_cell(v) for v in row] for row in rows]
    name = f"{region.code}-{when.year}-projects"
    return Response(
        xlsx_bytes("项目台账", header, cells),
        media_type=FORMATS["xlsx"],
        headers={"Content-Disposition": f'attachment; filename="{name}.xlsx"'},
    )


async def import_sheet(
    request: Request, code: str, period: str, user: Office, file: UploadFile
) -> Response:
    """Add and update projects from the uploaded sheet; all or nothing."""
    when = period_of(period)
    rows = sheet_rows(await file.read(), file.filename or "upload.xlsx")
    page: dict[str, Any] = {
        "region": {"code": code},
        "period": {"code": when.code},
        "links": {"ledger": links.ledger(code, when.code)},
        "added": [],
        "changes": [],
        "problems": [],
    }
    try:
        with app_store(request).transaction(actor=user.name) as session:
            region = stored_region(session, code)
            done = import_ledger(session, user, region_plan(session, region.code, when.year), rows)
    except SheetProblems as err:
        page["problems"] = [p.said() for p in err.problems]
        return _answer(request, page, 400)
    page["added"] = done.added
    page["changes"] = [
        {"project": p, "field": f, "before": _shown(b), "after": _shown(a)}
        for p, f, b, a in done.changes
    ]
    return _answer(request, page, 200)


def _answer(request: Request, page: dict[str, Any], status: int) -> Response:
    """The result page for a browser's form, the same dict as JSON for a program."""
    if "text/html" in request.headers.get("accept", ""):
        return html(request, "ledger_import.html", page, status=status)
    return ChineseJSONResponse(page, status_code=status)


def _shown(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


router.add_api_route(
    "/regions/{code}/{period}/projects/workbook.xlsx",
    export_ledger,
    methods=["GET"],
    summary="The project list as an Excel sheet to edit",
)
router.add_api_route(
    "/regions/{code}/{period}/projects/workbook",
    import_sheet,
    methods=["POST"],
    summary="Add and update projects from an edited Excel sheet",
)
