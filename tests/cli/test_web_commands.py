"""`planwatch demo --no-serve` and `planwatch users` as a user runs them."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from typer.testing import CliRunner

from planwatch.cli import build_app
from planwatch.config import Settings, sqlite_url
from planwatch.records.users import authenticate
from planwatch.store import open_store
from tests.cli.runner import run
from tests.web.live import free_port


def test_demo_builds_a_database_and_prints_passwords(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    code, out, _ = run("demo", "--no-serve", "--db", str(db))
    assert code == 0, out
    passwords = dict(
        line.split()[1::2] for line in out.splitlines() if line.strip().startswith("user ")
    )
    assert set(passwords) == {
        "admin",
        "planner",
        "reporter",
        "fagai",
        "caizheng",
        "zhaoshang",
        "viewer",
    }
    store = open_store(Settings(database_url=sqlite_url(db), secret_key="x"))
    with store.reading() as session:
        planner = authenticate(session, "planner", passwords["planner"])
        assert planner is not None and planner.role == "planner"
    store.dispose()
    again = run("demo", "--no-serve", "--db", str(db))
    assert again[0] == 0  # recreated, not refused


def test_users_add_and_list(tmp_path: Path) -> None:
    db = str(tmp_path / "planwatch.db")
    assert run("init", "--db", db)[0] == 0
    code, out, _ = run(
        "users",
        "add",
        "wang",
        "--role",
        "reporter",
        "--region",
        "420106",
        "--department",
        "区统计局",
        "--password",
        "a long password",
        "--db",
        db,
    )
    assert code == 1  # the department must exist first
    assert run("departments", "add", "区统计局", "--region", "420106", "--db", db)[0] == 0
    code, out, _ = run(
        "users", "add", "wang", "--role", "reporter", "--region", "420106",
        "--department", "区统计局", "--password", "a long password", "--db", db,
    )  # fmt: skip
    assert (code, out.strip()) == (0, "added user wang (reporter)")
    assert run("users", "list", "--db", db)[1].strip() == "wang\treporter"
    code, _, err = run("users", "add", "zhao", "--role", "chief", "--password", "x" * 9, "--db", db)
    assert code == 1
    assert err.strip() == "error: unknown role 'chief': use one of admin, planner, reporter, viewer"


def test_users_add_generates_a_password_when_left_blank(tmp_path: Path) -> None:
    db = str(tmp_path / "planwatch.db")
    run("init", "--db", db)
    result = CliRunner().invoke(
        build_app(), ["users", "add", "li", "--role", "viewer", "--db", db], input="\n"
    )
    assert result.exit_code == 0, result.output
    assert "password: " in result.stdout


def test_demo_serves_the_dashboard(tmp_path: Path) -> None:
    """`planwatch demo` as a user runs it: build, print the URL, answer on it."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "planwatch",
        "demo",
        "--port",
        str(port),
        "--db",
        str(tmp_path / "demo.db"),
    ]
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=tmp_path
    ) as server:
        try:
            assert server.stdout is not None
            # the database, the URL, a heading, 7 users and the one-time link, last
            lines = [server.stdout.readline() for _ in range(11)]
            assert lines[1].strip() == f"open http://127.0.0.1:{port}/regions/420106/2017H1"
            assert lines[-1].startswith(f"or open once, as the planner: http://127.0.0.1:{port}/")
            assert "计划执行监测" in _page_when_up(f"http://127.0.0.1:{port}/login")
        finally:
            server.terminate()


def _page_when_up(url: str, seconds: float = 20) -> str:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url) as answer:
                return str(answer.read().decode("utf-8"))
        except OSError:
            assert time.monotonic() < deadline, f"nothing answered at {url}"
            time.sleep(0.2)


def test_a_disabled_user_cannot_sign_in(tmp_path: Path) -> None:
    db = str(tmp_path / "planwatch.db")
    assert run("init", "--db", db)[0] == 0
    add = ("users", "add", "li", "--role", "viewer", "--password", "a long password")
    assert run(*add, "--db", db)[0] == 0
    store = open_store(Settings(database_url=sqlite_url(Path(db)), secret_key="x"))
    try:
        assert run("users", "disable", "li", "--db", db)[0] == 0
        with store.reading() as session:
            assert authenticate(session, "li", "a long password") is None
        assert run("users", "enable", "li", "--db", db)[0] == 0
        assert (
            run("users", "set-password", "li", "--password", "another password", "--db", db)[0] == 0
        )
        with store.reading() as session:
            assert authenticate(session, "li", "a long password") is None
            assert authenticate(session, "li", "another password") is not None
        code, _, err = run("users", "disable", "nobody", "--db", db)
        assert code == 1 and "no user named 'nobody'" in err
    finally:
        store.dispose()


def test_serve_runs_several_workers_sharing_sign_ins(tmp_path: Path) -> None:
    """`planwatch serve --workers 2`: two server processes on one database and one secret,
    so a sign-in made at one worker holds at the other (each request on a new connection,
    which either worker may accept)."""
    import httpx

    from tests.web.hammer import signed_in

    db = str(tmp_path / "demo.db")
    code, out, _ = run("demo", "--no-serve", "--db", db)
    assert code == 0, out
    password = next(
        line.split()[3] for line in out.splitlines() if line.strip().startswith("user planner")
    )
    port = free_port()
    command = [sys.executable, "-m", "planwatch", "serve", "--workers", "2"]
    command += ["--port", str(port), "--db", db]
    with subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp_path
    ) as server:
        try:
            base = f"http://127.0.0.1:{port}"
            _page_when_up(f"{base}/login")
            children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
            assert len(children) >= 2  # the workers (and uvicorn's own helper, if any)
            assert httpx.get(f"{base}/regions.json").status_code == 401  # not signed in
            signed = signed_in(base, "planner", password)
            fresh = httpx.Client(
                base_url=base,
                cookies=signed.cookies,
                headers=signed.headers,
                limits=httpx.Limits(max_keepalive_connections=0),
            )
            try:
                pages = [fresh.get("/regions.json").status_code for _ in range(12)]
                assert pages == [200] * 12
                assert fresh.post("/logout", follow_redirects=False).status_code == 303
            finally:
                signed.close()
                fresh.close()
        finally:
            server.terminate()
