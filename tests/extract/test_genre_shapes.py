"""Shapes of the genres set (budget reports, annual analyses, old national reports), each
stated as the general rule it is, with sentences of the kind, not of one document."""

from __future__ import annotations

from planwatch.extract import extract_text


def facts(text: str) -> list[tuple[str | None, str, float | None, str | None]]:
    return [(f.subject, f.measure, f.value, f.unit) for f in extract_text(text).facts]


def test_sectors_listed_before_one_measure_share_only_the_measure_noun() -> None:
    found = facts("农业、林业和农林牧渔业专业及辅助性活动产值同比分别增长2.1%、21.9%和9.4%。")
    assert [s for s, *_ in found] == ["农业产值", "林业产值", "农林牧渔业专业及辅助性活动产值"]


def test_the_compared_figure_is_no_part_of_the_subject() -> None:
    found = facts("某县工业总产值同比增长17.6%，增速高于全州11.9个百分点，占全州的10.2%。")
    assert found[1][1:] == ("pp_change", 11.9, "个百分点")
    assert found[1][0] is not None and "全州" not in found[1][0]


def test_adverbs_of_time_are_no_part_of_the_subject() -> None:
    found = facts("到一九三五年，年产量才增加到一千零二万吨。")
    assert found and found[0][0] == "年产量"


def test_a_review_heading_closes_the_plans_of_a_work_report_title() -> None:
    text = (
        "2026年某省政府工作报告\n“十四五”时期工作回顾\n刚刚过去的2025年，地区生产总值增长5.8%。\n"
    )
    found = extract_text(text).facts
    assert [(f.measure, f.value, f.period) for f in found] == [("yoy_growth", 5.8, "2025")]


def test_a_rate_of_the_budget_is_completion_of_the_item() -> None:
    found = facts("税收收入完成1381835万元，为预算的109.5%，增长22.38%。")
    assert [m for _, m, _, _ in found] == ["value", "completion", "yoy_growth"]
    assert {s for s, *_ in found} == {"税收收入"}


def test_a_level_reached_takes_the_topic_not_the_verb() -> None:
    text = "一九五八年国民经济发展情况的公报\n工业所占的比重，一九五二年为百分之四十一点五，一九五七年上升为百分之五十六点五。"
    found = facts(text)
    assert [(m, v) for _, m, v, _ in found] == [("share", 41.5), ("share", 56.5)]
    assert {s for s, *_ in found} == {"工业所占的比重"}


def test_a_plan_beaten_by_a_rate_keeps_the_thing_as_subject() -> None:
    text = "基本建设投资总额共为四百九十三亿元，超过原定计划四百二十七亿四千万元的百分之十五点三。"
    found = facts(text)
    assert [m for _, m, _, _ in found] == ["value", "target_value", "change"]
    assert found[1][0] == "基本建设投资总额原定计划"
    assert found[2][0] == "基本建设投资总额"


def test_a_list_of_examples_names_the_measure_after_it() -> None:
    found = facts("粮食、棉花、烤烟等产品的产量，也都比一九五七年增长一倍以上。")
    assert found and found[0][0] == "粮食、棉花、烤烟等产品的产量"


def test_ranges_give_both_bounds_with_the_unit_written_once() -> None:
    assert [(v, u, q) for *_, v, u, q in _bounds("地区生产总值增长6-6.5%。")] == [
        (6.0, "%", "at_least"),
        (6.5, "%", "at_most"),
    ]
    assert [(v, q) for *_, v, _, q in _bounds("研发投入强度提高3～5个百分点。")] == [
        (3.0, "at_least"),
        (5.0, "at_most"),
    ]
    assert [(v, q) for *_, v, _, q in _bounds("经济增长6%～7%。")] == [
        (6.0, "at_least"),
        (7.0, "at_most"),
    ]
    assert _bounds("0-15岁人口，K2-1地块，2017-2020年") == []


