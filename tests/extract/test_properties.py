"""Whatever text comes in, extraction returns facts whose spans point into that text."""

from __future__ import annotations

import math
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planwatch.errors import InvalidInput
from planwatch.extract import extract_text
from planwatch.extract.html_page import html_text
from planwatch.extract.loaders import decode
from planwatch.extract.model import DocumentInfo, Fact
from planwatch.extract.tables import read_tables, table_spans
from planwatch.vocabulary import MEASURES

REPORT = (
    Path(__file__).resolve().parents[2]
    / "planwatch"
    / "sample"
    / "wuchang-2017h1-plan-execution.txt"
).read_text(encoding="utf-8")

# Pieces reports are made of, so random text hits the grammar's paths, not only noise.
PIECES = [
    "地区生产总值",
    "上半年",
    "全年",
    "1-6月",
    "完成",
    "计划",
    "增长",
    "同比增长",
    "下降",
    "提高",
    "个百分点",
    "占全年目标的",
    "分别",
    "和",
    "、",
    "其中：",
    "以上",
    "以内",
    "左右",
    "约",
    "近",
    "亿元",
    "万元",
    "%",
    "％",
    "‰",
    "户",
    "人",
    "元",
    "，",
    "。",
    "；",
    "：",
    "\n",
    "\t",
    "  ",
    "\u3000",
    "525.69",
    "８．１",
    "一万二千",
    "三",
    "-5.9",
    "2017年",
    "6月29日",
    "第六届",
    "5号线",
    "1.2：36.6：62.2",
    "同口径",
    "高于GDP增速",
    "指标",
    "年末数（万人）",
    "比重（%）",
    "比上年增长(%)",
    "单位",
    "表1",
    "(",
    ")",
    "（",
    "）",
    "\r\n",
    "\ufeff",
]
piece_text = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=60).map("".join)


@st.composite
def mutated_report(draw: st.DrawFn) -> str:
    """A slice of the sample report with a few random cuts and insertions."""
    start = draw(st.integers(0, len(REPORT) - 1))
    text = REPORT[start : start + draw(st.integers(0, 1500))]
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:at] + text[at + draw(st.integers(0, 20)) :]
        else:
            text = text[:at] + draw(st.sampled_from(PIECES) | st.text(max_size=4)) + text[at:]
    return text


def assert_well_formed(text: str, facts: list[Fact]) -> None:
    for fact in facts:
        start, end = fact.span
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == fact.text
        if fact.number_span is not None:
            number_start, number_end = fact.number_span
            assert start <= number_start < number_end <= end
        assert fact.measure in MEASURES
        assert fact.value is None or math.isfinite(fact.value)


PROPERTY_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@PROPERTY_SETTINGS
@given(piece_text)
def test_random_report_pieces(text: str) -> None:
    assert_well_formed(text, extract_text(text).facts)


@PROPERTY_SETTINGS
@given(mutated_report())
def test_mutated_sample_report(text: str) -> None:
    assert_well_formed(text, extract_text(text).facts)


@PROPERTY_SETTINGS
@given(st.text())
def test_arbitrary_unicode(text: str) -> None:
    assert_well_formed(text, extract_text(text).facts)


table_row = st.lists(
    st.sampled_from(
        [
            "全市常住人口",
            "其中：城镇",
            "原\u2002煤",
            "万吨",
            "1313.8",
            "-0.7",
            "−3",
            "15,244.6",
            "…",
            "",
            "12[1]",
            "年末数（万人）",
            "比重（%）",
            "指标",
        ]
    )
    | st.text(max_size=4),
    min_size=1,
    max_size=5,
)
table_text = st.lists(
    st.tuples(table_row, st.sampled_from(["\t", "  ", " \u3000", "\t\t"])),
    max_size=12,
).map(lambda rows: "\n".join(sep.join(cells) for cells, sep in rows))


@PROPERTY_SETTINGS
@given(table_text, st.none() | st.integers(1990, 2030))
def test_random_tables(text: str, year: int | None) -> None:
    text = "指标\t年末数（万人）\t比重（%）\n" + text
    facts = read_tables(text, DocumentInfo(year=year))
    assert_well_formed(text, facts)
    spans = table_spans(text)
    assert spans == sorted(spans)
    for fact in facts:
        assert any(start <= fact.span[0] and fact.span[1] <= end for start, end in spans)


MARKUP = [
    "<table>",
    "</table>",
    "<tr>",
    "</tr>",
    "<td>",
    "</td>",
    "<p>",
    "</p>",
    "<br>",
    "<script>",
    "</script>",
    "<div class='nav'>",
    "<div>",
    "</div>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<!DOCTYPE html>",
    "&nbsp;",
    "&#x",
    "&",
    "<",
    "</",
    ">",
    "\n",
    "<meta name='PubDate' content='2020-01-01'>",
    "<title>",
    "</title>",
    "增长8.1%",
]


@PROPERTY_SETTINGS
@given(st.lists(st.sampled_from(MARKUP) | st.text(max_size=3), max_size=40).map("".join))
def test_any_markup_gives_lines_of_text(markup: str) -> None:
    page = html_text(markup)
    if page.text:
        assert page.text.endswith("\n")
        assert all(line.strip() for line in page.text[:-1].split("\n"))


@PROPERTY_SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes_decode_or_say_why(data: bytes) -> None:
    try:
        decode(data, None, "x.txt")
    except InvalidInput as error:
        assert str(error).startswith("x.txt ")


@PROPERTY_SETTINGS
@given(st.text(max_size=200), st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
def test_text_comes_back_exactly_or_is_refused(text: str, codec: str) -> None:
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        return  # lone surrogates have no bytes in any of these codecs
    try:
        decoded = decode(data, None, "x.txt")
    except InvalidInput:
        return  # blank, binary-looking, or GB text too short to tell from Big5
    assert decoded == text.removeprefix("\ufeff") or codec == "gb18030"
