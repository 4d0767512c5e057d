"""Number tokens in report text: Arabic and Chinese numerals with their unit and qualifier.

One compiled regex walks the text once. A token that is not a measurement
(a date, a year, an ordinal, part of a name such as 5号线 or 十三五) is
dropped here, so the grammar only sees amounts.
"""

from __future__ import annotations

import re

from planwatch.extract import hedges
from planwatch.extract.hedges import PRE_QUALIFIER, PRE_QUALIFIER_KIND
from planwatch.extract.numerals import fraction_percent, numeral
from planwatch.extract.rules import Example, rule
from planwatch.extract.skim import Skimmer
from planwatch.extract.tokens import NumberToken
from planwatch.vocabulary import lexicon

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，％○", "0123456789.,%〇")

# Longer spellings first: regex alternation takes the first that matches.
_SCALES = "(?:" + "|".join(sorted(lexicon.UNIT_MAGNITUDES, key=len, reverse=True)) + ")?"
_BASE_UNITS = sorted(
    (u for u in lexicon.UNIT_WORDS if u not in lexicon.UNPREFIXED_UNITS), key=len, reverse=True
)
# 40万余元, 1.2万多人次: the hedge may sit between the scale and the unit
# 公里/百平方公里, 元/人: a rate unit; 人次86.5万、: a scale alone closing a listed amount
# 吨标准煤/万元, 立方米/万元: an intensity per sum of output, its unit kept whole as written
_PER = r"(?:/[百千万]?(?:平方公里|平方米|人|户|年|月|日|天|小时|吨|亩|公顷|床|元))?"
_UNIT = (
    "(?:"
    + _SCALES
    + "[多余]?(?:"
    + "|".join(re.escape(u) for u in _BASE_UNITS)
    + ")"
    + _PER
    + "|[%％‰]|[万亿](?=[、，,。；;]))"
)

