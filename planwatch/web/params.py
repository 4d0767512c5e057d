"""Reading the parts of an address: region codes, periods, indicators, ids, pages of lists.

Each raises the one error shape with a message that says what to type instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Query

from planwatch.periods import Period

MAX_PAGE = 500


def period_of(code: str) -> Period:
    return Period.parse(code)


@dataclass(frozen=True)
class Paging:
    limit: int
    offset: int


def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Rows per page.")] = 50,
    offset: Annotated[int, Query(ge=0, description="Rows to skip.")] = 0,
) -> Paging:
    return Paging(limit=limit, offset=offset)
