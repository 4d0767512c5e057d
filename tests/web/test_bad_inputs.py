"""Bad inputs give a one-line message, never a traceback, and change nothing stored.

Each case is a file of ``tests/data/bad/`` (or a bomb or id built here) sent through the
CLI or the web: the CLI exits 1 with one line on stderr; the web answers 4xx in the one
error shape. In both, every table holds what it held before.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import Workbook
from sqlalchemy import func, select

from planwatch.demo import Demo
from planwatch.store import Store
from planwatch.store.models import Base
from tests.cli.runner import run
from tests.web.bombs import docx_bomb, xlsx_bomb
from tests.web.helpers import SignIn, error_of

BAD = Path(__file__).resolve().parent.parent / "data" / "bad"
HUGE = str(2**64 + 1)
MB = 1024 * 1024

# (command words, file in tests/data/bad, words of the message)
CLI_CASES = [
    ("ingest", "damaged.docx", "is damaged"),
    ("ingest", "no-document.docx", "is not a readable .docx"),
    ("ingest", "damaged.pdf", "is not a readable PDF"),
    ("ingest", "text-named.docx", "is damaged"),
    ("ingest", "damaged.xlsx", "is damaged"),
    ("ingest", "empty.txt", "is empty"),
    ("plan load", "nested.yaml", "nests more than 50 levels"),
    ("plan load", "duplicate-key.yaml", "the key 'year' is written twice"),
    ("plan load", "empty.yaml", "is empty"),
    ("observations load", "nested.json", "nests more than 50 levels"),
    ("observations load", "duplicate-rows.csv", "row 4 repeats row 2"),
    ("observations load", "empty.csv", "is empty"),
    ("observations load", "header-only.csv", "has a header but no rows"),
    ("observations load", "utf16-nobom.csv", "is UTF-16 without a byte-order mark"),
    ("observations load", "long-text.csv", "at most 32 characters"),
    ("facts accept", HUGE, "does not exist"),
    ("facts reject", HUGE, "does not exist"),
]


def _sheet(rows: list[list[Any]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _file(name: str) -> tuple[str, bytes]:
    return name, (BAD / name).read_bytes()


UPLOAD = "/api/documents"
EXCEL = "/regions/420106/2017H1/enter/excel"
# (user, method, path, keyword arguments, status, words of the message)
WEB_CASES: list[tuple[str, str, str, Callable[[], dict[str, Any]], int, str]] = [
    ("planner", "post", UPLOAD, lambda: {"files": {"file": _file("damaged.docx")}}, 400, "is damaged"),
    ("planner", "post", UPLOAD, lambda: {"files": {"file": _file("damaged.pdf")}}, 400, "not a readable PDF"),
    ("planner", "post", UPLOAD, lambda: {"files": {"file": _file("no-document.docx")}}, 400, "not a readable .docx"),
    ("planner", "post", UPLOAD, lambda: {"files": {"file": _file("empty.txt")}}, 400, "is empty"),
    ("planner", "post", UPLOAD, lambda: {"files": {"file": ("bomb.docx", docx_bomb(60 * MB))}}, 400, "was refused"),
    ("planner", "post", "/upload", lambda: {"files": {"file": _file("text-named.docx")}}, 400, "is damaged"),
    ("reporter", "post", EXCEL, lambda: {"files": {"file": _file("damaged.xlsx")}}, 400, "is damaged"),
    ("reporter", "post", EXCEL, lambda: {"files": {"file": ("e.xlsx", b"")}}, 400, "is empty"),
    ("reporter", "post", EXCEL, lambda: {"files": {"file": ("b.xlsx", xlsx_bomb(60 * MB))}}, 400, "was refused"),
    (
        "reporter", "post", EXCEL,
        lambda: {"files": {"file": ("d.xlsx", _sheet([["指标", "数值"], ["地区生产总值", 1], ["地区生产总值", 2]]))}},
        400, "row 3, column A: repeats row 2",
    ),
    ("planner", "get", f"/documents/{HUGE}.json", dict, 400, "too large"),
    ("planner", "get", f"/observations/{HUGE}.json", dict, 400, "too large"),
    ("planner", "post", f"/api/facts/{HUGE}/accept", dict, 404, "does not exist"),
    ("planner", "post", f"/api/facts/{HUGE}/reject", dict, 404, "does not exist"),
    ("planner", "post", f"/api/facts/{HUGE}/correct", lambda: {"data": {"value": "1"}}, 404, "does not exist"),
    ("planner", "get", f"/api/facts?document={HUGE}", dict, 400, "too large"),
    ("planner", "get", f"/api/observations?offset={HUGE}", dict, 400, "too large"),
    ("planner", "get", f"/api/documents?offset={HUGE}", dict, 400, "too large"),
    ("planner", "get", f"/api/regions?offset={HUGE}", dict, 400, "too large"),
    ("planner", "get", f"/api/facts?limit=10&offset={HUGE}", dict, 400, "too large"),
    (
        "planner", "post", "/api/observations",
        lambda: {"content": "[" * 50000 + "]" * 50000, "headers": {"content-type": "application/json"}},
        400, "could not be read as JSON",
    ),
    (
        "planner", "post", "/api/observations",
        lambda: {"json": {"region": "420106", "indicator": "地区生产总值", "period": "2017H1", "value": 1, "unit": "亿" * 40}},
        422, "at most 32 characters",
    ),
]  # fmt: skip


def snapshot(store: Store) -> dict[str, int]:
    """Rows per table, so a refused input is seen to have stored nothing."""
    with store.reading() as session:
        return {
            name: int(session.scalar(select(func.count()).select_from(table)) or 0)
            for name, table in Base.metadata.tables.items()
            if name != "sign_ins"  # signing in is not what the case sends
        }


@pytest.mark.parametrize(
    ("words", "target", "expected"), CLI_CASES, ids=[c[1] + ":" + c[0] for c in CLI_CASES]
)
def test_the_cli_answers_bad_input_with_one_line(
    app: Any, demo: Demo, words: str, target: str, expected: str
) -> None:
    before = snapshot(app.state.store)
    argument = target if target == HUGE else str(BAD / target)
    code, _out, err = run(*words.split(), argument, "--db", demo.database_url)
    assert code == 1
    assert err.startswith("error: ") and len(err.strip().splitlines()) == 1, err
    assert expected in err
    assert "Traceback" not in err
    assert snapshot(app.state.store) == before


@pytest.mark.parametrize(
    ("user", "method", "path", "arguments", "status", "expected"),
    WEB_CASES,
    ids=[f"{c[1]} {c[2][:60]}" for c in WEB_CASES],
)
def test_the_web_answers_bad_input_in_the_error_shape(
    client_as: SignIn,
    app: Any,
    user: str,
    method: str,
    path: str,
    arguments: Callable[[], dict[str, Any]],
    status: int,
    expected: str,
) -> None:
    client: TestClient = client_as(user)
    before = snapshot(app.state.store)
    kwargs = arguments()
    kwargs.setdefault("headers", {})["accept"] = "application/json"
    error = error_of(getattr(client, method)(path, **kwargs), status)
    assert expected in error["message"], error
    assert "\n" not in error["message"]
    assert snapshot(app.state.store) == before


@pytest.mark.parametrize(
    "name", ["..", ".", "../../etc/passwd.txt", "报告" * 150 + ".txt", "a\x00b\x1f.txt", " "]
)
def test_odd_upload_names_are_stored_safely(planner: TestClient, name: str) -> None:
    text = f"关于武昌区2017年1-9月经济运行情况的报告\n地区生产总值完成{len(name)}亿元。\n"
    answer = planner.post(UPLOAD, files={"file": (name, text.encode("utf-8"), "text/plain")})
    assert answer.status_code in (200, 201, 400), answer.text
    if answer.status_code != 400:
        stored = answer.json()["filename"]
        assert "/" not in stored and stored not in ("", ".", "..")
        assert len(stored.encode("utf-8")) <= 200


def test_a_utf16_report_without_bom_is_read(planner: TestClient) -> None:
    answer = planner.post(UPLOAD, files={"file": _file("utf16-nobom.txt")})
    assert answer.status_code == 201, answer.text
    assert answer.json()["facts"] >= 2


def test_the_cli_refuses_a_document_over_the_limit(app: Any, demo: Demo, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as out:
        out.truncate(31 * MB)  # sparse: no 31 MB written to disk
    before = snapshot(app.state.store)
    code, _out, err = run("ingest", str(big), "--db", demo.database_url)
    assert code == 1 and err.strip() == (
        "error: big.txt is larger than 30 MB: ingest the report alone, not an archive of attachments"
    )
    assert snapshot(app.state.store) == before