# Runs are bounded so that pathological input (a million digits) cannot make the scan
# backtrack quadratically; real amounts are far shorter.
# (1,421, 486: a stray space or line break after a group's comma splits no number)
_ARABIC = (
    r"[0-9０-９]{1,16}(?:[,，][ \n]?[0-9０-９]{3}(?![0-9０-９])){0,5}(?:[.．][0-9０-９]{1,8})?"
)
_CN_DIGIT = lexicon.PLAIN_DIGITS + lexicon.FINANCIAL_DIGITS
_CN_SCALE = "".join(lexicon.CHINESE_SCALES)
# never the tail of a longer numeral: a numeral is read whole or not at all
_CHINESE = (
    rf"(?<![{_CN_DIGIT}{_CN_SCALE}几])[{_CN_DIGIT}{_CN_SCALE}几]{{1,32}}(?:点[{_CN_DIGIT}]{{1,8}})?"
)
# 5万4千6百, 3万4000, 2千零30(万): Arabic digits under Chinese scales; a closing 万/亿
# stays with the unit as it does after plain digits (525.69亿元)
_MIXED_TAIL = rf"(?:[{_CN_SCALE}]{{1,2}}零?[0-9０-９]{{1,4}})+[十百千拾佰仟]?"
# 三分之一, 千分之五, 16分之5: a fraction, read whole; 百分之 is the percent sign spelled out
_FRACTION_PART = rf"负?(?:[0-9０-９.．]|[{_CN_DIGIT}{_CN_SCALE}点]){{1,16}}"
_FRACTION = rf"(?!百分之)(?P<den>{_FRACTION_PART})分之(?P<num>{_FRACTION_PART})"
# A Chinese numeral counts only before a unit, 多/余 or 成, or after 百分之; saying so in
# the pattern spares the scan the many 一是, 进一步, 统一 of running text.
_UNIT_START = "".join(sorted({u[0] for u in _BASE_UNITS} | set("万亿千百十%％‰多余成")))
# 负 is a minus sign after a verb or a mark (增长负3.9%, 为负1.1), a word's end elsewhere (减负)
# (the 负 is matched first: a look behind tried at every offset would slow the scan)
_SIGN = r"(?:(?<=^负)|(?<=[^\u4e00-\u9fff]负)|(?<=[长为是达到至和及与计值成]负))"
_AMOUNT = (
    rf"(?P<neg>负{_SIGN}(?=[0-9０-９{_CN_DIGIT}十拾]))?(?P<pct>百分之)?"
    rf"(?:(?P<arabic>{_ARABIC})(?P<mixed>{_MIXED_TAIL})?|"
    rf"(?P<chinese>{_CHINESE})(?(pct)|(?=[{re.escape(_UNIT_START)}])))"
    rf"(?P<more>[多余])?(?P<unit>{_UNIT})?(?P<more2>[多余])?"
    r"(?P<post>及以上|及以下|以上|以下|以内|左右)?"
)
_TOKEN = re.compile(_AMOUNT)
# fractions are rare: the pattern that also tries them at every offset runs only on texts
# that write 分之
_TOKEN_WITH_FRACTIONS = re.compile(rf"(?P<fraction>{_FRACTION})|{_AMOUNT}")
# Where an amount may start, so the scan tries only there: a sign, 百分之 or a digit, or the
# first character of a Chinese numeral that runs into a unit (as `_AMOUNT` requires of it).
# Fractions have no such condition: they open with any numeral character or a point.
_CN = f"{_CN_DIGIT}{_CN_SCALE}几"
_AMOUNT_FIRST = (
    rf"[负百0-9０-９{_CN}](?:(?<=[负百0-9０-９])|(?<![{_CN}][{_CN}])"
    rf"(?=[{_CN}]{{0,31}}(?:点[{_CN_DIGIT}]{{1,8}})?[{re.escape(_UNIT_START)}]))"
)
_SKIM_TOKEN = Skimmer(_TOKEN, _AMOUNT_FIRST)
_SKIM_WITH_FRACTIONS = Skimmer(_TOKEN_WITH_FRACTIONS, rf"[负百0-9０-９{_CN}.．点]")
# Right after the number these make it a date, year, ordinal or name, not an amount.
_NOT_AMOUNT_AFTER = re.compile(
    # fixed political formulations count nothing: 八项规定, 五次全会, 两条底线, 三个“升级版”
    r"月|产业|[号届]|规定|全会|底线|确立|维护|务必|自信|意识|全面|战略|原则|方面|"
    r"现代化|(?<=轮)汽?车|"
    # 300万吨级, 百万千瓦级, 五万千瓦规模的电站: a size class of what follows, not an amount
    r"级|规模的|"
    # a count followed by another numeral is a size class: 三个五年计划, 三十个五万千瓦电站
    # (34家二级以上医院: a grade names the things counted, the count stands)
    r"[一二三四五六七八九十](?![级等类星])"
)
# A dash after a digit or letter makes a range or a code (0-15岁, K2-1); after words it is
# a minus sign (增长-2.3%).
# (an opening quote right before names a thing: “1+1+10”)
_NOT_AMOUNT_BEFORE = re.compile(
    r"(?:第|每|[A-Za-z“\"「]|[0-9０-９][.．]?|[0-9０-９A-Za-z][-—～~－]|[～~])$"
)
# the last characters `_NOT_AMOUNT_BEFORE` can end in: any other settles it without a regex
_BEFORE_MARKS = frozenset(
    '第每“"「.．-—～~－0123456789０１２３４５６７８９'
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
)
_MINUS_SIGNS = "-－−"
# GDP4408.1亿元: an abbreviation of two capitals or more names what the amount is of
_ABBREVIATION_BEFORE = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2,6}$")
# 增长6-6.5%, 3～5个百分点, 6%～7%: the upper bound of a range whose unit is written once
_RANGE_BEFORE = re.compile(
    r"(?<![A-Za-z0-9.])[0-9０-９]{1,4}(?:[.．][0-9０-９]{1,4})?[%％]?[-－—~～]$"
)


def _amount_after_mark(text: str, start: int) -> bool:
    """A measured number after letters or a dash: a range's upper bound or GDP4408.1亿元."""
    window = text[max(0, start - 12) : start]
    return bool(_ABBREVIATION_BEFORE.search(window) or _RANGE_BEFORE.search(window))


