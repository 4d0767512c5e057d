"""The bundled 武昌区 2017 H1 sample judged target by target, as the H1 report judges it."""

from __future__ import annotations

import json

import pytest

from planwatch.assess import Assessment, RegionAssessment, Thresholds, assess_region
from planwatch.errors import NotFound
from planwatch.store import Store
from tests.assess.helpers import add_figures, add_plan


def assessed(store: Store, period: str = "2017H1", **limits: float) -> RegionAssessment:
    with store.reading() as session:
        return assess_region(session, "武昌区", period, Thresholds(**limits) if limits else None)


def target(result: RegionAssessment, indicator: str, kind: str) -> Assessment:
    [found] = [a for a in result.assessments if a.indicator == indicator and a.kind == kind]
    return found


def test_gdp_growth_below_target_is_slightly_behind(sample_store: Store) -> None:
    gdp = target(assessed(sample_store), "地区生产总值", "growth_at_least")
    assert gdp.status == "slightly_behind"
    assert gdp.gap == pytest.approx(-0.9)
    assert gdp.growth is not None and gdp.growth.value == 8.1
    assert gdp.time_progress == 50.0


def test_fixed_asset_investment_amount_is_ahead_of_time(sample_store: Store) -> None:
    fai = target(assessed(sample_store), "全社会固定资产投资", "value_at_least")
    assert fai.completion == pytest.approx(74.53, abs=0.01)
    assert fai.gap == pytest.approx(24.53, abs=0.01)
    assert fai.status == "on_track"
    assert fai.gap_phrase == "超序时进度24.5个百分点"
    assert fai.sentence == (
        "全年全社会固定资产投资计划完成220亿元以上;上半年完成163.97亿元,同比增长15.61%,"
        "完成全年目标的74.5%,超序时进度24.5个百分点。"
    )


def test_fixed_asset_investment_growth_is_on_track(sample_store: Store) -> None:
    growth = target(assessed(sample_store), "全社会固定资产投资", "growth_at_least")
    assert growth.status == "on_track"
    assert growth.gap == pytest.approx(5.61)


def test_fiscal_revenue_comparable_growth_is_on_track(sample_store: Store) -> None:
    revenue = target(assessed(sample_store), "地方一般公共预算收入", "growth_at_least")
    assert revenue.status == "on_track"
    assert revenue.basis == "comparable"
    assert revenue.growth is not None and revenue.growth.value == 44.7
    assert revenue.actual_phrase == "上半年完成83.8亿元,同口径同比增长44.7%"
    assert revenue.findings == []  # the growth is reported 同口径, as the target asks


def test_investment_attracted_completion(sample_store: Store) -> None:
    attracted = target(assessed(sample_store), "招商引资", "value_at_least")
    assert attracted.completion == pytest.approx(78.96, abs=0.01)
    assert "完成全年目标的79.0%" in attracted.sentence
    assert attracted.status == "on_track"


def test_income_growth_above_gdp_holds(sample_store: Store) -> None:
    income = target(assessed(sample_store), "居民人均可支配收入", "relation")
    assert income.status == "on_track"
    assert income.gap == pytest.approx(1.47)
    assert income.other_indicator == "地区生产总值"
    assert income.other_growth is not None and income.other_growth.value == 8.1
    # the sample report's own words, composable from the parts
    assert income.target_phrase == "全年居民人均可支配收入计划增长速度高于GDP增速"
    assert income.actual_phrase == ("上半年城镇居民人均可支配收入24012元,同比增长9.57%,高于GDP增速")


@pytest.mark.parametrize("indicator", ["单位生产总值能耗", "单位生产总值二氧化碳排放"])
def test_intensity_targets_without_h1_figures_are_unknown(
    sample_store: Store, indicator: str
) -> None:
    intensity = target(assessed(sample_store), indicator, "reduction_at_least")
    assert intensity.status == "unknown"
    assert intensity.reason == f"no 2017H1 reduction figure for {indicator}"
    assert intensity.gap is None and intensity.sources == []
    assert "上半年暂无" in intensity.sentence


