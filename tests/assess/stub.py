"""In-memory targets and figures, for property tests that run thousands of cases."""

from __future__ import annotations

from planwatch.periods import Period
from planwatch.reads.figures import Figure, FigureBook
from planwatch.store.models import Indicator, Target


class StubBook(FigureBook):
    """A FigureBook over a dict of (indicator id, period code, measure) → (value, unit)."""

    def __init__(self, figures: dict[tuple[int, str, str], tuple[float, str | None]]) -> None:
        self.figures = figures

    def narrower(self, indicator: str, period: Period, measure: str) -> Figure | None:
        return None

    def get(self, indicator_id: int, period: Period, measure: str) -> Figure | None:
        found = self.figures.get((indicator_id, period.code, measure))
        if found is None:
            return None
        value, unit = found
        return Figure(
            indicator=str(indicator_id),
            period=period.code,
            measure=measure,
            value=value,
            unit=unit,
            basis=None,
            observation_id=1,
        )


def indicator(id_: int, kind: str = "flow", direction: str = "up", unit: str = "亿元") -> Indicator:
    return Indicator(
        id=id_,
        name=f"指标{id_}",
        english=f"indicator {id_}",
        unit=unit,
        kind=kind,
        direction=direction,
        category="经济发展",
        aliases=[],
    )


def target(
    kind: str,
    value: float | None,
    subject: Indicator,
    unit: str | None = None,
    other: Indicator | None = None,
) -> Target:
    return Target(
        id=1,
        kind=kind,
        value=value,
        unit=unit,
        indicator=subject,
        indicator_id=subject.id,
        other_indicator=other,
        qualifier="at_least",
    )