def test_number_shapes_of_converted_and_typed_reports() -> None:
    assert [(v, u) for *_, v, u, _ in _bounds("完成GDP4408.1亿元。")] == [(4408.1, "亿元")]
    assert [(v, u) for *_, v, u, _ in _bounds("全市完成投资1,421, 486万元。")] == [
        (1421486.0, "万元")
    ]
    parts = _bounds("三次产业结构为1.2∶36.6∶62.2。")
    assert [(s, v) for s, v, *_ in parts] == [
        ("第一产业", 1.2),
        ("第二产业", 36.6),
        ("第三产业", 62.2),
    ]


def _bounds(text: str) -> list[tuple[str | None, float | None, str | None, str | None]]:
    return [(f.subject, f.value, f.unit, f.qualifier) for f in extract_text(text).facts]


def test_a_range_of_a_listed_subject_keeps_the_whole_subject() -> None:
    found = _bounds("创建旅游度假区、旅游休闲街区2-3家。")
    assert [(s, v, q) for s, v, _, q in found] == [
        ("创建旅游度假区、旅游休闲街区", 2.0, "at_least"),
        ("创建旅游度假区、旅游休闲街区", 3.0, "at_most"),
    ]


def test_items_inside_brackets_and_talent_keep_their_names() -> None:
    found = _bounds("其中，客运车辆6694辆（含公交车2990辆，巡游出租车2252辆）。高层次人才47万人。")
    names = [s or "" for s, *_ in found]
    assert len(names) == 4 and not any(ch.isdigit() for name in names for ch in name)
    assert names[2] == "巡游出租车" and names[3] == "高层次人才"


def test_a_line_introducing_a_list_keeps_the_plan_section_open() -> None:
    text = (
        "（三）一九五八年国民经济各部门发展计划的安排\n"
        "各工业部门的建设情况是这样：\n"
        "冶金工业部有五十七个建设项目。\n"
    )
    found = extract_text(text).facts
    assert [(f.measure, f.value) for f in found] == [("target_value", 57.0)]


def test_medals_won_at_a_games_are_of_that_games_whatever_the_verb() -> None:
    for verb in ("获得", "取得", "夺得"):
        found = facts(f"本市运动员在亚运会上{verb}12枚金牌。")
        assert found == [("亚运会金牌", "value", 12.0, "枚")], verb


def test_a_product_before_its_change_verb_is_named_as_written() -> None:
    found = facts("主要产品的产量都有增长：生铁增长23%，钢增长28%。钢产量620万吨。")
    assert [s for s, *_ in found] == ["生铁", "钢", "钢产量"]
    assert facts("例如，一九五七年比一九五二年，煤增加了六千万吨。")[0][0] == "煤"
    assert facts("主要产品产量：钢620万吨，纸52万吨。")[1][0] == "纸产量"


def test_a_count_after_a_preposition_or_of_a_survey_names_what_is_counted() -> None:
    assert facts("根据2020年对320个重点企业的统计，节约资金2亿元。")[0][0] == "重点企业"
    assert facts("向300家小微企业发放补贴。")[0][0] == "小微企业发放补贴"
    assert facts("有效应对14轮强降雨。")[0][0] == "有效应对强降雨"
    assert facts("累计120所学校参与、覆盖学生约5万人。")[0][0] == "学校参与"
    assert facts("20家企业和2个项目入选目录。")[0][0] == "企业"


def test_a_counted_head_after_listed_descriptors_is_the_subject() -> None:
    found = facts("进一步组成了2万多个大规模的、多种经营相结合的人民公社。")
    assert found[0][0] is not None and found[0][0].endswith("人民公社")


def test_a_congress_session_is_an_ordinal_but_meetings_held_are_counted() -> None:
    assert facts("本年预算经市四届人大二次会议审查批准。") == []
    assert facts("十四届全国人大三次会议审议通过了计划。") == []
    assert facts("全年召开常务会议12次，召开3次会议研究。") == [
        ("召开常务会议", "value", 12.0, "次"),
        ("召开会议研究", "value", 3.0, "次"),
    ]


