"""Where each department's figures of a period stand, for the planning office."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from planwatch.reads.plans import read
from planwatch.reads.regions import RegionRow
from planwatch.store.models import Department, Submission


@dataclass(frozen=True, slots=True)
class SubmissionRow:
    department_id: int
    department: str
    period: str
    status: str
    comment: str | None
    changed_by: str | None
    changed_at: str | None
    version: int


def submissions(session: Session, region: RegionRow, period: str) -> list[SubmissionRow]:
    """Every department of the region with its submission of ``period`` (none yet: draft)."""
    query = (
        select(
            Department.id,
            Department.name,
            Submission.status,
            Submission.comment,
            Submission.changed_by,
            Submission.changed_at,
            Submission.version,
        )
        .select_from(Department)
        .outerjoin(
            Submission,
            (Submission.department_id == Department.id) & (Submission.period == period),
        )
        .where(Department.region_id == region.id)
        .order_by(Department.name)
    )
    return [
        SubmissionRow(
            department_id,
            name,
            period,
            status or "draft",
            comment,
            by,
            str(at)[:19] if at else None,
            version or 0,
        )
        for department_id, name, status, comment, by, at, version in read(session, query)
    ]