# A Chinese numeral directly followed by one of these is a counted word, not an amount.
_QUOTE_AFTER = re.compile(r"[“\"「《]")


def to_float(token: str) -> float | None:
    """The value of an Arabic or Chinese numeral token; None if it does not parse."""
    read = numeral(token)
    return read.value if read is not None else None


def fold_unit(unit: str | None) -> str | None:
    if unit is None:
        return None
    return unit.translate(_FULL_WIDTH)


def scan(text: str) -> list[NumberToken]:
    """Every amount in `text`, in order."""
    tokens: list[NumberToken] = []
    skimmer = _SKIM_WITH_FRACTIONS if "分之" in text else _SKIM_TOKEN
    for match in skimmer.finditer(text):
        token = _read(text, match)
        if token is not None:
            tokens.append(token)
    return tokens


_RANGE_UNIT = re.compile(rf"[-－—~～]{_ARABIC}({_UNIT})")
_LIST_MARKS = frozenset("、和与及")
_BORROWED_UNIT = re.compile(rf"(?=(?:[、和与及]{_ARABIC}){{1,12}}?({_UNIT}))")


def _read(text: str, match: re.Match[str]) -> NumberToken | None:
    if match.re is _TOKEN_WITH_FRACTIONS and match.group("fraction") is not None:
        return _fraction(text, match)
    start, end = _numeral_span(match)
    chinese = match.start("chinese") >= 0
    neg, pct, unit = match.group("neg", "pct", "unit")
    following = text[end : end + 1]
    if chinese and unit is None and pct is None and following != "成":
        return None  # 一是, 进一步: most Chinese numeral runs count nothing
    lower = None
    if unit is None and not chinese:
        # (the list marks are tested first: most bare numbers are followed by none)
        borrowed = _BORROWED_UNIT.match(text, end) if following in _LIST_MARKS else None
        if borrowed is not None:
            unit = borrowed.group(1)  # 累计分别达238和317个: the unit written once
        elif following and following in _RANGE_DASHES and pct is None:
            ranged = _RANGE_UNIT.match(text, end)
            if ranged is not None:
                unit, lower = ranged.group(1), "at_least"  # 增长6-6.5%: the lower bound
    span_end = match.end()
    if unit is None and not chinese and following in _LIFETIME_UNITS:
        if years_of_a_life(text, match.start(), following):
            unit, span_end = following, end + 1  # 人均预期寿命达到79岁, 受教育年限10.5年
    if unit is None and following == "成" and pct is None:
        tenths = _TENTHS.match(text, start)
        return _tenths(text, tenths, match) if tenths is not None else None
    if _excluded(text, match, start, chinese, unit):
        return None
    numeral_text = text[start:end]
    read = numeral(numeral_text)
    if read is None or _split_scale(numeral_text, unit):
        return None
    value = read.value
    bound = _range_bound(text, match, start)
    if neg is not None:
        value, start = -value, match.start("neg")  # 负1.1, 负三十二
    elif not chinese and bound is None and start > 0 and text[start - 1] in _MINUS_SIGNS:
        value, start = -value, start - 1
    if pct:
        unit = "%"
    qualifier = hedges.qualifier(text, match, start) or bound or lower
    if unit is not None and len(unit) > 1 and unit[1] in "多余" and unit[0] in "万亿千百十":
        unit, qualifier = unit[0] + unit[2:], qualifier or "at_least"
    if qualifier == "modifier":
        return None
    if read.approx:
        qualifier = qualifier or "approx"  # 十几万, 一百零几万
    lead = min(match.start(), start)
    return NumberToken(start, end, value, fold_unit(unit), qualifier, span_end, chinese, lead)


_LIFETIME_UNITS = ("岁", "年")
# the measures of a life counted in years; the rest of 岁 and 年 after a number are ages
# (65周岁以上老人, 0-3岁婴幼儿), years and spans (连续11年), never measured in this unit
_LIFETIME_MEASURE = re.compile(
    r"(?:预期寿命|平均寿命|受教育年限|教育年限|平均年龄)"
    r"(?:将|要|已)?(?:达到|达|为|提高到|提高至|提升到|提升至|增至|增加到|超过)?(?:约|近)?$"
)

