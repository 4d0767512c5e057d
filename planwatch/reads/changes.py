"""How new the stored data is: what tells a kept page whether it is still true."""

from __future__ import annotations

from sqlalchemy import func, select

from planwatch.store import Store
from planwatch.store.models import AuditEntry, Region

# regions are reference data the audit trail skips, yet a new one joins comparisons
_VERSION = select(func.max(AuditEntry.id), select(func.max(Region.id)).scalar_subquery())


def data_version(store: Store) -> tuple[int, int]:
    """The newest audit and region ids, read on a bare connection: one primary-key lookup.

    Every change made through ``Store.transaction`` writes audit entries, so the newest
    audit id changes whenever the data does, even when another process made the change.
    """
    with store.engine.connect() as connection:
        row = connection.execute(_VERSION).one()
    return (row[0] or 0, row[1] or 0)
