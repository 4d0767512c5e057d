"""What a number measures, read from the words right before it and from its unit.

Chinese reports put the measure word directly in front of the number
(`同比增长8.1%`, `占全年目标的51.8%`, `比上年增加225亿元`), so each rule
is a pattern anchored at the end of the clause text that precedes it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from planwatch.extract.budgets import planned_amount
from planwatch.extract.comparisons import gap_below, more_or_less_than_base
from planwatch.vocabulary import lexicon

# the change verbs of the lexicon, longest first; 新增 (newly added) is no growth
_VERBS = "|".join(
    "(?<!新)增" if verb == "增" else verb
    for verb in sorted(lexicon.CHANGE_VERBS, key=len, reverse=True)
)
_GROWTH = re.compile(
    r"(?P<base>同比|环比|比上年同期|比去年同期|比上年末|比上一年|比前一年|比上年|比去年|较上年同期|较去年同期|较上年|较去年|"
    r"与上年相比|比[0-9一二九〇零]{4}年(?:预计)?|[比较][^，,。；比较]{1,8}?(?:预计)?)?"
    r"(?P<mod>分别|又|将|累计|年均|平均|均|同口径|各)*"
    rf"(?P<verb>{_VERBS})"
    # 上升为56.5%, 提高为: risen to a level, no change (增长为 stays a growth)
    r"(?:了|(?<!上升|提高|下降|降低|增加|减少|扩大|缩小|回落)为|达到|达|分别为|分别|控制在|保持在|稳定在)?"
    r"(?:约|将近|接近|近|超过|突破|不低于|不超过|逾|超)?$|"
    # a signed rate straight after its base: 同比-5.1%
    r"(?P<verb_less>同比|环比|比上年同期|比去年同期|比上年)(?:分别)?$"
)
# A growth match ends in a verb (or a signed base, 同比) followed by at most six characters
# (分别为, 控制在 and then 不低于, 将近): a left text with none of their last characters in its
# tail holds no growth, settled before the long alternation is tried at every offset.
_GROWTH_TAIL = 7
_GROWTH_ENDS = frozenset("".join(verb[-1] for verb in lexicon.CHANGE_VERBS) + "比期年")
_NEGATIVE_VERBS = lexicon.FALLING_VERBS
# 节约二十亿元 is no change: a saving is the amount kept, read as a positive value (or a
# target_value in a plan); a saving rate (节约百分之十) still reads as a cut, as 降低 does.
_CHANGE_VERBS = lexicon.AMOUNT_CHANGE_VERBS
_COMPLETION = re.compile(
    # 为预算的110.91%, 为调整预算的96.3%, 相当于年度计划的: the plan noun is the yardstick
    r"(?:分别)?(?:为|是|相当于)(?:了)?(?:调整|调整后|年初|汇总|全年|年度)?(?:预算|计划)(?:数)?的$|"
    r"(?:分别)?(?:占|完成)(?:了)?[^，,。；]{0,14}?(?:目标|计划|任务|预算)(?:任务|数)?(?:的)?"
    r"(?:比例|比重|进度)?(?:为|达到?)?$|"
    r"(?:达到?|为|是|分别为)(?:了)?"
    r"(?:全年|年度|全年度|年|市级|省级|区级|下达的?|既定|预期|上级)+[^，,。；]{0,6}?"
    r"(?:目标|计划|任务|预算)(?:任务)?"
    r"(?:的)?(?:比例|比重|进度)?(?:为|达到?)?$"
)
# every alternative of `_COMPLETION` names its yardstick with one of these
_YARDSTICK_NOUNS = ("预算", "计划", "目标", "任务")
_DONE = re.compile(r"(?:分别)?完成(?:了)?$")
# 超过年度计划百分之四点一, 超年度计划28%, 超过…的指标17.3%: the rate by which a plan was
# beaten, a change against the plan (the spec: 28, not a completion of 128)
_OVER_YARDSTICK = re.compile(
    r"超(?:过|出)?(?:了)?[^，,。；]{0,24}?(?:计划|指标|目标|任务|预算)(?:的)?$"
)
# 超过原定计划四百二十七亿四千万元的百分之十五点三: the plan's amount, then the rate over it
_OVER_YARDSTICK_AMOUNT = re.compile(
    r"超(?:过|出)?(?:了)?[^，,。；]{0,24}?(?:计划|指标|目标|任务|预算)[^，,。；的]{1,16}的$"
)
# 占总任务7.35万亩的106.8%: the yardstick's own amount, then the rate of it reached
_YARDSTICK_AMOUNT = re.compile(r"(?:占|完成)(?:了)?[^，,。；]{0,8}?(?:目标|计划|任务)(?:数)?$")
_AFTER_YARDSTICK_AMOUNT = re.compile(
    r"(?:占|完成)(?:了)?[^，,。；]{0,8}?(?:目标|计划|任务)(?:数)?[0-9.]+[^\s，,。；的]{0,4}的$"
)
_SHARE_OF = re.compile(r"占(?P<whole>[^，,。；]{0,16}?)(?:的)?(?:比重|比例|份额)?(?:为|达到?|是)?$")
# 计划 as a verb (计划增长, 计划在…落地), not the noun of 按计划, 计划执行, 计划生育
# 计划都超额完成, 计划已完成, 超过计划百分之四, 计划所规定: the plan as a noun again.
# 将达到, 拟定为: a plan's own future tense (五年内…将达到…), with no 计划 in the sentence
_TARGET_WORDS = re.compile(
    r"计划(?<![按照据比]计划)(?<!比年度计划)(?<!比全年计划)(?<!比原计划)(?![执的内外表生经单”》，,、都已均超百所期])(?=[\u4e00-\u9fff])|预期目标|主要目标|目标是"
)
_PLAN_TENSE = re.compile(r"将(?:分别)?(?:达到|比|占)|拟定为")
# 增长了, 已提高, 由过去的, 仍然占: an achieved or standing level, even inside a plan's text
_ACHIEVED = re.compile(
    r"(?:增长|增加|提高|降低|下降|减少|上升)了[^，,。；]{0,4}$|已(?:经)?[^，,。；]{0,4}$|"
    r"(?:完成|实现|达到|建成|取得|创造)了[^，,。；]{0,6}$|"
    r"过去的?$|仍然(?:占|是|为|有)$"
)

# 力求, 应该: what should be done is planned, like 力争; 要新增, 将完成: a modal before a verb
# (never 主要, 需要, 纲要 or 将 as the object mark of 将…纳入)
_CLAUSE_TARGET_WORDS = re.compile(
    # (应当是: what a figure amounts to, restated, not what should be done)
    r"力争|力求|确保|争取|应该(?!是)|应当(?!是)|预计[增比]|"
    r"要(?<![主需重必只纲摘概提紧首]要)(?=新|完成|达到|实现|建成|增加|提高|引进|培育|开工|突破|超过|控制|保持|累计)|"
    r"将(?<!即将)(?:至少|可以?)?(?=新[增建开]|完成|实现|建成|增加|引进|培育|开工|突破|超过|累计|为)"
)
_LEADING_CUT = re.compile(r"^(?:压减|压缩|削减|减少|降低)(?=[\u4e00-\u9fff]{2})")
_RATE_SUBJECT = re.compile(r"[率]$")
# 民间投资占比不低于40%, 占GDP比重达到2.5%: a share named as a noun (将占45% only shares)
_SHARE_NOUN = re.compile(
    r"(?:占比|比重|比例|份额)(?:为|达到?|是|不低于|不高于|不超过|保持在|控制在|稳定在)?$"
)


class Reading(NamedTuple):
    """The measure of a number and where its measure words begin in the left text.

    (A named tuple: immutable like a frozen dataclass, and built faster, once per number.)
    """

    measure: str
    sign: float
    cut: int
    offset: float = 0.0  # 超过计划百分之四: 104% of the plan reached


def classify(
    left: str, unit: str | None, sentence: str, target: bool | None, subject_hint: str
) -> Reading:
    """The measure for a number whose clause text before it is `left`.

    `target` None: the number is dated in a year already closed, so never a plan.
    """
    percent = unit in ("%", "‰")
    if target is not None:
        target = target or is_target_sentence(sentence) or bool(_CLAUSE_TARGET_WORDS.search(left))
    if target is None or "实际" in left or _achieved(left):
        target = False  # 计划…1.2万人，实际完成1.35万人
    if unit == "倍":
        return _multiple(left, target)
    gap = more_or_less_than_base(left, sentence)
    if gap is not None:
        return Reading("change", gap[0], gap[1])
    yardstick = _yardstick(left, sentence, percent)
    if yardstick is not None:
        return yardstick
    if unit in ("个百分点", "百分点", "个千分点", "千分点"):
        growth = _growth(left)
        if growth is None:
            return Reading("pp_change", -1.0 if gap_below(left) else 1.0, len(left))
        sign = _sign(growth)
        if "降幅" in left and growth.group("verb") in ("收窄", "扩大", "缩小"):
            sign = -sign  # 降幅收窄1.5个百分点: the rate itself rose
        return Reading("pp_change", sign, growth.start())
    if percent:
        return _percent(left, target, subject_hint)
    growth = _growth(left)
    if growth is not None and growth.group("verb") in _CHANGE_VERBS:
        return Reading("change", _sign(growth), growth.start())
    if planned_amount(left, sentence):
        return Reading("target_value", 1.0, len(left))
    return Reading("target_value" if target else "value", 1.0, len(left))


def _percent(left: str, target: bool, subject_hint: str) -> Reading:
    completion = _COMPLETION.search(left) if _names_yardstick(left) else None
    if completion is not None:
        return Reading("completion", 1.0, completion.start())
    growth = _growth(left)
    if growth is not None:
        sign = _sign(growth)
        if not target:
            return Reading("yoy_growth", sign, growth.start())
        if sign < 0:
            return Reading("target_reduction", 1.0, growth.start())
        return Reading("target_growth", 1.0, growth.start())
    if not target and _LEADING_CUT.match(left):
        # 压减公用经费15%: an achieved cut, read against the previous year
        return Reading("yoy_growth", -1.0, len(left))
    share = _SHARE_OF.search(left)
    cut = share.start() if share is not None else len(left)
    if share is not None and left[cut - 1 : cut] == "所":
        cut -= 1  # 国营商业所占的比重: 所 belongs to 占, not to the subject
    if target:
        if "降低率" in subject_hint or "下降率" in subject_hint:
            return Reading("target_reduction", 1.0, cut)
        # 民间投资占比不低于40%: a target on the share itself, so the share word stays
        return Reading("target_value", 1.0, len(left) if _SHARE_NOUN.search(left) else cut)
    done = _DONE.search(left)
    if done is not None and not _RATE_SUBJECT.search(subject_hint or left[: done.start()]):
        return Reading("completion", 1.0, done.start())
    return Reading("share", 1.0, cut)


def _yardstick(left: str, sentence: str, percent: bool) -> Reading | None:
    """占总任务7.35万亩(的106.8%), 超过计划百分之四: amounts and rates measured on a plan."""
    # the words are rare: test by character before any regex, as this runs for every number
    if not percent:
        if "占" not in left and "完成" not in left:
            return None
        yardstick = _YARDSTICK_AMOUNT.search(left)
        return Reading("target_value", 1.0, yardstick.start()) if yardstick else None
    if left == "的" and _AFTER_YARDSTICK_AMOUNT.search(sentence):
        return Reading("completion", 1.0, 0)
    if left == "的" and "超" in sentence and _OVER_YARDSTICK_AMOUNT.search(sentence):
        return Reading("change", 1.0, 0)
    over = _OVER_YARDSTICK.search(left) if "超" in left else None
    return Reading("change", 1.0, over.start()) if over else None


def _growth(left: str) -> re.Match[str] | None:
    """`_GROWTH.search(left)`, skipped when the tail holds no character a growth ends in."""
    if _GROWTH_ENDS.isdisjoint(left[-_GROWTH_TAIL:]):
        return None
    return _GROWTH.search(left)


def _names_yardstick(left: str) -> bool:
    return any(noun in left for noun in _YARDSTICK_NOUNS)


def _achieved(left: str) -> bool:
    # the marks sit right before the number: test the clause's tail, and by character first
    tail = left[-8:]
    marked = "了" in tail or "已" in tail or "过去" in tail or "仍然" in tail
    return marked and _ACHIEVED.search(tail) is not None


def _multiple(left: str, target: bool) -> Reading:
    """增长2倍: a growth of 200% (the grammar restates the unit); 是上年的2倍 reads as nothing."""
    growth = _growth(left)
    if growth is None or _sign(growth) < 0 or growth.group("verb") in ("加快", "扩大"):
        return Reading("", 1.0, len(left))  # no measure of the spec fits a bare multiple
    measure = "target_growth" if target else "yoy_growth"
    return Reading(measure, 1.0, growth.start())


def _sign(growth: re.Match[str]) -> float:
    return -1.0 if growth.group("verb") in _NEGATIVE_VERBS else 1.0  # None (同比-5.1%): as signed


def is_target_sentence(sentence: str) -> bool:
    # every alternative of `_TARGET_WORDS` holds 计划 or 目标: test those by character first
    if ("计划" in sentence or "目标" in sentence) and _TARGET_WORDS.search(sentence):
        return True
    # most sentences have neither character: skip the second scan for them
    return ("将" in sentence or "拟" in sentence) and bool(_PLAN_TENSE.search(sentence))
