"""Comparison predicates: a number stated against a base other than last year's figure.

`比1952年增长68%`, `较“十三五”末下降14.5%`, `比年度计划增加2%`, `比预算少支出1.59%`,
`超年度计划28%`, `增速低于全州2.0个百分点`: the base decides the measure, the verb the sign,
and the compared thing is never the subject.
"""

from __future__ import annotations

import re

from planwatch.extract.rules import Example, rule
from planwatch.periods import Period
from planwatch.vocabulary import lexicon

_LAST_YEAR = (
    "上年",
    "去年",
    "上一年",
    "前一年",
    "同期",
    "上年同期",
    "去年同期",
    "上年末",
    "去年末",
)
_YEAR = re.compile(r"^((?:19|20)[0-9]{2}|[一二][九零〇○][〇○零一二三四五六七八九]{2})年")
# the clause's last 比/较 (not 比重, 较快) and its base, up to the number's verb
_BASE = re.compile(
    r"(?<![同环对])(?:比(?![重例率值])|较(?![快大好高低多少为]))(?:起)?([^，,。；：:比较]{1,24}?)"
    r"(?:的[^，,。；：:比较]{0,16})?(?:增长|增加|下降|减少|提高|降低|上升|增|减|降)(?:了|为)?(?:约|近)?$"
)
_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_MORE_LESS = re.compile(
    r"(?<![减增缺至最不很较])(?P<verb>多|少)(?P<then>支出|收入|支|收|降低|减少|增加|用|花)?了?(?:约|近)?$"
)
# a comma between digit groups (２８，０４９，７８０元) ends no clause
_CLAUSE_MARK = re.compile(r"[。；;：:]|[，,](?![0-9０-９]{3})")
_BELOW = re.compile(r"(?:低于|慢于|少于|落后于)[^，,。；]{0,12}$")


@rule(
    Example("工业总产值比一九五二年增长百分之一百四十一。", "一百四十一", "change", 141, "%"),
    Example("产品销售收入比年度计划增加了２％。", "２", "change", 2, "%"),
    Example("万元GDP能耗较“十三五”末下降14.5%。", "14.5", "change", -14.5, "%"),
    Example("2018年地区生产总值比2017年增长6.5%。", "6.5", "yoy_growth", 6.5, "%"),
    Example("１９５５年全国工业总产值比１９５４年增长８％。", "８", "yoy_growth", 8, "%"),
)
def change_against_other_base(clause: str, period: Period | None) -> bool:
    """A percentage change against a base other than the same period of the previous year
    (an earlier year, a plan, a budget, the end of a five-year plan) is a `change` in %."""
    if "比" not in clause and "较" not in clause:
        return False
    base = _BASE.search(clause.rstrip(" \u3000"))
    if base is None:
        return False
    words = base.group(1).translate(_FULL_WIDTH).lstrip('“"')
    if words.startswith(_LAST_YEAR):
        return False
    year = _YEAR.match(words)
    if year is None:
        return not words.startswith(("全国", "全省", "全市", "全州", "全区"))  # a place: a gap
    base_year = _year_number(year.group(1))
    own = period.year if period is not None else _year_before(clause[: base.start()])
    return own is not None and base_year != own - 1


def _year_number(written: str) -> int | None:
    return int(written) if written.isdigit() else lexicon.year_from_chinese(written)


_ANY_YEAR = re.compile(r"((?:19|20)[0-9]{2}|[一二][九零〇○][〇○零一二三四五六七八九]{2})年")


def _year_before(text: str) -> int | None:
    """The year the clause dates its own figure in (１９５５年全国工业总产值…比１９５４年)."""
    years = _ANY_YEAR.findall(text.translate(_FULL_WIDTH))
    return _year_number(years[-1]) if years else None


@rule(
    Example(
        "支出比预算数２９亿元少支４７４，８９０，０００元。",
        "４７４，８９０，０００",
        "change",
        -474890000,
        "元",
    ),
    Example(
        "其中限额以上的有九百二十一个，比计划规定的单位数多二百二十七个。",
        "二百二十七",
        "change",
        227,
        "个",
    ),
    Example("决算支出比预算少支出了约１．５９％。", "１．５９", "change", -1.59, "%"),
    Example("生产成本比年度计划多降低了３．１％。", "３．１", "change", -3.1, "%"),
    Example(
        "本年收入比预算数２８，０４９，７８０，０００元少８４６，４６１，０００元。",
        "８４６，４６１，０００",
        "change",
        -846461000,
        "元",
    ),
)
def more_or_less_than_base(left: str, sentence: str) -> tuple[float, int] | None:
    """`比…多/少X`: an amount or rate above or below a named base; the sign comes from 多/少.
    Returns the sign and where the comparison starts in `left`, or None for no such gap."""
    if "多" not in left[-6:] and "少" not in left[-6:]:
        return None
    verb = _MORE_LESS.search(left)
    if verb is None:
        return None
    clause = _CLAUSE_MARK.split(sentence)[-1]
    if "比" not in clause:
        return None
    sign = -1.0 if verb.group("verb") == "少" else 1.0
    if verb.group("then") in ("降低", "减少"):
        sign = -sign  # 比年度计划多降低了3.1%: a larger cut
    compared = left.rfind("比")
    return sign, compared if compared >= 0 else verb.start()


@rule(
    Example(
        "阿克陶县农林牧渔业总产值同比增长3.7%，增速低于全州2.0个百分点。",
        "2.0",
        "pp_change",
        -2.0,
        "个百分点",
    ),
    Example(
        "乌恰县农林牧渔业总产值同比增长17.6%，增速高于全州11.9个百分点。",
        "11.9",
        "pp_change",
        11.9,
        "个百分点",
    ),
)
def gap_below(left: str) -> bool:
    """`低于/慢于…X个百分点`: a gap below the compared figure, so the points are negative."""
    return ("低于" in left or "慢于" in left or "少于" in left or "落后于" in left) and bool(
        _BELOW.search(left)
    )


# 比一九五二年的八百二十七亿元, 由2020年的52.23%提高到…: the amount the base year had
_BASE_YEAR_AMOUNT = re.compile(
    r"(?:比|较|同|由|从|到|至)((?:19|20|１９|２０)[0-9０-９]{2}|[一二][九零〇○][〇○零一二三四五六七八九]{2})年(?:末|底)?的$"
)


@rule(
    Example(
        "总产值达到一千三百亿元，比一九五二年的八百亿元增长百分之六十八。",
        "八百亿",
        "value",
        8e10,
        "元",
    ),
    Example("城镇化率由2020年的52.2%提高到58.1%。", "52.2", "share", 52.2, "%", "城镇化率"),
    Example("比重将由1955年的46%提高到47%。", "46", "share", 46, "%"),
)
def base_year_amount(left: str) -> Period | None:
    """`比一九五二年的八百亿元增长…`, `由2020年的52.2%提高到58.1%`: an amount stated as the base
    year's is of that year (its period), whatever year the sentence is about."""
    if not left.endswith("的"):
        return None
    match = _BASE_YEAR_AMOUNT.search(left[-12:])
    if match is None:
        return None
    digits = match.group(1).translate(_FULL_WIDTH)
    year = int(digits) if digits.isdigit() else lexicon.year_from_chinese(digits)
    if year is None:
        return None
    end = match.group().endswith(("末的", "底的"))
    return Period(year, "M", 12) if end else Period(year, "Y", 0)
