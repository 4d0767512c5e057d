"""Reading the parts of an address: region codes, periods, indicators, ids, pages of lists.

Each raises the one error shape with a message that says what to type instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Query
from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session, aliased

from planwatch import catalog
from planwatch.errors import NotFound
from planwatch.periods import Period
from planwatch.store.models import Indicator, Region
from planwatch.store.reference import indicator_row

MAX_PAGE = 500


_REGION = select(Region).where(Region.code == bindparam("code"))


def stored_region(session: Session, code: str) -> Region:
    """A region already in the database; pages never add divisions as a side effect."""
    row = session.scalar(_REGION, {"code": code.strip()})
    if row is None:
        raise NotFound(
            f"no region with code '{code}' in this database",
            "use a region code listed at /api/regions, e.g. 420106 for 武昌区",
        )
    return row


_PARENT = aliased(Region)
_REGION_AND_PARENT = (
    select(Region, _PARENT.code)
    .outerjoin(_PARENT, Region.parent_id == _PARENT.id)
    .where(Region.code == bindparam("code"))
)


def stored_region_and_parent(session: Session, code: str) -> tuple[Region, str | None]:
    """A stored region and its parent's code (None at the top), in one query."""
    found = session.execute(_REGION_AND_PARENT, {"code": code.strip()}).first()
    if found is None:
        stored_region(session, code)  # raises the usual NotFound
    assert found is not None
    return found[0], found[1]


def period_of(code: str) -> Period:
    return Period.parse(code)


_INDICATOR = select(Indicator).where(Indicator.name == bindparam("name"))


def indicator_named(session: Session, name: str) -> Indicator:
    """The stored indicator for any alias, read by a statement built once."""
    entry = catalog.lookup(name)
    row = session.scalar(_INDICATOR, {"name": entry.name if entry else name})
    # unknown: the store's own lookup says so, with its advice
    return row if row is not None else indicator_row(session, name)


@dataclass(frozen=True)
class Paging:
    limit: int
    offset: int

    def envelope(self, items: list[object], total: int) -> dict[str, object]:
        return {"total": total, "limit": self.limit, "offset": self.offset, "items": items}


def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Rows per page.")] = 50,
    offset: Annotated[int, Query(ge=0, description="Rows to skip.")] = 0,
) -> Paging:
    return Paging(limit=limit, offset=offset)
