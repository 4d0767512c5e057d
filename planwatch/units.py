"""Scale conversion between the units plans and reports write: 亿元/万元/元, 万人/人, 万平方米….

A plan sets 固定资产投资 in 亿元 while a department may report in 万元; a task asks for
32万平方米 and progress arrives in 平方米. Each unit belongs to a family (money in yuan,
people, floor area, …) with a factor to the family's base unit, so two figures compare
only when their families agree. Counts (个, 户, 套 …) compare only with the same word,
because 3166套 and 3166户 are different things.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from planwatch.errors import InvalidInput
from planwatch.vocabulary import lexicon

# unit words, their families and the scale prefixes are the lexicon's (vocabulary/lexicon)
_UNITS = {unit.word: unit for unit in lexicon.UNITS}


@dataclass(frozen=True)
class Scale:
    """A unit as its family and the factor that takes a figure to the family's base unit."""

    family: str
    factor: float


@lru_cache(maxsize=1024)  # a file of figures names a handful of units, row after row
def scale(unit: str) -> Scale:
    """The family and factor of ``unit``; a count word is a family of its own (个, 套)."""
    magnitude, word = lexicon.unit_magnitude(unit.strip())
    known = _UNITS.get(word)
    if known is None or known.family is None:
        # 万户 is ten thousand 户: a count keeps its word, and its scale
        return Scale(f"count:{word}", magnitude)
    return Scale(known.family, known.factor * magnitude)


def comparable(first: str | None, second: str | None) -> bool:
    """Whether figures in these units can be compared (a missing unit matches anything)."""
    if not first or not second:
        return True
    return scale(first).family == scale(second).family


def convert(value: float, from_unit: str | None, to_unit: str | None) -> float:
    """``value`` in ``from_unit`` expressed in ``to_unit``; a missing unit means the same one."""
    if not from_unit or not to_unit or from_unit.strip() == to_unit.strip():
        return value
    source, goal = scale(from_unit), scale(to_unit)
    if source.family != goal.family:
        raise InvalidInput("units.incomparable", from_unit=from_unit, to_unit=to_unit)
    return value * source.factor / goal.factor


_ENGLISH_WORDS = {row[0]: " ".join(row[1:]) for row in lexicon.entries("units_english.txt")}
_ENGLISH_SCALES = {row[0]: " ".join(row[1:]) for row in lexicon.entries("magnitude_english.txt")}


@lru_cache(maxsize=1024)
def english(unit: str | None) -> str:
    """A unit as English pages name it: 亿元 → 100 million yuan, 万人 → 10,000 people, % → %.

    A word the lexicon has no English for (``units_english.txt``) stays as written.
    """
    if not unit:
        return ""
    written = unit.strip()
    if written in _ENGLISH_WORDS or not any(ord(c) > 0x2FFF for c in written):
        return _ENGLISH_WORDS.get(written, written)
    _, word = lexicon.unit_magnitude(written)
    prefix = written[: len(written) - len(word)]
    if word not in _ENGLISH_WORDS or (prefix and prefix not in _ENGLISH_SCALES):
        return written
    return f"{_ENGLISH_SCALES[prefix]} {_ENGLISH_WORDS[word]}" if prefix else _ENGLISH_WORDS[word]
