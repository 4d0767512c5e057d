"""What a region's children report for the additive indicators, summed by the one rule.

For a region and a period, each additive indicator's (``catalog.additive``) counted
``value`` figure of every direct child is read through ``figure_books`` (one query for
all children, of the period's span and the additive indicators only), converted to the
indicator's unit and summed. The sum says how many children reported, so a judgment can
tell a complete sum from a partial one. Rates, growths and per-capita values are never
summed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from planwatch import catalog, units
from planwatch.errors import InvalidInput
from planwatch.periods import Period
from planwatch.reads.figures import Figure, FigureBook, figure_books
from planwatch.reads.plans import read
from planwatch.store.models import Indicator, Region

_CHILDREN = select(Region.id).where(Region.parent_id == bindparam("parent")).order_by(Region.code)
_INDICATORS = select(Indicator.id, Indicator.name, Indicator.unit, Indicator.kind)


@dataclass(frozen=True)
class ChildrenSum:
    """An additive indicator's figures of a region's children for one period, summed."""

    indicator_id: int
    indicator: str
    unit: str | None
    total: float
    children: int  # how many children the region has
    reported: int  # how many of them have a figure that counts
    figures: list[Figure] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return self.reported == self.children


def children_sums(session: Session, region_id: int, period: Period) -> list[ChildrenSum]:
    """The children's sum of every additive indicator with at least one child's figure."""
    children = [row[0] for row in read(session, _CHILDREN, parent=region_id)]
    if not children:
        return []
    additive = {
        row.id: row
        for row in read(session, _INDICATORS)
        if catalog.additive(row.name, row.kind, row.unit)
    }
    # the period's span of the additive indicators alone: a tiny part of the children's year
    span = {(period.year, period.months)}
    books = figure_books(session, children, (period.year,), spans=span, indicators=additive)
    found: dict[int, list[Figure]] = {}
    for child in children:
        book = FigureBook.of(books.get(child, {}))  # one figure per span, as pages count
        for indicator_id in additive:
            figure = book.get(indicator_id, period, "value")
            if figure is not None:
                found.setdefault(indicator_id, []).append(figure)
    return [
        _summed(
            indicator_id,
            additive[indicator_id].name,
            additive[indicator_id].unit,
            figures,
            len(children),
        )
        for indicator_id, figures in sorted(found.items())
    ]


def _summed(
    indicator_id: int, name: str, unit: str | None, figures: list[Figure], children: int
) -> ChildrenSum:
    total = 0.0
    kept = []
    for figure in figures:
        try:
            total += units.convert(figure.value, figure.unit, unit)
        except InvalidInput:
            continue  # a figure in a unit of another kind is not part of the sum
        kept.append(figure)
    return ChildrenSum(indicator_id, name, unit, total, children, len(kept), kept)