def test_report_phrasing_composes_from_parts(sample_store: Store) -> None:
    gdp = target(assessed(sample_store), "地区生产总值", "growth_at_least")
    line = f"——{gdp.target_phrase}。{gdp.actual_phrase}。"
    assert line == "——全年地区生产总值计划增长9%以上。上半年完成525.69亿元,同比增长8.1%。"


def test_sources_are_the_observations_used(sample_store: Store) -> None:
    result = assessed(sample_store)
    fai = target(result, "全社会固定资产投资", "value_at_least")
    assert fai.actual is not None and fai.growth is not None
    assert fai.sources == [fai.actual.observation_id, fai.growth.observation_id]
    assert len(set(fai.sources)) == 2


def test_status_counts_and_json(sample_store: Store) -> None:
    result = assessed(sample_store)
    assert result.status_counts == {
        "behind": 0,
        "slightly_behind": 1,
        "on_track": 5,
        "achieved": 0,
        "unknown": 2,
    }
    data = json.loads(json.dumps(result.as_dict(), ensure_ascii=False))
    assert data["region_code"] == "420106"
    assert data["period_phrase"] == "上半年"
    assert data["assessments"][1]["sources"] == list(
        target(result, "全社会固定资产投资", "value_at_least").sources
    )
    assert data["thresholds"] == {"time_points": 5.0, "growth_points": 1.0, "mismatch_points": 0.5}


def test_thresholds_are_configurable(sample_store: Store) -> None:
    strict = target(assessed(sample_store, growth_points=0.5), "地区生产总值", "growth_at_least")
    assert strict.status == "behind"
    loose = target(assessed(sample_store, time_points=30), "全社会固定资产投资", "value_at_least")
    assert loose.status == "on_track"


def test_a_newer_version_of_a_figure_replaces_the_old(sample_store: Store) -> None:
    add_figures(sample_store, ("420106", "地区生产总值", "2017H1", "yoy_growth", 9.2, "%"))
    gdp = target(assessed(sample_store), "地区生产总值", "growth_at_least")
    assert gdp.growth is not None and gdp.growth.value == 9.2
    assert gdp.status == "on_track"


def test_a_figure_stored_under_an_equivalent_code_is_found(sample_store: Store) -> None:
    add_figures(sample_store, ("420106", "单位生产总值能耗", "2017Q2", "yoy_growth", -3.0, "%"))
    energy = target(assessed(sample_store), "单位生产总值能耗", "reduction_at_least")
    assert energy.gap == pytest.approx(-0.8)
    assert energy.status == "slightly_behind"
    assert energy.actual_phrase == "上半年单位生产总值能耗降低3%"


def test_amount_in_another_unit_is_converted(sample_store: Store) -> None:
    add_figures(sample_store, ("420106", "招商引资", "2017H1", "value", 2_970_000, "万元"))
    attracted = target(assessed(sample_store), "招商引资", "value_at_least")
    assert attracted.completion == pytest.approx(55.0)
    assert attracted.status == "on_track"


def test_amount_past_the_annual_target_is_achieved(sample_store: Store) -> None:
    add_figures(sample_store, ("420106", "招商引资", "2017H1", "value", 560, "亿元"))
    assert target(assessed(sample_store), "招商引资", "value_at_least").status == "achieved"


def test_units_of_different_kinds_leave_the_target_unknown(sample_store: Store) -> None:
    add_figures(sample_store, ("420106", "招商引资", "2017H1", "value", 426.4, "万人"))
    attracted = target(assessed(sample_store), "招商引资", "value_at_least")
    assert attracted.status == "unknown"
    assert attracted.reason == "a figure in 万人 cannot be compared with one in 亿元"


def test_period_without_figures_is_a_clear_error(sample_store: Store) -> None:
    with pytest.raises(NotFound) as raised:
        assessed(sample_store, "2017Q3")
    assert str(raised.value) == (
        "no figures for 武昌区 in 2017Q3: load observations for that period"
    )


def test_year_without_plan_is_a_clear_error(sample_store: Store) -> None:
    with pytest.raises(NotFound) as raised:
        assessed(sample_store, "2018H1")
    assert str(raised.value) == "武昌区 has no plan for 2018: load one with `planwatch plan load`"


