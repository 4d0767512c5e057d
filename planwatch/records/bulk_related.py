"""The error rules that compare figures with each other, checked once a bulk file is written.

A file's rows come in any order (a whole in its first batch, its parts a million rows
later), so the rules comparing a figure with others (``checks.related_rules``: parts
adding up to their whole; growth and jump rules where a planner made them errors) are
checked after the last batch, inside the load's transaction, on what the figures are then:
for each (region, period) the file wrote a figure of an indicator those rules look at, the
latest version of every such figure of the region, read for many regions in one query.
What is kept is one (region, period) pair per pair written, bounded by the regions and
periods named, not by the rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.engine import Connection

from planwatch.periods import span_of
from planwatch.records.checks import (
    Figure,
    Problem,
    Rule,
    check_figures,
    related_rules,
)
from planwatch.store.models import Indicator, Observation

REGIONS_PER_QUERY = 50  # what a query's figures hold in memory, whatever the file's size
_Touched = tuple[int, str]  # region id, period code


def watched_indicators(rules: dict[str, Rule]) -> frozenset[str] | None:
    """The indicators the related error rules look at; None: every indicator (a growth or
    jump rule made an error compares any figure with last year's)."""
    if set(related_rules(rules)) - {"parts_sum"}:
        return None
    groups = rules["parts_sum"].setting("groups", []) if "parts_sum" in rules else []
    return frozenset(name for g in groups for name in (g["whole"], *g["parts"]))


@dataclass
class _Region:
    """``Known`` over one region's figures as read: the exact period code first, then
    another code of the same months (as ``checks.StoredFigures`` answers)."""

    exact: dict[tuple[str, str, str], tuple[float, str | None]] = field(default_factory=dict)
    spans: dict[tuple[str, int, int, str], tuple[float, str | None]] = field(default_factory=dict)
    by_period: dict[str, list[tuple[int, Figure]]] = field(default_factory=dict)

    def get(self, indicator: str, period: str, measure: str) -> tuple[float, str | None] | None:
        found = self.exact.get((indicator, period, measure))
        if found is None:
            year, months = span_of(period)
            found = self.spans.get((indicator, year, months, measure))
        return found


def first_related_error(
    connection: Connection, touched: set[_Touched], rules: dict[str, Rule]
) -> tuple[int, Problem] | None:
    """(id of the figure, problem) of the first related error rule failed, or None."""
    related = related_rules(rules)
    if not related or not touched:
        return None
    by_region: dict[int, set[str]] = {}
    for region_id, code in touched:
        by_region.setdefault(region_id, set()).add(code)
    watched = watched_indicators(rules)
    for chunk in _chunks(sorted(by_region), REGIONS_PER_QUERY):
        periods = {code for region_id in chunk for code in by_region[region_id]}
        regions = _read(connection, chunk, periods, watched)
        for region_id in chunk:
            region = regions.get(region_id, _Region())
            for code in sorted(by_region[region_id]):
                # newest first: a finding falls on the group's first figure, and a figure
                # of this file is the one to name
                written = sorted(region.by_period.get(code, []), key=lambda f: -f[0])
                figures = [figure for _, figure in written]
                problems = check_figures(figures, region, related)
                if problems:
                    return written[problems[0].figure][0], problems[0]
    return None


def _chunks(items: list[int], size: int) -> Iterator[list[int]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


_FIGURES = (
    select(
        Observation.id,
        Observation.region_id,
        Indicator.name,
        Indicator.unit.label("indicator_unit"),
        Indicator.kind,
        Observation.period,
        Observation.measure,
        Observation.value,
        Observation.unit,
        Observation.basis,
    )
    .join(Indicator, Observation.indicator_id == Indicator.id)
    .where(
        Observation.region_id.in_(bindparam("regions", expanding=True)),
        func.substr(Observation.period, 1, 4).in_(bindparam("years", expanding=True)),
    )
    .order_by(Observation.version, Observation.id)
)
_WATCHED = _FIGURES.where(Indicator.name.in_(bindparam("names", expanding=True)))


def _read(
    connection: Connection, regions: list[int], periods: set[str], watched: frozenset[str] | None
) -> dict[int, _Region]:
    """The latest figures of the regions in the periods' years and the years before."""
    years = sorted({str(span_of(code)[0] - back) for code in periods for back in (0, 1)})
    params: dict[str, Any] = {"regions": regions, "years": years}
    query = _FIGURES
    if watched is not None:
        query, params["names"] = _WATCHED, sorted(watched)
    latest: dict[tuple[int, str, str, str], tuple[Any, ...]] = {}
    for (
        row_id,
        region_id,
        name,
        of_unit,
        kind,
        code,
        measure,
        value,
        unit,
        basis,
    ) in connection.execute(query, params):  # later versions win
        latest[(region_id, name, code, measure)] = (row_id, of_unit, kind, value, unit, basis)
    found: dict[int, _Region] = {}
    for (region_id, name, code, measure), (
        row_id,
        of_unit,
        kind,
        value,
        unit,
        basis,
    ) in latest.items():
        region = found.setdefault(region_id, _Region())
        region.exact[(name, code, measure)] = (value, unit)
        year, months = span_of(code)
        region.spans.setdefault((name, year, months, measure), (value, unit))
        figure = Figure(name, of_unit, kind, measure, value, unit, code, None, basis)
        region.by_period.setdefault(code, []).append((row_id, figure))
    return found