def test_acts_of_executing_receiving_and_firsts_are_no_part_of_the_subject() -> None:
    assert facts("教育支出执行73196万元，为预算的97.79%。")[0][0] == "教育支出"
    assert facts("各项税收共收到127亿元，其中工商税收到87亿元。")[1][0] == "工商税"
    assert facts("外贸进出口总值首次突破700亿元。")[0][0] == "外贸进出口总值"
    assert facts("粮食总产量首次突破35万吨，达到36.05万吨。")[1][0] == "粮食总产量"


def test_a_subject_keeps_its_decimals_and_administrative_brackets_but_no_leading_de() -> None:
    assert facts("其中4.5吨以上普通货车15840辆。")[0][0] == "4.5吨以上普通货车"
    assert facts("分配县（市、区）1897220万元。")[0][0] == "分配县（市、区）"
    assert facts("一九五八年的职工工资总额，计划安排为一百五十八亿元。")[0][0] == "职工工资总额"
    listed = facts("3个县增速分别高于全州平均水平3.2、2.7、2.4个百分点。")
    assert [s for s, *_ in listed] == ["县增速"] * 4


def test_industries_listed_before_one_industry_measure_share_it() -> None:
    found = facts("新材料、生物医药产业产值分别增长19.6%、8.5%。")
    assert [s for s, *_ in found] == ["新材料产业产值", "生物医药产业产值"]


def test_a_spaced_out_title_over_two_lines_names_the_year_reviewed() -> None:
    text = (
        "关  于  某  市  2025年  国  民  经  济  和  社  会  发  展  计  划\n"
        "执  行  情  况  与  2026年  计  划  草  案  的  报  告\n"
        "一、2025年计划执行情况\n"
        "全市地区生产总值增长5.1%。\n"
        "二、2026年主要目标\n"
        "地区生产总值增长5%左右。\n"
        "40\n"
        "（一）扩大内需\n"
        "新增养老床位1000张。\n"
    )
    extraction = extract_text(text)
    assert extraction.document.year == 2025
    assert extraction.document.title is not None and extraction.document.title.startswith(
        "关于某市"
    )
    read = [(f.measure, f.period) for f in extraction.facts]
    assert read == [("yoy_growth", "2025"), ("target_growth", "2026"), ("target_value", "2026")]


def test_ages_and_spans_of_years_are_no_measurements_but_a_life_expectancy_is() -> None:
    assert facts("为65周岁以上老人发放补贴。空气质量连续11年达标。") == []
    assert facts("人均预期寿命79.2岁，比上年提高0.3岁。") == [
        ("人均预期寿命", "value", 79.2, "岁"),
        ("人均预期寿命", "change", 0.3, "岁"),
    ]


def test_one_unit_after_a_listed_run_of_numbers_applies_to_each() -> None:
    found = facts("产业发展良好，甲、乙、丙三县分别拉动增长0.6、2.0、3.4个百分点。")
    assert [(v, u) for *_, v, u in found] == [
        (0.6, "个百分点"),
        (2.0, "个百分点"),
        (3.4, "个百分点"),
    ]


def test_the_year_of_constant_prices_is_no_period_but_in_a_year_set_off_is() -> None:
    text = (
        "一九五七年工业总产值预计达到六百二十八亿元（按一九五二年不变价格计算），增长百分之六点九。"
    )
    assert [f.period for f in extract_text(text).facts] == ["1957", "1957"]
    text = "在一九五二年，工业总产值（按一九五二年的不变价格计算）比一九四九年增长了百分之七十七。"
    assert [f.period for f in extract_text(text).facts] == ["1952"]
    text = "2025年地区生产总值按2020年价格计算增长5%。"
    assert [(f.subject, f.period) for f in extract_text(text).facts] == [("地区生产总值", "2025")]


