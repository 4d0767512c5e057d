"""Scale conversion between the units plans and reports use."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.errors import InvalidInput
from planwatch.units import comparable, convert, scale


@pytest.mark.parametrize(
    ("value", "source", "goal", "expected"),
    [
        (1_639_700, "万元", "亿元", 163.97),
        (163.97, "亿元", "万元", 1_639_700),
        (24012, "元", "万元", 2.4012),
        (2.44, "万人", "人", 24400),
        (320_000, "平方米", "万平方米", 32),
        (1, "平方公里", "万平方米", 100),
        (19830, "万美元", "亿美元", 1.983),
        (5, "万吨标准煤", "吨标准煤", 50000),
        (3166, "套", "套", 3166),
        (7, None, "亿元", 7),
    ],
)
def test_convert(value: float, source: str | None, goal: str, expected: float) -> None:
    assert convert(value, source, goal) == pytest.approx(expected)


def test_different_kinds_do_not_convert() -> None:
    with pytest.raises(InvalidInput) as raised:
        convert(1, "万美元", "亿元")
    assert str(raised.value) == (
        "a figure in 万美元 cannot be compared with one in 亿元: "
        "store the figure in a unit of the same kind as the target"
    )
    assert not comparable("套", "户")
    assert comparable("人次", "万人次") and not comparable("人", "人次")
    assert comparable(None, "亿元")


def test_counts_are_families_of_their_own() -> None:
    assert scale("个").family == "count:个"
    assert scale("万元").factor == 1e4


UNITS = st.sampled_from(["元", "万元", "亿元", "千元", "万亿元"])


@given(value=st.floats(0, 1e9), a=UNITS, b=UNITS)
def test_round_trip(value: float, a: str, b: str) -> None:
    assert convert(convert(value, a, b), b, a) == pytest.approx(value)
