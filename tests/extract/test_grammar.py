"""The fact grammar on the shapes reports state numbers in (shared/spec/facts.md)."""

from __future__ import annotations

import pytest

from planwatch.extract import extract_text
from planwatch.extract.model import DocumentInfo, Fact

H1 = DocumentInfo(title="关于武昌区2017年上半年国民经济和社会发展计划执行情况的报告")


def facts(text: str, document: DocumentInfo | None = None) -> list[Fact]:
    info = document or DocumentInfo(title=H1.title)
    return extract_text(text, info).facts


def readings(text: str) -> list[tuple[str | None, str, float | None, str | None, str | None]]:
    return [(f.subject, f.measure, f.value, f.unit, f.qualifier) for f in facts(text)]


def test_value_then_growth_carries_the_subject() -> None:
    found = facts("——全年地区生产总值计划增长9%以上。上半年完成525.69亿元,同比增长8.1%。")
    assert [(f.subject, f.measure, f.value, f.qualifier, f.period) for f in found] == [
        ("地区生产总值", "target_growth", 9.0, "at_least", "2017"),
        ("地区生产总值", "value", 525.69, None, "2017H1"),
        ("地区生产总值", "yoy_growth", 8.1, None, "2017H1"),
    ]
    value = found[1]
    assert value.text == "上半年完成525.69亿元"
    assert value.number_span is not None


def test_spans_point_into_the_text() -> None:
    text = "  上半年城镇居民人均可支配收入24012元,同比增长9.57%。"
    for fact in facts(text):
        assert text[fact.span[0] : fact.span[1]] == fact.text
        assert fact.number_span is not None
        assert text[fact.number_span[0] : fact.number_span[1]] in ("24012", "9.57")


@pytest.mark.parametrize(
    ("text", "measure", "value", "unit"),
    [
        ("食品烟酒价格同比下降5.9%。", "yoy_growth", -5.9, "%"),
        ("社会商品零售总额比上年增加225亿元。", "change", 225.0, "亿元"),
        ("每百元资产实现的营业收入为112.4元，减少3.9元。", "change", -3.9, "元"),
        ("常住人口城镇化率比上年末提高0.52个百分点。", "pp_change", 0.52, "个百分点"),
        ("营业收入利润率下降1.2个百分点。", "pp_change", -1.2, "个百分点"),
        ("投资下降3.2%，降幅比1-2月收窄1.5个百分点。", "pp_change", 1.5, "个百分点"),
        ("消费增长3%，增速比上月放缓0.4个百分点。", "pp_change", -0.4, "个百分点"),
        ("人口出生率为7.28‰。", "share", 7.28, "‰"),
        ("征收面积32万平方米,占全年目标的51.8%。", "completion", 51.8, "%"),
        ("还建房竣工10.5万平方米,完成全年目标的150%。", "completion", 150.0, "%"),
        ("居民消费价格指数为102.0。", "value", 102.0, None),
        ("收购商品总额1，992亿元。", "value", 1992.0, "亿元"),
        ("收购商品总额比上年增长１４.５％。", "yoy_growth", 14.5, "%"),
    ],
)
def test_measures(text: str, measure: str, value: float, unit: str | None) -> None:
    last = facts(text)[-1]
    assert (last.measure, last.value, last.unit) == (measure, value, unit)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("城镇新增就业60万人以上。", "at_least"),
        ("投入公益广告宣传40余万元。", "at_least"),
        ("城镇登记失业率控制在3.20%以内。", "at_most"),
        ("农村劳动力省外务工稳定在600万人左右。", "approx"),
        ("完成绿化近10万平方米。", "approx"),
        ("重本率有望突破65%。", "at_least"),
    ],
)
def test_qualifiers(text: str, qualifier: str) -> None:
    assert facts(text)[-1].qualifier == qualifier


def test_respectively_distributes_over_both_lists() -> None:
    found = facts("1-6月份,PM10和PM2.5浓度均值分别同比下降5.9%和13.6%。")
    assert [(f.subject, f.value, f.period) for f in found] == [
        ("PM10浓度均值", -5.9, "2017H1"),
        ("PM2.5浓度均值", -13.6, "2017H1"),
    ]


def test_respectively_over_earlier_facts() -> None:
    found = facts("上半年完成新开工3166套,分配入住3247套,分别占全年目标50.3%、75.6%。")
    completions = [(f.subject, f.value) for f in found if f.measure == "completion"]
    assert completions == [("新开工", 50.3), ("分配入住", 75.6)]


def test_structure_ratio_gives_one_share_per_sector() -> None:
    found = facts("三次产业结构1.2：36.6：62.2。", DocumentInfo(title="2025年郑州市统计公报"))
    assert [(f.subject, f.measure, f.value, f.unit) for f in found] == [
        ("第一产业", "share", 1.2, None),
        ("第二产业", "share", 36.6, None),
        ("第三产业", "share", 62.2, None),
    ]


def test_chinese_numerals_are_converted_only_as_tokens() -> None:
    found = facts("中北路幼儿园等两所新建公办园,开展活动4场,服务近千人次,一般情况良好。")
    assert [(f.value, f.unit) for f in found] == [(2.0, "所"), (4.0, "场"), (1000.0, "人次")]
    assert found[2].qualifier == "approx"


