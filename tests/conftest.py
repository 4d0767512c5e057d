"""Shared fixtures: real databases (SQLite in a temp dir, PostgreSQL when configured)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from planwatch.config import Settings, sqlite_url
from planwatch.store import Store, open_store

SAMPLE = Path(__file__).resolve().parent.parent / "planwatch" / "sample"
PG_VARIABLE = "PLANWATCH_TEST_POSTGRES_URL"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A database of this test run's own on the configured server, dropped afterwards."""
    server = os.environ.get(PG_VARIABLE)
    if not server:
        pytest.skip(f"PostgreSQL tests skipped: set {PG_VARIABLE} to a server URL to run them")
    url = make_url(server).set(drivername="postgresql+psycopg")
    name = f"planwatch_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def reset_postgres(url: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each store test runs on SQLite and, when a server is configured, on PostgreSQL."""
    if request.param == "sqlite":
        return sqlite_url(tmp_path / "planwatch.db")
    url: str = request.getfixturevalue("postgres_server")
    reset_postgres(url)
    return url


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    opened = open_store(Settings(database_url=database_url, secret_key="test"), create=True)
    yield opened
    opened.dispose()


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(
        Settings(database_url=sqlite_url(tmp_path / "planwatch.db"), secret_key="test"), create=True
    )
    yield opened
    opened.dispose()


def load_sample(store: Store) -> None:
    """The bundled 武昌区 2017 plan and its H1 figures."""
    from planwatch.records.observations import read_observation_file, store_observations
    from planwatch.records.plans import read_plan_file, store_plan

    with store.transaction(actor="sample") as session:
        store_plan(session, read_plan_file(SAMPLE / "wuchang-2017-plan.yaml"))
        store_observations(
            session, read_observation_file(SAMPLE / "wuchang-2017h1-observations.csv")
        )


@pytest.fixture
def sample_store(sqlite_store: Store) -> Store:
    """A SQLite store holding the 武昌区 sample plan and H1 figures."""
    load_sample(sqlite_store)
    return sqlite_store
