"""Targets without a number: `居民人均可支配收入…增长速度高于GDP增速`.

Plans set some indicators against others (income grows faster than GDP,
income keeps pace with the economy). These become `target_relation` facts
with `relation: {op, other}` and no number span; only sentences that state
a plan count, since a report of the result (`同比增长9.57%,高于GDP增速`)
is no target.
"""

from __future__ import annotations

import re

from planwatch.extract.layout import Layout
from planwatch.extract.measures import is_target_sentence
from planwatch.extract.model import Fact
from planwatch.extract.subjects import trim

_CLAUSE = r"[^，,。；;：:\n]"
_GROWTH = r"(?:的)?(?:增长速度|增长|增速|增幅|涨幅)"
_COMPARED = re.compile(
    rf"(?P<subject>{_CLAUSE}{{2,30}}?){_GROWTH}(?:继续|保持|要|将)?"
    rf"(?P<op>不低于|不高于|高于|快于|低于|慢于|跑赢)(?P<other>{_CLAUSE}{{1,20}}?)"
    rf"(?:{_GROWTH})?(?=[，,。；;：:\n]|$)"
)
_IN_STEP = re.compile(
    rf"(?P<subject>{_CLAUSE}{{2,30}}?){_GROWTH}(?:要|将)?与(?P<other>{_CLAUSE}{{1,20}}?)"
    rf"{_GROWTH}(?:基本)?同步"
)
_OPERATORS = {
    "高于": ">",
    "快于": ">",
    "跑赢": ">",
    "低于": "<",
    "慢于": "<",
    "不低于": ">=",
    "不高于": "<=",
}
_ECONOMY = re.compile(r"^(?:GDP|经济|地区生产总值|生产总值|国内生产总值)$")
_PLAN_WORDS = re.compile(r"力争|确保|预期|目标")


_OPERATOR_WORD = re.compile(r"高于|快于|低于|慢于|跑赢|同步")
_WINDOW = 60


def read_relations(text: str, layout: Layout) -> list[Fact]:
    """Every planned comparison of growth rates in `text`."""
    facts: list[Fact] = []
    # The operator words are rare: look only around them, not at every offset.
    for word in _OPERATOR_WORD.finditer(text):
        start = max(layout.clause_start(word.start()), word.start() - _WINDOW)
        end = min(layout.clause_end(word.end()), word.end() + _WINDOW)
        pattern = _IN_STEP if word.group() == "同步" else _COMPARED
        match = pattern.search(text, start, end)
        if match is not None and match.start("subject") >= start:
            fact = _relation(text, layout, match)
            if fact is not None and all(f.span != fact.span for f in facts):
                facts.append(fact)
    return facts


def _relation(text: str, layout: Layout, match: re.Match[str]) -> Fact | None:
    start = match.start("subject")
    start += len(match.group("subject")) - len(match.group("subject").lstrip(" \u3000—-－"))
    sentence = text[max(layout.sentence_start(start), start - 240) : match.end()]
    section = layout.section(start)
    if not (section.target or is_target_sentence(sentence) or _PLAN_WORDS.search(sentence)):
        return None
    subject = trim(match.group("subject"))
    if not subject:
        return None
    period, _ = layout.period_before(match.end())
    op = _OPERATORS.get(match.groupdict().get("op") or "", "=")
    return Fact(
        subject=subject,
        measure="target_relation",
        value=None,
        unit=None,
        period=period.code if period else None,
        span=(start, match.end()),
        number_span=None,
        text=text[start : match.end()],
        relation={"op": op, "other": _other(match.group("other"))},
    )


def _other(name: str) -> str:
    if _ECONOMY.match(trim(name) or name):
        return "地区生产总值增速"
    return name if name.endswith(("增速", "水平")) else name + "增速"
