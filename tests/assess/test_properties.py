"""Properties: better figures never make a status worse; the required growth hits the target."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.assess.model import Thresholds
from planwatch.assess.rest_of_year import projected_annual, required_growth, rest_of_year
from planwatch.assess.status import status_rank
from planwatch.assess.targets import Context, judge_target
from planwatch.periods import Period
from tests.assess.stub import StubBook, indicator, target

PERIODS = st.sampled_from(["2017Q1", "2017H1", "2017Q3", "2017M05", "2017M11", "2017"])
LEVELS = st.floats(min_value=0.0, max_value=1000.0, allow_nan=False)
RATES = st.floats(min_value=-50.0, max_value=80.0, allow_nan=False)
LIMITS = st.builds(Thresholds, st.floats(0, 20), st.floats(0, 5), st.just(0.5))


def rank(
    kind: str, figure: float, period: str, limits: Thresholds, shape: dict[str, str] | None = None
) -> int:
    """Status rank of a target whose year-to-date figure (value or growth) is ``figure``."""
    subject, other = indicator(1, **(shape or {})), indicator(2)
    measure = "value" if kind.startswith("value") else "yoy_growth"
    figures = {
        (1, period, measure): (figure, "亿元" if measure == "value" else "%"),
        (2, period, "yoy_growth"): (8.0, "%"),
    }
    rule = target(kind, 20.0 if "rate" not in kind else 5.0, subject, "亿元", other)
    if kind in ("growth_at_least", "reduction_at_least", "relation"):
        rule.value, rule.unit = 5.0, "%"
    outcome = judge_target(Context(rule, StubBook(figures), Period.parse(period), limits))
    assert outcome.status != "unknown"
    return status_rank(outcome.status)


@pytest.mark.parametrize(
    ("kind", "shape"),
    [
        ("value_at_least", {"kind": "flow"}),
        ("value_at_least", {"kind": "stock"}),
        ("growth_at_least", {}),
        ("relation", {}),
    ],
)
@given(a=LEVELS, b=LEVELS, period=PERIODS, limits=LIMITS)
def test_more_is_never_worse_where_up_is_good(
    kind: str, shape: dict[str, str], a: float, b: float, period: str, limits: Thresholds
) -> None:
    low, high = sorted((a, b))
    assert rank(kind, high, period, limits, shape) >= rank(kind, low, period, limits, shape)


@pytest.mark.parametrize(
    "shape",
    [
        {"kind": "flow", "direction": "down"},
        {"kind": "stock", "direction": "down"},
        {"kind": "rate", "direction": "down", "unit": "%"},
    ],
)
@given(a=LEVELS, b=LEVELS, period=PERIODS, limits=LIMITS)
def test_less_is_never_worse_under_a_cap(
    shape: dict[str, str], a: float, b: float, period: str, limits: Thresholds
) -> None:
    low, high = sorted((a, b))
    assert rank("value_at_most", low, period, limits, shape) >= rank(
        "value_at_most", high, period, limits, shape
    )


@given(a=RATES, b=RATES, period=PERIODS, limits=LIMITS)
def test_a_steeper_fall_of_an_intensity_is_never_worse(
    a: float, b: float, period: str, limits: Thresholds
) -> None:
    steeper, milder = sorted((a, b))  # yoy growth of the intensity: more negative is better
    shape = {"kind": "rate", "direction": "down"}
    assert rank("reduction_at_least", steeper, period, limits, shape) >= rank(
        "reduction_at_least", milder, period, limits, shape
    )


POSITIVE = st.floats(min_value=0.01, max_value=1e6, allow_nan=False)


@given(ytd=POSITIVE, same=POSITIVE, rest=POSITIVE, annual_target=POSITIVE)
def test_required_growth_reproduces_the_annual_target(
    ytd: float, same: float, rest: float, annual_target: float
) -> None:
    last_annual = same + rest
    growth = required_growth(annual_target, ytd, last_annual, same)
    assert growth is not None
    reached = ytd + (last_annual - same) * (1 + growth / 100)
    assert reached == pytest.approx(annual_target, rel=1e-9, abs=1e-6)


@given(ytd=POSITIVE, same=POSITIVE, rest=POSITIVE)
def test_projection_keeps_last_years_seasonal_share(ytd: float, same: float, rest: float) -> None:
    projection = projected_annual(ytd, same, same + rest)
    assert projection is not None
    assert ytd / projection == pytest.approx(same / (same + rest))


@given(
    ytd=st.floats(1, 500),
    growth=st.floats(-40, 60),
    rest=st.floats(1, 500),
    annual=st.floats(1, 1000),
)
def test_outlook_from_derived_last_year_reproduces_the_target(
    ytd: float, growth: float, rest: float, annual: float
) -> None:
    subject = indicator(1)
    same = ytd / (1 + growth / 100)
    figures = {
        (1, "2017H1", "value"): (ytd, "亿元"),
        (1, "2017H1", "yoy_growth"): (growth, "%"),
        (1, "2016", "value"): (same + rest, "亿元"),
    }
    outlook = rest_of_year(
        target("value_at_least", annual, subject, "亿元"), StubBook(figures), Period.parse("2017H1")
    )
    assert outlook is not None and outlook.required_growth is not None
    assert outlook.last_year_same_period_derived
    reached = ytd + rest * (1 + outlook.required_growth / 100)
    assert reached == pytest.approx(annual, rel=1e-9)
