"""Uploading a report from the browser: stored once (by SHA-256), its facts left for review."""

from __future__ import annotations

from functools import partial
from typing import Annotated, Any

from anyio import to_thread
from fastapi import APIRouter, Depends, Request, UploadFile
from fastapi.responses import Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from planwatch import links
from planwatch.errors import InvalidInput
from planwatch.reads.documents import recent_documents
from planwatch.records.ingest import IngestResult, ingest_bytes
from planwatch.records.users import Account, check_allowed
from planwatch.web import shapes
from planwatch.web.auth import allowed, app_store
from planwatch.web.limits import DOCUMENT_BYTES
from planwatch.web.render import ChineseJSONResponse, html

router = APIRouter()

Uploader = Annotated[Account, Depends(allowed("upload"))]
MAX_BYTES = DOCUMENT_BYTES


def upload_form(request: Request, user: Uploader) -> Response:
    return html(request, "upload.html", {"result": None, "documents": _documents(request)})


def _documents(request: Request) -> list[dict[str, Any]]:
    with app_store(request).reading() as session:
        return [shapes.plain(shapes.document(row)) for row in recent_documents(session)]


async def upload(request: Request, file: UploadFile, user: Uploader) -> Response:
    """Ingest the file; answers the result (HTML for the page, JSON under /api)."""
    data = await file.read(MAX_BYTES + 1)
    _check_upload(file.filename, data)
    # the document belongs to whatever region it names, which must be within the user's
    # own; extraction takes a while on long reports: keep the event loop free meanwhile
    result = await to_thread.run_sync(
        partial(
            ingest_bytes,
            request.app.state.store,
            data,
            file.filename or "upload.txt",
            actor=user.name,
            guard=lambda session, region: check_allowed(session, user, "upload", region),
        ),
        limiter=request.app.state.heavy_work,
    )
    page = upload_result(result)
    if request.url.path.startswith("/api/"):
        return ChineseJSONResponse(page, status_code=201 if result.created else 200)
    template = "upload_result.html" if request.headers.get("hx-request") else "upload.html"
    documents = await run_in_threadpool(_documents, request)
    return html(request, template, {"result": page, "documents": documents})


def _check_upload(filename: str | None, data: bytes) -> None:
    if not filename:
        raise InvalidInput("web.upload.no_file_name")
    if not data:
        raise InvalidInput("web.upload.empty", filename=filename)
    if len(data) > MAX_BYTES:
        raise InvalidInput("web.upload.too_large", filename=filename, mb=MAX_BYTES // (1024 * 1024))


class Uploaded(BaseModel):
    """What storing an upload did: the document, whether it is new, its facts found."""

    document_id: int
    filename: str
    created: bool
    facts: int
    accepted: int
    region: str | None
    period: str | None
    warnings: list[str]
    href: str


def upload_result(result: IngestResult) -> dict[str, Any]:
    return Uploaded(
        document_id=result.document_id,
        filename=result.filename,
        created=result.created,
        facts=result.facts,
        accepted=result.accepted,
        region=result.region,
        period=result.period,
        warnings=result.warnings,
        href=links.document(result.document_id),
    ).model_dump()


router.add_api_route("/upload", upload_form, methods=["GET"], include_in_schema=False)
router.add_api_route("/upload", upload, methods=["POST"], include_in_schema=False)
router.add_api_route(
    "/api/documents",
    upload,
    methods=["POST"],
    tags=["documents"],
    summary="Upload a report (txt/html/docx/pdf); its facts await review",
    status_code=201,
    response_model=Uploaded,
)
