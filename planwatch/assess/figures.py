"""The current figures of one region for the years an assessment looks at.

Only the latest version of each (indicator, period, measure) counts. Periods that close
after the same number of months are one span (2017H1, 2017Q2 and 2017M06 are all January
to June), so a figure stored under any of their codes is found; the exact code wins.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from planwatch.assess.model import Figure
from planwatch.periods import Period
from planwatch.store.models import Observation, Region

_Key = tuple[int, int, int, str]  # indicator id, year, months, measure


class FigureBook:
    """Latest-version observations of a region, looked up by indicator, period and measure."""

    def __init__(self, session: Session, region: Region, years: Iterable[int]) -> None:
        self.region = region
        wanted = sorted(set(years))
        rows = session.scalars(
            select(Observation)
            .where(
                Observation.region_id == region.id,
                or_(*(Observation.period.like(f"{year}%") for year in wanted)),
            )
            .order_by(Observation.version)
        ).all()
        latest: dict[tuple[int, str, str], Observation] = {}
        for row in rows:  # ordered by version, so a later version replaces an earlier one
            latest[(row.indicator_id, row.period, row.measure)] = row
        self._by_span: dict[_Key, list[Observation]] = {}
        for row in latest.values():
            span = Period.parse(row.period)
            key = (row.indicator_id, span.year, span.months, row.measure)
            self._by_span.setdefault(key, []).append(row)

    def get(self, indicator_id: int, period: Period, measure: str) -> Figure | None:
        rows = self._by_span.get((indicator_id, period.year, period.months, measure), [])
        if not rows:
            return None
        exact = [r for r in rows if r.period == period.code]
        return _figure((exact or rows)[0])

    def narrower(self, indicator: str, period: Period, measure: str) -> Figure | None:
        """A figure of an indicator named inside ``indicator`` (城镇居民… inside 居民…).

        A district reports urban income only, and its office judges the plan's income target
        by it; the figure keeps its own indicator name, so the stand-in stays visible.
        """
        for (_, year, months, kind), rows in sorted(self._by_span.items()):
            if (year, months, kind) != (period.year, period.months, measure):
                continue
            name = rows[0].indicator.name
            if name != indicator and name.endswith(indicator):
                return _figure(rows[0])
        return None

    def has_period(self, period: Period) -> bool:
        return any(
            year == period.year and months == period.months for _, year, months, _ in self._by_span
        )

    def indicator_ids(self, period: Period) -> set[int]:
        return {
            ind
            for ind, year, months, _ in self._by_span
            if year == period.year and months == period.months
        }


def _figure(row: Observation) -> Figure:
    return Figure(
        indicator=row.indicator.name,
        period=row.period,
        measure=row.measure,
        value=row.value,
        unit=row.unit,
        basis=row.basis,
        observation_id=row.id,
        note=row.note,
    )
