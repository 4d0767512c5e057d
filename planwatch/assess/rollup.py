"""A region's own figure beside its children's sum, for the additive indicators.

A city's investment, revenue or retail sales should be the sum of its districts'. Where
every child reported and the region's own figure differs from the sum by more than the
figures' rounding (half a unit of each figure's last stored decimal, added up), that is a
finding to look at: the office may include units no child reports, or a figure is wrong.
Nothing is corrected. Rates, growths and per-capita values are never summed
(``catalog.additive``), and a partial sum (a child missing) is shown, never judged.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from planwatch import units
from planwatch.assess.model import Finding
from planwatch.errors import InvalidInput
from planwatch.numberformat import number, rounding_of
from planwatch.periods import Period
from planwatch.reads.figures import Figure, FigureBook
from planwatch.reads.rollup import ChildrenSum, children_sums
from planwatch.store.reference import RegionKey
from planwatch.vocabulary.messages import phrase


@dataclass(frozen=True)
class RollUp:
    """One additive indicator: the region's own figure (if any) beside the children's sum."""

    sum: ChildrenSum
    own: Figure | None
    finding: Finding | None


def roll_up(
    session: Session, region: RegionKey, period: Period, book: FigureBook | None = None
) -> list[RollUp]:
    """Each additive indicator's children's sum for the period, beside the region's figure
    (from ``book`` when the caller has read it already)."""
    sums = children_sums(session, region.id, period)
    if not sums:
        return []
    book = book or FigureBook(session, region, (period.year,))
    return [
        judged(summed, book.get(summed.indicator_id, period, "value"), period) for summed in sums
    ]


def judged(summed: ChildrenSum, own: Figure | None, period: Period) -> RollUp:
    if own is None or not summed.complete:
        return RollUp(summed, own, None)
    try:
        reported = units.convert(own.value, own.unit, summed.unit)
    except InvalidInput:
        return RollUp(summed, own, None)
    difference = reported - summed.total
    if abs(difference) <= rounding([own, *summed.figures]):
        return RollUp(summed, own, None)
    said = phrase(
        "assess.findings.rollup_mismatch",
        indicator=summed.indicator,
        reported=number(reported),
        computed=number(summed.total),
        difference=number(difference),
        unit=summed.unit or "",
        unit_en=units.english(summed.unit),
        children=summed.children,
    )
    finding = Finding(
        kind="rollup_mismatch",
        indicator=summed.indicator,
        period=period.code,
        reported=round(reported, 6),
        computed=round(summed.total, 6),
        difference=round(difference, 6),
        message=said.en,
        chinese=said.zh,
        sources=[own.observation_id, *(f.observation_id for f in summed.figures)],
    )
    return RollUp(summed, own, finding)


def rounding(figures: list[Figure]) -> float:
    """Half a unit of the last stored decimal of each figure, added up (1e-9 at least)."""
    return rounding_of(f.value for f in figures)
