"""Stored regions, one by code or a list by level, and the regions below a parent."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session

from planwatch import regions
from planwatch.errors import NotFound
from planwatch.reads.paging import Page, paged, read_one
from planwatch.reads.plans import read
from planwatch.store.models import Region


@dataclass(frozen=True, slots=True)
class Member:
    """A region compared; ``id`` is None for a division never stored."""

    id: int | None
    code: str
    name: str


def members_below(session: Session, parent: Region, level: str) -> list[Member]:
    """Every region at ``level`` below ``parent``, stored or in the national table."""
    found = {
        code: Member(region_id, code, name)
        for region_id, code, name in read(session, _STORED_BELOW, parent=parent.id, level=level)
    }
    for division in _divisions_below(parent.code, level):
        found.setdefault(division.code, Member(None, division.code, division.name))
    return [found[code] for code in sorted(found)]


def _stored_below() -> Select[int, str, str]:
    """Stored regions at ``:level`` anywhere below ``:parent``, in one recursive query."""
    below = select(Region.id).where(Region.parent_id == bindparam("parent")).cte(recursive=True)
    # UNION, not UNION ALL: a parent loop in hand-made regions ends instead of recursing
    below = below.union(select(Region.id).join(below, Region.parent_id == below.c.id))
    return select(Region.id, Region.code, Region.name).where(
        Region.id.in_(select(below.c.id)), Region.level == bindparam("level")
    )


_STORED_BELOW = _stored_below()


def _divisions_below(code: str, level: str) -> list[regions.Division]:
    if regions.by_code(code) is None:
        return []  # a street or custom unit: only stored regions lie below it
    found = []
    for child in regions.children(code):
        if child.level == level:
            found.append(child)
        elif child.code != code:
            found.extend(_divisions_below(child.code, level))
    return found


@dataclass(frozen=True, slots=True)
class RegionRow:
    code: str
    name: str
    level: str
    parent: str | None


_PARENT = Region.__table__.alias("parent")
_REGIONS = (
    select(Region.code, Region.name, Region.level, _PARENT.c.code)
    .outerjoin(_PARENT, Region.parent_id == _PARENT.c.id)
    .order_by(Region.code)
)
_OF_LEVEL = _REGIONS.where(Region.level == bindparam("level"))
_BY_CODE = _REGIONS.where(Region.code == bindparam("code"))


def region_list(
    session: Session, *, level: str | None = None, limit: int, offset: int
) -> Page[RegionRow]:
    """Stored regions by code, of one level when asked."""
    statement = _REGIONS if level is None else _OF_LEVEL
    return paged(
        session, statement, lambda row: RegionRow(*row), limit=limit, offset=offset, level=level
    )


def region_by_code(session: Session, code: str) -> RegionRow:
    missing = NotFound(
        f"no region with code '{code}' in this database",
        "use a region code listed at /api/regions, e.g. 420106 for 武昌区",
    )
    return RegionRow(*read_one(session, _BY_CODE, missing, code=code))
