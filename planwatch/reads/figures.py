"""Which figure counts: the one rule every page, the report and the CLI share.

For (region, indicator, measure, period) the figure that counts is the latest version,
among the statuses counted (``Counting``: every status, submitted and above, approved
and above, or published only). Approved and published figures count by default; who
reads may narrow or widen that for the current request with ``counting_for`` (the web
app does: anonymous visitors see published figures, a planner's preview submitted ones),
so every query below follows the reader without passing it through each page.
Periods that close after the same number of months are one span (2017H1, 2017Q2 and
2017M06 are all January to June), so a figure stored under any of their codes is found;
the exact code wins, then the code stored first.

``FigureBook`` answers lookups for one region; ``figure_books`` reads many regions in one
query, for comparisons; ``FigureBook.of_rows`` applies the same rule to one indicator's
stored versions, for its history.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import asdict, dataclass
from typing import Any, Literal

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from planwatch.periods import Period, span_of
from planwatch.reads.observations import ObservationRow
from planwatch.reads.plans import read
from planwatch.store.models import FigurePeriod, Indicator, Observation
from planwatch.store.reference import RegionKey
from planwatch.vocabulary import OBSERVATION_STATUSES, REVIEWED, ObservationStatus

Counting = Literal["all", "submitted", "approved", "published"]
COUNTED: dict[Counting, tuple[ObservationStatus, ...]] = {
    "all": OBSERVATION_STATUSES,
    "submitted": ("submitted", "approved", "published"),
    "approved": REVIEWED,
    "published": ("published",),
}
DEFAULT_COUNTING: Counting = "approved"
_reader_counting: ContextVar[Counting | None] = ContextVar("counting", default=None)


def counted_statuses(counting: Counting | None = None) -> tuple[ObservationStatus, ...]:
    """The statuses whose figures count; None: the current reader's, else the default."""
    return COUNTED[counting or current_counting()]


def current_counting() -> Counting:
    return _reader_counting.get() or DEFAULT_COUNTING


@contextmanager
def counting_for(counting: Counting | None) -> Iterator[None]:
    """Count ``counting`` in this block (this request's context); None keeps the default."""
    token = _reader_counting.set(counting)
    try:
        yield
    finally:
        _reader_counting.reset(token)


def set_counting(counting: Counting | None) -> None:
    """Count ``counting`` for the rest of this context (one web request's task)."""
    _reader_counting.set(counting)


@dataclass(frozen=True)
class Figure:
    """One stored observation used by an assessment; ``observation_id`` is the source."""

    indicator: str
    period: str
    measure: str
    value: float
    unit: str | None
    basis: str | None
    observation_id: int
    note: str | None = None
    status: str = "approved"  # submitted ones count only in a planner's preview (未审核)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


_Key = tuple[int, int, int, str]  # indicator id, year, months, measure

# what a figure says, in the order of Figure's fields after its indicator's id
_SAYS = (
    Observation.indicator_id,
    Indicator.name,
    Observation.period,
    Observation.measure,
    Observation.value,
    Observation.unit,
    Observation.basis,
)
_FIGURES = (
    select(Observation.region_id, *_SAYS, Observation.id, Observation.note, Observation.status)
    .join(Indicator, Observation.indicator_id == Indicator.id)
    .where(
        Observation.region_id.in_(bindparam("regions", expanding=True)),
        # every code of a year sorts between the year and the next (2017 < 2017H1 < 2018):
        # a range the (region_id, period) index reads, so a region's other years stay unread
        Observation.period >= bindparam("first"),
        Observation.period < bindparam("after"),
        # the year of a code is its first four characters (2017, 2017H1, 2017M06)
        func.substr(Observation.period, 1, 4).in_(bindparam("years", expanding=True)),
        Observation.status.in_(bindparam("statuses", expanding=True)),
    )
    .order_by(Observation.version, Observation.id)
)

_FIGURES_OF_CODES = (
    select(Observation.region_id, *_SAYS, Observation.id, Observation.note, Observation.status)
    .join(Indicator, Observation.indicator_id == Indicator.id)
    .where(
        Observation.region_id.in_(bindparam("regions", expanding=True)),
        Observation.period.in_(bindparam("codes", expanding=True)),
        Observation.status.in_(bindparam("statuses", expanding=True)),
    )
    .order_by(Observation.version, Observation.id)
)
_FIGURES_OF_INDICATORS = _FIGURES_OF_CODES.where(
    Observation.indicator_id.in_(bindparam("indicators", expanding=True))
)
# the period codes the regions hold figures for in the years (any status), from the counts
_CODES_HELD = (
    select(FigurePeriod.period)
    .where(
        FigurePeriod.region_id.in_(bindparam("regions", expanding=True)),
        FigurePeriod.period >= bindparam("first"),
        FigurePeriod.period < bindparam("after"),
        FigurePeriod.figures > 0,
    )
    .distinct()
)


# the regions with counted figures for some period codes, from the counts
_REGIONS_HOLDING = (
    select(FigurePeriod.region_id)
    .where(
        FigurePeriod.region_id.in_(bindparam("regions", expanding=True)),
        FigurePeriod.period.in_(bindparam("codes", expanding=True)),
        FigurePeriod.status.in_(bindparam("statuses", expanding=True)),
        FigurePeriod.figures > 0,
    )
    .distinct()
)


