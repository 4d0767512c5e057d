"""A synthetic country for demos, tests and benchmarks, the same for the same seed.

Regions are real GB/T 2260 divisions (province > city > county, from ``planwatch.regions``)
taken province by province in an order the seed shuffles; past the whole country,
synthetic 街道 (9-digit codes under a county) follow. Figures are monthly, per region,
indicator and year: year-to-date amounts for flows (seasonal months, yearly growth),
month-end levels for stocks, and rates that drift. A parent's flows and stocks are the
sums of its children's, except in a few (parent, indicator, year) the seed picks, where
the parent reports its own figure 2% higher, as offices sometimes do, for the roll-up to
find. A whole of the validation rules' parts (``parts_sum``) is made of its parts, so a
synthetic file passes every rule the loader applies. About one region in ten lags (growth near zero). Every region gets a plan per year
with one target of every kind, a task with progress, two projects, and three departments.

``write_figures`` writes the figures as a CSV that ``planwatch observations load`` reads;
``store_country`` stores the regions and plans. Randomness is ``random.Random`` seeded
with text built from the seed and names, so the output does not depend on the process.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import IO

from sqlalchemy.orm import Session

from planwatch import catalog, regions
from planwatch.errors import InvalidInput
from planwatch.records.checks import load_rules
from planwatch.records.plans import PlanIn, store_plan
from planwatch.store.reference import add_region, region_row

FIRST_YEAR = 2021
LEVELS_KEPT = 8  # indicators whose yearly levels are kept worked out
# share of a year's flow falling in each month (Spring Festival low, December high)
SEASON = (0.055, 0.05, 0.08, 0.08, 0.085, 0.095, 0.08, 0.08, 0.085, 0.085, 0.09, 0.135)
DEPARTMENTS = ("统计局", "发展和改革局", "财政局")
STATUS = "published"  # the public view and every reader see synthetic figures
HEADER = ("region", "indicator", "period", "measure", "value", "unit", "basis", "status", "note")


@dataclass(frozen=True, slots=True)
class Place:
    code: str
    name: str
    level: str
    parent: str | None  # the parent's code; None at the top


@dataclass(frozen=True)
class Country:
    """What a seed makes: ``size`` regions, ``indicators`` indicators, ``years`` years."""

    size: int
    indicators: int
    years: int
    seed: int

    def __post_init__(self) -> None:
        most = len(catalog.load_catalog().indicators)
        if self.size < 1 or self.years < 1 or not 1 <= self.indicators <= most:
            raise InvalidInput(
                "records.synth.bad_size",
                size=self.size,
                indicators=self.indicators,
                years=self.years,
                most=most,
            )

    @cached_property
    def places(self) -> list[Place]:
        return _places(self.size, random.Random(f"{self.seed}:regions"))

    @cached_property
    def chosen(self) -> list[catalog.Indicator]:
        """Flows, stocks and rates in turn, in catalogue order."""
        entries = catalog.load_catalog().indicators
        by_kind = [[e for e in entries if e.kind == kind] for kind in ("flow", "stock", "rate")]
        picked: list[catalog.Indicator] = []
        while len(picked) < self.indicators:
            for group in by_kind:
                if group and len(picked) < self.indicators:
                    picked.append(group.pop(0))
        return picked

    @property
    def year_list(self) -> list[int]:
        return list(range(FIRST_YEAR, FIRST_YEAR + self.years))

    def lagging(self, code: str) -> bool:
        return random.Random(f"{self.seed}:lag:{code}").random() < 0.1

    @cached_property
    def _children(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for place in self.places:
            if place.parent is not None:
                found.setdefault(place.parent, []).append(place.code)
        return found

    def annual(self, code: str, indicator: catalog.Indicator, year: int) -> float:
        """The year's amount (flows), December level (stocks) or rate of a region."""
        return self._levels(indicator)[(code, year)]

    def _levels(self, indicator: catalog.Indicator) -> dict[tuple[str, int], float]:
        cache = self.__dict__.setdefault("_level_cache", {})
        if indicator.name not in cache:
            # a few indicators at a time (a plan asks for three or four, a whole for its
            # parts): memory stays a few indicators' levels, and storing every region's
            # plan does not work each one out again per region
            if len(cache) >= LEVELS_KEPT:
                del cache[next(iter(cache))]
            cache[indicator.name] = _levels(self, indicator)
        levels: dict[tuple[str, int], float] = cache[indicator.name]
        return levels

    def reported(self, code: str, indicator: catalog.Indicator, year: int) -> float:
        """What the region reports: its children's sum, or now and then its own figure (a
        whole and its parts together, so that they still add up)."""
        value = self.annual(code, indicator, year)
        if self._children.get(code) and indicator.kind != "rate":
            name = _whole_of(indicator.name)
            if random.Random(f"{self.seed}:own:{code}:{name}:{year}").random() < 0.05:
                return value * 1.02
        return value