CAPS_PLAN = {
    "region": "武昌区",
    "year": 2017,
    "targets": [
        {"indicator": "城镇登记失业率", "kind": "value_at_most", "value": 4, "unit": "%"},
        {"indicator": "全社会固定资产投资", "kind": "value_at_most", "value": 200, "unit": "亿元"},
    ],
}


def test_caps_respect_the_down_direction(sample_store: Store) -> None:
    add_plan(sample_store, CAPS_PLAN)
    result = assessed(sample_store)
    unemployment = target(result, "城镇登记失业率", "value_at_most")
    assert unemployment.status == "on_track"  # 3.2% is within the 4% cap
    assert unemployment.gap == pytest.approx(-0.8)
    assert unemployment.judgement_phrase == "控制在目标以内"
    # 163.97 of a 200 cap after half a year uses it far faster than time passes
    capped = target(result, "全社会固定资产投资", "value_at_most")
    assert capped.completion == pytest.approx(81.99, abs=0.01)
    assert capped.status == "behind"


def test_rate_level_target_is_judged_in_points(sample_store: Store) -> None:
    add_plan(
        sample_store,
        {
            "region": "武昌区",
            "year": 2017,
            "targets": [
                {
                    "indicator": "空气质量优良天数比例",
                    "kind": "value_at_least",
                    "value": 70,
                    "unit": "%",
                }
            ],
        },
    )
    [air] = assessed(sample_store).assessments
    assert air.actual is not None and air.actual.measure == "share"  # stored as 67%
    assert air.gap == pytest.approx(-3.0)
    assert air.status == "behind"
    assert air.judgement_phrase == "低于全年目标3个百分点"


def test_reported_completion_stands_in_for_a_missing_amount(sample_store: Store) -> None:
    add_plan(
        sample_store,
        {
            "region": "武昌区",
            "year": 2017,
            "targets": [
                {
                    "indicator": "一般公共预算支出",
                    "kind": "value_at_least",
                    "value": 60,
                    "unit": "亿元",
                }
            ],
        },
    )
    add_figures(sample_store, ("420106", "一般公共预算支出", "2017H1", "completion", 47, "%"))
    [spending] = assessed(sample_store).assessments
    assert spending.completion == 47 and spending.status == "slightly_behind"
    assert spending.reason.startswith("reported completion share")
    assert len(spending.sources) == 1


def test_price_cap_is_judged_on_the_rise_not_the_index(sample_store: Store) -> None:
    add_plan(
        sample_store,
        {
            "region": "武昌区",
            "year": 2017,
            "targets": [
                {
                    "indicator": "CPI",
                    "kind": "value_at_most",
                    "value": 3,
                    "unit": "%",
                    "qualifier": "approx",
                }
            ],
        },
    )
    add_figures(
        sample_store,
        ("420106", "居民消费价格", "2017H1", "value", 102.1, None),
        ("420106", "居民消费价格", "2017H1", "yoy_growth", 2.1, "%"),
    )
    [cpi] = assessed(sample_store).assessments
    assert cpi.actual is not None and cpi.actual.measure == "yoy_growth"
    assert cpi.status == "on_track" and cpi.gap == pytest.approx(-0.9)
    assert cpi.target_phrase == "全年居民消费价格计划控制在3%左右"


def test_relation_on_a_broad_indicator_is_judged_by_the_narrower_figure(sqlite_store) -> None:  # type: ignore[no-untyped-def]
    """After ingesting the report, the income target sits on 居民…; the district reports 城镇…"""
    from pathlib import Path

    from planwatch.records.ingest import ingest_path

    report = (
        Path(__file__).resolve().parents[2] / "planwatch/sample/wuchang-2017h1-plan-execution.txt"
    )
    ingest_path(sqlite_store, report, accept=True)
    with sqlite_store.reading() as session:
        result = assess_region(session, "武昌区", "2017H1")
    income = next(a for a in result.assessments if a.kind == "relation")
    assert income.indicator == "居民人均可支配收入"
    assert income.status == "on_track"
    assert "城镇居民人均可支配收入 stands in" in income.reason
    assert income.growth is not None and income.growth.value == 9.57
    assert "城镇居民人均可支配收入24012元" in income.sentence
