"""One row of a lookup, or one page of a long list with the total it is cut from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Generic, TypeVar

from sqlalchemy import Integer, Select, bindparam, func, select
from sqlalchemy.orm import Session

from planwatch.errors import NotFound
from planwatch.reads.plans import read

Row = TypeVar("Row")


@dataclass(frozen=True)
class Page(Generic[Row]):
    total: int
    items: list[Row]


@lru_cache(maxsize=64)
def _counted(statement: Select) -> Select:
    """The count of a list statement, built once per statement (they are built once too)."""
    return select(func.count()).select_from(statement.order_by(None).subquery())


@lru_cache(maxsize=64)
def _window(statement: Select) -> Select:
    return statement.limit(bindparam("limit", type_=Integer)).offset(
        bindparam("offset", type_=Integer)
    )


def paged(
    session: Session,
    statement: Select,
    make: Callable[[Any], Row],
    *,
    limit: int,
    offset: int,
    **params: object,
) -> Page[Row]:
    """Rows ``offset`` to ``offset + limit`` of ``statement``, each made by ``make``, with the
    total; ``params`` are its bound filters."""
    total = read(session, _counted(statement), **params)[0][0]
    rows = read(session, _window(statement), limit=limit, offset=offset, **params)
    return Page(total or 0, [make(row) for row in rows])


def read_one(session: Session, statement: Select, missing: NotFound, **params: object) -> Any:
    """The first row of ``statement``; ``missing`` (saying where to find one) if there is none."""
    rows = read(session, statement, **params)
    if not rows:
        raise missing
    return rows[0]