@cache
def _wholes() -> dict[str, tuple[str, list[str], str]]:
    """The whole, parts and mode of each ``parts_sum`` group of the rules, by whole."""
    groups = load_rules()["parts_sum"].setting("groups", [])
    return {g["whole"]: (g["whole"], list(g["parts"]), g.get("mode", "sum")) for g in groups}


def _whole_of(name: str) -> str:
    """The whole of the group ``name`` is a part of (or the whole itself), else ``name``."""
    for whole, parts, _ in _wholes().values():
        if name == whole or name in parts:
            return whole
    return name


def _places(size: int, rng: random.Random) -> list[Place]:
    provinces = [d for d in regions.divisions() if d.level == "province"]
    rng.shuffle(provinces)
    found: list[Place] = []
    for province in provinces:
        for division in _tree(province):
            if len(found) == size:
                return found
            found.append(Place(division.code, division.name, division.level, division.parent_code))
    counties = [p for p in found if p.level == "county"] or found
    number = 0
    while len(found) < size:
        county = counties[number % len(counties)]
        serial = number // len(counties) + 1
        found.append(Place(f"{county.code}{serial:03d}", f"第{serial}街道", "street", county.code))
        number += 1
    return found


def _tree(division: regions.Division) -> Iterator[regions.Division]:
    """The division, then each child with its own children (province, city, county)."""
    yield division
    for child in regions.children(division.code):
        if child.code != division.code:
            yield from _tree(child)


def _levels(country: Country, indicator: catalog.Indicator) -> dict[tuple[str, int], float]:
    """Every region's yearly figure of one indicator: leaves drawn, parents summed; a whole
    of the rules' parts (地区生产总值 of its three industries) made of its parts' figures."""
    group = _wholes().get(indicator.name)
    if group is not None:
        return _whole_levels(country, *group)
    levels: dict[tuple[str, int], float] = {}
    for place in reversed(country.places):  # children come after their parents
        children = country._children.get(place.code)
        for year in country.year_list:
            if children and indicator.kind != "rate":
                levels[(place.code, year)] = sum(levels[(c, year)] for c in children)
        if children and indicator.kind != "rate":
            continue
        rng = random.Random(f"{country.seed}:{place.code}:{indicator.name}")
        level = _start(indicator, rng)
        lag = country.lagging(place.code)
        for year in country.year_list:
            levels[(place.code, year)] = level
            growth = rng.gauss(0.0, 0.01) if lag else rng.gauss(0.06, 0.02)
            level = level * (1 + growth) if indicator.kind != "rate" else level * (1 + growth / 4)
    return levels


def _whole_levels(
    country: Country, whole: str, parts: list[str], mode: str
) -> dict[tuple[str, int], float]:
    """The parts added up, or for a per-head whole (``between``) a mean weighted 3:2 of its
    two parts (urban and rural), so the whole always lies between them."""
    drawn = [_levels(country, _indicator(part)) for part in parts]
    weights = [0.6, 0.4] if mode == "between" else [1.0] * len(parts)
    return {
        key: sum(w * levels[key] for w, levels in zip(weights, drawn, strict=False))
        for key in drawn[0]
    }


def _indicator(name: str) -> catalog.Indicator:
    found = catalog.lookup(name)
    assert found is not None, f"{name}: a rules.yaml part missing from the catalogue"
    return found


def _start(indicator: catalog.Indicator, rng: random.Random) -> float:
    if indicator.kind == "rate":
        return rng.uniform(1, 10) if indicator.unit in ("%", "‰") else rng.uniform(10, 100)
    return rng.lognormvariate(3, 0.8)


