"""The dashboard on PostgreSQL answers as it does on SQLite (the store tests cover the rest)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from planwatch.config import Settings
from planwatch.demo import Demo, fill_demo
from planwatch.store import open_store
from planwatch.web.app import create_app
from tests.conftest import reset_postgres

PAGES = [
    "/regions/420106/2017H1.json",
    "/regions/420106/2017H1/indicators/地区生产总值.json",
    "/compare/420100/county/2017H1.json?indicator=地区生产总值",
    "/regions/420106/2017H1/board.json",
    "/api/observations?region=420106&period=2017H1&limit=100",
    "/api/facts?document=1&limit=500",
    "/plans/1.json",
    "/tasks/1.json",
    "/projects/1.json",
    "/observations/1.json",
]


@pytest.fixture
def client_for() -> Iterator[Callable[[Demo], TestClient]]:
    """Signed-in admin clients; their apps' connection pools are closed afterwards."""
    apps: list[FastAPI] = []

    def client(demo: Demo) -> TestClient:
        app = create_app(Settings(database_url=demo.database_url, secret_key="t"))
        apps.append(app)
        signed_in = TestClient(app)
        signed_in.auth = ("admin", demo.passwords["admin"])
        return signed_in

    yield client
    for app in apps:
        app.state.store.dispose()


@pytest.fixture
def postgres_demo(postgres_server: str) -> Iterator[Demo]:
    reset_postgres(postgres_server)
    store = open_store(Settings(database_url=postgres_server, secret_key="t"), create=True)
    try:
        yield fill_demo(store)
    finally:
        store.dispose()


def without_times(data: Any) -> Any:
    """Ids, orders and numbers must agree; timestamps and fresh passwords may not."""
    if isinstance(data, dict):
        return {k: without_times(v) for k, v in data.items() if k not in ("created_at", "at")}
    if isinstance(data, list):
        return [without_times(v) for v in data]
    return data


def test_pages_agree_with_sqlite(
    postgres_demo: Demo, demo: Demo, client_for: Callable[[Demo], TestClient]
) -> None:
    on_postgres, on_sqlite = client_for(postgres_demo), client_for(demo)
    for page in PAGES:
        answer = on_postgres.get(page)
        assert answer.status_code == 200, (page, answer.text[:300])
        assert without_times(answer.json()) == without_times(on_sqlite.get(page).json()), page


def test_review_on_postgres(postgres_demo: Demo, client_for: Callable[[Demo], TestClient]) -> None:
    client = client_for(postgres_demo)
    facts = client.get("/api/facts?limit=200").json()["items"]
    gdp = next(f for f in facts if f["value"] == 525.69)
    assert client.post(f"/api/facts/{gdp['id']}/accept").status_code == 200
    stored = client.get("/api/observations?region=420106&indicator=GDP&period=2017H1").json()
    assert any(
        o["value"] == 525.69 and o["source"].get("fact_id") == gdp["id"] for o in stored["items"]
    )