_LIFETIME_CHANGE = re.compile(r"(?:提高|增加|延长|增长|提升)(?:了)?$")


@rule(
    Example("全市人均预期寿命达到79.2岁。", "79.2", "value", 79.2, "岁"),
    Example("劳动年龄人口平均受教育年限提高到11.3年。", "11.3", "value", 11.3, "年"),
    Example("人均预期寿命79.2岁，比上年提高0.3岁。", "0.3", "change", 0.3, "岁"),
)
def years_of_a_life(text: str, lead: int, unit: str) -> bool:
    """A life expectancy or years of schooling is measured in years (`人均预期寿命79.2岁`,
    `平均受教育年限11.3年`): there 岁 and 年 are units, as they are nowhere else."""
    if unit == "年" and "年限" not in text[max(0, lead - 30) : lead]:
        return False
    if _LIFETIME_MEASURE.search(text, max(0, lead - 12), lead) is not None:
        return True
    # 人均预期寿命79.2岁，比上年提高0.3岁: the change of the measure just named
    if _LIFETIME_CHANGE.search(text, max(0, lead - 8), lead) is None:
        return False
    before = text[max(0, lead - 30) : lead]
    named = max(before.rfind("寿命"), before.rfind("年限"))
    return named >= 0 and "。" not in before[named:]


def _split_scale(token: str, unit: str | None) -> bool:
    """一亿一千七百多万亩: a scale in the unit that belongs inside the numeral; no reading."""
    if unit is None or ("万" not in token and "亿" not in token) or token[-1] in "万亿":
        return False
    return lexicon.unit_magnitude(fold_unit(unit) or "")[0] > 1


def _numeral_span(match: re.Match[str]) -> tuple[int, int]:
    chinese = match.span("chinese")
    if chinese[0] >= 0:
        return chinese
    mixed_end = match.end("mixed")
    if mixed_end >= 0:
        return match.start("arabic"), mixed_end  # 5万4千6百
    return match.span("arabic")


_AFTER_FRACTION = re.compile(r"(?P<least>及以上|以上|多)|(?P<most>及以下|以下|以内)|左右")


def _fraction(text: str, match: re.Match[str]) -> NumberToken | None:
    """三分之一 is 33.33…%, 千分之五 0.5%: a fraction is a percentage, read whole."""
    value = fraction_percent(match.group("den"), match.group("num"))
    if value is None:
        return None
    start, end = match.span("fraction")
    after = _AFTER_FRACTION.match(text, end)
    qualifier = None
    if after is not None:
        least, most = after.group("least"), after.group("most")
        qualifier = "at_least" if least else ("at_most" if most else "approx")
    pre = PRE_QUALIFIER.search(text, max(0, start - 3), start)
    if qualifier is None and pre is not None:
        qualifier = PRE_QUALIFIER_KIND.get(pre.group(), "at_least")
    span_end = after.end() if after is not None else end
    return NumberToken(start, end, value, "%", qualifier, span_end, True, start)


# 增长3%-5%, 降低百分之二到百分之三: a range of two rates; the dash is no minus sign.
# Plain character tests first: this runs for every token.
_RANGE_DASHES = "-－—~～至到"
_PERCENT_SIGNS = "%％‰"
_SPELLED_RATE_BEFORE = re.compile(r"百分之[零〇一二两三四五六七八九十百点]{1,8}[到至]$")


def _range_bound(text: str, match: re.Match[str], start: int) -> str | None:
    lead, end = match.start(), match.end()
    if lead >= 2 and text[lead - 1] in _RANGE_DASHES:
        if text[lead - 2] in _PERCENT_SIGNS or _RANGE_BEFORE.search(text, max(0, lead - 12), lead):
            return "at_most"  # 6%～7%, 6-6.5%: the upper bound
        if match.group("pct") and _SPELLED_RATE_BEFORE.search(text, max(0, lead - 14), lead):
            return "at_most"
    dash = text[end : end + 1]
    if not dash or dash not in _RANGE_DASHES:
        return None  # the common case, settled without looking at the groups
    unit = match.group("unit")
    if not (match.group("pct") or (unit and unit in _PERCENT_SIGNS)):
        return None
    following = text[end + 1 : end + 4]
    return "at_least" if following[:1].isdigit() or following == "百分之" else None


