"""Whether a number states a plan or a result, and how a plan bounds it.

A report's figures are results unless their period lies ahead of the document's
(下半年 in a half-year report, a work report's own year), or a plan section or plan
words govern them; a part of the year the report has closed is never ahead.
"""

from __future__ import annotations

import re

from planwatch.extract.rules import Example, rule
from planwatch.periods import Period


def capped(measure: str, qualifier: str | None, lower_is_better: bool) -> str | None:
    """城镇调查失业率5.5% in a list of targets: for a figure best kept low, a bare target is
    a ceiling (at_most), not a floor."""
    if measure == "target_value" and qualifier is None and lower_is_better:
        return "at_most"
    return qualifier


def is_future(period: Period | None, document: Period | None, named: bool, ahead: bool) -> bool:
    """Whether `period` lies after the document's own: its numbers can only be plans."""
    if period is None or document is None:
        return False
    if period.year != document.year:
        return period.year > document.year
    if named and ahead and period.kind == "Y":
        return True  # 今年要…, 全年…: a work report's own year is still to come
    return document.months <= 6 and period.kind == "H" and period.index == 2


def is_closed(period: Period | None, document: Period | None, ahead: bool) -> bool:
    """上半年 in a half-year report's plans: a part of the year the report has closed."""
    if period is None or document is None or ahead or period.year != document.year:
        return False
    return period.months <= document.months < 12


# 据国家统计局初步统计, 到5月份为止, 比去年同期增长: figures counted so far are results
_COUNTED_SO_FAR = re.compile(r"据[^，,。；]{0,12}统计|到[^，,。；]{1,5}为止|比(?:上年|去年)同期")


@rule(
    Example(
        "（三）2026年的计划安排\n据统计局初步统计，1-5月份工业总产值比去年同期增长33%。",
        "33",
        "yoy_growth",
        33,
        "%",
    ),
    Example("（三）2026年的计划安排\n全年工业总产值增长6%。", "6", "target_growth", 6, "%"),
)
def achieved_to_date(sentence: str) -> bool:
    """`据…统计`, `到5月份为止`, `比去年同期增长`: a sentence reporting what statistics have
    counted so far states results, even inside a plan section."""
    if "统计" not in sentence and "为止" not in sentence and "同期" not in sentence:
        return False
    return _COUNTED_SO_FAR.search(sentence) is not None
