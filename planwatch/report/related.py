"""Figures of a narrower indicator, said where the plan's own indicator has none.

A plan may set its target on 居民人均可支配收入 while the departments report only
城镇居民人均可支配收入; the office then writes the urban figure under that target
(上半年城镇居民人均可支配收入24012元,同比增长9.57%). The assessment stays unknown —
the figure is not the target's — but the report still states what the period brought.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from planwatch.assess.model import Part, RegionAssessment
from planwatch.assess.sentences import figure_amount, growth_parts
from planwatch.periods import Period
from planwatch.reads.figures import Figure, FigureBook
from planwatch.reads.indicators import indicators_by_id
from planwatch.reads.regions import stored_region


@dataclass(frozen=True)
class RelatedFigures:
    """The period's figures of indicators named inside a broader one (城镇… inside 居民…),
    as parts (上半年, 城镇居民人均可支配收入, 24012, 元, ",", 同比增长, 9.57, %)."""

    parts: tuple[Part, ...]
    figures: list[Figure]


class RelatedBook:
    """Narrower indicators' figures of one region and period, found by name."""

    def __init__(self, session: Session, assessed: RegionAssessment) -> None:
        self._period = Period.parse(assessed.period)
        self._phrase = assessed.period_phrase
        region = stored_region(session, assessed.region_code)
        self._book = FigureBook(session, region, (self._period.year,))
        found = indicators_by_id(session, self._book.indicator_ids(self._period))
        self._names: dict[int, str] = {i: row.name for i, row in found.items()}

    def for_indicator(self, indicator: str) -> RelatedFigures | None:
        clauses: list[tuple[Part, ...]] = []
        figures: list[Figure] = []
        for indicator_id, name in sorted(self._names.items(), key=lambda item: item[1]):
            if name == indicator or not name.endswith(indicator):
                continue
            level = self._book.get(indicator_id, self._period, "value")
            growth = self._book.get(indicator_id, self._period, "yoy_growth")
            said = [(Part(name), *figure_amount(level))] if level else []
            if growth is not None:
                lead = () if said else (Part(name),)
                said.append((*lead, *growth_parts(growth)))
            clauses.extend(said)
            figures.extend(f for f in (level, growth) if f is not None)
        if not clauses:
            return None
        joined = [part for clause in clauses for part in (Part(","), *clause)][1:]
        return RelatedFigures((Part(self._phrase), *joined), figures)
