"""`planwatch facts list` with filters, and accepting many facts from the command line."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from tests.cli.runner import run
from tests.conftest import SAMPLE

REPORT = SAMPLE / "wuchang-2017h1-plan-execution.txt"


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "planwatch.db")
    assert run("init", "--db", path)[0] == 0
    assert run("ingest", str(REPORT), "--db", path)[0] == 0
    return path


def _listed(db: str, *filters: str) -> dict[str, object]:
    code, out, err = run("facts", "list", "--json", "--limit", "1000", "--db", db, *filters)
    assert code == 0, err
    return dict(json.loads(out))


def _cells(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def test_list_filters_by_status_measure_and_indicator(db: str) -> None:
    everything = _listed(db)
    indicators = _listed(db, "--indicators")
    growths = _listed(db, "--measure", "yoy_growth")
    assert 0 < indicators["total"] < everything["total"]  # type: ignore[operator]
    assert {f["measure"] for f in growths["facts"]} == {"yoy_growth"}  # type: ignore[attr-defined]
    assert all(f["indicator"] for f in indicators["facts"])  # type: ignore[attr-defined]
    code, out, _ = run("facts", "list", "--indicators", "--limit", "5", "--db", db)
    assert code == 0 and out.strip().endswith(f"5 of {indicators['total']} facts")
    assert "地区生产总值" in out and max(_cells(line) for line in out.splitlines()) <= 100


def test_accept_every_indicator_fact_of_a_document(db: str) -> None:
    indicators = _listed(db, "--indicators", "--status", "pending")["total"]
    code, out, _ = run("facts", "accept", "--document", "1", "--indicators", "--db", db)
    assert code == 0 and out.strip().endswith(f"{indicators} facts accepted")
    assert _listed(db, "--indicators", "--status", "pending")["total"] == 0
    assert _listed(db, "--status", "accepted")["total"] == indicators
    shown = run("show", "--db", db)[1]
    assert "武昌区 2017H1 地区生产总值 value 525.69亿元" in shown


def test_accept_named_facts_and_refuse_unclear_requests(db: str) -> None:
    code, out, _ = run("facts", "accept", "1", "2", "--db", db)
    assert code == 0 and out.count("accepted") == 2
    assert _listed(db, "--status", "accepted")["total"] == 2
    for args in (("--document", "1"), (), ("1", "--document", "1", "--indicators")):
        code, _, err = run("facts", "accept", *args, "--db", db)
        assert code == 1 and err.startswith("error: ")
    code, _, err = run("facts", "list", "--status", "done", "--db", db)
    assert code == 1 and "pending" in err
    assert _listed(db, "--status", "accepted")["total"] == 2  # nothing else changed
