"""Rest of year and consistency findings, once last year's figures are stored."""

from __future__ import annotations

import pytest

from planwatch.assess import Assessment, Thresholds, assess_region
from planwatch.store import Store
from tests.assess.helpers import add_figures, add_plan


def fai(store: Store, kind: str = "value_at_least") -> Assessment:
    with store.reading() as session:
        result = assess_region(session, "420106", "2017H1")
    [found] = [
        a for a in result.assessments if a.indicator == "全社会固定资产投资" and a.kind == kind
    ]
    return found


def test_without_last_year_the_outlook_names_what_is_missing(sample_store: Store) -> None:
    outlook = fai(sample_store).rest_of_year
    assert outlook is not None
    assert outlook.remaining == pytest.approx(56.03)
    assert outlook.required_growth is None and outlook.projection is None
    assert [m.chinese for m in outlook.missing] == ["需要2016年全年全社会固定资产投资"]
    assert outlook.missing[0].english == "the 2016 annual value of 全社会固定资产投资"
    # last year's same period follows from this year's value and growth
    assert outlook.last_year_same_period == pytest.approx(163.97 / 1.1561)
    assert outlook.last_year_same_period_derived


def test_required_growth_and_projection_from_stored_last_year(sample_store: Store) -> None:
    add_figures(
        sample_store,
        ("420106", "全社会固定资产投资", "2016H1", "value", 141.8, "亿元"),
        ("420106", "全社会固定资产投资", "2016", "value", 2_000_000, "万元"),
    )
    outlook = fai(sample_store).rest_of_year
    assert outlook is not None and outlook.missing == []
    assert not outlook.last_year_same_period_derived
    assert outlook.last_year_annual == pytest.approx(200.0)
    # (220 − 163.97) ÷ (200 − 141.8) − 1
    assert outlook.required_growth == pytest.approx((56.03 / 58.2 - 1) * 100)
    assert outlook.projection == pytest.approx(163.97 / (141.8 / 200))
    assert outlook.seasonal_share == pytest.approx(70.9)
    assert "下半年需同比下降3.7%方能完成全年目标" in outlook.chinese
    assert "按上年进度推算,全年预计完成231.27亿元" in outlook.chinese


def test_growth_target_outlook_sets_the_annual_level_from_last_year(sample_store: Store) -> None:
    add_figures(sample_store, ("420106", "全社会固定资产投资", "2016", "value", 200, "亿元"))
    outlook = fai(sample_store, "growth_at_least").rest_of_year
    assert outlook is not None
    assert outlook.annual_target == pytest.approx(220.0)  # 200 × (1 + 10%)
    assert outlook.required_growth is not None
    last_rest = 200 - 163.97 / 1.1561
    assert 163.97 + last_rest * (1 + outlook.required_growth / 100) == pytest.approx(220)


def test_consistent_growth_gives_no_finding(sample_store: Store) -> None:
    add_figures(sample_store, ("420106", "全社会固定资产投资", "2016H1", "value", 141.8, "亿元"))
    assert fai(sample_store).findings == []  # 163.97 ÷ 141.8 − 1 = 15.63%, reported 15.61%


def test_growth_disagreeing_with_levels_is_a_finding(sample_store: Store) -> None:
    add_figures(sample_store, ("420106", "全社会固定资产投资", "2016H1", "value", 150, "亿元"))
    [finding] = fai(sample_store).findings
    assert finding.kind == "growth_mismatch"
    assert finding.reported == 15.61
    assert finding.computed == pytest.approx(9.31)
    assert finding.difference == pytest.approx(6.3)
    assert "differs by 6.3 points" in finding.message
    # the reported growth is kept: findings are shown, never fixed
    growth = fai(sample_store).growth
    assert growth is not None and growth.value == 15.61


def test_comparable_growth_finding_says_it_may_differ(sample_store: Store) -> None:
    add_figures(sample_store, ("420106", "地方一般公共预算收入", "2016H1", "value", 70, "亿元"))
    with sample_store.reading() as session:
        result = assess_region(session, "420106", "2017H1")
    [finding] = [f for f in result.findings if f.indicator == "地方一般公共预算收入"]
    assert "同口径/可比价 rate may differ legitimately" in finding.message


def test_mismatch_tolerance_is_a_threshold(sample_store: Store) -> None:
    add_figures(sample_store, ("420106", "全社会固定资产投资", "2016H1", "value", 150, "亿元"))
    with sample_store.reading() as session:
        result = assess_region(session, "420106", "2017H1", Thresholds(mismatch_points=7))
    assert result.findings == []


def test_reported_completion_disagreeing_with_value_over_target(sample_store: Store) -> None:
    add_figures(sample_store, ("420106", "全社会固定资产投资", "2017H1", "completion", 80, "%"))
    [finding] = fai(sample_store).findings
    assert finding.kind == "completion_mismatch"
    assert finding.computed == pytest.approx(74.53, abs=0.01)
    assert finding.chinese.startswith("全社会固定资产投资报送完成全年目标的80%")


def test_growth_not_on_the_targets_basis_is_a_finding(sample_store: Store) -> None:
    add_figures(sample_store, ("420106", "地方一般公共预算收入", "2017H1", "yoy_growth", 40, "%"))
    with sample_store.reading() as session:
        result = assess_region(session, "420106", "2017H1")
    [finding] = [f for f in result.findings if f.kind == "basis_mismatch"]
    assert finding.indicator == "地方一般公共预算收入"


def test_full_year_amount_met_is_achieved_without_outlook(sample_store: Store) -> None:
    add_figures(
        sample_store,
        ("420106", "全社会固定资产投资", "2017", "value", 231, "亿元"),
        ("420106", "全社会固定资产投资", "2017", "yoy_growth", 12, "%"),
    )
    with sample_store.reading() as session:
        result = assess_region(session, "420106", "2017")
    amount = [a for a in result.assessments if a.kind == "value_at_least"][0]
    assert amount.status == "achieved" and amount.rest_of_year is None
    assert amount.sentence.endswith("全年完成231亿元,同比增长12%,完成全年目标的105.0%。")
    growth = [
        a
        for a in result.assessments
        if a.indicator == "全社会固定资产投资" and a.kind == "growth_at_least"
    ][0]
    assert growth.status == "achieved"


def test_relation_without_the_other_growth_is_unknown(sample_store: Store) -> None:
    add_plan(
        sample_store,
        {
            "region": "武昌区",
            "year": 2017,
            "targets": [
                {
                    "indicator": "城镇居民人均可支配收入",
                    "kind": "relation",
                    "other": "一般公共预算支出",
                }
            ],
        },
    )
    with sample_store.reading() as session:
        [income] = assess_region(session, "420106", "2017H1").assessments
    assert income.status == "unknown"
    assert "no 2017H1 growth rate for 一般公共预算支出" in income.reason
