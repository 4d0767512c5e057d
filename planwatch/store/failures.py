"""Database and runtime failures that are the request's fault or a passing state, named.

Web and CLI both turn these into a PlanwatchError, so the user reads what happened and
what to do instead of a traceback or "the server failed".
"""

from __future__ import annotations

from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from sqlalchemy.orm.exc import StaleDataError

from planwatch.errors import Busy, Conflict, InvalidInput, PlanwatchError

KNOWN_FAILURES: tuple[type[Exception], ...] = (
    OverflowError,
    StaleDataError,
    DataError,
    IntegrityError,
    OperationalError,
)

TOO_LARGE = InvalidInput(
    "a number in the request is too large to be an id, a count or an offset",
    "ids, limits and offsets are whole numbers below 9223372036854775808",
)


def known_failure(error: BaseException) -> PlanwatchError | None:
    """The PlanwatchError saying what ``error`` means for the user, or None if unknown."""
    if isinstance(error, OverflowError):
        return TOO_LARGE
    if isinstance(error, StaleDataError):
        return Conflict(
            "someone else changed this record at the same moment",
            "reload it and make your change again",
        )
    if isinstance(error, DataError):
        return _data_error(error)
    if isinstance(error, IntegrityError):
        return Conflict(
            "the same record was stored by another request at the same moment",
            "reload the page and try again",
        )
    if isinstance(error, OperationalError) and "locked" in str(error.orig).lower():
        return Busy("the database is busy with other writes", "try again in a few seconds")
    return None


def _data_error(error: DataError) -> PlanwatchError:
    kind = type(error.orig).__name__
    if kind == "StringDataRightTruncation":
        return InvalidInput(
            "a text in the request is longer than its field allows",
            "shorten it: names up to 100 characters, titles up to 300",
        )
    if kind == "NumericValueOutOfRange":
        return TOO_LARGE
    return InvalidInput("a value in the request does not fit its field", "check the values sent")
