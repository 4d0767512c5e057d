"""Consistency findings: stored figures that disagree with each other, shown and never fixed.

A reported growth rate may legitimately differ from the one two stored levels give
(同口径 and 可比价 rates adjust for scope and prices), so a disagreement is a finding for a
person to look at, not an error and not a reason to overwrite anything.
"""

from __future__ import annotations

from planwatch.assess.model import Finding, Thresholds
from planwatch.assess.sentences import amount, period_phrase
from planwatch.errors import InvalidInput
from planwatch.numberformat import number
from planwatch.periods import Period
from planwatch.reads.figures import Figure, FigureBook
from planwatch.units import convert


def growth_findings(book: FigureBook, period: Period, thresholds: Thresholds) -> list[Finding]:
    """Every reported growth of the period checked against this and last year's levels."""
    found = []
    for indicator_id in sorted(book.indicator_ids(period)):
        growth = book.get(indicator_id, period, "yoy_growth")
        level = book.get(indicator_id, period, "value")
        last = book.get(indicator_id, period.same_period_last_year(), "value")
        if growth is None or level is None or last is None:
            continue
        finding = growth_finding(growth, level, last, period, thresholds)
        if finding is not None:
            found.append(finding)
    return found


def growth_finding(
    growth: Figure, level: Figure, last: Figure, period: Period, thresholds: Thresholds
) -> Finding | None:
    try:
        last_value = convert(last.value, last.unit, level.unit)
    except InvalidInput:
        return None
    if last_value <= 0:
        return None
    computed = (level.value / last_value - 1) * 100
    difference = growth.value - computed
    if abs(difference) <= thresholds.mismatch_points:
        return None
    why = " (a 同口径/可比价 rate may differ legitimately)" if growth.basis == "comparable" else ""
    return Finding(
        kind="growth_mismatch",
        indicator=growth.indicator,
        period=period.code,
        reported=growth.value,
        computed=round(computed, 2),
        difference=round(difference, 2),
        message=(
            f"{growth.indicator} {period.code}: reported growth {number(growth.value)}% "
            f"differs by {number(abs(difference))} points from {number(computed)}% "
            f"computed from {number(level.value, 4)} and last year's "
            f"{number(last.value, 4)}{why}"
        ),
        chinese=(
            f"{growth.indicator}{period_phrase(period)}报送增速{number(growth.value)}%,"
            f"按本年{amount(level.value, level.unit)}与上年同期{amount(last.value, last.unit)}计算为"
            f"{number(computed)}%,相差{number(abs(difference))}个百分点"
        ),
        sources=[growth.observation_id, level.observation_id, last.observation_id],
    )


def completion_finding(
    subject: str,
    reported: float,
    computed: float,
    sources: list[int],
    period: Period,
    thresholds: Thresholds,
) -> Finding | None:
    """A reported completion share (占全年目标的x%) against value ÷ target."""
    difference = reported - computed
    if abs(difference) <= thresholds.mismatch_points:
        return None
    return Finding(
        kind="completion_mismatch",
        indicator=subject,
        period=period.code,
        reported=reported,
        computed=round(computed, 2),
        difference=round(difference, 2),
        message=(
            f"{subject} {period.code}: reported completion {number(reported)}% differs "
            f"by {number(abs(difference))} points from {number(computed)}% "
            "(value ÷ target)"
        ),
        chinese=(
            f"{subject}报送完成全年目标的{number(reported)}%,按完成值与目标计算为"
            f"{number(computed)}%,相差{number(abs(difference))}个百分点"
        ),
        sources=sources,
    )


def basis_finding(growth: Figure, target_basis: str | None, period: Period) -> Finding | None:
    """A target set 同口径 judged with a growth rate not reported on that basis."""
    if target_basis != "comparable" or growth.basis == "comparable":
        return None
    return Finding(
        kind="basis_mismatch",
        indicator=growth.indicator,
        period=period.code,
        reported=growth.value,
        computed=None,
        difference=None,
        message=(
            f"{growth.indicator} {period.code}: the target is set on a comparable "
            "(同口径) basis but the reported growth is not marked as such"
        ),
        chinese=f"{growth.indicator}目标为同口径增长,报送增速未注明同口径",
        sources=[growth.observation_id],
    )
