"""Stored regions, one by code (with its parent's code) or a list by level, and the
regions below a parent for comparisons.

Pages read only stored regions (they never add a division as a side effect); the CLI's
name-or-code lookup, which stores a known division on first use, is ``store.reference``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session, aliased

from planwatch import regions
from planwatch.errors import NotFound
from planwatch.reads.paging import Page, paged
from planwatch.reads.plans import read
from planwatch.store.models import Region
from planwatch.store.reference import RegionKey


@dataclass(frozen=True, slots=True)
class RegionRow:
    id: int
    code: str
    name: str
    level: str
    parent_id: int | None
    parent: str | None  # the parent's code; None at the top


_PARENT = aliased(Region)
_BY_CODE = (
    select(Region.id, Region.code, Region.name, Region.level, Region.parent_id, _PARENT.code)
    .outerjoin(_PARENT, Region.parent_id == _PARENT.id)
    .where(Region.code == bindparam("code"))
)


def stored_region(session: Session, code: str) -> RegionRow:
    """A region already in the database, with its parent's code (None at the top)."""
    found = read(session, _BY_CODE, code=code.strip())
    if not found:
        raise NotFound("reads.regions.no_region", code=code)
    return RegionRow(*found[0])


@dataclass(frozen=True, slots=True)
class Member:
    """A region compared; ``id`` is None for a division never stored."""

    id: int | None
    code: str
    name: str


def members_below(session: Session, parent: RegionKey, level: str) -> list[Member]:
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


_REGIONS = (
    select(Region.id, Region.code, Region.name, Region.level, Region.parent_id, _PARENT.code)
    .outerjoin(_PARENT, Region.parent_id == _PARENT.id)
    .order_by(Region.code)
)
_OF_LEVEL = _REGIONS.where(Region.level == bindparam("level"))


def region_list(
    session: Session, *, level: str | None = None, limit: int, offset: int
) -> Page[RegionRow]:
    """Stored regions by code, of one level when asked."""
    statement = _REGIONS if level is None else _OF_LEVEL
    return paged(
        session, statement, lambda row: RegionRow(*row), limit=limit, offset=offset, level=level
    )


_TREE = select(Region.id).where(Region.id == bindparam("top")).cte("tree", recursive=True)
_TREE = _TREE.union_all(select(Region.id).where(Region.parent_id == _TREE.c.id))
_WITHIN = select(_TREE.c.id)


def regions_within(session: Session, top: int) -> list[int]:
    """The region ``top`` and every region below it."""
    return [region_id for (region_id,) in read(session, _WITHIN, top=top)]
