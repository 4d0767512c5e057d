"""Sections, periods and plan mode read from headings and phrases."""

from __future__ import annotations

from planwatch.extract.document import infer
from planwatch.extract.layout import Layout
from planwatch.periods import Period

WORK_REPORT = (
    "2025年贵州省政府工作报告\n"
    "一、2024年工作回顾\n"
    "新增三级医院22家。\n"
    "二、2025年主要目标任务\n"
    "地区生产总值增长5.5%左右。\n"
)


def test_headings_set_period_and_plan_mode() -> None:
    layout = Layout(WORK_REPORT, Period(2025, "Y"))
    review = layout.section(WORK_REPORT.index("新增"))
    plan = layout.section(WORK_REPORT.index("地区"))
    assert (review.period, review.target) == (Period(2024, "Y"), False)
    assert (plan.period, plan.target) == (Period(2025, "Y"), True)


def test_phrase_in_sentence_overrides_section_and_comparison_bases_do_not() -> None:
    text = "一、上半年计划执行情况\n截止6月底,低保5763户;比上年增长5%,上半年累计发放3356万元。"
    layout = Layout(text, Period(2017, "H", 1))
    assert layout.period_before(text.index("5763")) == (Period(2017, "M", 6), True)
    assert layout.period_before(text.index("5%"))[0] == Period(2017, "M", 6)
    assert layout.period_before(text.index("3356")) == (Period(2017, "H", 1), True)


def test_a_written_year_runs_on_through_its_paragraph() -> None:
    text = "1979年大专学校在校学生102万人。中等专业学校在校学生120万人。\n全年招生27万人。"
    layout = Layout(text, Period(1980, "Y"))
    assert layout.period_before(text.index("120"))[0] == Period(1979, "Y")
    assert layout.period_before(text.index("27"))[0] == Period(1980, "Y")


def test_a_date_is_not_a_period() -> None:
    text = "2025年泉州市统计公报\n（2026年3月31日）\n全年地区生产总值13778.34亿元。"
    layout = Layout(text, Period(2025, "Y"))
    assert layout.period_before(text.index("13778"))[0] == Period(2025, "Y")
    assert not layout.section(text.index("13778")).target


def test_document_inference() -> None:
    communique = infer("2025年泉州市\n国民经济和社会发展统计公报[1]\n泉州市统计局\n")
    assert (communique.title, communique.region, communique.period) == (
        "2025年泉州市国民经济和社会发展统计公报[1]",
        "泉州市",
        "2025",
    )
    half_year = infer("关于武昌区2017年上半年国民经济和社会发展计划执行情况的报告\n正文")
    assert (half_year.region, half_year.year, half_year.period) == ("武昌区", 2017, "2017H1")
    congress = infer("政府工作报告\n——2026年1月27日在海南省第七届人民代表大会第五次会议上\n")
    assert (congress.region, congress.year) == ("海南省", 2026)


def test_year_end_stocks_and_months_to_date() -> None:
    text = "截至2024年底，全市常住人口1234万人。2024年末户籍人口999万人。1至11月，工业增长5%。"
    layout = Layout(text, Period(2024, "Y"))
    assert layout.period_before(text.index("1234"))[0] == Period(2024, "M", 12)
    assert layout.period_before(text.index("999"))[0] == Period(2024, "M", 12)
    assert layout.period_before(text.index("5%"))[0] == Period(2024, "M", 11)
