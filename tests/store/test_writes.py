"""Writes that never collide, an audit that misses nothing and keeps no secret, ids never reused."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import func, select, text

from planwatch.config import sqlite_url
from planwatch.errors import Conflict
from planwatch.records.narratives import set_narrative
from planwatch.records.observations import ObservationIn, store_observation
from planwatch.records.users import add_user
from planwatch.store import Store
from planwatch.store.audit import SECRET
from planwatch.store.db import BUSY_TIMEOUT_MS
from planwatch.store.migrate import alembic_config, upgrade
from planwatch.store.models import AuditEntry, Narrative, Observation, Region
from tests.conftest import load_sample


def _figure(value: float) -> ObservationIn:
    return ObservationIn(
        region="420106", indicator="地区生产总值", period="2017H1", value=value, unit="亿元"
    )


def _in_threads(count: int, work: Callable[[int], None]) -> list[BaseException]:
    """Run ``work(i)`` in ``count`` threads started together; the exceptions they raised."""
    failures: list[BaseException] = []
    start = threading.Barrier(count)

    def run(i: int) -> None:
        start.wait()
        try:
            work(i)
        except BaseException as err:  # collected: the test names them
            failures.append(err)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return failures


def test_concurrent_writers_of_one_series_get_distinct_versions(store: Store) -> None:
    def write(i: int) -> None:
        for n in range(6):
            with store.transaction(actor=f"writer{i}") as session:
                store_observation(session, _figure(500.0 + i + n / 10))

    assert _in_threads(8, write) == []
    with store.reading() as session:
        versions = sorted(session.scalars(select(Observation.version)))
        audited = session.scalar(
            select(func.count()).where(AuditEntry.table_name == "observations")
        )
    assert versions == list(range(1, 49))
    assert audited == 48


def test_concurrent_first_narratives_do_not_fail(store: Store) -> None:
    def write(i: int) -> None:
        with store.transaction(actor=f"planner{i}") as session:
            set_narrative(session, "420106", "2017H1", "opening", f"第{i}稿")

    assert _in_threads(8, write) == []
    with store.reading() as session:
        versions = list(session.scalars(select(Narrative.version)))
    assert versions == [8]


def test_a_narrative_written_on_a_stale_version_is_refused(store: Store) -> None:
    with store.transaction() as session:
        first = set_narrative(session, "420106", "2017H1", "problems", "一稿", expected=0)
        assert first.version == 1
    with store.transaction() as session:
        assert (
            set_narrative(session, "420106", "2017H1", "problems", "二稿", expected=1).version == 2
        )
    with pytest.raises(Conflict, match="version 1, now 2"):
        with store.transaction() as session:
            set_narrative(session, "420106", "2017H1", "problems", "旧稿", expected=1)


def test_ids_are_never_reused_after_a_delete(store: Store) -> None:
    load_sample(store)
    with store.transaction() as session:
        last = session.scalars(select(Observation).order_by(Observation.id.desc())).first()
        assert last is not None
        deleted = last.id
        session.delete(last)
    with store.transaction() as session:
        again = store_observation(session, _figure(1.0))
    assert again.id > deleted


def test_password_hashes_never_reach_the_audit_log(store: Store) -> None:
    with store.transaction(actor="admin") as session:
        user = add_user(session, "zhangsan", "viewer", "a-long-password")
        user.password_hash = "$argon2id$changed"
    with store.reading() as session:
        changes = list(
            session.scalars(select(AuditEntry.changes).where(AuditEntry.table_name == "users"))
        )
    assert len(changes) == 2 and all("argon2" not in str(c) for c in changes)
    assert changes[0]["password_hash"] == SECRET
    assert changes[1]["password_hash"] == [SECRET, SECRET]


def test_sqlite_waits_for_the_write_lock(sqlite_store: Store) -> None:
    with sqlite_store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == BUSY_TIMEOUT_MS


def _store_at(path: Path, revision: str) -> Store:
    """A database migrated up to ``revision`` only, to fill as older versions left it."""
    store = Store(sqlite_url(path))
    config = alembic_config(store)
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    return store


def test_migration_0002_keeps_the_rows_and_stops_id_reuse(tmp_path: Path) -> None:
    store = _store_at(tmp_path / "old.db", "0001")
    with store.engine.begin() as conn:
        conn.execute(
            text("INSERT INTO regions (id, code, name, level) VALUES (1, '1', 'a', 'county')")
        )
        conn.execute(
            text(
                "INSERT INTO documents (id, sha256, filename, text, info, ingested_at) "
                "VALUES (1, 'x', 'r.txt', 't', '{}', '2026-01-01')"
            )
        )
        conn.execute(text(
            "INSERT INTO facts (id, document_id, position, measure, span_start, span_end, text, "
            "review_status) VALUES (7, 1, 0, 'value', 0, 1, 't', 'pending')"
        ))  # fmt: skip
    upgrade(store)
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT id, version FROM facts")).all() == [(7, 1)]
        assert conn.execute(text("SELECT count(*) FROM documents")).scalar() == 1
        assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        schema = conn.execute(text("SELECT sql FROM sqlite_master WHERE name='facts'")).scalar()
    assert "AUTOINCREMENT" in str(schema)
    with store.transaction() as session:
        assert session.get(Region, 1) is not None
    store.dispose()


def test_migration_0013_names_stored_stages_in_the_one_vocabulary(tmp_path: Path) -> None:
    store = _store_at(tmp_path / "stages.db", "0012")
    old = ("planned", "started", "under_construction", "completed")
    with store.engine.begin() as conn:
        conn.execute(
            text("INSERT INTO regions (id, code, name, level) VALUES (1, '1', 'a', 'county')")
        )
        conn.execute(text("INSERT INTO plans (id, region_id, year) VALUES (1, 1, 2017)"))
        for n, stage in enumerate(old):
            conn.execute(
                text(
                    "INSERT INTO projects (plan_id, position, name, stage) VALUES (1, :n, :m, :s)"
                ),
                {"n": n, "m": f"p{n}", "s": stage},
            )
    upgrade(store)
    with store.engine.connect() as conn:
        stages = conn.execute(text("SELECT stage FROM projects ORDER BY position")).scalars()
        assert list(stages) == ["preliminary", "new_start", "continuing", "finished"]
    store.dispose()
