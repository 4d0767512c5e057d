"""The overview shows a parent's additive figures beside its children's sum."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from planwatch.config import Settings, sqlite_url
from planwatch.records.observations import ObservationIn, store_observations
from planwatch.records.plans import PlanIn, store_plan
from planwatch.records.tokens import add_token
from planwatch.records.users import add_user
from planwatch.store import open_store
from planwatch.web import create_app


def test_the_overview_lists_the_roll_up_and_its_finding(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "rollup.db")
    store = open_store(Settings(database_url=url, secret_key="test"), create=True)
    figures = [("420102", 100.0), ("420106", 63.97), ("420100", 170.0)]
    with store.transaction() as session:
        store_observations(
            session,
            [
                ObservationIn(
                    region=code,
                    indicator="全社会固定资产投资",
                    period="2017H1",
                    value=value,
                    unit="亿元",
                    status="approved",
                )
                for code, value in figures
            ],
        )
        store_plan(session, PlanIn.model_validate({"region": "420100", "year": 2017}))
        add_user(session, "planner", "planner", "a-long-password-1")
        _, token = add_token(session, "planner", "test")
    store.dispose()
    bearer = {"Authorization": f"Bearer {token}"}
    with TestClient(create_app(Settings(database_url=url, secret_key="test"))) as client:
        answer = client.get("/regions/420100/2017H1.json", headers=bearer)
        page = client.get("/regions/420100/2017H1", headers=bearer).text
        english = client.get("/regions/420100/2017H1?lang=en", headers=bearer).text
    # the page shows the sum beside the figure, the difference marked, in either language
    assert "下级汇总" in page and "163.97亿元" in page and "（2/2个下级已报）" in page
    assert '<span class="differs">6.03亿元</span>' in page
    assert "Sum of the subdivisions" in english and "(2 of 2 reporting)" in english
    assert "6.03 100 million yuan" in english
    assert answer.status_code == 200, answer.text
    data = answer.json()
    (entry,) = data["rollup"]
    assert (entry["indicator"], entry["own"], entry["children_sum"]) == (
        "全社会固定资产投资",
        170.0,
        163.97,
    )
    assert entry["complete"] and round(entry["difference"], 2) == 6.03
    assert [f["kind"] for f in data["findings"]] == ["rollup_mismatch"]


def test_the_start_page_is_paginated(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "plans.db")
    store = open_store(Settings(database_url=url, secret_key="test"), create=True)
    with store.transaction() as session:
        for code in ("420102", "420106", "420100"):
            store_plan(session, PlanIn.model_validate({"region": code, "year": 2017}))
        store_observations(
            session,
            [
                ObservationIn(
                    region="420106",
                    indicator="地区生产总值",
                    period="2017H1",
                    value=1.0,
                    unit="亿元",
                    status="approved",
                )
            ],
        )
        add_user(session, "planner", "planner", "a-long-password-1")
        _, token = add_token(session, "planner", "test")
    store.dispose()
    bearer = {"Authorization": f"Bearer {token}"}
    with TestClient(create_app(Settings(database_url=url, secret_key="test"))) as client:
        first = client.get("/regions.json?limit=2", headers=bearer).json()
        second = client.get("/regions.json?limit=2&offset=2", headers=bearer).json()
    assert first["total"] == second["total"] == 3
    codes = [p["region"]["code"] for p in first["plans"] + second["plans"]]
    assert codes == ["420100", "420102", "420106"]
    assert [p["code"] for p in second["plans"][0]["periods"]] == ["2017H1"]
