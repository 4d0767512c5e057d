"""Extraction's lexicon: the words reports measure with, read from the data files beside it.

Each word is defined once, in ``planwatch/vocabulary/lexicon/*.txt`` (one entry a line,
``#`` starts a comment); this module loads them and offers plain constants and functions.
It imports nothing from planwatch but errors, so every layer may use it.

>>> CHINESE_DIGITS["贰"], CHINESE_SCALES["万"], UNIT_MAGNITUDES["亿"]
(2, 10000, 100000000.0)
>>> chinese_year_digits(2017)
'二〇一七'
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from planwatch.errors import InvalidInput

FOLDER = Path(__file__).with_name("lexicon")


def entries(name: str) -> list[list[str]]:
    """The entries of lexicon file ``name``: each line's words, comments and blanks dropped."""
    path = FOLDER / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as missing:
        raise InvalidInput("vocabulary.lexicon.missing", path=path) from missing
    rows = [line.split("#", 1)[0].split() for line in lines if not line.startswith("#")]
    return [row for row in rows if row]


@dataclass(frozen=True)
class UnitWord:
    """A unit word; ``family`` None makes it a count, comparable only with itself."""

    word: str
    family: str | None
    factor: float


def _units() -> tuple[UnitWord, ...]:
    words = []
    for row in entries("units.txt"):
        family = row[1] if len(row) > 1 else None
        factor = float(Fraction(row[2])) if len(row) > 2 else 1.0
        words.append(UnitWord(row[0], family, factor))
    listed = {word.word for word in words}
    words += [UnitWord(word, None, 1.0) for word in compound_units() if word not in listed]
    return tuple(words)


def compound_units() -> tuple[str, ...]:
    """`芯千米`, `吨公里`, `人海里`: each thing carried or laid times each distance."""
    rows = entries("unit_compounds.txt")
    things = [row[0] for row in rows if "thing" in row[1:]]
    distances = [row[0] for row in rows if "distance" in row[1:]]
    return tuple(thing + distance for thing in things for distance in distances)


CHINESE_DIGITS: dict[str, int] = {row[0]: int(row[1]) for row in entries("chinese_digits.txt")}
CHINESE_SCALES: dict[str, int] = {row[0]: int(row[1]) for row in entries("chinese_scales.txt")}
UNIT_MAGNITUDES: dict[str, float] = {
    row[0]: float(row[1]) for row in entries("unit_magnitudes.txt")
}
UNITS: tuple[UnitWord, ...] = _units()
UNIT_WORDS: tuple[str, ...] = tuple(unit.word for unit in UNITS)
_UNIT_SET = frozenset(UNIT_WORDS)
_PREFIXES = sorted(UNIT_MAGNITUDES, key=len, reverse=True)  # 万亿 before 万
# percent signs take no scale prefix when numbers are scanned
UNPREFIXED_UNITS = frozenset(("%", "‰"))
COUNTERS: frozenset[str] = frozenset(row[0] for row in entries("counters.txt"))
COUNTED_THINGS: frozenset[str] = frozenset(
    row[0] for row in entries("counters.txt") if "thing" in row[1:]
)
# change verbs (增长, 下降 …): which lower a number, which make an amount a change
CHANGE_VERBS: tuple[str, ...] = tuple(row[0] for row in entries("change_verbs.txt"))
FALLING_VERBS: frozenset[str] = frozenset(
    row[0] for row in entries("change_verbs.txt") if "down" in row[1:]
)
AMOUNT_CHANGE_VERBS: frozenset[str] = frozenset(
    row[0] for row in entries("change_verbs.txt") if "amount" in row[1:]
)
# the plain digits, in order, as a regex character class body: 零〇○一二两三…九
PLAIN_DIGITS = "".join(d for d in CHINESE_DIGITS if d in "零〇○一二两三四五六七八九")
FINANCIAL_DIGITS = "".join(d for d in CHINESE_DIGITS if d not in PLAIN_DIGITS)
_YEAR_DIGITS = "〇一二三四五六七八九"
# a year as reports write it, for regexes: 2017, １９５５ (full-width), 一九五八, 二〇一七
ARABIC_YEAR = r"(?:[1１][789７８９]|[2２][0０])[0-9０-９]{2}"
CHINESE_YEAR = r"(?:一[七八九]|二[零〇○])[〇○零一二三四五六七八九]{2}"
YEAR = rf"(?:{ARABIC_YEAR}|{CHINESE_YEAR})"


def chinese_year_digits(year: int) -> str:
    """A year as reports spell it in numerals: 2017 → 二〇一七."""
    return "".join(_YEAR_DIGITS[int(digit)] for digit in str(year))


def year_from_chinese(digits: str) -> int | None:
    """二〇一七 (or 二零一七) → 2017; None unless every character is a plain digit."""
    if not digits or any(ch not in CHINESE_DIGITS or ch in FINANCIAL_DIGITS for ch in digits):
        return None
    return int("".join(str(CHINESE_DIGITS[ch]) for ch in digits))


def unit_magnitude(unit: str) -> tuple[float, str]:
    """A unit's scale prefix split off: 亿元 → (1e8, '元'); a unit without one → (1.0, unit)."""
    if unit in _UNIT_SET:
        return 1.0, unit  # 千米 and 千瓦 are words of their own
    for prefix in _PREFIXES:
        rest = unit[len(prefix) :]
        if unit.startswith(prefix) and rest in _UNIT_SET:
            return UNIT_MAGNITUDES[prefix], rest
    return 1.0, unit