def figure_rows(country: Country) -> Iterator[tuple[str, ...]]:
    """The CSV rows (without the header): each indicator's figures, region by region."""
    for indicator in country.chosen:
        for place in country.places:
            for year in country.year_list:
                yield from _rows(country, place, indicator, year)


def _rows(
    country: Country, place: Place, indicator: catalog.Indicator, year: int
) -> Iterator[tuple[str, ...]]:
    total = country.reported(place.code, indicator, year)
    before = country.reported(place.code, indicator, year - 1) if year > FIRST_YEAR else None
    so_far = 0.0
    for month, share in enumerate(SEASON, start=1):
        so_far += share
        if indicator.kind == "flow":
            value, last = total * so_far, before * so_far if before else None
        elif indicator.kind == "stock":
            start = before if before is not None else total / 1.06
            value, last = start + (total - start) * month / 12, None
        else:
            value, last = total, None
        period = f"{year}M{month:02d}"
        unit = indicator.unit
        yield (place.code, indicator.name, period, "value", f"{value:.2f}", unit, "", STATUS, "")
        if last and month % 3 == 0:
            growth = (value / last - 1) * 100
            yield (
                place.code,
                indicator.name,
                period,
                "yoy_growth",
                f"{growth:.2f}",
                "%",
                "",
                STATUS,
                "",
            )


def write_figures(country: Country, out: IO[str]) -> int:
    """Write the figures as CSV; the number of rows written."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    count = 0
    for row in figure_rows(country):
        writer.writerow(row)
        count += 1
    return count


def store_country(session: Session, country: Country, plan_years: int | None = None) -> int:
    """Store the regions (real ones as divisions, streets as added units) and a plan per
    region and year (of the last ``plan_years`` years only, when given); the number of
    plans."""
    for place in country.places:
        if place.level == "street":
            add_region(session, place.code, place.name, "street", place.parent)
        else:
            region_row(session, place.code)
    count = 0
    for place in country.places:
        for year in country.year_list[-plan_years if plan_years else 0 :]:
            store_plan(session, plan_of(country, place, year))
            count += 1
    return count


def plan_of(country: Country, place: Place, year: int) -> PlanIn:
    """A plan with one target of every kind, a task and two projects."""
    rng = random.Random(f"{country.seed}:plan:{place.code}:{year}")
    flows = [i for i in country.chosen if i.kind == "flow"]
    rates = [i for i in country.chosen if i.kind == "rate"]
    first = flows[0] if flows else country.chosen[0]
    second = flows[1] if len(flows) > 1 else first
    rate = rates[0] if rates else first
    department = DEPARTMENTS[0]
    targets = [
        dict(
            indicator=first.name,
            kind="growth_at_least",
            value=round(rng.uniform(5, 8), 1),
            unit="%",
            qualifier="at_least",
            department=department,
        ),
        dict(
            indicator=second.name,
            kind="value_at_least",
            value=round(country.annual(place.code, second, year) * rng.uniform(0.98, 1.08), 2),
            unit=second.unit,
            qualifier="at_least",
            department=DEPARTMENTS[1],
        ),
        dict(
            indicator=rate.name,
            kind="value_at_most",
            value=round(country.annual(place.code, rate, year) * 1.05, 2),
            unit=rate.unit,
            qualifier="at_most",
            department=DEPARTMENTS[2],
        ),
        dict(indicator=rate.name, kind="reduction_at_least", value=3.0, unit="%"),
        dict(indicator=second.name, kind="relation", other=first.name),
    ]
    plan = dict(
        region=place.code,
        year=year,
        title=f"{place.name}{year}年国民经济和社会发展计划",
        targets=targets,
        tasks=[
            dict(
                title=f"{place.name}重点任务",
                department=DEPARTMENTS[1],
                target_value=100,
                unit="%",
            )
        ],
        projects=[
            dict(name=f"{place.name}重大项目{n}", stage=stage, investment=rng.uniform(1, 50))
            for n, stage in ((1, "new_start"), (2, "preliminary"))
        ],
    )
    return PlanIn.model_validate(plan)


def write_figure_file(country: Country, path: Path) -> int:
    with path.open("w", encoding="utf-8", newline="") as out:
        return write_figures(country, out)
