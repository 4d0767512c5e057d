"""The store: tables, transactions, migrations. ``open_store`` is the entry point."""

from __future__ import annotations

from planwatch.config import Settings
from planwatch.errors import InvalidInput
from planwatch.store.db import Store


def open_store(settings: Settings, *, create: bool = False) -> Store:
    """Open the database; with ``create`` build or upgrade its schema and reference data."""
    store = Store(settings.database_url)
    if create:
        from planwatch.store.setup import initialise

        initialise(store)
    elif not store.is_initialised():
        store.dispose()
        raise InvalidInput("store.no_tables", database_url=settings.database_url)
    return store


__all__ = ["Store", "open_store"]
