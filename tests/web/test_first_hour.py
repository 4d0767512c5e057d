"""A newcomer's first hour: the demo kept across runs, a one-time sign-in link, and a
database without users that says how to add one."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from planwatch.config import Settings, sqlite_url
from planwatch.demo import Demo, open_demo
from planwatch.web import create_app
from tests.cli.runner import run
from tests.web.helpers import SignIn, error_of


def test_the_sign_in_link_works_once(client_as: SignIn, demo: Demo) -> None:
    assert demo.sign_in_link and demo.sign_in_link.startswith("/login/once?token=")
    browser = client_as(None)
    answer = browser.get(demo.sign_in_link, follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"] == demo.overview_path
    assert browser.get("/audit.json").status_code == 200  # signed in as the planner
    again = client_as(None).get(demo.sign_in_link, follow_redirects=False)
    assert again.status_code == 401
    assert "此登录链接已使用或已过期" in again.text
    assert client_as(None).get("/login/once?token=made-up&lang=en").status_code == 401
    error_of(client_as(None).get("/audit.json"), 401)


def test_the_demo_keeps_what_was_tried_unless_fresh(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    first, built = open_demo(path)
    assert built and set(first.passwords) >= {"admin", "planner", "reporter", "viewer"}
    assert (
        run("users", "add", "tried", "--role", "viewer", "--password", "x" * 10, "--db", str(path))[
            0
        ]
        == 0
    )
    kept, built = open_demo(path)
    assert not built and kept.document_id == first.document_id
    assert kept.passwords["planner"] != first.passwords["planner"]  # printed anew each run
    assert "tried" in run("users", "list", "--db", str(path))[1]
    app = create_app(Settings(database_url=sqlite_url(path), secret_key="k"))
    client = TestClient(app)
    signed = client.post(
        "/login",
        data={"username": "planner", "password": kept.passwords["planner"]},
        follow_redirects=False,
    )
    assert signed.status_code == 303
    app.state.store.dispose()
    _, built = open_demo(path, fresh=True)
    assert built and "tried" not in run("users", "list", "--db", str(path))[1]


def test_a_file_that_is_not_a_demo_is_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "mine.db"
    assert run("init", "--db", str(path))[0] == 0
    code, out, err = run("demo", "--no-serve", "--db", str(path))
    assert code == 1 and "planwatch demo --fresh" in err
    assert run("users", "list", "--db", str(path))[0] == 1  # still no users


def test_the_demo_prints_how_to_sign_in_last(tmp_path: Path) -> None:
    code, out, _ = run("demo", "--no-serve", "--db", str(tmp_path / "d.db"))
    assert code == 0
    last = out.strip().splitlines()
    assert last[-1].startswith("or open once, as the planner: http://127.0.0.1:8000/login/once?")
    assert any(line.strip().startswith("user planner") for line in last[-9:])


def test_login_page_of_a_database_without_users_says_how_to_add_one(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    assert run("init", "--db", str(path))[0] == 0
    app = create_app(Settings(database_url=sqlite_url(path), secret_key="k"))
    client = TestClient(app)
    page = client.get("/login").text
    assert "此数据库还没有任何用户" in page and "planwatch users add" in page
    english = client.get("/login?lang=en").text
    assert "This database has no users yet" in english
    failed = client.post("/login", data={"username": "a", "password": "b"})
    assert failed.status_code == 401 and "planwatch users add" in failed.text
    app.state.store.dispose()
