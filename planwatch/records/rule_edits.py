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
        raise Forbidden("records.rule_edits.may_not_change_validation", role=user.role)
    shipped = load_rules().get(name)
    if shipped is None:
        raise NotFound("records.rule_edits.there_no_validation_rule", name=name)
    settings: dict[str, Any] = {}
    severity = (form.get("severity") or shipped.severity).strip()
    if severity not in ("error", "warning"):
        raise InvalidInput("records.rule_edits.severity_neither_error_nor", severity=severity)
    settings["severity"] = severity
    for key in numbers_of(shipped):
        if form.get(key) not in (None, ""):
            settings[key] = _number(key, str(form[key]))
    low, high = settings.get("min"), settings.get("max")
    if low is not None and high is not None and low >= high:
        raise InvalidInput("records.rule_edits.min_not_below_max", low=low, high=high)
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
        raise InvalidInput("records.rule_edits.not_number", key=key, text=text)
    return value
