"""Concurrent writers on a real server (uvicorn on loopback), SQLite and PostgreSQL.

Bounded to a few seconds; ``bench/bench_concurrency.py`` runs 20 clients for 60 s.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select, text

from planwatch.config import Settings
from planwatch.demo import Demo
from planwatch.store import Store, open_store
from planwatch.store.models import AuditEntry, Document, Observation
from planwatch.web import create_app
from tests.web.hammer import Tally, hammer, same_uploads
from tests.web.live import serving

CLIENTS = 8
SECONDS = 4.0


@pytest.fixture
def live_demo(either_demo: Demo) -> Iterator[tuple[Demo, Store]]:
    store = open_store(Settings(database_url=either_demo.database_url, secret_key="t"))
    yield either_demo, store
    store.dispose()


def _counts(store: Store, after: int) -> dict[tuple[str, str], int]:
    with store.reading() as session:
        rows = session.execute(
            select(AuditEntry.table_name, AuditEntry.action, func.count())
            .where(AuditEntry.id > after)
            .group_by(AuditEntry.table_name, AuditEntry.action)
        )
        return {(table, action): count for table, action, count in rows}


def _scalar(store: Store, query: Any) -> int:
    with store.reading() as session:
        return int(session.scalar(query) or 0)


def test_concurrent_writers_never_collide(live_demo: tuple[Demo, Store]) -> None:
    demo, store = live_demo
    app = create_app(Settings(database_url=demo.database_url, secret_key="t"))
    before = _scalar(store, select(func.max(AuditEntry.id)))
    observations_before = _scalar(store, select(func.count()).select_from(Observation))
    with serving(app) as base:
        uploads = same_uploads(base, demo.passwords["planner"], 6)
        tally = hammer(base, demo.passwords["planner"], CLIENTS, SECONDS)
    app.state.store.dispose()

    assert sorted(a.status_code for a in uploads) == [200] * 5 + [201], [a.text for a in uploads]
    assert len({a.json()["document_id"] for a in uploads}) == 1
    assert _scalar(store, select(func.count()).select_from(Document)) == 2
    _check(tally, store, before, observations_before)


def _check(tally: Tally, store: Store, before: int, observations_before: int) -> None:
    assert tally.broken == []
    assert not [s for s in tally.statuses if s >= 500], tally.statuses
    assert set(tally.statuses) <= {200, 201, 409}, tally.statuses
    assert tally.stale > 0 and tally.figures > 0 and tally.narratives  # the run did contend
    # no lost update: each saved edit answered the next version, none twice
    assert sorted(tally.narratives) == list(range(1, len(tally.narratives) + 1))
    for versions in tally.decisions.values():
        assert len(set(versions)) == len(versions)
    audit = _counts(store, before)
    assert audit.get(("narratives", "insert"), 0) + audit.get(("narratives", "update"), 0) == len(
        tally.narratives
    )
    assert audit.get(("facts", "update"), 0) == sum(len(v) for v in tally.decisions.values())
    inserted = audit.get(("observations", "insert"), 0)
    assert inserted == tally.figures + tally.stored_by_accepts
    now = _scalar(store, select(func.count()).select_from(Observation))
    assert inserted - audit.get(("observations", "delete"), 0) == now - observations_before
    if store.is_sqlite:
        with store.engine.connect() as conn:
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
