"""Numbers that measure nothing: an illustration, a restatement, a count of items just named.

节约的电量相当于50万吨标准煤 restates an amount; 如用之于基建，则可以新建学校100所 says what a
sum could buy; 上述三项 counts what was just listed; 三项增减相抵 sums it.
"""

from __future__ import annotations

import re

from planwatch.extract.rules import Example, rule
from planwatch.extract.tokens import NumberToken

# an amount restated in other terms, or what a sum could buy if spent
_EQUIVALENT = re.compile(r"相当于(?:约|近|将近)?$")
_HYPOTHESIS = re.compile(
    r"(?:如果|假如|假若|倘若|如若|如(?=[用把将按以]))[^，,。；]{1,16}[，,]"
    r"(?:则|就|便)(?:可以|可|能够|能)[^。；]*$"
)
# 上述三项, 三项增减相抵: a count of the items just listed
_BACK_REFERENCE = ("上述", "前述", "上列", "这")
_OFFSET = re.compile(r"(?:增减|收支)?相抵")


_SOURCE_OPENING = ("按照", "根据", "依据", "遵照")
_SOURCE_FIRST = frozenset("按根依遵 \u3000")
# …制定的《方案》, …的计划, …的要求: the count is of those who wrote the plan (not 的统计)
_SOURCE_AFTER = re.compile(r"[^，,。；]{0,16}?的(?:《|“|计划|方案|规定|要求|部署|意见|办法|通知)")


@rule(
    Example(
        "按照财政部等六部委制定的《工作方案》要求，化解债务12亿元。", "12", "value", 12, "亿元"
    ),
    Example("根据对320个重点企业的统计，节约资金2亿元。", "320", "value", 320, "个"),
)
def count_of_a_plans_authors(text: str, token: NumberToken, left: str) -> bool:
    """`按照财政部等六部委制定的《方案》`, `按照中央17个部培养工人的计划`: a count inside the
    phrase naming whose plan is followed says who wrote it, and measures nothing."""
    if left[:1] not in _SOURCE_FIRST:
        return False  # the common case, settled by one character
    if not left.lstrip(" \u3000").startswith(_SOURCE_OPENING):
        return False
    return _SOURCE_AFTER.match(text, token.span_end) is not None


def not_measured(text: str, token: NumberToken, left: str, sentence: str) -> bool:
    """Numbers that measure nothing: an illustration, or a count of items just named."""
    if token.unit not in ("%", "‰") and "相当于" in left[-6:] and _EQUIVALENT.search(left):
        return True  # 节约的电量相当于50万吨标准煤: the same amount, restated
    if ("如" in sentence or "若" in sentence) and _HYPOTHESIS.search(sentence):
        return True  # 如用之于基建，则可以新建学校100所，或…: what it could pay for
    if count_of_a_plans_authors(text, token, left):
        return True
    return left.endswith(_BACK_REFERENCE) or bool(_OFFSET.match(text, token.span_end))
