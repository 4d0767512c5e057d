"""Extraction never reports a value it did not read: a fact's number text converts to it."""

from __future__ import annotations

import re

import cn2an
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planwatch.extract import extract_text
from planwatch.extract.numerals import fraction_percent, numeral

NUMERALS = [
    "525.69",
    "１４.５",
    "1,421",
    "5万4千6百",
    "3万4000",
    "2千零30",
    "七十八万五佰零六",
    "四万万",
    "一千三百八十七亿四千万",
    "十几万",
    "壹佰伍拾",
    "三分之一",
    "千分之五",
    "两成",
    "7.2成",
    "三成半",
    "负1.1",
    "百分之五点五",
    "一",
    "两",
    "十",
    "二〇一七",
    "一九五八",
]
WORDS = [
    "本期完成",
    "同比增长",
    "比上年增加",
    "下降",
    "占全年目标的",
    "计划投资",
    "年初预算",
    "调整预算为",
    "为调整预算的",
    "超年度计划",
    "增长",
    "约",
    "近",
    "以上",
    "左右",
    "多",
    "余",
    "分别",
    "和",
    "、",
    "，",
    "。",
    "其中：",
    "地区生产总值",
    "一般公共预算收入",
    "2017年",
    "上半年",
    "第",
    "个百分点",
    "倍",
]
UNITS = ["亿元", "万元", "元", "吨", "万吨", "%", "％", "‰", "个", "项", "人", "户", "万平方米"]
generated = st.integers(0, 10**12).map(lambda n: str(cn2an.an2cn(n, "low")))
decimal = st.floats(0, 1e6, allow_nan=False).map(lambda x: f"{x:.2f}")
pieces = st.sampled_from(NUMERALS) | st.sampled_from(WORDS) | st.sampled_from(UNITS)
report = st.lists(pieces | generated | decimal, max_size=40).map("".join)
_TENTHS = re.compile(r"(.+?)成(半)?")


def spelled_value(text: str) -> float | None:
    """What a number's own text says, read independently of the scan."""
    if "分之" in text:
        below, _, above = text.partition("分之")
        return fraction_percent(below, above)
    tenths = _TENTHS.fullmatch(text)
    if tenths is not None:
        read = numeral(tenths.group(1))
        return None if read is None else read.value * 10 + (5 if tenths.group(2) else 0)
    read = numeral(text)
    return None if read is None else read.value


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report)
def test_every_fact_value_is_its_number_text(text: str) -> None:
    for fact in extract_text(text).facts:
        if fact.number_span is None or fact.value is None:
            continue
        written = text[fact.number_span[0] : fact.number_span[1]]
        value = spelled_value(written)
        assert value is not None, (written, fact)
        assert abs(abs(fact.value) - abs(value)) <= 1e-6 * max(1.0, abs(value)), (written, fact)


@pytest.mark.parametrize("n", [0, 7, 10, 15, 101, 1010, 10001, 123456789, 4000000000])
def test_generated_numerals_read_back(n: int) -> None:
    read = numeral(cn2an.an2cn(n, "low"))
    assert read is not None and read.value == n
