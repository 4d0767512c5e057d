"""Database failures that reach a request are named for the user, never shown as a 500."""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from sqlalchemy.orm.exc import StaleDataError

from planwatch.errors import Busy, Conflict, InvalidInput
from planwatch.store.failures import known_failure


def test_a_locked_database_is_busy_not_broken() -> None:
    error = known_failure(
        OperationalError("INSERT", {}, sqlite3.OperationalError("database is locked"))
    )
    assert isinstance(error, Busy) and error.status == 503
    assert error.message == "the database is busy with other writes"


def test_concurrent_changes_are_conflicts() -> None:
    assert isinstance(known_failure(StaleDataError("0 rows matched")), Conflict)
    duplicate = IntegrityError("INSERT", {}, sqlite3.IntegrityError("UNIQUE constraint failed"))
    assert isinstance(known_failure(duplicate), Conflict)


class StringDataRightTruncation(Exception):
    """Named as psycopg names it."""


def test_over_long_text_and_huge_numbers_are_invalid_input() -> None:
    long_text = known_failure(DataError("INSERT", {}, StringDataRightTruncation("too long")))
    assert isinstance(long_text, InvalidInput) and "longer than its field" in long_text.message
    huge = known_failure(OverflowError("Python int too large to convert to SQLite INTEGER"))
    assert isinstance(huge, InvalidInput) and "too large" in huge.message


def test_other_failures_stay_unknown() -> None:
    assert (
        known_failure(OperationalError("SELECT", {}, sqlite3.OperationalError("disk I/O error")))
        is None
    )
    assert known_failure(RuntimeError("a bug")) is None
