"""Plans stated without a planning heading, and numbers that measure nothing.

Every sentence here is written for the test; none is taken from a corpus document.
"""

from __future__ import annotations

import pytest

from planwatch.extract import extract_text
from planwatch.extract.model import DocumentInfo

WORK_REPORT = DocumentInfo(title="2031年某县人民政府工作报告")
HALF_YEAR = DocumentInfo(title="关于某区2031年上半年国民经济和社会发展计划执行情况的报告")
COMMUNIQUE = DocumentInfo(title="2031年某市国民经济和社会发展统计公报")

Row = tuple[str | None, str | None, str, float | None, str | None, str | None]


def rows(text: str, info: DocumentInfo) -> list[Row]:
    return [
        (f.subject, f.period, f.measure, f.value, f.unit, f.qualifier)
        for f in extract_text(text, info).facts
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "今年要新增城镇就业八千人。",
            ("新增城镇就业", "2031", "target_value", 8000.0, "人", None),
        ),
        (
            "今年我们将新建口袋公园12个。",
            ("新建口袋公园", "2031", "target_value", 12.0, "个", None),
        ),
        ("全年粮食产量预计增长2%左右。", ("粮食产量", "2031", "target_growth", 2.0, "%", "approx")),
        (
            "今年，力争实现外贸进出口额300亿元以上。",
            ("外贸进出口额", "2031", "target_value", 300.0, "亿元", "at_least"),
        ),
    ],
)
def test_a_work_report_dates_its_own_year_ahead(text: str, expected: Row) -> None:
    assert rows(text, WORK_REPORT) == [expected]


def test_an_achieved_result_in_a_work_report_stays_achieved() -> None:
    found = rows("去年全县新增城镇就业7600人，已完成造林4.5万亩。", WORK_REPORT)
    assert [row[2] for row in found] == ["value", "value"]
    assert found[0][1] == "2030"


def test_a_list_of_expected_goals_is_read_as_targets() -> None:
    found = rows(
        "今年主要预期目标是：全县生产总值增长6%左右，城镇调查失业率控制在5%以内。", WORK_REPORT
    )
    assert [(row[2], row[3], row[5]) for row in found] == [
        ("target_growth", 6.0, "approx"),
        ("target_value", 5.0, "at_most"),
    ]


def test_the_second_half_and_the_whole_year_forecast_are_plans() -> None:
    found = rows("下半年要新开工项目36个。预计全年税收收入可达18亿元。", HALF_YEAR)
    assert found == [
        ("新开工项目", "2031H2", "target_value", 36.0, "个", None),
        ("税收收入", "2031", "target_value", 18.0, "亿元", None),
    ]


def test_an_estimate_of_the_closing_half_is_still_a_result() -> None:
    found = rows("上半年社会消费品零售总额预计完成51亿元。", HALF_YEAR)
    assert found == [("社会消费品零售总额", "2031H1", "value", 51.0, "亿元", None)]


def test_the_object_mark_jiang_is_no_future_tense() -> None:
    found = rows("将排查出的47处隐患全部整改到位。", COMMUNIQUE)
    assert [row[2] for row in found] == ["value"]


def test_an_amount_saved_is_a_positive_amount() -> None:
    # saving names the amount kept, not a change against a base: a value, never negative
    assert rows("政府采购节约财政资金三亿元。", COMMUNIQUE) == [
        ("政府采购节约财政资金", "2031", "value", 300_000_000.0, "元", None)
    ]
    found = rows("这样，全年将为财政节约资金九千万元。", COMMUNIQUE)
    assert [(row[2], row[3]) for row in found] == [("target_value", 90_000_000.0)]


def test_a_saving_rate_is_still_a_cut() -> None:
    found = rows("办公经费比上年节约百分之八。", COMMUNIQUE)
    assert [(row[2], row[3]) for row in found] == [("yoy_growth", -8.0)]


def test_a_count_of_items_just_named_is_no_fact() -> None:
    text = "甲类收入增加一亿元，乙类收入减少四千万元。两项增减相抵，净增六千万元。"
    assert [row[3] for row in rows(text, COMMUNIQUE)] == [
        100_000_000.0,
        -40_000_000.0,
        60_000_000.0,
    ]
    assert rows("上述5个项目均已投产。", COMMUNIQUE) == []
    assert rows(text, COMMUNIQUE)[-1][0] != "两项增减相抵"


def test_a_ratio_of_two_quantities_is_no_pair_of_shares() -> None:
    assert rows("园区工业产值与农业产值之比突破2：1。", COMMUNIQUE) == []


