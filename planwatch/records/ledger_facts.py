"""A major project's investment read from a document: an accepted fact is a ledger figure.

``1-7月，绿地国际金融城累计完成投资25.3亿元``: a fact whose subject is a stored project's name
followed by 完成投资 (累计, 本年, 项目 …) and whose measure is a value in an amount unit is
that project's investment year to date for the fact's period (kept by closing month, in
the project's unit). Accepting the fact writes the period's progress entry, pointing back
at the fact, in the reviewer's transaction (so audited like every change); rejecting it
later withdraws the figure. A figure of all projects together (``项目累计完成投资629.0亿元``)
names no project: it is the region's reported total instead (``ledger_totals.py``).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from planwatch.errors import InvalidInput
from planwatch.periods import Period
from planwatch.records.ledger import month_code
from planwatch.store.models import Fact, Plan, Project, ProjectProgress
from planwatch.units import convert

# what follows the project's name in a completed-investment subject
INVESTMENT = re.compile(r"(?:项目)?(?:本年|今年|年度|当年)?(?:累计)?完成(?:固定资产)?投资额?")


def named_project(session: Session, fact: Fact, year: int) -> Project | None:
    """The project of the document region's plan for ``year`` whose investment the fact
    states (the longest name when one name begins another)."""
    document = fact.document
    if document.region is None or not fact.subject:
        return None
    subject = fact.subject.strip()
    projects = session.scalars(
        select(Project).join(Plan).where(Plan.region_id == document.region.id, Plan.year == year)
    )
    named = [
        p
        for p in projects
        if subject.startswith(p.name) and INVESTMENT.fullmatch(subject[len(p.name) :])
    ]
    return max(named, key=lambda p: len(p.name), default=None)


def store_ledger_fact(session: Session, fact: Fact) -> tuple[int, str | None] | None:
    """``(1, None)`` when the fact became a project's ledger figure, ``(0, why)`` when it
    names a project but cannot be stored, ``None`` when it is no ledger figure at all."""
    document = fact.document
    period = Period.parse(fact.period) if fact.period else None
    period = period or (Period.parse(document.period) if document.period else None)
    year = period.year if period else document.year
    if fact.measure != "value" or fact.value is None or year is None:
        return None
    project = named_project(session, fact, year)
    if project is None:
        return None
    if period is None:
        return 0, "no period: correct the fact's period to store it"
    try:
        amount = convert(fact.value, fact.unit, project.investment_unit)
    except InvalidInput:
        return 0, f"{fact.unit} is not an amount of investment: correct the fact's unit"
    _progress(project, month_code(period), fact).investment_ytd = round(amount, 4)
    session.flush()
    return 1, None


def _progress(project: Project, code: str, fact: Fact) -> ProjectProgress:
    entry = next((p for p in project.progress if p.period == code), None)
    if entry is None:
        entry = ProjectProgress(project_id=project.id, period=code)
        project.progress.append(entry)
    entry.source_fact_id = fact.id
    entry.status = "approved"  # a reviewer accepted it
    entry.entered_by = fact.document.filename
    entry.entered_at = datetime.now(UTC)
    return entry


def withdraw_ledger_fact(session: Session, fact: Fact) -> None:
    """The figures an earlier acceptance of the fact stored are taken back (the entry goes
    when it held nothing else)."""
    rows = session.scalars(select(ProjectProgress).where(ProjectProgress.source_fact_id == fact.id))
    for entry in rows:
        if entry.progress_text:
            entry.investment_ytd, entry.source_fact_id = None, None
        else:
            session.delete(entry)
