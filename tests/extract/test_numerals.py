"""Numerals read right or not at all: every shape issue 16 lists, in a measurement position."""

from __future__ import annotations

import pytest

from planwatch.extract import extract_text
from planwatch.extract.numerals import fraction_percent, numeral


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("5万4千6百", 54600),
        ("3万4000", 34000),
        ("2千零30", 2030),
        ("25万6千", 256000),
        ("5亿1万4千6百", 500014600),
        ("七十八万五佰零六", 780506),
        ("四万万", 400_000_000),
        ("二十一万亿", 21e12),
        ("四千五百六十九万八千三百一十一亿四千八百七十二万五千三百八十二", 4569831148725382),
        ("一千三百八十七亿四千万", 138_740_000_000),
        ("负三十二", -32),
        ("负1.1", -1.1),
        ("壹佰伍拾", 150),
        ("十万柒仟捌佰伍拾肆", 107854),
        ("拾万零五十六", 100056),
        ("一万三", 13000),
        ("九百九", 990),
        ("两千四百五", 2450),
        ("一百零十万", 1_100_000),
        ("两千万点五五四四", 20000000.5544),
        ("千三", 1300),
        ("万", 10000),
        ("十", 10),
        ("零点五", 0.5),
        ("１，９９２", 1992),
    ],
)
def test_numeral_values(token: str, value: float) -> None:
    read = numeral(token)
    assert read is not None and read.value == pytest.approx(value) and not read.approx


@pytest.mark.parametrize(
    ("token", "value"), [("十几万", 100000), ("二十几万", 200000), ("一百零几万", 1_000_000)]
)
def test_open_digits_are_approximate(token: str, value: float) -> None:
    read = numeral(token)
    assert read is not None and read.value == value and read.approx


@pytest.mark.parametrize(
    "token",
    # years, impossible place orders, digit runs a scale leaves ambiguous, words
    ["一九五八", "二〇一七", "三百四百", "五万三万", "3万4", "3万400", "12百", "一般", "万万"],
)
def test_no_reading_rather_than_a_wrong_one(token: str) -> None:
    assert numeral(token) is None


def test_fractions_are_percentages() -> None:
    assert fraction_percent("三", "一") == pytest.approx(100 / 3)
    assert fraction_percent("千", "五") == pytest.approx(0.5)
    assert fraction_percent("万", "三") == pytest.approx(0.03)
    assert fraction_percent("三", "几") is None


def read(sentence: str) -> list[tuple[str, float | None, str | None, str | None]]:
    facts = extract_text(sentence).facts
    return [
        (sentence[f.number_span[0] : f.number_span[1]], f.value, f.unit, f.qualifier)
        for f in facts
        if f.number_span
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("本期完成5万4千6百吨。", ("5万4千6百", 54600, "吨", None)),
        ("本期完成3万4000吨。", ("3万4000", 34000, "吨", None)),
        ("本期完成2千零30万吨。", ("2千零30", 2030, "万吨", None)),
        ("本期完成七十八万五佰零六吨。", ("七十八万五佰零六", 780506, "吨", None)),
        ("本期完成四万万吨。", ("四万万", 4e8, "吨", None)),
        ("本期完成负1.1吨。", ("负1.1", -1.1, "吨", None)),
        ("本期完成壹佰伍拾吨。", ("壹佰伍拾", 150, "吨", None)),
        ("本期完成十几万吨。", ("十几万", 100000, "吨", "approx")),
        ("本期完成一吨。", ("一", 1, "吨", None)),
        ("占总量的三分之一。", ("三分之一", pytest.approx(100 / 3), "%", None)),
        ("占总量的千分之五。", ("千分之五", 0.5, "%", None)),
        ("占总量的万分之三。", ("万分之三", 0.03, "%", None)),
        ("比上年增长两成。", ("两成", 20, "%", None)),
        ("比上年增长7.2成。", ("7.2成", 72, "%", None)),
        ("比上年增长三成半。", ("三成半", 35, "%", None)),
        ("比上年增长负3.9%。", ("负3.9", -3.9, "%", None)),
    ],
)
def test_numerals_in_measurement_positions(
    sentence: str, expected: tuple[str, float, str, str | None]
) -> None:
    assert read(sentence) == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "已经完成一亿一千七百多万亩。",  # the 万 of 一千七百万 sits in the unit: no reading
        "可为企业减负3.49亿元。",  # 减负 lightens a burden; 负 is no minus sign there
        "这里就不一一列举了。",
        "一个项目，一批企业，二次招商。",
    ],
)
def test_no_misread_values(sentence: str) -> None:
    assert all(value is None or value >= 0 for _, value, _, _ in read(sentence))
    assert all(text != "一一" for text, _, _, _ in read(sentence))
    if "亿一千七百" in sentence or "一个" in sentence:
        assert read(sentence) == []
