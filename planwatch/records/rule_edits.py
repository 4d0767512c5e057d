"""A planner's changes to the validation rules: numbers and severities kept in the
database (``rule_settings``) over the shipped ``planwatch/data/rules.yaml``, audited.

Only a rule's numbers (``min``, ``max``, ``points`` …) and its severity may change here;
lists (the groups of parts, the indicators allowed to be negative) stay in the file.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from planwatch.errors import Forbidden, InvalidInput, NotFound
from planwatch.records.checks import Rule, load_rules, rules_with
from planwatch.records.users import Account
from planwatch.store.models import RuleSetting, utcnow


def stored_rules(session: Session) -> dict[str, Rule]:
    """The rules in force: the shipped file with the planners' settings over it."""
    rows = session.scalars(select(RuleSetting)).all()
    return rules_with({row.name: dict(row.settings) for row in rows if row.name in load_rules()})


def numbers_of(rule: Rule) -> dict[str, float]:
    """The settings of a rule a planner may change: its numbers."""
    return {
        key: float(value)
        for key, value in (rule.model_extra or {}).items()
        if isinstance(value, int | float) and not isinstance(value, bool)
    }


def set_rule(session: Session, user: Account, name: str, form: Mapping[str, str]) -> Rule:
    """Store the rule's severity and numbers from ``form``; refused for anyone but the
    planning office, for an unknown rule, a word that is not a number, or min above max."""
    if not user.may("edit_rules"):
        raise Forbidden(
            f"{user.role} may not change the validation rules",
            "ask the planning office (a planner) to change them",
            zh="只有规划科室可以修改校验规则",
            zh_hint="请联系规划科室修改",
        )
    shipped = load_rules().get(name)
    if shipped is None:
        raise NotFound(
            f"there is no validation rule '{name}'",
            "choose a rule on the rules page",
            zh=f"没有名为{name}的校验规则",
            zh_hint="请在校验规则页面选择规则",
        )
    settings: dict[str, Any] = {}
    severity = (form.get("severity") or shipped.severity).strip()
    if severity not in ("error", "warning"):
        raise InvalidInput(
            f"severity '{severity}' is neither error nor warning",
            "choose error or warning",
            zh=f"级别“{severity}”应为错误或警告",
            zh_hint="请选择错误或警告",
        )
    settings["severity"] = severity
    for key in numbers_of(shipped):
        if form.get(key) not in (None, ""):
            settings[key] = _number(key, str(form[key]))
    low, high = settings.get("min"), settings.get("max")
    if low is not None and high is not None and low >= high:
        raise InvalidInput(
            f"min {low:g} is not below max {high:g}",
            "give a min below the max",
            zh=f"下限{low:g}应小于上限{high:g}",
            zh_hint="请把下限改得比上限小",
        )
    row = session.scalar(select(RuleSetting).where(RuleSetting.name == name))
    if row is None:
        row = RuleSetting(name=name, settings=settings, changed_by=user.name)
        session.add(row)
    else:
        row.settings, row.changed_by, row.changed_at = settings, user.name, utcnow()
    session.flush()
    return stored_rules(session)[name]


def _number(key: str, text: str) -> float:
    try:
        value = float(text.strip())
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise InvalidInput(
            f"{key} '{text}' is not a number",
            "write the threshold with digits, e.g. 60 or -30",
            zh=f"{key}“{text}”不是数字",
            zh_hint="请用数字填写阈值，例如 60 或 -30",
        )
    return value
