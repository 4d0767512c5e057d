"""Numbers that measure nothing: an illustration, a restatement, a count of items just named.

节约的电量相当于50万吨标准煤 restates an amount; 如用之于基建，则可以新建学校100所 says what a
sum could buy; 上述三项 counts what was just listed; 三项增减相抵 sums it.
"""

from __future__ import annotations

import re

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


def not_measured(text: str, token: NumberToken, left: str, sentence: str) -> bool:
    """Numbers that measure nothing: an illustration, or a count of items just named."""
    if token.unit not in ("%", "‰") and "相当于" in left[-6:] and _EQUIVALENT.search(left):
        return True  # 节约的电量相当于50万吨标准煤: the same amount, restated
    if ("如" in sentence or "若" in sentence) and _HYPOTHESIS.search(sentence):
        return True  # 如用之于基建，则可以新建学校100所，或…: what it could pay for
    return left.endswith(_BACK_REFERENCE) or bool(_OFFSET.match(text, token.span_end))
