"""A backup taken while the database is in use restores to exactly what it held."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from planwatch.errors import InvalidInput
from planwatch.records.observations import ObservationIn, store_observation
from planwatch.store import Store
from planwatch.store.backup import back_up, restore
from tests.conftest import load_sample

TABLES = ("regions", "plans", "targets", "observations", "audit_log", "figure_periods")


def snapshot(store: Store) -> list[object]:
    with store.engine.connect() as connection:
        return [
            [tuple(r) for r in connection.execute(text(f"SELECT * FROM {t} ORDER BY 1, 2"))]
            for t in TABLES
        ]


def test_a_backup_restores_what_the_database_held(store: Store, tmp_path: Path) -> None:
    load_sample(store)
    before = snapshot(store)
    backup = tmp_path / "planwatch.backup"
    with store.reading() as session:  # a reader open meanwhile does not stop the backup
        session.execute(text("SELECT count(*) FROM observations")).scalar_one()
        back_up(store, backup)
    with store.transaction(actor="test") as session:
        store_observation(
            session,
            ObservationIn(region="420106", indicator="地区生产总值", period="2017M08",
                          measure="value", value=600, unit="亿元"),
        )  # fmt: skip
    assert snapshot(store) != before
    restore(store, backup)
    assert snapshot(store) == before
    with pytest.raises(InvalidInput, match="exists already"):
        back_up(store, backup)


def test_a_file_that_is_no_backup_is_refused(sqlite_store: Store, tmp_path: Path) -> None:
    load_sample(sqlite_store)
    before = snapshot(sqlite_store)
    bogus = tmp_path / "notes.db"
    bogus.write_text("not a database", encoding="utf-8")
    with pytest.raises(InvalidInput, match="not a planwatch backup"):
        restore(sqlite_store, bogus)
    with pytest.raises(InvalidInput, match="does not exist"):
        restore(sqlite_store, tmp_path / "missing.db")
    assert snapshot(sqlite_store) == before
