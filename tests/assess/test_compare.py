"""Several districts of 武汉市 assessed at once and ranked per target."""

from __future__ import annotations

import pytest

from planwatch.assess import RegionComparison, Thresholds, compare_regions
from planwatch.errors import InvalidInput, NotFound
from planwatch.store import Store
from tests.assess.helpers import add_figures, add_plan

TARGETS = [
    {"indicator": "地区生产总值", "kind": "growth_at_least", "value": 8, "unit": "%"},
    {"indicator": "全社会固定资产投资", "kind": "value_at_least", "value": 400, "unit": "亿元"},
]


@pytest.fixture
def districts(sample_store: Store) -> Store:
    """武昌区 from the sample plus 江岸区 and 江汉区 with plans and H1 figures of their own."""
    for name in ("江岸区", "江汉区"):
        add_plan(
            sample_store, {"region": name, "parent": "武汉市", "year": 2017, "targets": TARGETS}
        )
    add_figures(
        sample_store,
        ("江岸区", "地区生产总值", "2017H1", "yoy_growth", 8.6, "%"),
        ("江岸区", "全社会固定资产投资", "2017H1", "value", 2_400_000, "万元"),
        ("江汉区", "地区生产总值", "2017H1", "yoy_growth", 7.5, "%"),
        ("江汉区", "全社会固定资产投资", "2017H1", "value", 150, "亿元"),
    )
    return sample_store


def compared(store: Store, indicator: str | None = None) -> RegionComparison:
    with store.reading() as session:
        return compare_regions(session, "武汉市", "county", "2017H1", indicator)


def test_every_district_with_a_plan_is_assessed(districts: Store) -> None:
    result = compared(districts)
    assert [r.region for r in result.regions] == ["江岸区", "江汉区", "武昌区"]
    assert result.parent == "武汉市" and result.parent_code == "420100"


def test_districts_are_ranked_by_growth(districts: Store) -> None:
    [gdp] = [
        r
        for r in compared(districts).rankings
        if r.indicator == "地区生产总值" and r.kind == "growth_at_least"
    ]
    assert gdp.metric == "growth"
    assert [(e.rank, e.region, e.value, e.status) for e in gdp.entries] == [
        (1, "江岸区", 8.6, "on_track"),
        (2, "武昌区", 8.1, "slightly_behind"),
        (3, "江汉区", 7.5, "slightly_behind"),
    ]


def test_districts_are_ranked_by_completion_in_converted_units(districts: Store) -> None:
    [fai] = [
        r
        for r in compared(districts).rankings
        if r.indicator == "全社会固定资产投资" and r.kind == "value_at_least"
    ]
    assert fai.metric == "completion"
    assert [(e.region, e.value) for e in fai.entries] == [
        ("武昌区", pytest.approx(74.53, abs=0.01)),
        ("江岸区", 60.0),  # 240亿元 of 400
        ("江汉区", 37.5),
    ]
    assert fai.entries[-1].status == "behind"


def test_one_indicator_only(districts: Store) -> None:
    result = compared(districts, "GDP")
    assert result.indicator == "地区生产总值"
    assert {r.indicator for r in result.rankings} == {"地区生产总值"}
    assert all(a.indicator == "地区生产总值" for r in result.regions for a in r.assessments)


def test_districts_without_plans_are_listed_as_skipped(districts: Store) -> None:
    skipped = {s.region: s.reason for s in compared(districts).skipped}
    assert skipped["洪山区"] == "洪山区 has no plan for 2017"
    assert "江岸区" not in skipped and len(skipped) == 10  # 武汉市 has 13 districts


def test_district_with_plan_but_no_figures_is_skipped_with_the_reason(districts: Store) -> None:
    add_plan(districts, {"region": "汉阳区", "year": 2017, "targets": TARGETS})
    skipped = {s.region: s.reason for s in compared(districts).skipped}
    assert skipped["汉阳区"] == "no figures for 汉阳区 in 2017H1"


def test_ties_share_a_rank(districts: Store) -> None:
    add_figures(districts, ("江汉区", "地区生产总值", "2017H1", "yoy_growth", 8.1, "%"))
    [gdp] = [r for r in compared(districts).rankings if r.indicator == "地区生产总值"]
    assert [e.rank for e in gdp.entries] == [1, 2, 2]


def test_nothing_to_compare_is_a_clear_error(sqlite_store: Store) -> None:
    with sqlite_store.transaction() as session, pytest.raises(NotFound) as raised:
        compare_regions(session, "武汉市", "county", "2017H1", None, Thresholds())
    assert str(raised.value).startswith(
        "no county region under 武汉市 has a plan and figures for 2017H1: load them with"
    )


def test_unknown_level_is_refused(districts: Store) -> None:
    with districts.reading() as session, pytest.raises(InvalidInput) as raised:
        compare_regions(session, "武汉市", "district", "2017H1")
    assert str(raised.value).startswith("unknown region level 'district': use one of")
