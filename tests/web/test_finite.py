"""Non-finite numbers are refused at every door, and no JSON output carries NaN/Infinity."""

from __future__ import annotations

import io
import json
import math
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import Workbook
from sqlalchemy import func, select, text

from planwatch.demo import Demo
from planwatch.errors import InvalidInput
from planwatch.jsondata import dumps
from planwatch.records.observations import read_observation_file, store_observation
from planwatch.records.plans import read_plan_file
from planwatch.store import Store
from planwatch.store.models import Observation
from planwatch.store.reference import indicator_row, region_row
from tests.cli.runner import run
from tests.web.helpers import error_of

BAD_NUMBERS = ("NaN", "Infinity", "-Infinity", "1e400", "2e15")


def _observation_body(raw_value: str) -> str:
    return (
        '{"region": "420106", "indicator": "地区生产总值", "period": "2017H1", '
        f'"value": {raw_value}}}'
    )


def _count(store: Store) -> int:
    with store.reading() as session:
        return session.scalar(select(func.count()).select_from(Observation)) or 0


@pytest.mark.parametrize("raw", BAD_NUMBERS)
def test_api_refuses_non_finite_values(planner: TestClient, raw: str) -> None:
    answer = planner.post(
        "/api/observations",
        content=_observation_body(raw),
        headers={"content-type": "application/json"},
    )
    error = error_of(answer, 422)
    assert error["message"].startswith("value ")
    assert "finite" in error["message"] or "at most" in error["message"]
    assert error["zh"]["message"].startswith("填写的内容不符合要求：数值")


@pytest.mark.parametrize("raw", ("nan", "inf", "-inf", "1e400"))
def test_entry_form_refuses_non_finite_values(reporter: TestClient, raw: str) -> None:
    answer = reporter.post(
        "/regions/420106/2017H1/enter",
        data={"indicator": "地区生产总值", "value": raw, "measure": "value"},
        headers={"accept": "application/json"},
    )
    assert answer.status_code in (400, 422), answer.text
    assert "finite" in answer.json()["error"]["message"]


def test_excel_sheet_refuses_non_finite_values(reporter: TestClient) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["指标", "口径", "数值"])
    sheet.append(["地区生产总值", "总量", "inf"])
    data = io.BytesIO()
    book.save(data)
    answer = reporter.post(
        "/regions/420106/2017H1/enter/excel",
        files={"file": ("figures.xlsx", data.getvalue(), "application/octet-stream")},
        headers={"accept": "application/json"},
    )
    error = error_of(answer, 400)
    assert "the first: Sheet Sheet, row 2, column C: value" in error["message"]


@pytest.mark.parametrize("raw", ("nan", "inf", "1e400"))
def test_csv_refuses_non_finite_values(tmp_path: Path, raw: str) -> None:
    path = tmp_path / "figures.csv"
    path.write_text(f"region,indicator,period,value\n420106,地区生产总值,2017H1,{raw}\n")
    with pytest.raises(InvalidInput, match="finite"):
        read_observation_file(path)