def test_the_total_after_the_newly_added_is_of_the_things_themselves() -> None:
    found = facts("新增国家级绿色工厂14家，累计81家。新增就业1.2万人，累计达到30万人。")
    assert [s for s, *_ in found] == [
        "新增国家级绿色工厂",
        "国家级绿色工厂",
        "新增就业",
        "新增就业",
    ]
    assert facts("新增加的炼制能力二万吨以上。")[0][0] == "新增加的炼制能力"


def test_share_words_and_a_topic_clause_predicate_are_no_part_of_the_subject() -> None:
    assert facts("国营商业所占的比重由1954年的74%上升到82%。")[0][0] == "国营商业"
    found = facts("有色金属矿采选业快速增长，同比增长23.9%。")
    assert found[0][0] == "有色金属矿采选业"
    found = facts("小学生，一九五二年有五千一百多万人，一九五七年已经有六千四百多万人。")
    assert [s for s, *_ in found] == ["小学生", "小学生"]


def test_a_count_of_a_plans_authors_measures_nothing() -> None:
    found = facts("按照财政部等六部委制定的《工作方案》要求，化解债务12亿元。")
    assert [v for *_, v, _ in found] == [12.0]
    found = facts("按照中央17个部培养熟练工人的计划，受训练的工人将达71万人。")
    assert [v for *_, v, _ in found] == [71.0]


def test_a_capacity_describing_a_machine_or_plant_is_no_amount() -> None:
    assert facts("试制成功1万千瓦的水轮发电机、6,000千瓦的发电设备和54马力的拖拉机。") == []
    assert facts("全年新增发电装机容量120万千瓦。") == [
        ("新增发电装机容量", "value", 120.0, "万千瓦")
    ]


def test_a_total_keeps_its_name() -> None:
    found = facts("1955年本年收入合计27亿元，本年支出合计29亿元。")
    assert [s for s, *_ in found] == ["收入合计", "支出合计"]


def test_a_review_heading_of_a_work_report_looks_back_on_the_year_before() -> None:
    text = (
        "2026年某省政府工作报告\n"
        "“十四五”时期工作回顾\n"
        "新建高标准农田140万亩。\n"
        "2026年工作安排\n"
        "新建高标准农田150万亩。\n"
    )
    found = extract_text(text).facts
    assert [(f.measure, f.period) for f in found] == [("value", "2025"), ("target_value", "2026")]


def test_an_amount_stated_as_a_base_years_is_of_that_year() -> None:
    text = "一九五七年工业总产值达到一千三百亿元，比一九五二年的八百亿元增长百分之六十八。"
    assert [f.period for f in extract_text(text).facts] == ["1957", "1952", "1957"]
    text = "常住人口城镇化率由2020年的52.2%提高到2025年的58.1%。"
    read = [(f.subject, f.period) for f in extract_text(text).facts]
    assert read == [("常住人口城镇化率", "2020"), ("常住人口城镇化率", "2025")]


def test_a_year_written_after_zai_is_the_time_unless_it_is_a_base() -> None:
    text = "由于计划的完成，我国的工农业总产值在一九五七年达到了一千三百八十七亿元。"
    assert [f.period for f in extract_text(text).facts] == ["1957"]
    text = "2025年全市生产总值在2020年的基础上增长30%。"
    assert [f.period for f in extract_text(text).facts] == ["2025"]


def test_listed_parts_that_name_their_own_measure_take_no_head_and_spaces_no_place() -> None:
    found = facts("事故起数、死亡人数、直接经济损失分别下降36.7%、38.8%、39.1%。")
    assert [s for s, *_ in found] == ["事故起数", "死亡人数", "直接经济损失"]
    assert facts("新建  5G-A通信基站  1.2万个。")[0][0] == "新建5G-A通信基站"


def test_figures_counted_so_far_inside_a_plan_section_are_results() -> None:
    text = "（三）2026年的计划安排\n据统计局统计，到5月份为止，全市投资完成年计划的27%，比去年同期增长68%。\n全年投资增长10%。\n"
    read = [(f.measure, f.value) for f in extract_text(text).facts]
    assert read == [("completion", 27.0), ("yoy_growth", 68.0), ("target_growth", 10.0)]
