"""How new the stored data is: what tells a kept page whether it is still true."""

from __future__ import annotations

from sqlalchemy import bindparam, func, select

from planwatch.store import Store
from planwatch.store.models import AuditEntry, Region, RegionVersion
from planwatch.store.versions import EVERYTHING

# regions are reference data the audit trail skips, yet a new one joins comparisons
_NEWEST_REGION = select(func.max(Region.id)).scalar_subquery()
_VERSION = select(func.max(AuditEntry.id), _NEWEST_REGION)
_REGION_VERSION = select(
    select(RegionVersion.version).where(RegionVersion.region_id == EVERYTHING).scalar_subquery(),
    select(RegionVersion.version)
    .join(Region, Region.id == RegionVersion.region_id)
    .where(Region.code == bindparam("code"))
    .scalar_subquery(),
    _NEWEST_REGION,
    select(Region.id).where(Region.code == bindparam("code")).scalar_subquery(),
)


def data_version(store: Store) -> tuple[int, ...]:
    """The newest audit and region ids, read on a bare connection: one primary-key lookup.

    Every change made through ``Store.transaction`` writes audit entries, so the newest
    audit id changes whenever the data does, even when another process made the change.
    """
    with store.engine.connect() as connection:
        row = connection.execute(_VERSION).one()
    return (row[0] or 0, row[1] or 0)


def region_version(store: Store, code: str) -> tuple[int, ...]:
    """What a kept page of region ``code`` depends on: the region's counter (moved by every
    change to it or to a region below it, ``planwatch.store.versions``), the counter of
    changes no region owns, and the newest region id; a few primary-key lookups. A code no
    stored region has (a page addressed by name) follows every change (``data_version``)."""
    with store.engine.connect() as connection:
        row = connection.execute(_REGION_VERSION, {"code": code}).one()
    if row[3] is None:
        return data_version(store)
    return (-1, row[0] or 0, row[1] or 0, row[2] or 0)
