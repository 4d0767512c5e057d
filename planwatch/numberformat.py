"""How many decimals a figure shows: one rule, by its unit and magnitude, for every face.

The rule is the report's (计划执行情况 reports print figures as the office states them):
amounts in 元 and counts of people or things are whole (24012元, 24400人, 3166套); every
other amount (亿元, 万元, 万人, 万平方米) and every rate keeps two decimals at most, with
no trailing zeros, so a rate reads as reported (8.1%, 15.61%, 525.69亿元); completion
shares and gaps keep one decimal, as the office rounds them (74.5%, 79.0). A figure so
small that two decimals would show it as 0 keeps the digits that say what it is (0.004亿元).

The report (``assess/sentences.py`` and ``report/``), the pages (the ``num`` filter of
``web/render.py``) and the exports (``web/export.py``) all print through this module.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache

from planwatch.vocabulary import lexicon

_UNITS = {unit.word: unit for unit in lexicon.UNITS}
_WHOLE_FAMILIES = ("people", "person-times")
MOST_PLACES = 4  # the digits a very small figure keeps beside its two decimals


def places(unit: str | None, value: float | None = None) -> int:
    """The decimals a figure in ``unit`` is printed with (a tiny ``value`` keeps more)."""
    if unit and _whole(unit.strip()):
        return 0
    if value is not None and 0 < abs(value) < 0.005:
        needed = 1 - math.floor(math.log10(abs(value)))  # 0.004 → 3, 0.0004 → 4
        return min(max(needed, 2), MOST_PLACES)
    return 2


@lru_cache(maxsize=1024)  # a page prints a few units many times
def _whole(unit: str) -> bool:
    if unit == "元" or unit.startswith("元/"):
        return True
    magnitude, word = lexicon.unit_magnitude(unit)
    if magnitude != 1:
        return False  # 万人, 万户: ten-thousands keep their decimals
    known = _UNITS.get(word)
    if known is None:
        return False  # not a unit word the lexicon knows (a typo, a free text): keep decimals
    return known.family is None or known.family in _WHOLE_FAMILIES


def number(value: float, digits: int = 2) -> str:
    """``value`` to at most ``digits`` decimals, without trailing zeros (8.1, 24012, 15.61)."""
    text = f"{value:.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def figure(value: float, unit: str | None) -> str:
    """A figure as the report writes it: 525.69 (亿元), 24012 (元), 8.1 (%)."""
    return number(value, places(unit, value))


def grouped(value: float | None, unit: str | None = None) -> str:
    """A figure as a page shows it: the same decimals, thousands separated (24,400)."""
    if value is None:
        return "—"
    text = f"{value:,.{places(unit, value)}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def rounded(value: float, unit: str | None = None) -> float:
    """The figure a spreadsheet cell holds: the printed decimals, still a number."""
    return round(value, places(unit, value))


def one_decimal(value: float) -> str:
    """Completion shares and gaps keep one decimal, as the office rounds them (74.5, 79.0)."""
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def rounding_of(values: Iterable[float]) -> float:
    """How far apart figures as stated may be by rounding alone: half a unit of each
    value's last stored decimal, added up (1e-9 at least): 1.57 and 1.58 differ by 0.01."""
    return sum(half_unit(value) for value in values) + 1e-9


def half_unit(value: float) -> float:
    """Half a unit of the value's last stored decimal: what its rounding may hide."""
    return 0.5 * 10 ** -_decimals(value)


def _decimals(value: float) -> int:
    text = repr(float(value))
    if "e" in text:
        return 6
    return len(text.split(".")[1].rstrip("0")) if "." in text else 0