def test_a_structure_ratio_still_splits_into_shares() -> None:
    found = rows("全市三次产业结构为3.5：40.1：56.4。", COMMUNIQUE)
    assert [(row[0], row[2], row[3]) for row in found] == [
        ("第一产业", "share", 3.5),
        ("第二产业", "share", 40.1),
        ("第三产业", "share", 56.4),
    ]


def test_a_hypothetical_use_of_money_is_no_result() -> None:
    text = "这笔结余如用于修路，则可以新修村道二百公里。节约的用水量相当于两万人一年的用量。"
    assert rows(text, COMMUNIQUE) == []
    text = "假如投向水利，就能修水库两座，或八个灌区。"
    assert rows(text, COMMUNIQUE) == []


def test_an_example_list_after_ru_is_still_measured() -> None:
    found = rows("主要产品中，如水泥增长5%，钢材增长3%。", COMMUNIQUE)
    assert [(row[0], row[2], row[3]) for row in found] == [
        ("水泥", "yoy_growth", 5.0),
        ("钢材", "yoy_growth", 3.0),
    ]
    assert rows("如东县生产总值增长6%。", COMMUNIQUE)[0][0] == "如东县生产总值"


def test_a_standard_volume_unit() -> None:
    found = rows("全年快递业务总量2.35亿标准量，比上年增长6.2%。", COMMUNIQUE)
    assert found[0] == ("快递业务总量", "2031", "value", 2.35, "亿标准量", None)


def test_a_closed_half_inside_a_plan_section_stays_achieved() -> None:
    text = "三、下半年工作安排\n上半年完成了投资40亿元，实现了营业收入5亿元。下半年计划完成投资50亿元。\n"
    found = rows(text, HALF_YEAR)
    assert found == [
        ("投资", "2031H1", "value", 40.0, "亿元", None),
        ("营业收入", "2031H1", "value", 5.0, "亿元", None),
        ("投资", "2031H2", "target_value", 50.0, "亿元", None),
    ]


def test_a_work_report_heading_on_its_own_year_opens_plans() -> None:
    text = (
        "一、2030年工作回顾\n全县生产总值增长6%。\n二、2031年政府工作\n年内完成棚户区改造900户。\n"
    )
    found = rows(text, WORK_REPORT)
    assert [(row[1], row[2]) for row in found] == [("2030", "yoy_growth"), ("2031", "target_value")]


def test_a_next_steps_heading_opens_plans() -> None:
    found = rows("四、下一步工作思路\n全面完成征地1200亩。\n", HALF_YEAR)
    assert [row[2] for row in found] == ["target_value"]


def test_a_comparison_with_the_plan_is_no_plan() -> None:
    found = rows("去年新增停车位3200个、比年度计划多一倍，公交分担率超过40%。", WORK_REPORT)
    assert [(row[2], row[3]) for row in found] == [("value", 3200.0), ("share", 40.0)]


def test_a_work_report_target_without_a_date_is_for_its_year() -> None:
    assert rows("确保粮食产量稳定在60万吨以上。", WORK_REPORT) == [
        ("粮食产量", "2031", "target_value", 60.0, "万吨", "at_least")
    ]


def test_within_the_year_is_a_plan_only_while_the_year_is_open() -> None:
    text = "年内建成口袋公园15个。"
    assert [row[2] for row in rows(text, WORK_REPORT)] == ["target_value"]
    assert [row[2] for row in rows(text, HALF_YEAR)] == ["target_value"]
    assert [row[2] for row in rows(text, COMMUNIQUE)] == ["value"]


def test_a_next_stage_heading_opens_plans() -> None:
    found = rows("三、下一阶段工作重点\n新建充电桩200个。\n", COMMUNIQUE)
    assert [row[2] for row in found] == ["target_value"]


def test_a_work_report_review_of_last_year_holds_results() -> None:
    found = rows("去年，积极争取中央预算内资金12亿元，确保重点项目开工96个。", WORK_REPORT)
    assert [(row[1], row[2]) for row in found] == [("2030", "value"), ("2030", "value")]


def test_a_saving_carries_no_hedge_and_a_floor_before_its_verb() -> None:
    found = rows("这样，每年将至少为财政节约四亿元。", COMMUNIQUE)
    assert [(row[2], row[3], row[5]) for row in found] == [
        ("target_value", 400_000_000.0, "at_least")
    ]
    found = rows("政府采购节约资金约3亿元。", COMMUNIQUE)
    assert [row[5] for row in found] == ["approx"]


def test_a_work_report_may_cite_its_year_so_far() -> None:
    found = rows("今年1-2月，全县规上工业增加值增长8.5%。", WORK_REPORT)
    assert [(row[1], row[2]) for row in found] == [("2031M02", "yoy_growth")]
