"""The checks a figure must pass before its department may submit it.

Each check is a rule about what a figure can be, whatever the region: a unit of the
indicator's kind, a level that is not negative, a fall of less than 100%, a share
between 0 and 100. A figure that fails one stays a draft until it is corrected.
"""

from __future__ import annotations

from dataclasses import dataclass

from planwatch import units
from planwatch.errors import InvalidInput


@dataclass(frozen=True)
class Figure:
    """What the checks look at: the indicator as the catalogue holds it, and the number."""

    indicator: str
    indicator_unit: str | None
    kind: str  # flow, stock or rate (planwatch.catalog.KINDS)
    measure: str
    value: float
    unit: str | None


def problems(figure: Figure) -> list[str]:
    """Every check the figure fails, each as one sentence naming the figure."""
    found = [check(figure) for check in CHECKS]
    return [f"{figure.indicator} {figure.measure} {figure.value:g}: {p}" for p in found if p]


def _unit(figure: Figure) -> str | None:
    if figure.measure != "value" or units.comparable(figure.unit, figure.indicator_unit):
        return None
    return f"the unit {figure.unit} is not a unit of {figure.indicator} ({figure.indicator_unit})"


def _level(figure: Figure) -> str | None:
    if figure.measure == "value" and figure.kind in ("flow", "stock") and figure.value < 0:
        return "a year-to-date amount or a stock cannot be negative"
    return None


def _growth(figure: Figure) -> str | None:
    if figure.measure == "yoy_growth" and figure.value <= -100:
        return "a growth of -100% or less would leave nothing of last year's level"
    return None


def _share(figure: Figure) -> str | None:
    if figure.measure == "share" and not 0 <= figure.value <= 100:
        return "a share lies between 0 and 100%"
    if figure.measure == "completion" and figure.value < 0:
        return "a completion cannot be negative"
    return None


CHECKS = (_unit, _level, _growth, _share)


def refuse_failing(figures: list[Figure]) -> None:
    """Raise InvalidInput listing every failed check (nothing is submitted then)."""
    failed = [p for figure in figures for p in problems(figure)]
    if failed:
        raise InvalidInput(
            f"{len(failed)} figure(s) fail the checks: " + "; ".join(failed),
            "correct these figures (enter a new value) and submit again",
        )