# 七成以上的行政村: a share of what follows 的; 7.2成, 三成半, 八点五成 are tenths too
_TENTHS = re.compile(
    r"([0-9０-９]{1,2}(?:[.．][0-9０-９])?|[一二两三四五六七八九十]{1,2}(?:点[一二三四五六七八九])?)"
    r"成(半)?(多|以上|左右)?(?=[，,。；;、的]|$)"
)
_TENTH_QUALIFIER = {"多": "at_least", "以上": "at_least", "左右": "approx"}


def _tenths(text: str, match: re.Match[str], token: re.Match[str]) -> NumberToken | None:
    read = numeral(match.group(1))
    if read is None or read.value > 10:
        return None  # 十成 is the whole; more tenths than ten are no tenths
    value = read.value * 10 + (5 if match.group(2) else 0)
    qualifier = _TENTH_QUALIFIER.get(match.group(3) or "")
    end = match.start() + len(match.group(1)) + 1 + (1 if match.group(2) else 0)
    start = match.start()
    if token.group("neg") is not None:
        value, start = -value, token.start("neg")
    return NumberToken(start, end, value, "%", qualifier, match.end(), True, start)


def _excluded(text: str, match: re.Match[str], start: int, chinese: bool, unit: str | None) -> bool:
    if text[start - 1 : start] in _BEFORE_MARKS and _NOT_AMOUNT_BEFORE.search(
        text, max(0, start - 2), start
    ):
        return unit is None or not _amount_after_mark(text, start)
    lead = match.start()
    if text[lead - 1 : lead] == "产" and text[lead - 2 : lead] == "年产":
        if _OF_WHAT.match(text, match.end()):
            return True  # 一个年产150万吨钢铁的企业: the capacity names the plant
    if _inside_quotes(text, start, match.end()):
        return True  # “一干两支”, “1+1+10”: a slogan's numbers name things
    if unit is None and match.group("pct") is None:
        num_end = _numeral_span(match)[1]
        if chinese:
            return True
        if text[num_end : num_end + 1] in _RATIO_MARKS or _after_ratio_mark(text, start):
            return False  # perhaps a structure ratio; the grammar decides
        return not _bare_value_allowed(text, start)
    # (a unit borrowed from a later number has no place in this match: its end is the match's)
    after = match.end("unit") if match.group("unit") else match.end()
    if unit is None and text[after : after + 1].isascii() and text[after : after + 1].isalpha():
        return (
            True  # 5G, 2A: a code; after a unit a Latin word is the thing counted (300台AI翻译器)
        )
    if unit is not None and unit.endswith("人") and _NOT_PEOPLE.match(text, after):
        return True  # 500万人口以上城市, 六亿多人民: 人 begins another word
    if _NOT_AMOUNT_AFTER.match(text, after):
        return True
    if unit == "次" and _session_of_a_congress(text, start, after):
        return True
    if unit is not None and text.startswith("的", after) and size_class(unit):
        return True
    return chinese and match.group("pct") is None and _chinese_excluded(text, match, start)


_NOT_PEOPLE = re.compile(r"口|民(?!币)")
_SESSION = re.compile(r"(?:全体)?会议")
_CAPACITY_UNITS = ("千瓦", "兆瓦", "马力", "千伏安", "千伏", "伏")


def size_class(unit: str) -> bool:
    """`1万千瓦的水轮发电机`, `五十四马力的拖拉机`, `一百万千瓦的水电站`: a capacity followed by
    的 names the size of the machine or plant it describes, as 300万吨级 does; no amount."""
    return unit.endswith(_CAPACITY_UNITS)


def _session_of_a_congress(text: str, start: int, after: int) -> bool:
    """`市三届人大五次会议`, `十四届全国人大三次会议`: a session's ordinal, written without 第,
    after the congress's term (届); `召开3次会议` still counts meetings."""
    if not _SESSION.match(text, after):
        return False
    return text.find("届", max(0, start - 8), start) >= 0


