"""Regions and indicators as stored rows, found by the names reports and users write."""

from __future__ import annotations

from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from planwatch import catalog, regions
from planwatch.errors import Conflict, InvalidInput, NotFound
from planwatch.store.models import Department, Indicator, Region
from planwatch.store.once import add_once
from planwatch.vocabulary import REGION_LEVELS


class RegionKey(Protocol):
    """What reads, rules and checks need of a region: a stored ``Region`` or a read-side row."""

    @property
    def id(self) -> int: ...
    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def level(self) -> str: ...
    @property
    def parent_id(self) -> int | None: ...


def indicator_row(session: Session, name: str) -> Indicator:
    """The stored indicator for any alias of a catalogue entry."""
    entry = catalog.lookup(name)
    canonical = entry.name if entry else name
    row = session.scalar(select(Indicator).where(Indicator.name == canonical))
    if row is None:
        raise InvalidInput("store.reference.unknown_indicator", name=name)
    return row


def region_row(session: Session, name_or_code: str, parent: str | None = None) -> Region:
    """A stored region by code or name; known divisions are stored on first use."""
    key = name_or_code.strip()
    stored = _stored_region(session, key)
    if stored is not None:
        return stored
    division = _division(key) if key.isdigit() else regions.resolve(key, parent=parent)
    if division is None:
        raise NotFound("store.reference.no_region", key=key)
    return _store_division(session, division.code)


def _division(code: str) -> regions.Division | None:
    """The national division with this code; custom codes (街道: 9 digits and more) have none."""
    return regions.by_code(code) if len(code) in (2, 4, 6) else None


def _stored_region(session: Session, key: str) -> Region | None:
    if key.isdigit():
        code = regions.normalise_code(key) if len(key) in (2, 4) else key
        return session.scalar(select(Region).where(Region.code == code))
    rows = session.scalars(select(Region).where(Region.name == key)).all()
    custom = [r for r in rows if r.level in ("street", "custom")]
    return custom[0] if len(custom) == 1 else None


def _store_division(session: Session, code: str) -> Region:
    existing = session.scalar(select(Region).where(Region.code == code))
    if existing is not None:
        return existing
    division = regions.by_code(code)
    assert division is not None, code
    parent = _store_division(session, division.parent_code) if division.parent_code else None
    row = Region(
        code=division.code,
        name=division.name,
        level=division.level,
        parent=parent,
        lat=division.lat,
        lon=division.lon,
    )
    return add_once(session, row, lambda: session.scalar(select(Region).where(Region.code == code)))


def add_region(
    session: Session, code: str, name: str, level: str, parent: str | None = None
) -> Region:
    """Add a unit the divisions table does not know: a 街道, a park, a custom area."""
    if level not in REGION_LEVELS:
        raise InvalidInput(
            "store.reference.unknown_region_level", level=level, names=", ".join(REGION_LEVELS)
        )
    if session.scalar(select(Region).where(Region.code == code)) or _division(code):
        raise Conflict("store.reference.region_exists", code=code)
    parent_row = region_row(session, parent) if parent else None
    row = Region(code=code, name=name, level=level, parent=parent_row)
    session.add(row)
    session.flush()
    return row


def department_row(session: Session, region: Region, name: str) -> Department:
    query = select(Department).where(Department.region_id == region.id, Department.name == name)
    row = session.scalar(query)
    if row is None:
        row = add_once(
            session, Department(region_id=region.id, name=name), lambda: session.scalar(query)
        )
    return row


def stored_department(session: Session, region: Region, name: str) -> Department:
    """A department already added to the region (a user or a submission names one)."""
    row = session.scalar(
        select(Department).where(Department.region_id == region.id, Department.name == name)
    )
    if row is None:
        raise NotFound(
            "store.reference.no_department",
            region_code=region.code,
            region=region.name,
            name=name,
        )
    return row
