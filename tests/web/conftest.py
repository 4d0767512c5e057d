"""Web fixtures: the demo database built once, copied for each test, and signed-in clients."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from playwright.sync_api import Browser, sync_playwright

from planwatch.config import Settings, sqlite_url
from planwatch.demo import Demo, build_demo, fill_demo
from planwatch.store import open_store
from planwatch.web import create_app
from tests.conftest import reset_postgres
from tests.web.helpers import SignIn, csrf_of
from tests.web.live import CHROMIUM, CHROMIUM_ARGS

SECRET = "test-secret-key"


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Demo]:
    path = tmp_path_factory.mktemp("demo") / "planwatch-demo.db"
    return path, build_demo(path)


@pytest.fixture
def demo(demo_template: tuple[Path, Demo], tmp_path: Path) -> Demo:
    """A fresh copy of the demo database, so tests may change it freely."""
    source, built = demo_template
    target = tmp_path / "demo.db"
    shutil.copyfile(source, target)
    return replace(built, database_url=sqlite_url(target))


@pytest.fixture(params=["sqlite", "postgresql"])
def either_demo(request: pytest.FixtureRequest, demo: Demo) -> Demo:
    """The demo on SQLite and, when a server is configured, filled afresh on PostgreSQL."""
    if request.param == "sqlite":
        return demo
    url: str = request.getfixturevalue("postgres_server")
    reset_postgres(url)
    store = open_store(Settings(database_url=url, secret_key="t"), create=True)
    filled = fill_demo(store)
    store.dispose()
    return filled


@pytest.fixture
def app(demo: Demo) -> Iterator[FastAPI]:
    application = create_app(Settings(database_url=demo.database_url, secret_key=SECRET))
    yield application
    application.state.store.dispose()


@pytest.fixture
def client_as(app: FastAPI, demo: Demo) -> Iterator[SignIn]:
    """``client_as("planner")``: a client signed in through the login form (None: anonymous)."""
    clients: list[TestClient] = []

    def sign_in(name: str | None) -> TestClient:
        client = TestClient(app)
        clients.append(client)
        if name is not None:
            answer = client.post(
                "/login",
                data={"username": name, "password": demo.passwords[name], "next": "/"},
                follow_redirects=False,
            )
            assert answer.status_code == 303, answer.text
            client.headers["X-CSRF-Token"] = csrf_of(client)
        return client

    yield sign_in
    for client in clients:
        client.close()


@pytest.fixture
def admin(client_as: SignIn) -> TestClient:
    return client_as("admin")


@pytest.fixture
def planner(client_as: SignIn) -> TestClient:
    return client_as("planner")


@pytest.fixture
def viewer(client_as: SignIn) -> TestClient:
    return client_as("viewer")


@pytest.fixture
def reporter(client_as: SignIn) -> TestClient:
    return client_as("reporter")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Chromium for the browser tests, one per test module."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()