class FigureBook:
    """Latest-version observations of a region, looked up by indicator, period and measure."""

    def __init__(
        self,
        session: Session,
        region: RegionKey,
        years: Iterable[int],
        counting: Counting | None = None,
    ) -> None:
        self._index(figure_books(session, [region.id], years, counting).get(region.id, {}))

    @classmethod
    def of_rows(
        cls,
        indicator_id: int,
        rows: Iterable[ObservationRow],
        counting: Counting | None = None,
    ) -> FigureBook:
        """A book over one indicator's stored versions, read in version order, by the same
        rule."""
        counted = counted_statuses(counting)
        latest = {
            (indicator_id, row.period, row.measure): Figure(
                row.indicator,
                row.period,
                row.measure,
                row.value,
                row.unit,
                row.basis,
                row.id,
                row.note,
                row.status,
            )
            for row in rows
            if row.status in counted
        }
        return cls.of(latest)

    @classmethod
    def of(cls, latest: dict[tuple[int, str, str], Figure]) -> FigureBook:
        """A book over figures already read, keyed by (indicator id, period code, measure)."""
        book = cls.__new__(cls)
        book._index(latest)
        return book

    def _index(self, latest: dict[tuple[int, str, str], Figure]) -> None:
        self._by_span: dict[_Key, list[Figure]] = {}
        # indicator ids with figures for each (year, months), for the period-wide checks
        self._spans: dict[tuple[int, int], set[int]] = {}
        self._codes = {code for _, code, _ in latest}
        for (indicator_id, code, measure), figure in latest.items():
            year, months = span_of(code)
            self._by_span.setdefault((indicator_id, year, months, measure), []).append(figure)
            self._spans.setdefault((year, months), set()).add(indicator_id)

    def get(self, indicator_id: int, period: Period, measure: str) -> Figure | None:
        figures = self._by_span.get((indicator_id, period.year, period.months, measure))
        if not figures:
            return None
        if len(figures) == 1:
            return figures[0]
        code = period.code
        return next((f for f in figures if f.period == code), figures[0])

    def narrower(self, indicator: str, period: Period, measure: str) -> Figure | None:
        """A figure of an indicator named inside ``indicator`` (城镇居民… inside 居民…).

        A district reports urban income only, and its office judges the plan's income target
        by it; the figure keeps its own indicator name, so the stand-in stays visible.
        """
        wanted = (period.year, period.months, measure)
        for (_, year, months, kind), figures in sorted(self._by_span.items()):
            if (year, months, kind) != wanted:
                continue
            name = figures[0].indicator
            if name != indicator and name.endswith(indicator):
                return figures[0]
        return None

    def figures(self) -> list[Figure]:
        """The figure that counts for each stored (indicator, period code, measure)."""
        return [f for figures in self._by_span.values() for f in figures]

    def current(self, period: Period) -> dict[tuple[int, str], Figure]:
        """Every figure that counts for the period's span, by (indicator id, measure)."""
        found = {}
        for indicator_id, year, months, measure in self._by_span:
            if (year, months) == (period.year, period.months):
                figure = self.get(indicator_id, period, measure)
                assert figure is not None
                found[(indicator_id, measure)] = figure
        return found

    def has_period(self, period: Period) -> bool:
        return (period.year, period.months) in self._spans

    def period_codes(self, year: int) -> set[str]:
        """The codes of ``year`` with figures (2017Q1, 2017H1 …), as stored."""
        return {code for code in self._codes if span_of(code)[0] == year}

    def indicator_ids(self, period: Period) -> set[int]:
        return set(self._spans.get((period.year, period.months), ()))


def figure_books(
    session: Session,
    region_ids: Collection[int],
    years: Iterable[int],
    counting: Counting | None = None,
    spans: Collection[tuple[int, int]] | None = None,
    indicators: Collection[int] | None = None,
) -> dict[int, dict[tuple[int, str, str], Figure]]:
    """The latest figures of each region in ``years``, by region id, in one query (two
    with ``spans``: only the periods of those (year, months), by their stored codes, which
    the figure counts name; a comparison reads a tenth of the figures so). With
    ``indicators`` (ids; only with ``spans``), those indicators' figures alone.

    Rows come ordered by version, so a later version replaces an earlier one; a key keeps
    the place of its first version, as the lookups' tie-breaks expect.
    """
    assert indicators is None or spans is not None, "an indicator filter reads spans only"
    wanted = [str(year) for year in sorted(set(years))]
    statuses = list(counted_statuses(counting))
    if not wanted:
        return {}
    between = {"regions": list(region_ids), "first": wanted[0], "after": str(int(wanted[-1]) + 1)}
    if spans is None:
        rows = read(session, _FIGURES, years=wanted, statuses=statuses, **between)
    else:
        held = read(session, _CODES_HELD, **between)
        codes = sorted({code for (code,) in held if span_of(code) in spans})
        query, only = _FIGURES_OF_CODES, {}
        if indicators is not None:
            query, only = _FIGURES_OF_INDICATORS, {"indicators": sorted(indicators)}
        rows = read(session, query, codes=codes, statuses=statuses, **between, **only)
    latest: dict[int, dict[tuple[int, str, str], Figure]] = {}
    for (
        region_id,
        indicator_id,
        name,
        code,
        measure,
        value,
        unit,
        basis,
        row_id,
        note,
        status,
    ) in rows:
        latest.setdefault(region_id, {})[(indicator_id, code, measure)] = Figure(
            indicator=name,
            period=code,
            measure=measure,
            value=value,
            unit=unit,
            basis=basis,
            observation_id=row_id,
            note=note,
            status=status,
        )
    return latest


def regions_holding(session: Session, region_ids: Collection[int], span: Period) -> set[int]:
    """The regions with counted figures (of any indicator) for ``span``, in one query: who
    a book of some indicators alone would wrongly show as having no figures at all."""
    if not region_ids:
        return set()
    held = read(
        session,
        _REGIONS_HOLDING,
        regions=list(region_ids),
        codes=span.spellings(),
        statuses=list(counted_statuses(None)),
    )
    return {region_id for (region_id,) in held}
