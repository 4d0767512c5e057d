"""Schema upgrade plus the reference data every database starts with."""

from __future__ import annotations

from sqlalchemy import select

from planwatch.catalog import load_catalog
from planwatch.store.db import Store
from planwatch.store.migrate import upgrade
from planwatch.store.models import Indicator


def initialise(store: Store) -> None:
    upgrade(store)
    with store.transaction() as session:
        known = {row.name: row for row in session.scalars(select(Indicator))}
        for item in load_catalog().indicators:
            row = known.get(item.name) or Indicator(name=item.name)
            row.english = item.english
            row.unit = item.unit
            row.kind = item.kind
            row.direction = item.direction
            row.category = item.category
            row.aliases = list(item.aliases)
            session.add(row)
