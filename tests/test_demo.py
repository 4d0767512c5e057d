"""The demo's illustrative history agrees with its sample figures and its plan."""

from __future__ import annotations

import pytest

from planwatch.assess import Thresholds, assess_region
from planwatch.config import Settings, sqlite_url
from planwatch.demo import build_demo
from planwatch.store import Store, open_store


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    build_demo(path)
    return open_store(Settings(database_url=sqlite_url(path), secret_key="test"))


@pytest.mark.parametrize("period", ["2017Q1", "2017H1"])
def test_no_finding_comes_from_the_illustrative_figures(demo_store: Store, period: str) -> None:
    with demo_store.reading() as session:
        judged = assess_region(session, "420106", period, Thresholds())
    assert judged.findings == []
    assert sum(1 for a in judged.assessments if a.actual is not None) >= 4


@pytest.mark.parametrize("period", ["2017Q1", "2017H1"])
def test_the_rest_of_the_year_needs_no_absurd_growth(demo_store: Store, period: str) -> None:
    with demo_store.reading() as session:
        judged = assess_region(session, "420106", period, Thresholds())
    needs = {
        a.indicator: a.rest_of_year.required_growth
        for a in judged.assessments
        if a.kind == "growth_at_least" and a.rest_of_year is not None
    }
    assert set(needs) >= {"地区生产总值", "全社会固定资产投资", "地方一般公共预算收入"}
    assert all(need is not None and need > -20 for need in needs.values()), needs


def test_last_year_follows_the_plan_and_the_reported_growth(demo_store: Store) -> None:
    with demo_store.reading() as session:
        judged = assess_region(session, "420106", "2017H1", Thresholds())
    investment = next(
        a
        for a in judged.assessments
        if a.kind == "value_at_least" and a.indicator == "全社会固定资产投资"
    )
    assert investment.rest_of_year is not None
    # 220亿元 planned for 2017 with 10% growth: 2016 was 200亿元, not above the target
    assert investment.rest_of_year.last_year_annual == pytest.approx(200.0)
    assert investment.rest_of_year.last_year_same_period == pytest.approx(163.97 / 1.1561, abs=0.01)
