"""The drafted report: read in the page, narrative parts edited by the planner, downloaded.

Downloads share the report page's address with the format as suffix:
``/regions/420106/2017H1/report.docx`` (md, html, docx, pdf); ``report.json`` is the
page's data like every other page.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from planwatch import links
from planwatch.reads.figures import Counting, counting_for, current_counting
from planwatch.reads.narratives import narrative_versions, narratives
from planwatch.reads.regions import stored_region
from planwatch.records.drafts import store_draft
from planwatch.records.narratives import set_narrative
from planwatch.records.users import Account, check_allowed
from planwatch.report.docx import write_docx
from planwatch.report.draft import draft_report
from planwatch.report.history import stored_figures
from planwatch.report.model import Report, ReportOptions
from planwatch.report.pdf import write_pdf
from planwatch.report.render import render_html, render_markdown
from planwatch.report.review import review_items
from planwatch.report.selfcheck import check_report
from planwatch.vocabulary import NARRATIVE_PARTS, word
from planwatch.web.auth import Viewer, allowed, app_store
from planwatch.web.params import period_of
from planwatch.web.render import html, respond, twin

router = APIRouter()

Planner = Annotated[Account, Depends(allowed("edit_narrative"))]
Format = Literal["md", "html", "docx", "pdf"]
MEDIA_TYPES = {
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def report_page(
    request: Request, code: str, period: str, user: Viewer, details: bool = False
) -> Response:
    """The draft beside its narratives; ``?details=1`` adds the 时间过半 wording."""
    when = period_of(period)
    with app_store(request).reading() as session:
        region = stored_region(session, code)
        report = _draft(session, region.code, when.code, details)
        data = report_data(session, report, user)
    return respond(request, "report.html", data)


def _draft(session: Session, code: str, period: str, details: bool) -> Report:
    """The report states reviewed figures only, whatever the reader previews (a viewer's and
    a planner's preview pages mark waiting figures 未审核; a report never prints them)."""
    counting: Counting = "published" if current_counting() == "published" else "approved"
    with counting_for(counting):
        return draft_report(session, code, period, ReportOptions(details=details))


def report_data(session: Session, report: Report, user: Account) -> dict[str, Any]:
    base = links.region(report.region_code, report.period)
    texts = narratives(session, report.region_code, report.period)
    versions = narrative_versions(session, report.region_code, report.period)
    # the report's settings travel with its downloads and preview
    query = "?details=1" if report.options.details else ""
    # the preview as the officer reads it, re-read and checked against the data
    checked = check_report(session, report, "html")
    return {
        "check": checked.as_dict(),
        "review": [item.as_dict() for item in review_items(session, report, checked)],
        "title": report.title,
        "region": {"code": report.region_code, "name": report.region},
        "period": {"code": report.period, "phrase": report.period_phrase},
        "warnings": report.warnings,
        "warnings_zh": report.warnings_zh,
        "has_placeholders": report.has_placeholders,
        "narratives": [
            {
                "part": part,
                "label": word("narrative_parts", part).zh,
                "label_en": word("narrative_parts", part).en.capitalize(),
                "text": texts.get(part, ""),
                "version": versions.get(part, 0),
                "action": links.narrative(report.region_code, report.period, part),
            }
            for part in NARRATIVE_PARTS
        ],
        "may_edit": user.may("edit_narrative"),
        "markdown": render_markdown(report),
        "options": {"details": report.options.details},
        "downloads": {
            fmt: links.report(report.region_code, report.period, fmt) + query for fmt in MEDIA_TYPES
        },
        "preview": links.report(report.region_code, report.period, "html")
        + (f"{query}&inline=1" if query else "?inline=1"),
        "links": {"overview": base},
    }


def download(
    request: Request, code: str, period: str, fmt: Format, user: Viewer, details: bool = False
) -> Response:
    """The report file; ``?inline=1`` shows the HTML in the page instead of saving it."""
    when = period_of(period)
    with app_store(request).reading() as session:
        region = stored_region(session, code)
        report = _draft(session, region.code, when.code, details)
    body = report_bytes(report, fmt)
    response = Response(body, media_type=MEDIA_TYPES[fmt])
    if not (fmt == "html" and request.query_params.get("inline")):
        _keep_draft(request, report, fmt, user)
        name = f"{report.region}-{report.period}-计划执行情况报告.{fmt}"
        response.headers["Content-Disposition"] = (
            f'attachment; filename="report-{report.region_code}-{report.period}.{fmt}"; '
            f"filename*=UTF-8''{quote(name)}"
        )
    return response


def _keep_draft(request: Request, report: Report, fmt: str, user: Account) -> None:
    """A draft the office downloads is kept with its figures, so the next draft's review
    panel lists what changed since; a reader's download is not the office's draft."""
    if not user.may("edit_narrative"):
        return
    with app_store(request).transaction(actor=user.name) as session:
        store_draft(
            session,
            report.region_code,
            report.period,
            fmt,
            stored_figures(report.figures),
            actor=user.name,
        )


def report_bytes(report: Report, fmt: Format) -> bytes:
    if fmt == "md":
        return render_markdown(report).encode("utf-8")
    if fmt == "html":
        return render_html(report).encode("utf-8")
    with tempfile.TemporaryDirectory(prefix="planwatch-report-") as folder:
        path = Path(folder) / f"report.{fmt}"
        if fmt == "pdf":
            write_pdf(report, path)
        else:
            write_docx(report, path)
        return path.read_bytes()


def save_narrative(
    request: Request,
    code: str,
    period: str,
    part: str,
    user: Planner,
    text: Annotated[str, Form()],
    version: Annotated[
        int | None, Form(ge=0, description="The version the form was read at.")
    ] = None,
) -> Response:
    """Store one part of the planner's text; the report draws it at once. A form read
    before someone else saved the part is refused (409) rather than overwriting it."""
    when = period_of(period)
    with app_store(request).transaction(actor=user.name) as session:
        region = stored_region(session, code)
        check_allowed(session, user, "edit_narrative", region)
        row = set_narrative(session, region.code, when.code, part, text, expected=version)
        saved_version = row.version
    data = {
        "version": saved_version,
        "part": part,
        "label": word("narrative_parts", part).zh if part in NARRATIVE_PARTS else part,
        "label_en": word("narrative_parts", part).en.capitalize()
        if part in NARRATIVE_PARTS
        else part,
        "saved": True,
    }
    if request.headers.get("hx-request"):
        return html(request, "narrative_saved.html", data)
    return respond(request, "narrative_saved.html", data)


twin(
    router,
    "/regions/{code}/{period}/report",
    report_page,
    summary="The drafted plan-execution report and its narrative parts",
)
router.add_api_route(
    "/regions/{code}/{period}/report.{fmt}",
    download,
    methods=["GET"],
    tags=["report"],
    summary="Download the report as md, html, docx or pdf",
)
router.add_api_route(
    "/regions/{code}/{period}/report/narratives/{part}",
    save_narrative,
    methods=["POST"],
    tags=["report"],
    summary="Save a narrative part",
)
