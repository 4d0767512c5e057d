"""Row ids as users type them: integers a database column can hold."""

from __future__ import annotations

from planwatch.errors import NotFound

# Both SQLite and PostgreSQL (bigint) hold signed 64-bit integers; ids beyond cannot exist.
LARGEST_ID = 2**63 - 1


def checked_id(value: int, what: str) -> int:
    """``value`` if a row could have it; otherwise the same answer a missing row gets."""
    if not 0 < value <= LARGEST_ID:
        raise NotFound("store.ids.no_row", what=what, value=value)
    return value
