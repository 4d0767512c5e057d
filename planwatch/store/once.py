"""Rows that exist once (a region, a department, a plan) added by writers side by side."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from planwatch.store.models import Base

R = TypeVar("R", bound=Base)


def add_once(session: Session, row: R, stored: Callable[[], R | None]) -> R:
    """Add ``row``, or answer the one ``stored()`` finds if a concurrent writer added it first.

    SQLite serialises writers, so only PostgreSQL gets here with a duplicate: its unique
    constraint refuses the later insert, inside a savepoint so the transaction goes on.
    """
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:
        found = stored()
        if found is None:
            raise
        return found
    return row