@pytest.mark.parametrize(
    "text",
    [
        "2017年6月29日召开会议。",
        "第六届全国道德模范评选。",
        "轨道交通5号线建设。",
        "“十三五”规划顺利收官。",
        "V+合伙人大厦主体建设完成。",
        "一是完善基础设施建设。",
        "索引号：007482532-03-2018-1979878",
        "引进30亿元以上现代服务业项目。",
        "努力打造三个“升级版”。",
        "推进“一干两支”机场改造。",
        "扎实抓好“十件民生实事”。",
    ],
)
def test_non_measurements_are_left_out(text: str) -> None:
    assert facts(text) == []


def test_comparable_basis() -> None:
    fact = facts("上半年完成83.8亿元,同口径同比增长44.7%。")[-1]
    assert (fact.measure, fact.basis) == ("yoy_growth", "comparable")


def test_periods_from_phrases_and_headings() -> None:
    text = (
        "一、上半年计划执行情况\n截止6月底,全区享受低保5763户;上半年累计发放低保金3356万元。\n"
        "二、下半年工作安排\n建成10公里健身绿道。\n"
    )
    found = facts(text)
    assert [(f.value, f.period, f.measure) for f in found] == [
        (5763.0, "2017M06", "value"),
        (3356.0, "2017H1", "value"),
        (10.0, "2017H2", "target_value"),
    ]


def test_year_end_stock_in_a_communique() -> None:
    info = DocumentInfo(title="2025年郑州市国民经济和社会发展统计公报")
    fact = facts("年末全市常住人口1313.8万人。", info)[0]
    assert (fact.subject, fact.period) == ("常住人口", "2025M12")


def test_document_is_inferred_from_text() -> None:
    extraction = extract_text("2025年贵州省政府工作报告\n一、2024年工作回顾\n新增三级医院22家。\n")
    document = extraction.document
    assert (document.title, document.region, document.year, document.period) == (
        "2025年贵州省政府工作报告",
        "贵州省",
        2025,
        "2025",
    )
    assert extraction.facts[0].period == "2024"


def test_empty_and_odd_text_do_not_raise() -> None:
    for text in ("", "\n\n", "%%%", "１２３", "增长", "分别为、和", "1：2：3"):
        extract_text(text)


def test_planned_relation_has_no_number() -> None:
    text = "——全年居民人均可支配收入计划增长速度高于GDP增速。上半年同比增长9.57%,高于GDP增速。"
    relations = [f for f in facts(text) if f.measure == "target_relation"]
    assert len(relations) == 1
    relation = relations[0]
    assert (relation.subject, relation.value, relation.number_span) == (
        "居民人均可支配收入",
        None,
        None,
    )
    assert relation.relation == {"op": ">", "other": "地区生产总值增速"}
    assert relation.period == "2017"
    assert relation.as_dict()["relation"] == {"op": ">", "other": "地区生产总值增速"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("工业总产值比上一年增长百分之二十五点四。", [("工业总产值", "yoy_growth", 25.4, "%")]),
        ("夏粮减产一成以上。", [("夏粮", "yoy_growth", -10.0, "%")]),
        ("荣获2金2银。", [("金", "value", 2.0, None), ("银", "value", 2.0, None)]),
        ("CPI微降0.1%。", [("CPI", "yoy_growth", -0.1, "%")]),
        ("工业投资增长-2.3%。", [("工业投资", "yoy_growth", -2.3, "%")]),
        ("工业投资同比-2.3%。", [("工业投资", "yoy_growth", -2.3, "%")]),
        ("0-15岁人口234.1万人。", [("0-15岁人口", "value", 234.1, "万人")]),
        (
            "税目比例由21%提升至74%。",
            [("税目比例", "share", 21.0, "%"), ("税目比例", "share", 74.0, "%")],
        ),
    ],
)
def test_numerals_and_verbs_of_many_shapes(
    text: str, expected: list[tuple[str, str, float, str | None]]
) -> None:
    assert [(f.subject, f.measure, f.value, f.unit) for f in facts(text)] == expected


def test_a_unit_written_once_serves_the_whole_list() -> None:
    text = "新增研发机构11个、外资研发中心48个，累计分别达238和317个。"
    found = [(f.subject, f.value, f.unit) for f in facts(text)]
    assert found[2:] == [("新增研发机构", 238.0, "个"), ("外资研发中心", 317.0, "个")]


def test_products_in_an_output_passage_read_as_output() -> None:
    text = "工业产品产量稳定增长。其中，汽车120.5万辆，增长9.6%；铝材776.5万吨，增长5.3%。"
    subjects = [f.subject for f in facts(text, DocumentInfo(title="2025年郑州市统计公报"))]
    assert subjects == ["汽车产量", "汽车产量", "铝材产量", "铝材产量"]


def test_completion_of_a_named_task_in_a_plan() -> None:
    text = "二、2026年重点工作\n完成基础教育优化布局总任务的70%。"
    fact = facts(text, DocumentInfo(title="2026年宁夏回族自治区政府工作报告"))[0]
    assert (fact.measure, fact.value, fact.period) == ("completion", 70.0, "2026")
