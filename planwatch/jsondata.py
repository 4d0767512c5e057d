"""JSON as every output writes it: Chinese readable, dates as ISO strings, strictly valid.

Python's ``json`` writes ``NaN`` and ``Infinity`` by default, which no strict parser (nor
JavaScript's ``JSON.parse``) accepts. Numbers are finite at the door, but an assessment may
still divide by a zero figure; such a number is written as ``null``: unknown, not a crash.
"""

from __future__ import annotations

import json
import math
from datetime import UTC, date, datetime
from typing import Any


def dumps(data: Any, *, indent: int | None = None) -> str:
    try:
        return json.dumps(data, ensure_ascii=False, indent=indent, default=_plain, allow_nan=False)
    except ValueError:
        return json.dumps(
            _finite(data), ensure_ascii=False, indent=indent, default=_plain, allow_nan=False
        )


def _finite(value: Any) -> Any:
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return value


def _plain(value: Any) -> Any:
    # stored times are UTC; SQLite hands them back without the zone, which RFC 3339 needs
    if isinstance(value, datetime):  # UTC written as pydantic writes it: …Z
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return aware.isoformat().replace("+00:00", "Z")
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON data")
