"""Text tables: one fact per numeric cell, measure and unit from the header, subject from the row."""

from __future__ import annotations

from planwatch.extract.model import DocumentInfo, Fact
from planwatch.extract.tables import read_tables, table_spans

YEAR_2025 = DocumentInfo(year=2025, period="2025")

# From the 2025 Zhengzhou communiqué (dev corpus 05), with the prose around it.
POPULATION = (
    "人口自然增长率2.19‰。\n"
    "表1 2025年年末郑州市常住人口数及其构成\n"
    "指标\t年末数（万人）\t比重（%）\n"
    "全市常住人口\t1313.8\t100.0\n"
    "其中：城镇\t1071.04\t81.5\n"
    "乡村\t242.76\t18.5\n"
    "其中：男性\t669.5\t51.0\n"
    "女性\t644.3\t49.0\n"
    "其中：0-15岁\t234.1\t17.8\n"
    "16-59岁\t894.3\t68.1\n"
    "60周岁及以上\t185.4\t14.1\n"
    "其中：65周岁及以上\t118.7\t9.0\n"
    "全年全市城镇新增就业人员14.17万人。\n"
)

DEPOSITS = (
    "表2 2025年郑州市金融机构人民币存贷款\n"
    "指标\t年末数（亿元）\t增速（%）\n"
    "各项存款余额\t35239.7\t7.2\n"
    "其中：境内住户存款\t15868.2\t10.6\n"
    "境内非金融企业存款\t9951.4\t6.8\n"
    "各项贷款余额\t41447.6\t3.9\n"
    "其中：住户贷款\t12707.2\t-0.8\n"
    "企事业单位贷款\t28602.1\t6.0\n"
)

# From the Turpan communiqué (dev corpus 08): a unit column and en-space padded labels.
PRODUCTS = (
    "表3 \u20022025年规模以上工业主要工业产品产量表\n"
    "产品名称\t计量单位\t绝对数\t比上年增减（±）%\n"
    "原\u2002\u2002煤\t万吨\t3934.68\t4.2\n"
    "天然气\t亿立方米\t2.41\t-19.6\n"
    "发电量\t亿千瓦小时\t263.58\t2.5\n"
)


def cells(
    text: str, facts: list[Fact]
) -> list[tuple[str | None, str, float | None, str | None, str]]:
    """(subject, measure, value, unit, number text) per fact, checking its spans on the way."""
    out = []
    for fact in facts:
        assert fact.number_span is not None
        assert text[fact.span[0] : fact.span[1]] == fact.text
        assert fact.span[0] <= fact.number_span[0] < fact.number_span[1] <= fact.span[1]
        number = text[fact.number_span[0] : fact.number_span[1]]
        out.append((fact.subject, fact.measure, fact.value, fact.unit, number))
    return out


def test_population_table_as_in_the_zhengzhou_gold() -> None:
    facts = read_tables(POPULATION, YEAR_2025)
    assert cells(POPULATION, facts) == [
        ("全市常住人口", "value", 1313.8, "万人", "1313.8"),
        ("全市常住人口", "share", 100.0, "%", "100.0"),
        ("城镇常住人口", "value", 1071.04, "万人", "1071.04"),
        ("城镇常住人口", "share", 81.5, "%", "81.5"),
        ("乡村常住人口", "value", 242.76, "万人", "242.76"),
        ("乡村常住人口", "share", 18.5, "%", "18.5"),
        ("男性常住人口", "value", 669.5, "万人", "669.5"),
        ("男性常住人口", "share", 51.0, "%", "51.0"),
        ("女性常住人口", "value", 644.3, "万人", "644.3"),
        ("女性常住人口", "share", 49.0, "%", "49.0"),
        ("0-15岁常住人口", "value", 234.1, "万人", "234.1"),
        ("0-15岁常住人口", "share", 17.8, "%", "17.8"),
        ("16-59岁常住人口", "value", 894.3, "万人", "894.3"),
        ("16-59岁常住人口", "share", 68.1, "%", "68.1"),
        ("60周岁及以上常住人口", "value", 185.4, "万人", "185.4"),
        ("60周岁及以上常住人口", "share", 14.1, "%", "14.1"),
        ("65周岁及以上常住人口", "value", 118.7, "万人", "118.7"),
        ("65周岁及以上常住人口", "share", 9.0, "%", "9.0"),
    ]
    # A stock read at the year's end: the title says 年末.
    assert {fact.period for fact in facts} == {"2025M12"}
    assert facts[0].indicator == "常住人口"
    assert facts[0].text == "全市常住人口\t1313.8\t100.0"


