"""Phrases in the report's style."""

from __future__ import annotations

import pytest

from planwatch.assess.sentences import (
    growth_phrase,
    number,
    period_phrase,
    rest_phrase,
    time_gap_phrase,
)
from planwatch.periods import Period
from planwatch.reads.figures import Figure


@pytest.mark.parametrize(
    ("code", "phrase", "rest"),
    [
        ("2017H1", "上半年", "下半年"),
        ("2017Q1", "一季度", "二至四季度"),
        ("2017Q3", "前三季度", "四季度"),
        ("2017M05", "1-5月", "6-12月"),
        ("2017M01", "1月", "2-12月"),
        ("2017Q2", "上半年", "下半年"),
    ],
)
def test_period_phrases(code: str, phrase: str, rest: str) -> None:
    assert period_phrase(Period.parse(code)) == phrase
    assert rest_phrase(Period.parse(code)) == rest


def test_whole_year() -> None:
    assert period_phrase(Period.parse("2017")) == "全年"
    assert period_phrase(Period.parse("2017M12")) == "全年"


@pytest.mark.parametrize(
    ("value", "text"),
    [(8.1, "8.1"), (24012.0, "24012"), (15.61, "15.61"), (-0.001, "0"), (74.5324, "74.53")],
)
def test_numbers_drop_trailing_zeros(value: float, text: str) -> None:
    assert number(value) == text


def test_time_gap_phrases() -> None:
    assert time_gap_phrase(24.53) == "超序时进度24.5个百分点"
    assert time_gap_phrase(-3.21) == "低于序时进度3.2个百分点"
    assert time_gap_phrase(0.01) == "与序时进度持平"


def test_growth_phrase_says_fall_and_basis() -> None:
    fall = Figure("PM10浓度", "2017H1", "yoy_growth", -5.9, "%", None, 1)
    assert growth_phrase(fall) == "同比下降5.9%"
    comparable = Figure("地方一般公共预算收入", "2017H1", "yoy_growth", 44.7, "%", "comparable", 2)
    assert growth_phrase(comparable) == "同口径同比增长44.7%"


def test_figures_as_the_office_writes_them() -> None:
    from planwatch.assess.sentences import amount, figure_text

    assert figure_text(525.6912, "亿元") == "525.69" and figure_text(83.8, "亿元") == "83.8"
    assert figure_text(24012.4, "元") == "24012" and figure_text(1850.6, "元/人") == "1851"
    assert figure_text(15.61, "%") == "15.61" and figure_text(8.1, "%") == "8.1"
    assert amount(12.3456, "万平方米") == "12.35万平方米"
