"""Create or upgrade a database to the newest schema with Alembic."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

from planwatch.store.db import WRITE_OPTION, Store


def alembic_config(store: Store) -> Config:
    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("planwatch.store") / "migrations")
    )
    return config


def upgrade(store: Store) -> None:
    """Migrate to the newest schema, checking the references afterwards; a database there
    already is left alone (no write lock, no check reading every row: at 12M figures the
    check took seconds on every command and server start)."""
    if at_head(store):
        return
    # a write transaction: on SQLite, BEGIN IMMEDIATE makes the table rebuilds all-or-nothing
    with store.engine.connect().execution_options(**{WRITE_OPTION: True}) as connection:
        with _foreign_keys_off(connection):
            with connection.begin():
                config = alembic_config(store)
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                _check_foreign_keys(connection)


def at_head(store: Store) -> bool:
    """Whether the database's schema is the newest migration's."""
    head = ScriptDirectory.from_config(alembic_config(store)).get_current_head()
    with store.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision() == head


@contextmanager
def _foreign_keys_off(connection: Connection) -> Iterator[None]:
    """SQLite migrations rebuild tables; dropping a parent with foreign keys on would
    delete its children (ON DELETE CASCADE). The pragma works only outside a transaction,
    so it goes to the driver's connection directly."""
    if connection.dialect.name != "sqlite":
        yield
        return
    raw = connection.connection.dbapi_connection
    assert raw is not None
    raw.execute("PRAGMA foreign_keys=OFF")
    try:
        yield
    finally:
        raw.execute("PRAGMA foreign_keys=ON")


def _check_foreign_keys(connection: Connection) -> None:
    if connection.dialect.name == "sqlite":
        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise RuntimeError(f"the migration left broken references: {broken[:5]}")
