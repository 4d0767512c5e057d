"""Budget and investment chains: the planned amounts of a budget or project are targets.

`年初预算A，调整预算为B，实际完成C，为调整预算的D%`: A and B are what was planned, C what
was done. facts.md: 年初预算, 调整预算, 预算数, 年度投资计划, 计划投资, a project's 总投资 and
概算 are `target_value`, whatever tense the sentence is in.
"""

from __future__ import annotations

import re

from planwatch.extract.rules import Example, rule

# the plan nouns, longest first; 预算 alone only where it is the noun (支出预算由…, 比预算数…)
_PLAN_NOUN = (
    r"(?:年初预算|调整后预算|调整预算|备案预算|预算数|收入预算|支出预算|年度投资计划|投资计划|"
    r"计划投资|总投资|概算|原定计划|原计划|年度计划|预算)"
)
_PLANNED_AMOUNT = re.compile(
    rf"{_PLAN_NOUN}(?:数)?(?:为|是|由|达|共计|总额为?|安排|规定的?)?(?:约|近)?$"
)
# 支出预算由3190691万元变动为4202408万元: the plan as changed is still a plan
_CHANGED_PLAN = re.compile(
    rf"{_PLAN_NOUN}[^，,。；]{{0,6}}由[^。；]{{1,30}}(?:变动|调整|调增|调减)(?:为|到|至)$"
)


@rule(
    Example("支出预算由3190691万元变动为4202408万元。", "3190691", "target_value", 3190691, "万元"),
    Example(
        "支出预算由3190691万元变动为4202408万元。",
        "4202408",
        "target_value",
        4202408,
        "万元",
        "支出预算",
    ),
    Example(
        "本年收入比预算数２８，０４９，７８０，０００元少８４６，４６１，０００元。",
        "２８，０４９，７８０，０００",
        "target_value",
        28049780000,
        "元",
    ),
    Example("该项目总投资120亿元，当年完成投资35亿元。", "120", "target_value", 120, "亿元"),
    Example("该项目总投资120亿元，当年完成投资35亿元。", "35", "value", 35, "亿元"),
)
def planned_amount(left: str, sentence: str) -> bool:
    """An amount right after a plan noun (年初预算, 调整预算为, 比预算数, 总投资, 概算), or the
    new amount of a plan changed (`预算由A变动为B`), is what was planned: a target."""
    tail = left[-16:]
    if "预算" not in tail and "计划" not in tail and "投资" not in tail and "概算" not in tail:
        if "变动" not in tail and "调" not in tail:
            return False
    if _PLANNED_AMOUNT.search(left):
        return True
    return ("变动" in tail or "调" in tail) and _CHANGED_PLAN.search(sentence) is not None


# 收入为1576040万元，年底无变动; 收入为277800万元，与备案预算一致: what follows says the
# amount is the budget itself, restated as left unchanged
_BUDGET_UNCHANGED = re.compile(
    r"[，,]\s*(?:与[^，,。；]{0,6}预算(?:相)?一致|(?:年底|年内|年中|全年)?(?:无变动|未作调整|未调整|没有调整))"
)


@rule(
    Example(
        "经汇总，全市一般公共预算收入为157万元，年底无变动。", "157", "target_value", 157, "万元"
    ),
    Example("市本级一般公共预算收入为27万元，与备案预算一致。", "27", "target_value", 27, "万元"),
    Example("市本级一般公共预算收入完成27万元，为预算的100.5%。", "27", "value", 27, "万元"),
)
def budget_left_unchanged(text: str, end: int) -> bool:
    """`收入为A万元，年底无变动` or `…，与备案预算一致`: an amount the sentence goes on to call
    unchanged from the budget is the budget (a target), not what was collected."""
    return _BUDGET_UNCHANGED.match(text, end) is not None
