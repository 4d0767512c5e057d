"""Optimistic concurrency on the web: ``ETag`` names the version read, ``If-Match`` the one
a write was based on. A write on a stale version answers 409, so no edit is lost silently.
"""

from __future__ import annotations

from fastapi import Request

from planwatch.errors import InvalidInput


def etag(version: int) -> str:
    return f'"{version}"'


def expected_version(request: Request) -> int | None:
    """The version named by ``If-Match`` (``"3"``, ``W/"3"`` or ``3``), else None.

    ``*`` matches any version, as HTTP defines it; so does a missing header, so clients
    written before versions existed keep working.
    """
    raw = request.headers.get("if-match", "").strip()
    if not raw or raw == "*":
        return None
    text = raw.removeprefix("W/").strip('"')
    if not text.isdigit() or len(text) > 18:
        raise InvalidInput("web.preconditions.no_version", value=raw[:40])
    return int(text)
