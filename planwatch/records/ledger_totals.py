"""What a report states about a region's projects all together, accepted on review.

``1-10月项目累计完成投资629.0亿元，占年度投资计划的97.2%``, ``计划开工项目255项…已开工206项``:
facts about the project group name no project, so they are no project's ledger figure
(``ledger_facts.py``). When the subject names the group (项目, 重点项目, 重大项目) and what it
states by the words of ``vocabulary/words.yaml`` (``ledger_total_reading``), and the
fact's measure and unit fit, accepting the fact stores it as the region's reported total
for the period's closing month (one per total: a later acceptance replaces it), pointing
back at the fact, in the reviewer's audited transaction; rejecting the fact withdraws it.
The ledger page sets each reported total beside its own count or sum
(``assess/ledger_totals.py``).
"""

from __future__ import annotations

import re
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from planwatch import units
from planwatch.periods import Period
from planwatch.records.ledger import month_code
from planwatch.store.models import Fact, ReportedLedgerTotal
from planwatch.vocabulary import LedgerTotal, LedgerTotalRule, ledger_total_reading, word
from planwatch.vocabulary.lexicon import COUNTED_THINGS

MONEY = units.scale("元").family


@cache
def _group() -> re.Pattern[str]:
    """The group words, longest first, so 重点项目 is found before the 项目 inside it."""
    groups = sorted(ledger_total_reading().groups, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, groups)))


def unit_fits(kind: str, unit: str | None) -> bool:
    """Whether ``unit`` is an ``amount`` of money, a ``percent`` or a ``count`` (个, 项 …)."""
    if not unit:
        return False
    if kind == "percent":
        return unit == "%"
    if kind == "count":
        return unit in COUNTED_THINGS
    return units.scale(unit).family == MONEY


def _only_scope(prefix: str, rule: LedgerTotalRule) -> bool:
    """What stands before the group word is nothing but scope words and the rule's own."""
    for spare in sorted((*rule.words, *ledger_total_reading().scopes), key=len, reverse=True):
        prefix = prefix.replace(spare, "")
    return prefix.strip("，,、 ") == ""


def stated_total(subject: str | None, measure: str, unit: str | None) -> LedgerTotal | None:
    """The ledger total a fact states (``investment``, ``started`` …), or None."""
    found = _group().search(subject or "")
    if found is None:
        return None
    assert subject is not None
    for rule in ledger_total_reading().rules:
        fits = measure in rule.measures and any(w in subject for w in rule.words)
        kind = word("ledger_totals", rule.total).forms["unit"]
        if fits and unit_fits(kind, unit) and _only_scope(subject[: found.start()], rule):
            return rule.total
    return None


def store_ledger_total(session: Session, fact: Fact) -> tuple[int, str | None] | None:
    """``(1, None)`` when the fact became the region's reported total, ``(0, why)`` when it
    states one but cannot be stored, ``None`` when it states no ledger total."""
    total = stated_total(fact.subject, fact.measure, fact.unit)
    if total is None or fact.value is None:
        return None
    document = fact.document
    if document.region is None:
        return 0, "the document has no region: set it to store this fact as data"
    code = fact.period or document.period
    if code is None:
        return 0, "no period: correct the fact's period to store it"
    row = _reported(session, document.region.id, month_code(Period.parse(code)), total)
    row.value, row.unit, row.source_fact_id = fact.value, fact.unit, fact.id
    session.flush()
    return 1, None


def _reported(session: Session, region_id: int, code: str, total: str) -> ReportedLedgerTotal:
    row = session.scalar(
        select(ReportedLedgerTotal).where(
            ReportedLedgerTotal.region_id == region_id,
            ReportedLedgerTotal.period == code,
            ReportedLedgerTotal.total == total,
        )
    )
    if row is None:
        row = ReportedLedgerTotal(region_id=region_id, period=code, total=total)
        session.add(row)
    return row


def withdraw_ledger_total(session: Session, fact: Fact) -> None:
    """The reported totals an earlier acceptance of the fact stored are taken back (one ORM
    delete each, so the audit log records them)."""
    rows = session.scalars(
        select(ReportedLedgerTotal).where(ReportedLedgerTotal.source_fact_id == fact.id)
    )
    for row in rows:
        session.delete(row)
