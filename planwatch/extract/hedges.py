"""Hedges on an amount: 约, 近, 以上, 不超过, 多, 左右 say whether it is a floor, a ceiling
or an approximation (facts.md: qualifier), and when a threshold is a size class instead
(30亿元以上项目 names projects by size; it measures nothing).
"""

from __future__ import annotations

import re

from planwatch.vocabulary import lexicon

# 节约二十亿元 saves an amount; its 约 hedges nothing
PRE_QUALIFIER = re.compile(
    r"(?:约(?<!节约)|近|超过|突破|不低于|不少于|至少|不超过|不高于|多达|逾|超|上)$"
)
# the last characters of `PRE_QUALIFIER`'s words: before any other the regex is not tried
_PRE_QUALIFIER_ENDS = frozenset("约近过破于少达逾超上")
# 至少完成四千万亩, 至少为国家节约: the floor set on the verb before the number
_FLOOR_BEFORE = re.compile(r"至少[^，,。；0-9０-９]{1,6}$")
PRE_QUALIFIER_KIND = {"约": "approx", "近": "approx", "不超过": "at_most", "不高于": "at_most"}
# A threshold used as a modifier: `30亿元以上项目`, `5000万元以上的`.
_MODIFIER_AFTER = re.compile(r"[的\u4e00-\u9fff]")
_MODIFIER_OK = re.compile(r"[和与及或、]")
# Counters of things, not sizes: N个以上X counts X (people and households are left out,
# since 5000人以上企业 and 1000户以上小区 are size classes)
_COUNTED_THINGS = lexicon.COUNTED_THINGS


def qualifier(text: str, match: re.Match[str], start: int) -> str | None:
    """The hedge of the amount `match` found: at_least, at_most, approx, None, or
    "modifier" for a threshold that classifies what follows (no amount at all)."""
    post = match.group("post")
    if post is not None and post != "左右":
        following = text[match.end() : match.end() + 1]
        counted = (match.group("unit") or "")[-1:] in _COUNTED_THINGS
        if following and _MODIFIER_AFTER.match(following) and not _MODIFIER_OK.match(following):
            # 30亿元以上项目 is a size class; 建立3个以上机制 counts at least 3 of them
            return "at_least" if counted and post != "以下" else "modifier"
    if post == "左右":
        return "approx"
    if post in ("以上", "及以上"):
        return "at_least"
    if post in ("以下", "以内", "及以下"):
        return "at_most"
    if match.group("more") or match.group("more2"):
        return "at_least"
    lead = match.start()
    if text[lead - 1 : lead] in _PRE_QUALIFIER_ENDS:
        pre = PRE_QUALIFIER.search(text, max(0, lead - 3), lead)
        if pre is not None:
            return PRE_QUALIFIER_KIND.get(pre.group(), "at_least")
    start = max(0, lead - 8)
    if "至少" in text[start:lead] and _FLOOR_BEFORE.search(text, start, lead):
        return "at_least"
    return None
