"""The per-(region, period, status) counts agree with a recount after every kind of write.

Single entry by a reporter (drafts), the workflow's submit, return, approve and publish
(statuses moved), the planner's own entry, a bulk file (new versions), a fact accepted
from a report (a new figure), and a failed bulk load (nothing counted).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select, text

from planwatch.errors import InvalidInput
from planwatch.records.bulk import load_observation_csv
from planwatch.records.ingest import ingest_path
from planwatch.records.review import accept_fact
from planwatch.store import Store
from planwatch.store.models import Fact
from tests.conftest import SAMPLE

STEPS = "/api/submissions/420106/2017H1"
FIGURE = {
    "region": "420106",
    "indicator": "全社会固定资产投资",
    "period": "2017H1",
    "measure": "yoy_growth",
    "value": 12.5,
    "unit": "%",
    "reason": "按新口径",
    "comment": "按新统计口径计算",
}


def kept(store: Store) -> list[tuple[int, str, str, int]]:
    with store.engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT region_id, period, status, figures FROM figure_periods "
                "WHERE figures > 0 ORDER BY 1, 2, 3"
            )
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]


def recounted(store: Store) -> list[tuple[int, str, str, int]]:
    with store.engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT region_id, period, status, count(*) FROM observations "
                "GROUP BY region_id, period, status ORDER BY 1, 2, 3"
            )
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]


def step(client: TestClient, name: str, **extra: str) -> None:
    answer = client.post(f"{STEPS}/{name}", json={"department": "区发改委", **extra})
    assert answer.status_code == 200, answer.text


def test_the_counts_follow_every_write(
    client_as, planner: TestClient, app: FastAPI, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    store: Store = app.state.store
    assert kept(store) == recounted(store) != []  # the demo as built
    fagai = client_as("fagai")
    assert fagai.post("/api/observations", json=FIGURE).status_code == 201
    step(fagai, "submit")
    step(planner, "return", comment="请核实")
    assert fagai.post("/api/observations", json={**FIGURE, "value": 12.0}).status_code == 201
    step(fagai, "submit")
    step(planner, "approve")
    step(planner, "publish")
    assert kept(store) == recounted(store)
    entered = planner.post("/api/observations", json={**FIGURE, "period": "2017M08"})
    assert entered.status_code == 201, entered.text
    with store.transaction(actor="test") as session:
        load_observation_csv(session, SAMPLE / "wuchang-2017h1-observations.csv")
    ingest_path(store, SAMPLE / "wuchang-2017h1-plan-execution.txt")
    with store.transaction(actor="test") as session:
        fact = session.scalars(select(Fact.id).where(Fact.value == 525.69)).first()
        assert fact is not None
        assert accept_fact(session, fact).stored == 1
    after = kept(store)
    assert after == recounted(store)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "region,indicator,period,measure,value,unit\n"
        "420106,地区生产总值,2017M09,value,400,亿元\n"
        "420106,地区生产总值,2017M10,value,-1,亿元\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidInput), store.transaction(actor="test") as session:
        load_observation_csv(session, bad)
    assert kept(store) == after == recounted(store)
