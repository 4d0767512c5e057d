"""Small lookups the web tests share."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient

SignIn = Callable[[str | None], TestClient]

ERROR_KEYS = {"code", "status", "key", "message", "hint", "zh"}


def fact(client: TestClient, indicator: str, measure: str, document: int = 1) -> dict[str, Any]:
    """The first fact of the document about ``indicator`` with ``measure``."""
    items = client.get(f"/api/facts?document={document}&limit=500").json()["items"]
    return next(f for f in items if f["indicator"] == indicator and f["measure"] == measure)


def card(overview: dict[str, Any], indicator: str, kind: str) -> dict[str, Any]:
    return next(c for c in overview["cards"] if c["indicator"] == indicator and c["kind"] == kind)


def error_of(answer: Any, status: int) -> dict[str, Any]:
    """The error body, after checking it has the one error shape and the HTTP status."""
    assert answer.status_code == status, answer.text
    body = answer.json()
    assert set(body) == {"error"}
    assert ERROR_KEYS <= set(body["error"]) <= ERROR_KEYS | {"problems"}  # an upload's cells
    assert body["error"]["status"] == status
    assert body["error"]["message"]
    error: dict[str, Any] = body["error"]
    return error


CSRF_META = re.compile(r'<meta name="csrf-token" content="([^"]+)">')


def csrf_of(client: Any) -> str:
    """The session's CSRF token, as a signed-in page carries it (TestClient or httpx)."""
    found = CSRF_META.search(client.get("/regions").text)
    assert found, "a signed-in page carries the session's CSRF token"
    return found.group(1)