def test_plan_file_refuses_infinite_targets(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(
        "region: 武昌区\nyear: 2017\ntargets:\n"
        "  - {indicator: 地区生产总值, kind: growth_at_least, value: .inf}\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidInput, match="finite"):
        read_plan_file(path)


def test_cli_load_of_nan_is_one_line_and_exit_1(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    assert run("init", "--db", db)[0] == 0
    path = tmp_path / "figures.csv"
    path.write_text("region,indicator,period,value\n420106,地区生产总值,2017H1,NaN\n")
    code, _out, err = run("observations", "load", str(path), "--db", db)
    assert code == 1
    assert err.startswith("error: ") and len(err.strip().splitlines()) == 1
    assert "finite" in err


def test_the_store_refuses_what_skipped_the_doors(sqlite_store: Store) -> None:
    with pytest.raises(InvalidInput, match="finite"):
        with sqlite_store.transaction() as session:
            row = Observation(
                indicator=indicator_row(session, "地区生产总值"),
                region=region_row(session, "420106"),
                period="2017H1",
                measure="value",
                value=math.inf,
            )
            session.add(row)
            session.flush()
    assert _count(sqlite_store) == 0


def test_store_observation_refuses_a_model_built_without_validation(
    sqlite_store: Store,
) -> None:
    from planwatch.records.observations import ObservationIn

    item = ObservationIn.model_construct(
        region="420106", indicator="地区生产总值", period="2017H1", measure="value",
        value=math.nan, unit=None, basis=None, status="draft", note=None,
    )  # fmt: skip
    with pytest.raises(InvalidInput, match="finite"):
        with sqlite_store.transaction() as session:
            store_observation(session, item)


def test_fact_correction_refuses_nan(planner: TestClient) -> None:
    fact_id = planner.get("/api/facts?document=1&limit=1").json()["items"][0]["id"]
    answer = planner.post(f"/api/facts/{fact_id}/correct", data={"value": "nan"})
    assert "finite" in error_of(answer, 400)["message"]


def test_json_writer_turns_non_finite_into_null() -> None:
    assert json.loads(dumps({"a": [math.inf, 1.5, {"b": math.nan}]})) == {
        "a": [None, 1.5, {"b": None}]
    }


def _strict(raw: bytes) -> Any:
    def refuse(constant: str) -> Any:
        raise ValueError(f"not JSON: {constant}")

    return json.loads(raw, parse_constant=refuse)


def _paths_in(data: Any) -> set[str]:
    """Site paths named anywhere in a page's data (its links)."""
    found: set[str] = set()
    if isinstance(data, dict):
        for value in data.values():
            found |= _paths_in(value)
    elif isinstance(data, list):
        for value in data:
            found |= _paths_in(value)
    elif isinstance(data, str) and data.startswith("/") and not data.startswith("//"):
        found.add(data.split("#")[0])
    return found


def _twin(path: str) -> str | None:
    base, _, query = path.partition("?")
    if base.startswith(("/static", "/login", "/logout", "/docs")) or "." in base.rsplit("/", 1)[-1]:
        return path if base.endswith(".json") or base.startswith("/api/") else None
    return f"{base.rstrip('/') or '/'}.json" + (f"?{query}" if query else "")


def crawl(client: TestClient, demo: Demo, limit: int = 400) -> dict[str, int]:
    """Every page twin reachable from the home page and the API lists: path -> status."""
    todo = [
        "/regions.json",
        f"{demo.overview_path}.json",
        f"{demo.overview_path}/report.json",
        "/api/observations?limit=500",
        "/api/facts?limit=500",
        "/api/documents",
        "/api/regions?limit=500",
        "/openapi.json",
    ]
    seen: dict[str, int] = {}
    while todo and len(seen) < limit:
        path = todo.pop()
        if path in seen:
            continue
        answer = client.get(path)
        seen[path] = answer.status_code
        data = _strict(answer.content)
        for found in _paths_in(data):
            twin = _twin(found)
            if twin and twin not in seen:
                todo.append(twin)
    return seen


def test_every_page_twin_of_the_demo_is_strict_json(planner: TestClient, demo: Demo) -> None:
    for item in planner.get("/api/facts?document=1&limit=500").json()["items"]:
        planner.post(f"/api/facts/{item['id']}/accept")
    seen = crawl(planner, demo)
    assert len(seen) > 30
    assert all(status < 500 for status in seen.values()), seen


def test_pages_stay_strict_json_when_a_stored_figure_is_infinite(
    viewer: TestClient, demo: Demo, app: Any
) -> None:
    # what an older planwatch let in: written behind the doors, as a damaged database would be
    store: Store = app.state.store
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE observations SET value = 9e999 WHERE id IN (1, 2, 3)"))
        conn.execute(text("UPDATE targets SET value = 9e999 WHERE id = 1"))
    seen = crawl(viewer, demo)
    assert len(seen) > 30
    assert all(status < 500 for status in seen.values()), seen
