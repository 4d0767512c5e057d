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
from planwatch.vocabulary.messages import phrase


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
    why = phrase("assess.findings.comparable_may_differ").en if growth.basis == "comparable" else ""
    said = phrase(
        "assess.findings.growth_mismatch",
        indicator=growth.indicator,
        period=period.code,
        period_zh=period_phrase(period),
        reported=number(growth.value),
        difference=number(abs(difference)),
        computed=number(computed),
        level_en=number(level.value, 4),
        last_en=number(last.value, 4),
        level_zh=amount(level.value, level.unit),
        last_zh=amount(last.value, last.unit),
        why=why,
    )
    return Finding(
        kind="growth_mismatch",
        indicator=growth.indicator,
        period=period.code,
        reported=growth.value,
        computed=round(computed, 2),
        difference=round(difference, 2),
        message=said.en,
        chinese=said.zh,
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
    said = phrase(
        "assess.findings.completion_mismatch",
        subject=subject,
        period=period.code,
        reported=number(reported),
        difference=number(abs(difference)),
        computed=number(computed),
    )
    return Finding(
        kind="completion_mismatch",
        indicator=subject,
        period=period.code,
        reported=reported,
        computed=round(computed, 2),
        difference=round(difference, 2),
        message=said.en,
        chinese=said.zh,
        sources=sources,
    )


def basis_finding(growth: Figure, target_basis: str | None, period: Period) -> Finding | None:
    """A target set 同口径 judged with a growth rate not reported on that basis."""
    if target_basis != "comparable" or growth.basis == "comparable":
        return None
    said = phrase("assess.findings.basis_mismatch", indicator=growth.indicator, period=period.code)
    return Finding(
        kind="basis_mismatch",
        indicator=growth.indicator,
        period=period.code,
        reported=growth.value,
        computed=None,
        difference=None,
        message=said.en,
        chinese=said.zh,
        sources=[growth.observation_id],
    )
