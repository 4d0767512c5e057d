"""Shapes of stating numbers that the golds rarely show: multiples, plan tenses, lists.

Every sentence here is written for the test; none is taken from a corpus document.
"""

from __future__ import annotations

import pytest

from planwatch.extract import extract_text
from planwatch.extract.model import DocumentInfo

COMMUNIQUE = DocumentInfo(title="2024年某市国民经济和社会发展统计公报")
PLAN = DocumentInfo(title="关于某县2023年国民经济和社会发展计划执行情况的报告")
FIVE_YEAR = DocumentInfo(title="关于发展国民经济的第一个五年计划的报告")

Row = tuple[str | None, str, float | None, str | None, str | None]


def rows(text: str, info: DocumentInfo = COMMUNIQUE) -> list[Row]:
    return [
        (f.subject, f.measure, f.value, f.unit, f.qualifier) for f in extract_text(text, info).facts
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # facts.md, the harder shapes: 增长两倍 keeps its unit 倍 as written
        ("全年出口额比上年增长2倍。", [("出口额", "yoy_growth", 2.0, "倍", None)]),
        ("全年客运量增长0.8倍。", [("客运量", "yoy_growth", 0.8, "倍", None)]),
        ("光伏组件产量增长1.5倍。", [("光伏组件产量", "yoy_growth", 1.5, "倍", None)]),
    ],
)
def test_a_growth_multiple_is_a_growth_in_times(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected


def test_a_chinese_multiple_and_its_hedge() -> None:
    found = rows(
        "届时，港口吞吐量将达到九千万吨，比基期增长一倍；集装箱量增长将近二倍。", FIVE_YEAR
    )
    assert found[1] == ("港口吞吐量", "target_growth", 1.0, "倍", None)
    assert found[2] == ("集装箱量", "target_growth", 2.0, "倍", "approx")


def test_a_bare_multiple_states_no_growth() -> None:
    assert rows("出口总额是上年的1.5倍。") == []
    assert rows("商品房成交量为去年的数倍。") == []


def test_a_plan_future_tense_makes_targets() -> None:
    found = rows("化肥产量拟定为三百万吨，将比上年增长百分之十一。", FIVE_YEAR)
    assert found == [
        ("化肥产量", "target_value", 3_000_000.0, "吨", None),
        ("化肥产量", "target_growth", 11.0, "%", None),
    ]


def test_an_achieved_change_inside_a_plan_text_is_no_target() -> None:
    text = "上年计划都已超额完成，纺织品产值比基期增长了百分之四十二，单位成本已降低百分之七。"
    found = rows(text, FIVE_YEAR)
    # against the base period, not last year: a change in % (facts.md, the harder shapes)
    assert ("纺织品产值", "change", 42.0, "%", None) in found
    assert ("单位成本", "yoy_growth", -7.0, "%", None) in found


def test_a_plan_to_complete_stays_a_target() -> None:
    found = rows("全年投资计划完成80亿元以上。", PLAN)
    assert found == [("投资", "target_value", 80.0, "亿元", "at_least")]


def test_a_list_of_spelled_percentages_spreads_over_the_topic_clause() -> None:
    found = rows("纸张和食糖的产量，都将分别增长百分之六和百分之九。", FIVE_YEAR)
    assert [(s, v) for s, _, v, _, _ in found] == [("纸张的产量", 6.0), ("食糖的产量", 9.0)]


def test_a_clause_with_its_own_number_is_no_topic() -> None:
    found = rows("原油产量拟定为两千万吨，将比上年增长百分之七。", FIVE_YEAR)
    assert found[1][0] == "原油产量"


def test_a_rate_before_its_noun_names_it() -> None:
    found = rows("新建学校12所，82.5%的小学毕业生升入初中。")
    assert found[1] == ("小学毕业生升入初中", "share", 82.5, "%", None)


def test_levels_from_one_year_to_another() -> None:
    text = "二是轻工业在全部工业产值中所占的比重，已由2010年的38%上升到2015年的43%。"
    found = extract_text(text, FIVE_YEAR).facts
    assert [(f.subject, f.value) for f in found] == [
        ("轻工业在全部工业产值中所占的比重", 38.0),
        ("轻工业在全部工业产值中所占的比重", 43.0),
    ]


@pytest.mark.parametrize(("phrase", "code"), [("二季度", "2023Q2"), ("第三季度", "2023Q3")])
def test_a_single_quarter_names_its_period(phrase: str, code: str) -> None:
    found = extract_text(f"{phrase}规模以上工业增加值增长6.1%。", PLAN).facts
    assert [(f.subject, f.period) for f in found] == [("规模以上工业增加值", code)]


def test_voyages_are_a_unit() -> None:
    assert rows("全年服务科考船120航次。") == [("服务科考船", "value", 120.0, "航次", None)]


def test_a_bare_item_in_a_run_measures_what_its_sibling_did() -> None:
    found = rows("苹果种植面积20.5万亩，梨3.2万亩，利润下降3%。")
    assert [s for s, *_ in found] == ["苹果种植面积", "梨种植面积", "利润"]


def test_a_range_of_rates_keeps_both_bounds_positive() -> None:
    found = rows("研发投入年均增长3%-5%。", DocumentInfo(title="2025年某省政府工作报告"))
    assert [(v, q) for _, _, v, _, q in found] == [(3.0, "at_least"), (5.0, "at_most")]
    assert {m for _, m, *_ in found} == {"yoy_growth"}


def test_permille_points_are_a_change_in_points() -> None:
    found = rows("人口出生率为6.5‰，比上年下降0.4个千分点。")
    assert found[1] == ("人口出生率", "pp_change", -0.4, "个千分点", None)


@pytest.mark.parametrize("base", ["为上年同期的", "相当于上年的"])
def test_the_base_of_a_relative_level_is_no_part_of_the_subject(base: str) -> None:
    assert rows(f"全年旅游收入{base}105%。")[0][:3] == ("旅游收入", "share", 105.0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全市路网密度120.5公里/百平方公里。", ("路网密度", 120.5, "公里/百平方公里")),
        ("全年引进新药30款。", ("引进新药", 30.0, "款")),
        ("全年入境游客人次12.4万、收入9.1亿元。", ("入境游客人次", 12.4, "万")),
    ],
)
def test_rate_units_counters_and_a_scale_alone(text: str, expected: tuple[str, float, str]) -> None:
    subject, _, value, unit, _ = rows(text)[0]
    assert (subject, value, unit) == expected


