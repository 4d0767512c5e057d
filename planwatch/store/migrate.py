"""Create or upgrade a database to the newest schema with Alembic."""

from __future__ import annotations

from importlib import resources

from alembic import command
from alembic.config import Config

from planwatch.store.db import Store


def alembic_config(store: Store) -> Config:
    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("planwatch.store") / "migrations")
    )
    return config


def upgrade(store: Store) -> None:
    with store.engine.begin() as connection:
        config = alembic_config(store)
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
