"""Bounded resources: bodies refused early at their limit, archives checked before parsing."""

from __future__ import annotations

import os
import select
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlalchemy import select as sql_select

from planwatch.demo import Demo
from planwatch.errors import InvalidInput
from planwatch.records.archives import check_archive
from planwatch.store.models import Document, Observation
from planwatch.web.limits import DOCUMENT_BYTES, SHEET_BYTES
from tests.web.bombs import damaged_docx, docx_bomb, lying_bomb, xlsx_bomb
from tests.web.helpers import csrf_of, error_of
from tests.web.live import free_port, serving

MB = 1024 * 1024
EXCEL = "/regions/420106/2017H1/enter/excel"


def _documents(app: object) -> int:
    store = app.state.store  # type: ignore[attr-defined]  # a FastAPI app
    with store.reading() as session:
        return int(session.scalar(sql_select(func.count()).select_from(Document)) or 0)


def _raw_post(base: str, path: str, headers: str) -> socket.socket:
    host, port = base.removeprefix("http://").split(":")
    conn = socket.create_connection((host, int(port)), timeout=10)
    conn.sendall(f"POST {path} HTTP/1.1\r\nHost: {host}\r\n{headers}\r\n".encode())
    return conn


def _answer(conn: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            break
        data += chunk
    return data


def test_a_declared_300_mb_body_is_refused_before_it_is_read(app: object) -> None:
    with serving(app) as base:  # type: ignore[arg-type]  # a FastAPI app
        conn = _raw_post(base, "/api/documents", "Content-Length: 314572800\r\n")
        started = time.monotonic()
        answer = _answer(conn)  # not a byte of the body was sent
        conn.close()
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert time.monotonic() - started < 5


def _cookie(base: str, demo: Demo, user: str) -> str:
    import httpx

    with httpx.Client(base_url=base) as client:
        client.post("/login", data={"username": user, "password": demo.passwords[user]})
        return "; ".join(f"{name}={value}" for name, value in client.cookies.items())


def test_a_chunked_body_is_cut_off_at_the_limit(app: object, demo: Demo) -> None:
    sent = 0
    with serving(app) as base:  # type: ignore[arg-type]  # a FastAPI app
        headers = "Transfer-Encoding: chunked\r\nContent-Type: multipart/form-data; boundary=b\r\n"
        conn = _raw_post(base, EXCEL, headers + f"Cookie: {_cookie(base, demo, 'reporter')}\r\n")
        head = (
            b'--b\r\nContent-Disposition: form-data; name="file"; filename="f.xlsx"\r\n'
            b"Content-Type: application/octet-stream\r\n\r\n"
        )
        conn.sendall(b"%x\r\n%s\r\n" % (len(head), head))
        chunk = b"%x\r\n%s\r\n" % (MB, b"x" * MB)
        try:
            while sent < 300 * MB:
                readable, _, _ = select.select([conn], [], [], 0)
                if readable:
                    break
                conn.sendall(chunk)
                sent += MB
        except (BrokenPipeError, ConnectionResetError):
            pass
        answer = _answer(conn)
        conn.close()
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert sent < SHEET_BYTES + 16 * MB  # the socket buffers a few MB more; not 300


@pytest.mark.parametrize(
    ("path", "limit", "name"),
    [("/api/documents", DOCUMENT_BYTES, "a document"), (EXCEL, SHEET_BYTES, "an Excel sheet")],
)
def test_the_413_is_in_the_error_shape(
    planner: TestClient, path: str, limit: int, name: str
) -> None:
    files = {"file": ("big.xlsx", b"PK" + b"0" * limit, "application/octet-stream")}
    error = error_of(planner.post(path, files=files), 413)
    assert error["code"] == "too_large"
    assert error["message"] == f"{name} may be at most {limit // MB} MB"


BOMBS = {
    "docx bomb": ("report.docx", docx_bomb(60 * MB), "would inflate to 60 MB"),
    "lying docx": ("report.docx", lying_bomb(), "is damaged"),  # zipfile stops at the lie
    "damaged docx": ("report.docx", damaged_docx(), "is damaged"),
}


@pytest.mark.parametrize("case", sorted(BOMBS))
@pytest.mark.parametrize("path", ["/api/documents", "/upload"])
def test_bad_archives_are_refused_before_any_parser(
    planner: TestClient, app: object, path: str, case: str
) -> None:
    name, data, words = BOMBS[case]
    before = _documents(app)
    answer = planner.post(
        path,
        files={"file": (name, data, "application/octet-stream")},
        headers={"accept": "application/json"},
    )
    error = error_of(answer, 400)
    assert words in error["message"] or words in str(error["message"]), error
    assert "\n" not in error["message"]
    assert _documents(app) == before


def test_an_xlsx_bomb_is_refused_on_the_sheet_route(reporter: TestClient) -> None:
    answer = reporter.post(
        EXCEL,
        files={"file": ("f.xlsx", xlsx_bomb(60 * MB), "application/octet-stream")},
        headers={"accept": "application/json"},
    )
    assert "would inflate to 60 MB" in error_of(answer, 400)["message"]


def test_a_ratio_bomb_under_the_size_limits_is_refused() -> None:
    with pytest.raises(InvalidInput, match="compressed .* to 1"):
        check_archive(docx_bomb(20 * MB), "small.docx")


def _peak_rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    line = next(row for row in status.splitlines() if row.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
def test_server_memory_stays_bounded_under_bombs(demo: Demo, tmp_path: Path) -> None:
    """A real server process: 300 MB bombs through every upload route, then 80 wrong Basic
    sign-ins at once; its peak resident memory measured."""
    port = free_port()
    command = shutil.which("planwatch", path=str(Path(sys.executable).parent)) or "planwatch"
    env = {**os.environ, "PLANWATCH_SECRET_KEY": "memory-test"}
    server = subprocess.Popen(
        [command, "serve", "--port", str(port), "--db", demo.database_url],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        import httpx

        base = f"http://127.0.0.1:{port}"
        _wait_for(base)
        bombs = [("/api/documents", "r.docx", docx_bomb()), ("/upload", "r.docx", docx_bomb())]
        bombs.append((EXCEL, "f.xlsx", xlsx_bomb()))
        answers = []
        for user, (path, name, data) in zip(("planner", "planner", "reporter"), bombs, strict=True):
            with httpx.Client(base_url=base, timeout=60) as client:
                client.post("/login", data={"username": user, "password": demo.passwords[user]})
                client.headers["X-CSRF-Token"] = csrf_of(client)
                answers.append(
                    client.post(
                        path, files={"file": (name, data)}, headers={"accept": "application/json"}
                    )
                )
        floods = _wrong_logins(base, 80)
        peak = _peak_rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert [a.status_code for a in answers] == [400, 400, 400], [a.text for a in answers]
    assert set(floods) <= {401, 429} and floods.count(429) >= 60, floods
    assert peak < 300, f"peak resident memory {peak:.0f} MB"


def _wrong_logins(base: str, count: int) -> list[int]:
    """``count`` wrong Basic sign-ins at the same moment: their statuses."""
    import threading

    import httpx

    statuses: list[int] = []
    start = threading.Barrier(count)

    def attempt(i: int) -> None:
        start.wait()
        answer = httpx.get(f"{base}/api/regions", auth=(f"guess{i}", "wrong"), timeout=120)
        statuses.append(answer.status_code)

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def _wait_for(base: str) -> None:
    import httpx

    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            httpx.get(f"{base}/login", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError("the server did not start")


def test_observation_store_is_untouched_by_refused_sheets(
    reporter: TestClient, app: object
) -> None:
    store = app.state.store  # type: ignore[attr-defined]  # a FastAPI app
    with store.reading() as session:
        before = session.scalar(sql_select(func.count()).select_from(Observation))
    reporter.post(
        EXCEL, files={"file": ("f.xlsx", damaged_docx())}, headers={"accept": "application/json"}
    )
    with store.reading() as session:
        assert session.scalar(sql_select(func.count()).select_from(Observation)) == before
