"""Reviewing extracted facts: accept, correct or reject. Accepted facts become data at once:
targets of the document region's plan, or observations of its period, each pointing back
at the fact (``source_fact_id``) so every number can be traced to its span.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from planwatch import catalog
from planwatch.errors import Conflict, InvalidInput, NotFound
from planwatch.periods import Period
from planwatch.records.ledger_facts import store_ledger_fact, withdraw_ledger_fact
from planwatch.records.ledger_totals import store_ledger_total, withdraw_ledger_total
from planwatch.records.numbers import parse_number
from planwatch.records.observations import add_observation
from planwatch.store.ids import checked_id
from planwatch.store.models import Document, Fact, Observation, Plan, Region, Target, utcnow
from planwatch.store.once import add_once
from planwatch.store.reference import indicator_row
from planwatch.vocabulary import MEASURES, OBSERVED_MEASURES, TargetKind

CORRECTABLE = ("measure", "value", "unit", "subject", "period")


@dataclass
class ReviewResult:
    fact_id: int
    status: str
    stored: int  # targets, observations, ledger figures or totals made from it (0: none)
    note: str | None = None


def fact_row(session: Session, fact_id: int, *, lock: bool = False) -> Fact:
    """``lock``: for a decision, the fact is read fresh and held until commit (PostgreSQL),
    so concurrent reviewers decide one after the other on the current version."""
    fact = session.get(
        Fact, checked_id(fact_id, "fact"), with_for_update=lock, populate_existing=lock
    )
    if fact is None:
        raise NotFound("records.review.no_fact", fact_id=fact_id)
    return fact


def accept_fact(
    session: Session, fact_id: int, *, user_id: int | None = None, expected: int | None = None
) -> ReviewResult:
    """Accept a fact; ``expected`` is the version the reviewer saw (``If-Match``)."""
    return accept(session, current_fact(session, fact_id, expected), user_id)


def accept(session: Session, fact: Fact, user_id: int | None = None) -> ReviewResult:
    return _settle(session, fact, "accepted", user_id)


def accept_facts(
    session: Session, document_id: int, fact_ids: Sequence[int], *, user_id: int | None = None
) -> list[ReviewResult]:
    """Accept many facts of one document in the caller's transaction, each as if accepted
    alone (so each gets its own audit entries); facts already accepted or corrected stay as
    they are. A fact of another document is refused before anything changes."""
    facts = [fact_row(session, fact_id, lock=True) for fact_id in dict.fromkeys(fact_ids)]
    strangers = [fact.id for fact in facts if fact.document_id != document_id]
    if strangers:
        raise InvalidInput(
            "records.review.facts_not_facts_document",
            p1=", ".join(map(str, strangers)),
            document_id=document_id,
            p2="、".join(map(str, strangers)),
        )
    return [
        accept(session, fact, user_id)
        for fact in facts
        if fact.review_status not in ("accepted", "corrected")
    ]


def correct_fact(
    session: Session,
    fact_id: int,
    changes: dict[str, Any],
    *,
    user_id: int | None = None,
    expected: int | None = None,
) -> ReviewResult:
    """Apply the reviewer's corrections, then accept the corrected fact.

    Only the fields named in ``changes`` change (a partial update); ``None`` or ``""``
    blanks a field on purpose.
    """
    fact = current_fact(session, fact_id, expected)
    for key, value in _checked_changes(changes).items():
        setattr(fact, key, value)
    if "subject" in changes:
        entry = catalog.find(fact.subject or "")
        fact.indicator = indicator_row(session, entry.name) if entry else None
    return _settle(session, fact, "corrected", user_id)


def reject_fact(
    session: Session, fact_id: int, *, user_id: int | None = None, expected: int | None = None
) -> ReviewResult:
    """Reject a fact; what an earlier acceptance stored from it is removed."""
    fact = current_fact(session, fact_id, expected)
    _withdraw(session, fact)
    _mark(fact, "rejected", user_id)
    session.flush()
    return ReviewResult(fact.id, fact.review_status, 0)


def current_fact(session: Session, fact_id: int, expected: int | None) -> Fact:
    """The fact, refused with 409 if someone changed it since the caller read ``expected``."""
    fact = fact_row(session, fact_id, lock=True)
    if expected is not None and fact.version != expected:
        raise Conflict(
            "records.review.stale",
            fact_id=fact_id,
            expected=expected,
            version=fact.version,
        )
    return fact


def _settle(session: Session, fact: Fact, status: str, user_id: int | None) -> ReviewResult:
    _withdraw(session, fact)
    _mark(fact, status, user_id)
    stored, note = _materialise(session, fact)
    session.flush()
    return ReviewResult(fact.id, status, stored, note)


def _mark(fact: Fact, status: str, user_id: int | None) -> None:
    fact.review_status = status
    fact.reviewed_by = user_id
    fact.reviewed_at = utcnow()


def _withdraw(session: Session, fact: Fact) -> None:
    """One ORM delete per row, so the audit log records each withdrawn figure.

    A target someone made a department responsible for is part of the plan (a plan file's
    target the report restates, say): it stays, no longer pointing at the fact."""
    for row in session.scalars(select(Observation).where(Observation.source_fact_id == fact.id)):
        session.delete(row)
    for target in session.scalars(select(Target).where(Target.source_fact_id == fact.id)):
        if target.department_id is None:
            session.delete(target)
        else:
            target.source_fact_id = None
    withdraw_ledger_fact(session, fact)
    withdraw_ledger_total(session, fact)
    session.flush()


def _materialise(session: Session, fact: Fact) -> tuple[int, str | None]:
    document = fact.document
    ledger = store_ledger_fact(session, fact)
    if ledger is not None:
        return ledger
    if fact.indicator is None:
        total = store_ledger_total(session, fact)
        return total or (0, "not a catalogue indicator: kept as a reviewed fact only")
    if document.region is None:
        return 0, "the document has no region: set it to store this fact as data"
    if fact.measure.startswith("target_"):
        return _store_target(session, fact), None
    if fact.measure in OBSERVED_MEASURES and fact.value is not None:
        period = Period.parse(fact.period) if fact.period else document_period(document)
        if period is None:
            return 0, "no period: correct the fact's period to store it"
        add_observation(session, _observation(fact, document.region, period))
        return 1, None
    return 0, None


def document_period(document: Document) -> Period | None:
    return Period.parse(document.period) if document.period else None


def _observation(fact: Fact, region: Region, period: Period) -> Observation:
    assert fact.indicator is not None and fact.value is not None
    return Observation(
        indicator=fact.indicator,
        region=region,
        period=period.code,
        measure=fact.measure,
        value=fact.value,
        unit=fact.unit,
        basis=fact.basis,
        status="published",
        note=fact.text,
        source_fact_id=fact.id,
    )


KIND_OF_MEASURE: dict[str, TargetKind] = {
    "target_growth": "growth_at_least",
    "target_value": "value_at_least",
    "target_reduction": "reduction_at_least",
    "target_relation": "relation",
}


def _store_target(session: Session, fact: Fact) -> int:
    document = fact.document
    assert document.region is not None and fact.indicator is not None
    year = Period.parse(fact.period).year if fact.period else document.year
    if year is None:
        return 0
    kind: TargetKind = KIND_OF_MEASURE[fact.measure]
    if kind == "value_at_least" and fact.qualifier == "at_most":
        kind = "value_at_most"
    other = _relation_other(fact) if kind == "relation" else None
    if kind == "relation" and other is None:
        return 0
    plan = _plan_for(session, document.region.id, year)
    target = _same_target(plan, fact.indicator.id, kind) or Target(
        plan=plan, position=len(plan.targets), indicator_id=fact.indicator.id, kind=kind
    )
    # A plan loaded from a file and the report restating it name the same target: the
    # accepted fact updates it (and becomes its source) rather than adding a second one.
    target.value, target.unit, target.qualifier = fact.value, fact.unit, fact.qualifier
    target.basis, target.other_indicator_id = fact.basis, other
    target.source_fact_id, target.text = fact.id, fact.text
    session.add(target)
    session.flush()
    return 1


def _same_target(plan: Plan, indicator_id: int, kind: str) -> Target | None:
    return next(
        (t for t in plan.targets if t.indicator_id == indicator_id and t.kind == kind), None
    )


def _relation_other(fact: Fact) -> int | None:
    name = (fact.relation or {}).get("other", "")
    entry = catalog.find(name) if name else None
    if entry is None:
        return None
    session = Session.object_session(fact)
    assert session is not None
    return indicator_row(session, entry.name).id


def _plan_for(session: Session, region_id: int, year: int) -> Plan:
    query = select(Plan).where(Plan.region_id == region_id, Plan.year == year)
    plan = session.scalar(query)
    if plan is None:
        plan = add_once(
            session, Plan(region_id=region_id, year=year), lambda: session.scalar(query)
        )
    return plan


def _checked_changes(changes: dict[str, Any]) -> dict[str, Any]:
    unknown = set(changes) - set(CORRECTABLE)
    if unknown:
        raise InvalidInput(
            "records.review.cannot_correct",
            names=", ".join(sorted(unknown)),
            correctable=", ".join(CORRECTABLE),
        )
    out = dict(changes)
    if "measure" in out and out["measure"] not in MEASURES:
        raise InvalidInput(
            "records.review.unknown_measure", measure=out["measure"], names=", ".join(MEASURES)
        )
    if out.get("period"):
        out["period"] = Period.parse(str(out["period"])).code
    if "value" in out and out["value"] is not None:
        out["value"] = parse_number(out["value"], "value")
    for key in ("unit", "subject", "period"):
        if key in out and out[key] == "":
            out[key] = None
    return out
