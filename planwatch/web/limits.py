"""Request bodies end at a limit per route, refused early with 413 and a message.

A body that declares a larger ``Content-Length`` is refused before a byte of it is read;
one that does not (chunked) is counted as it streams and cut off at the limit, so a
300 MB "spreadsheet" costs the server at most the limit, never the whole file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fastapi import Request
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from planwatch.errors import TooLarge
from planwatch.records.ingest import DOCUMENT_BYTES

MB = 1024 * 1024
SHEET_BYTES = 10 * MB  # a department's sheet is kilobytes
OTHER_BYTES = 1 * MB  # forms and JSON: a narrative is at most 100,000 characters


@dataclass(frozen=True)
class Limit:
    pattern: re.Pattern[str]
    bytes: int
    what: str  # document, sheet or request: which message says the limit


LIMITS = (
    Limit(re.compile(r"^/(api/documents|upload)$"), DOCUMENT_BYTES, "document"),
    Limit(re.compile(r"^/regions/[^/]+/[^/]+/enter/excel$"), SHEET_BYTES, "sheet"),
)
OTHER = Limit(re.compile(""), OTHER_BYTES, "request")


def limit_for(path: str) -> Limit:
    return next((limit for limit in LIMITS if limit.pattern.match(path)), OTHER)


def too_large(limit: Limit) -> TooLarge:
    mb = limit.bytes // MB
    if limit.what == "document":
        return TooLarge("web.limits.document", mb=mb)
    if limit.what == "sheet":
        return TooLarge("web.limits.sheet", mb=mb)
    return TooLarge("web.limits.request", mb=mb)


class BodyTooLarge(HTTPException):
    """Raised from the body stream: FastAPI passes HTTPExceptions through its body parsing."""

    def __init__(self, limit: Limit) -> None:
        super().__init__(413, too_large(limit).message)
        self.error = too_large(limit)


class BodyLimit:
    """ASGI middleware: each request body within ``limit_for(path)``."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        limit = limit_for(scope["path"])
        declared = _declared_length(scope)
        if declared is not None and declared > limit.bytes:
            await _refuse(scope, receive, send, limit)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit.bytes:
                    raise BodyTooLarge(limit)
            return message

        await self.app(scope, counted, send)


def _declared_length(scope: Scope) -> int | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            text = value.decode("latin-1").strip()
            # a length no body can have is as good as too large
            return int(text) if text.isdigit() and len(text) < 19 else 2**63
    return None


async def _refuse(scope: Scope, receive: Receive, send: Send, limit: Limit) -> None:
    from planwatch.web.errors import error_response  # the one error shape, HTML or JSON

    response = error_response(Request(scope), too_large(limit))
    response.headers["Connection"] = "close"  # the unread body is not worth receiving
    await response(scope, receive, send)