def test_parts_that_name_themselves_are_not_composed_and_a_new_total_restarts() -> None:
    facts = read_tables(DEPOSITS, YEAR_2025)
    subjects = [fact.subject for fact in facts if fact.measure == "value"]
    assert subjects == [
        "各项存款余额",
        "境内住户存款",
        "境内非金融企业存款",
        "各项贷款余额",
        "住户贷款",
        "企事业单位贷款",
    ]
    growth = [(fact.value, fact.unit) for fact in facts if fact.measure == "yoy_growth"]
    assert growth[4] == (-0.8, "%")


def test_unit_column_and_padded_labels() -> None:
    facts = read_tables(PRODUCTS, YEAR_2025)
    assert cells(PRODUCTS, facts) == [
        ("原煤产量", "value", 3934.68, "万吨", "3934.68"),
        ("原煤产量", "yoy_growth", 4.2, "%", "4.2"),
        ("天然气产量", "value", 2.41, "亿立方米", "2.41"),
        ("天然气产量", "yoy_growth", -19.6, "%", "-19.6"),
        ("发电量", "value", 263.58, "亿千瓦小时", "263.58"),
        ("发电量", "yoy_growth", 2.5, "%", "2.5"),
    ]
    assert {fact.period for fact in facts} == {"2025"}


def test_space_separated_table_with_a_unit_column() -> None:
    text = (
        "指标  单位  绝对数  比上年增长(%)\n"
        "  地区生产总值  亿元  15,244.6  5.4\n"
        "社会消费品零售总额  亿元  …  −3.2\n"
        "以上数据为初步核算数。\n"
    )
    facts = read_tables(text, DocumentInfo(year=2024))
    assert cells(text, facts) == [
        ("地区生产总值", "value", 15244.6, "亿元", "15,244.6"),
        ("地区生产总值", "yoy_growth", 5.4, "%", "5.4"),
        ("社会消费品零售总额", "yoy_growth", -3.2, "%", "−3.2"),
    ]
    assert facts[0].period == "2024"


def test_a_half_year_report_gives_its_tables_the_half_year() -> None:
    text = "指标\t完成数（亿元）\t同比增长（%）\n地区生产总值\t525.69\t8.1\n"
    facts = read_tables(text, DocumentInfo(year=2017, period="2017H1"))
    assert [fact.period for fact in facts] == ["2017H1", "2017H1"]


def test_year_from_the_table_title_when_the_document_gives_none() -> None:
    facts = read_tables(
        "表1 2023年年末人口\n指标\t年末数（万人）\n全市人口\t70.15\n", DocumentInfo()
    )
    assert [(fact.period, fact.subject) for fact in facts] == [("2023M12", "全市人口")]


def test_table_wide_unit_line_and_change_and_points_columns() -> None:
    text = (
        "表4 主要指标\n单位：亿元\n"
        "指标\t本年\t比上年增加\t比重提高百分点\n"
        "税收收入\t152.47\t12.3\t0.5\n"
    )
    facts = read_tables(text, YEAR_2025)
    assert [(f.measure, f.value, f.unit) for f in facts] == [
        ("value", 152.47, "亿元"),
        ("change", 12.3, "亿元"),
        ("pp_change", 0.5, "个百分点"),
    ]


def test_change_column_with_an_amount_unit() -> None:
    text = "指标\t余额（亿元）\t比年初增加（亿元）\n各项存款\t35505.7\t2433.6\n"
    facts = read_tables(text, YEAR_2025)
    assert [(f.measure, f.value, f.unit) for f in facts] == [
        ("value", 35505.7, "亿元"),
        ("change", 2433.6, "亿元"),
    ]


def test_prose_and_headers_without_rows_give_nothing() -> None:
    assert read_tables("全年地区生产总值15244.6亿元，比上年增长5.4%。\n", YEAR_2025) == []
    assert read_tables("指标\t绝对数\t增长%\n下文是正文。\n", YEAR_2025) == []
    assert table_spans("指标\t绝对数\t增长%\n下文是正文。\n") == []


def test_metadata_lines_with_tabs_are_not_tables() -> None:
    text = "索 引 号：\tABC-1\t发布机构：\t郑州市统计局\n公开日期：\t2026年4月24日\n"
    assert read_tables(text, YEAR_2025) == []


