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

TOO_LARGE = InvalidInput("store.failures.number_too_large")


def known_failure(error: BaseException) -> PlanwatchError | None:
    """The PlanwatchError saying what ``error`` means for the user, or None if unknown."""
    if isinstance(error, OverflowError):
        return TOO_LARGE
    if isinstance(error, StaleDataError):
        return Conflict("store.failures.stale")
    if isinstance(error, DataError):
        return _data_error(error)
    if isinstance(error, IntegrityError):
        return Conflict("store.failures.duplicate")
    if isinstance(error, OperationalError) and "locked" in str(error.orig).lower():
        return Busy("store.failures.busy")
    return None


def _data_error(error: DataError) -> PlanwatchError:
    kind = type(error.orig).__name__
    if kind == "StringDataRightTruncation":
        return InvalidInput("store.failures.text_too_long")
    if kind == "NumericValueOutOfRange":
        return TOO_LARGE
    return InvalidInput("store.failures.does_not_fit")
