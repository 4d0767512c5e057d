"""Scale conversion between the units plans and reports write: 亿元/万元/元, 万人/人, 万平方米….

A plan sets 固定资产投资 in 亿元 while a department may report in 万元; a task asks for
32万平方米 and progress arrives in 平方米. Each unit belongs to a family (money in yuan,
people, floor area, …) with a factor to the family's base unit, so two figures compare
only when their families agree. Counts (个, 户, 套 …) compare only with the same word,
because 3166套 and 3166户 are different things.
"""

from __future__ import annotations

from dataclasses import dataclass

from planwatch.errors import InvalidInput

_MAGNITUDES = {
    "": 1.0,
    "十": 10.0,
    "百": 100.0,
    "千": 1e3,
    "万": 1e4,
    "十万": 1e5,
    "百万": 1e6,
    "千万": 1e7,
    "亿": 1e8,
    "万亿": 1e12,
}
# base word → family; a magnitude prefix from _MAGNITUDES may precede the base word
_BASES = {
    "元": "CNY",
    "人民币": "CNY",
    "美元": "USD",
    "人": "people",
    "人次": "person-times",
    "平方米": "m2",
    "平米": "m2",
    "吨": "tonnes",
    "千瓦时": "kWh",
    "度": "kWh",
    "千瓦": "kW",
    "标准煤": "tce",
    "吨标准煤": "tce",
}
# units that are not prefix + base but have a fixed factor to a base
_SPECIAL = {
    "平方公里": ("m2", 1e6),
    "公顷": ("m2", 1e4),
    "亩": ("m2", 10000 / 15),
    "千米": ("m", 1e3),
    "公里": ("m", 1e3),
    "米": ("m", 1.0),
    "%": ("percent", 1.0),
    "‰": ("permille", 1.0),
}


@dataclass(frozen=True)
class Scale:
    """A unit as its family and the factor that takes a figure to the family's base unit."""

    family: str
    factor: float


def scale(unit: str) -> Scale:
    """The family and factor of ``unit``; an unknown word is a family of its own (个, 套)."""
    word = unit.strip()
    if word in _SPECIAL:
        family, factor = _SPECIAL[word]
        return Scale(family, factor)
    # longest base first, so 吨标准煤 is read before 吨 and 人次 before 人
    for base in sorted(_BASES, key=len, reverse=True):
        if word.endswith(base):
            prefix = word[: -len(base)]
            if prefix in _MAGNITUDES:
                return Scale(_BASES[base], _MAGNITUDES[prefix])
    return Scale(f"count:{word}", 1.0)


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
        raise InvalidInput(
            f"a figure in {from_unit} cannot be compared with one in {to_unit}",
            "store the figure in a unit of the same kind as the target",
        )
    return value * source.factor / goal.factor
