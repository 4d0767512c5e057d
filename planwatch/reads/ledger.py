"""The major-project ledger read as plain data: projects, milestones, progress, 督办 items.

``ledger_of(session, plan_id)`` is the one query behind the ledger page, its twins, the
project judgement (``planwatch.assess.projects``) and the report's projects part.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from planwatch.store.models import Plan, Project


@dataclass(frozen=True)
class Milestone:
    name: str
    kind: str
    planned: date
    done: date | None = None
    id: int = 0


@dataclass(frozen=True)
class PeriodProgress:
    period: str
    investment_ytd: float | None
    text: str | None = None
    status: str = "approved"


@dataclass(frozen=True)
class Supervision:
    id: int
    problem: str
    department: str
    due: date
    status: str
    answer: str | None = None


@dataclass(frozen=True)
class LedgerProject:
    """One ledger row; amounts in ``unit`` (万元 unless the plan says otherwise)."""

    id: int
    name: str
    stage: str = "preliminary"  # as the plan states it (see assess.projects.stage_of)
    category: str | None = None
    level: str | None = None
    department: str | None = None
    department_id: int | None = None
    responsible: str | None = None
    location: str | None = None
    total_investment: float | None = None
    year_investment: float | None = None
    unit: str | None = None
    planned_start: date | None = None
    actual_start: date | None = None
    planned_completion: date | None = None
    actual_completion: date | None = None
    milestones: tuple[Milestone, ...] = ()
    progress: tuple[PeriodProgress, ...] = ()
    supervisions: tuple[Supervision, ...] = field(default=())


def ledger_of(session: Session, plan_id: int) -> list[LedgerProject]:
    """The plan's projects in plan order, each with its milestones, progress and 督办."""
    return _ledger(session, Project.plan_id == plan_id)


def region_ledger(session: Session, region_id: int, year: int) -> list[LedgerProject]:
    """The ledger of the region's plan for ``year`` (empty if it has no plan)."""
    plan_ids = select(Plan.id).where(Plan.region_id == region_id, Plan.year == year)
    return _ledger(session, Project.plan_id.in_(plan_ids))


def _ledger(session: Session, where: object) -> list[LedgerProject]:
    rows = session.scalars(
        select(Project)
        .where(where)  # type: ignore[arg-type]
        .order_by(Project.position, Project.id)
        .options(
            selectinload(Project.milestones),
            selectinload(Project.progress),
            selectinload(Project.supervisions),
            joinedload(Project.department),  # one each: in the projects' own query
        )
    )
    return [_plain(row) for row in rows]


def _plain(row: Project) -> LedgerProject:
    return LedgerProject(
        id=row.id,
        name=row.name,
        stage=row.stage,
        category=row.category,
        level=row.level,
        department=row.department.name if row.department else None,
        department_id=row.department_id,
        responsible=row.responsible,
        location=row.location,
        total_investment=row.investment,
        year_investment=row.year_investment,
        unit=row.investment_unit,
        planned_start=row.planned_start,
        actual_start=row.actual_start,
        planned_completion=row.planned_completion,
        actual_completion=row.actual_completion,
        milestones=tuple(
            Milestone(m.name, m.kind, m.planned, m.done, m.id) for m in row.milestones
        ),
        progress=tuple(
            PeriodProgress(p.period, p.investment_ytd, p.progress_text, p.status)
            for p in row.progress
        ),
        supervisions=tuple(
            Supervision(s.id, s.problem, s.department.name, s.due, s.status, s.answer)
            for s in row.supervisions
        ),
    )


def ledger_project(session: Session, project_id: int) -> LedgerProject | None:
    """One project's ledger row (None if there is no such project)."""
    found = _ledger(session, Project.id == project_id)
    return found[0] if found else None