def test_a_size_class_is_no_amount() -> None:
    assert [v for _, _, v, *_ in rows("建成200万吨级码头，投资12亿元。")] == [12.0]


def test_towns_and_countryside_split_a_list_in_that_order() -> None:
    found = rows("城乡居民人均消费支出分别为30120元和15870元。")
    assert [(s, v) for s, _, v, *_ in found] == [
        ("城镇居民人均消费支出", 30120.0),
        ("农村居民人均消费支出", 15870.0),
    ]


def test_tenths_before_a_noun_are_its_share() -> None:
    found = rows("八成以上的自然村通了光纤。")
    assert found == [("自然村通了光纤", "share", 80.0, "%", "at_least")]


def test_weather_units() -> None:
    found = rows("全年平均气温16.2℃，降水量980毫米。")
    assert [(v, u) for _, _, v, u, _ in found] == [(16.2, "℃"), (980.0, "毫米")]


def test_a_yield_is_no_product() -> None:
    found = rows("全年油料产量12.5万吨，亩产180公斤。")
    assert found[1][0] == "亩产"


def test_enrolment_figures_belong_to_the_schools_counted_before() -> None:
    found = rows("职业高中12所，招生0.9万人，增长3.1%；在校生2.6万人。")
    assert [s for s, *_ in found] == ["职业高中", "职业高中招生", "职业高中招生", "职业高中在校生"]


def test_a_colon_puts_its_measure_over_the_listed_items() -> None:
    found = rows("明年录取人数，初步估算为：本科四万人，专科九万人。", FIVE_YEAR)
    assert [s for s, *_ in found] == ["本科录取人数", "专科录取人数"]


def test_a_share_of_two_together_keeps_both_names() -> None:
    found = rows("到期末，集体企业和民营企业将占百分之四十五。", FIVE_YEAR)
    assert found == [("集体企业和民营企业", "target_value", 45.0, "%", None)]


def test_a_net_increase_is_a_change() -> None:
    assert rows("全年市场主体净增1.2万户。")[0][1:3] == ("change", 1.2)


def test_a_rate_of_a_yardstick_with_its_amount_is_completion() -> None:
    found = rows("全年造林面积8.1万亩，占总任务7.5万亩的108%。")
    assert [(m, v) for _, m, v, *_ in found] == [
        ("value", 8.1),
        ("target_value", 7.5),
        ("completion", 108.0),
    ]


def test_a_count_of_at_least_n_things_is_no_size_class() -> None:
    found = rows("支持建立3个以上合作机制，引进30亿元以上项目2个。")
    assert [(v, u, q) for _, _, v, u, q in found] == [(3.0, "个", "at_least"), (2.0, "个", None)]


def test_a_rate_names_the_words_after_it_without_de() -> None:
    found = rows("推进改革，60%公办学校纳入集团化管理。")
    assert found == [("公办学校纳入集团化管理", "share", 60.0, "%", None)]


def test_beds_belong_to_the_places_counted_before() -> None:
    found = rows("年末共有敬老院21个，床位1800张。")
    assert [s for s, *_ in found] == ["敬老院", "敬老院床位"]


def test_a_spelled_range_of_planned_cuts() -> None:
    found = rows("运输费用，今后每年都应当力求压缩百分之四到百分之六。")
    assert [(m, v, q) for _, m, v, _, q in found] == [
        ("target_reduction", 4.0, "at_least"),
        ("target_reduction", 6.0, "at_most"),
    ]


def test_a_plant_named_by_its_capacity_counts_nothing() -> None:
    found = rows("足够兴建一座年产八十万吨化肥的工厂，或者二十座三万千瓦规模的水电站。")
    assert found == []


def test_beating_a_plan_by_a_rate_is_a_change_against_the_plan() -> None:
    # facts.md, the harder shapes: 超年度计划28% is a change of 28, not a completion of 128
    found = rows("手工业产值达到九十亿元，超过年度计划百分之二点六，比上年增长百分之五点二。")
    assert [(m, v) for _, m, v, *_ in found] == [
        ("value", 9e9),
        ("change", 2.6),
        ("yoy_growth", 5.2),
    ]
    assert {s for s, *_ in found} == {"手工业产值"}


def test_old_metric_units() -> None:
    found = rows("砂石增产了约八十万立方公尺，新建住宅二百万平方公尺。")
    assert [u for *_, u, _ in found] == ["立方公尺", "平方公尺"]


def test_a_past_or_standing_level_in_a_plan_is_no_target() -> None:
    found = rows(
        "行政开支的比重由过去的百分之十八，压到百分之十二；目前仍然占百分之十四。", FIVE_YEAR
    )
    assert [(m, v) for _, m, v, *_ in found if v != 12.0] == [("share", 18.0), ("share", 14.0)]
