"""Targets in the plan's own words: the stored text of a target, with its quantities kept.

A plan says 全年地方公共财政预算收入计划同口径增长10%以上 or 居民收入增长与经济增长同步;
the assessment words a target from its fields. Where the plan's text states the target
alone — its numbers are exactly the target's — the report quotes the plan, and each of
those numbers stays a quantity with the target as its source. A text shared by several
targets (…分别为3.8%和4.3%) or with other numbers in it is not quoted.
"""

from __future__ import annotations

from planwatch.assess.model import Part
from planwatch.extract.numbers import scan

_END_MARKS = "。；;，, "
# a text that goes on from another target's subject: 增长10%以上
_CONTINUATIONS = ("增长", "完成", "降低", "下降", "控制", "达到", "同口径", "同比")


def plan_worded(parts: tuple[Part, ...], text: str | None) -> tuple[Part, ...]:
    """``parts`` (the assessment's wording) in the plan's words where ``text`` allows.

    The first part stays the subject (全年…计划), so a second target of one line can go
    without it: the plan's words up to 计划, or the assessment's subject before a text
    that is itself a continuation (增长10%以上).
    """
    words = (text or "").strip().rstrip(_END_MARKS)
    if not words or "分别" in words:
        return parts
    quantities = [p for p in parts if p.value is not None]
    tokens = scan(words)
    if [t.value for t in tokens] != [q.value for q in quantities]:
        return parts
    worded, position = _subject(words, parts[0], tokens[0].start if tokens else len(words))
    for token, quantity in zip(tokens, quantities, strict=True):
        worded.append(Part(words[position : token.start]))
        worded.append(Part(words[token.start : token.end], quantity.value, quantity.source))
        position = token.end
    worded.append(Part(words[position:]))
    return tuple(p for p in worded if p.text)


def line_wording(worded: list[tuple[Part, ...]]) -> list[Part]:
    """Several targets of one indicator on one line: the second goes without its subject
    (全年…计划): 全年全社会固定资产投资计划完成220亿元以上,增长10%以上."""
    wording = [*worded[0]]
    for parts in worded[1:]:
        wording += [Part(","), *parts[1:]]
    return wording


def _subject(words: str, subject: Part, first_number: int) -> tuple[list[Part], int]:
    """The subject part of the plan's words, and where the rest begins."""
    head, marker, _ = words.partition("计划")
    if marker and len(head) + len(marker) <= first_number:
        return [Part(words[: len(head) + len(marker)])], len(head) + len(marker)
    if words.startswith(_CONTINUATIONS):
        return [subject], 0
    # a statement of its own (居民收入增长与经济增长同步): said of the whole year
    if words.startswith("全年"):
        return [Part("全年")], 2
    return [Part("全年")], 0