def test_table_spans_cover_title_header_and_rows_only() -> None:
    spans = table_spans(POPULATION)
    assert len(spans) == 1
    start, end = spans[0]
    assert POPULATION[start:end].startswith("表1 2025年年末郑州市常住人口数及其构成\n指标")
    assert POPULATION[start:end].endswith("其中：65周岁及以上\t118.7\t9.0")
    two = table_spans(POPULATION + DEPOSITS)
    assert len(two) == 2 and two[1][0] == len(POPULATION)


def test_every_table_fact_lies_on_a_table_line() -> None:
    text = POPULATION + "\n" + DEPOSITS + PRODUCTS
    spans = table_spans(text)
    for fact in read_tables(text, YEAR_2025):
        assert any(start <= fact.span[0] and fact.span[1] <= end for start, end in spans)


def test_year_column_outline_numbers_and_parts_of_a_crop_total() -> None:
    # As the Hami portal's 表2 reads once its HTML is flattened.
    text = (
        "表2\u2002\u2002主要农作物播种面积、总产量及其增长速度\n"
        "指标名称\t计量单位\t2025年\u2002\t比上年增长（%）\n"
        "农作物播种面积\t万亩\t91.76\t-15.4\n"
        "1.1.粮食播种面积\t万亩\t29.90\t-14.5\n"
        "\u2002\u2002其中：小麦\t万亩\t21.94\t0.5\n"
    )
    facts = read_tables(text, YEAR_2025)
    assert [(f.subject, f.measure, f.value, f.unit) for f in facts] == [
        ("农作物播种面积", "value", 91.76, "万亩"),
        ("农作物播种面积", "yoy_growth", -15.4, "%"),
        ("粮食播种面积", "value", 29.9, "万亩"),
        ("粮食播种面积", "yoy_growth", -14.5, "%"),
        ("小麦播种面积", "value", 21.94, "万亩"),
        ("小麦播种面积", "yoy_growth", 0.5, "%"),
    ]


def test_spaced_rows_with_a_padded_label_or_a_missing_cell() -> None:
    text = "指  标  单位  绝对数  比上年增长(%)\n衣  着  万件  12  2.1\n居  住  1.4\n"
    facts = read_tables(text, YEAR_2025)
    assert cells(text, facts) == [
        ("衣着", "value", 12.0, "万件", "12"),
        ("衣着", "yoy_growth", 2.1, "%", "2.1"),
        ("居住", "yoy_growth", 1.4, "%", "1.4"),
    ]


def test_pipe_tables_with_a_unit_line_and_full_width_cells() -> None:
    from planwatch.extract import extract_text
    from planwatch.extract.model import DocumentInfo

    text = (
        "表1 主要指标\n单位：亿元\n| 指标 | 绝对数 | 比上年增长（%） |\n| --- | --- | --- |\n"
        "| 地区生产总值 | 4408.1 | 5.2 |\n| 第一产业 | １２０．３ | －１．５ |\n"
    )
    found = [
        (f.subject, f.measure, f.value, f.unit)
        for f in extract_text(text, DocumentInfo(year=2025, period="2025")).facts
    ]
    assert found == [
        ("地区生产总值", "value", 4408.1, "亿元"),
        ("地区生产总值", "yoy_growth", 5.2, "%"),
        ("第一产业", "value", 120.3, "亿元"),
        ("第一产业", "yoy_growth", -1.5, "%"),
    ]


def test_plan_completion_and_index_columns_and_a_row_unit() -> None:
    from planwatch.extract import extract_text
    from planwatch.extract.model import DocumentInfo

    text = (
        "指标\t计划\t完成\t完成率（%）\t增长（%）\n"
        "固定资产投资（亿元）\t220\t235.5\t107.0\t10.2\n"
        "……\n"  # one unreadable row ends no table
        "社会消费品零售总额（亿元）\t500\t480\t96.0\t-2.1\n"
        "\n指标\t指数（上年=100）\n居民消费价格\t101.2\n"
    )
    found = [
        (f.subject, f.measure, f.value, f.unit)
        for f in extract_text(text, DocumentInfo(year=2025, period="2025")).facts
    ]
    assert found[:4] == [
        ("固定资产投资", "target_value", 220.0, "亿元"),
        ("固定资产投资", "value", 235.5, "亿元"),
        ("固定资产投资", "completion", 107.0, "%"),
        ("固定资产投资", "yoy_growth", 10.2, "%"),
    ]
    assert found[4][0] == "社会消费品零售总额" and len(found) == 9
    assert found[-1] == ("居民消费价格", "value", 101.2, None)