_OF_WHAT = re.compile(r"[\u4e00-\u9fff]{0,6}的")
_RATIO_MARKS = ("：", ":", "︰", "∶")  # ∶ (U+2236) in 1.2∶36.6∶62.2


def _after_ratio_mark(text: str, start: int) -> bool:
    return text[start - 1 : start] in _RATIO_MARKS and text[start - 2 : start - 1].isdigit()


MEDAL = re.compile(r"[金银铜](?=[0-9０-９和、，,。；牌]|$)")


_QUOTE_OPEN = re.compile(r"“[^“”，。；\n]{0,8}$")
_QUOTE_CLOSE = re.compile(r"[^“”，。；\n]{0,8}”")


def _inside_quotes(text: str, start: int, end: int) -> bool:
    if text.find("“", max(0, start - 9), start) < 0:
        return False  # the common case, settled without a regex
    opened = _QUOTE_OPEN.search(text, max(0, start - 9), start)
    return opened is not None and _QUOTE_CLOSE.match(text, end) is not None


# Readings that have no unit: an index (居民消费价格指数为102.0), a coefficient (基尼系数0.45)
_UNITLESS_READING = re.compile(r"(?:指数|系数|PMI)(?:为|是|达到?)?$")


def is_unitless_reading(text: str, start: int) -> bool:
    return _UNITLESS_READING.search(text, max(0, start - 5), start) is not None


def _bare_value_allowed(text: str, start: int) -> bool:
    # a unitless reading, or a medal count (`2金2银`)
    if is_unitless_reading(text, start):
        return True
    digits = re.match(r"[0-9０-９]+", text[start : start + 6])
    return digits is not None and MEDAL.match(text, start + digits.end()) is not None


_DEFINITION_LINE = re.compile(r"[^\n。，,；]{0,30}[：:]\s*(?:\n|$)")


_LONE_DIGITS = ("一", "二", "十")
_WORD_DIGITS = ("陆", "伍", "拾")
# units of measurement (money, mass, length, area, energy) rather than counters of items
_MEASURED_UNITS = frozenset(
    unit.word
    for unit in lexicon.UNITS
    if unit.family is not None and unit.family not in ("people", "person-times")
) - {"度"}  # 一度 is "once"


def _measured_unit(unit: str | None) -> bool:
    return unit is not None and lexicon.unit_magnitude(unit)[1] in _MEASURED_UNITS


def _chinese_excluded(text: str, match: re.Match[str], start: int) -> bool:
    token = match.group("chinese")
    if match.group("unit") == "倍":
        return text[max(0, start - 1) : start] in ("每", "几", "数")  # 增长一倍; 数倍 is vague
    if token in _LONE_DIGITS and not _measured_unit(match.group("unit")):
        # 一个, 一批 (an article), 二次招商 (second), 十项 (a list's name); 完成一吨 measures
        return True
    if token.strip("零〇") == "" or token in _WORD_DIGITS:
        return True  # 零部件; 大陆, 队伍, 收拾: words, not numerals
    if _DEFINITION_LINE.match(text, match.end()):
        return True  # ［10］两个基地、两个枢纽：a note defining a slogan
    if len(token) > 3 and not any(ch in token for ch in _CN_SCALE):
        return True  # a year written in numerals (一九五八)
    if _QUOTE_AFTER.match(text, match.end()):
        return True  # 三个“升级版”: a slogan, not a count
    if token.strip("十百千万亿") == "" and not (
        token == "十" and _measured_unit(match.group("unit"))
    ):
        # 千家创客社区 is a name; 近千人次, 上千种 are amounts
        hedged = match.group("more") is not None  # 百余人, 千余家
        return not hedged and PRE_QUALIFIER.search(text, max(0, start - 3), start) is None
    return text[max(0, start - 1) : start] in (
        "每",
        "某",
        "几",
        "这",
        "那",
        "之",
        "单",
        "统",
        "唯",
        "数",
        "届",
    )
