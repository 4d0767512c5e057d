"""Chinese phrases in the style of a 计划执行情况 report.

A sentence is built from three parts the report writer may also use alone:
``target_phrase`` (全年地区生产总值计划增长9%以上), ``actual_phrase`` (上半年完成525.69亿元,
同比增长8.1%) and ``judgement_phrase`` (低于全年目标0.9个百分点).

Each phrase is built as parts (``Part``: words, or a quantity with its source) and its
string is the parts' text joined, so the report can link every quantity to where it
came from without reading numbers back out of the words.
"""

from __future__ import annotations

from collections.abc import Iterable

from planwatch import vocabulary
from planwatch.assess.model import Clause, Part, Ref
from planwatch.numberformat import figure as figure_text
from planwatch.numberformat import number, one_decimal
from planwatch.periods import Period
from planwatch.reads.figures import Figure
from planwatch.vocabulary import span_phrase

# the names reports use when an indicator is the yardstick of another (高于GDP增速)
_SHORT_NAMES = {"地区生产总值": "GDP"}
_QUALIFIER_WORDS = {"at_least": "以上", "at_most": "以内", "approx": "左右"}
_BASIS_WORDS = {"comparable": "同口径"}


def short_name(indicator: str) -> str:
    return _SHORT_NAMES.get(indicator, indicator)


def period_phrase(period: Period) -> str:
    """上半年, 一季度, 前三季度, 1-5月, 全年: the span a year-to-date figure covers."""
    return span_phrase(period.months)


def rest_phrase(period: Period) -> str:
    """The months still to come after the period (下半年, 四季度, 6-12月)."""
    return vocabulary.rest_phrase(period.months)


# A relation target's qualifier names its operator: growth above the other's (the
# default), at least the other's (不低于), or in step with it (同步, ``approx``).
_RELATION_OPERATORS = {"at_least": ">=", "approx": "="}


def relation_operator(qualifier: str | None) -> str:
    """``>``, ``>=`` or ``=``: how a relation target compares the two growth rates."""
    return _RELATION_OPERATORS.get(qualifier or "", ">")


def qualifier_word(qualifier: str | None) -> str:
    return _QUALIFIER_WORDS.get(qualifier or "", "")


def basis_word(basis: str | None) -> str:
    return _BASIS_WORDS.get(basis or "", "")


def words(text: str) -> Part:
    return Part(text)


def quantity(value: float, printed: str, source: Ref | None) -> Part:
    return Part(printed, value, source)


def observed(figure: Figure, printed: str) -> Part:
    """A stored figure as printed, pointing at the observation it was read from."""
    return Part(printed, figure.value, Ref("observation", figure.observation_id))


def text_of(parts: Iterable[Part]) -> str:
    return "".join(part.text for part in parts)


def clauses_text(clauses: Iterable[Clause]) -> str:
    return ",".join(text_of(clause.parts) for clause in clauses)


def growth_parts(growth: Figure) -> tuple[Part, ...]:
    """同比增长15.61% / 同口径同比增长44.7% / 同比下降5.9%."""
    verb = "下降" if growth.value < 0 else "增长"
    printed = number(abs(growth.value))
    return (Part(f"{basis_word(growth.basis)}同比{verb}"), observed(growth, printed), Part("%"))


def growth_phrase(growth: Figure) -> str:
    return text_of(growth_parts(growth))


def change_parts(percent: float, places: int = 1, source: Ref | None = None) -> tuple[Part, ...]:
    """增长12.3% / 下降4.5%: a rate with the verb its sign asks for."""
    verb = "下降" if percent < 0 else "增长"
    return (Part(verb), Part(number(abs(percent), places), percent, source), Part("%"))


def change_phrase(percent: float, places: int = 1) -> str:
    return text_of(change_parts(percent, places))


def amount_parts(value: float, unit: str | None, source: Ref | None) -> tuple[Part, ...]:
    return (Part(figure_text(value, unit), value, source), Part(unit or ""))


def figure_amount(figure: Figure) -> tuple[Part, ...]:
    return amount_parts(figure.value, figure.unit, Ref("observation", figure.observation_id))


def amount(value: float, unit: str | None) -> str:
    return f"{figure_text(value, unit)}{unit or ''}"


def share_parts(before: str, share: float, source: Ref | None) -> tuple[Part, ...]:
    """完成全年目标的74.5%: a completion share, one decimal as the office rounds it."""
    return (Part(before), Part(one_decimal(share), share, source), Part("%"))


def time_gap_parts(gap: float, source: Ref | None = None) -> tuple[Part, ...]:
    """超序时进度24.5个百分点 / 低于序时进度3.2个百分点 / 与序时进度持平."""
    shown = one_decimal(abs(gap))
    if shown == "0.0":
        return (Part("与序时进度持平"),)
    verb = "超序时进度" if gap > 0 else "低于序时进度"
    return (Part(verb), Part(shown, gap, source), Part("个百分点"))


def time_gap_phrase(gap: float) -> str:
    return text_of(time_gap_parts(gap))


def target_gap_parts(gap: float, source: Ref | None = None) -> tuple[Part, ...]:
    """高于全年目标5.61个百分点 / 低于全年目标0.9个百分点 / 达到全年目标."""
    shown = number(abs(gap))
    if shown == "0":
        return (Part("达到全年目标"),)
    verb = "高于全年目标" if gap > 0 else "低于全年目标"
    return (Part(verb), Part(shown, gap, source), Part("个百分点"))


def target_gap_phrase(gap: float) -> str:
    return text_of(target_gap_parts(gap))


def sentence(target: str, actual: str, judgement: str) -> str:
    """全年…计划…;上半年…,…。"""
    body = ",".join(part for part in (actual, judgement) if part)
    return f"{target};{body}。" if body else f"{target}。"
