"""The audit log as planners read it: who changed what, when, filtered and paged.

Every filter is optional: a bound ``None`` switches it off, so the statement is built
once. The actor's department is the department of the user of that name at reading
time; entries written by the system or the command line have none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, Integer, String, bindparam, cast, or_, select
from sqlalchemy.orm import Session

from planwatch.reads.paging import Page, paged
from planwatch.reads.plans import read
from planwatch.reads.regions import regions_within
from planwatch.store.models import AuditEntry, Department, User


@dataclass(frozen=True, slots=True)
class AuditRow:
    id: int
    at: datetime
    actor: str
    department: str | None
    action: str
    table: str
    row_id: int | None
    changes: dict[str, Any]


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """What to show: an actor, a department, a table (the object kind), a row, a time span."""

    actor: str | None = None
    department: str | None = None
    table: str | None = None
    row_id: int | None = None
    since: datetime | None = None
    until: datetime | None = None

    def params(self) -> dict[str, object]:
        return {
            "actor": self.actor,
            "department": self.department,
            "table": self.table,
            "row_id": self.row_id,
            "since": self.since,
            "until": self.until,
        }


def _off_or(name: str, condition: Any, type_: Any) -> Any:
    """``condition`` holds, or the filter ``name`` is bound to None (switched off).

    The cast gives PostgreSQL the parameter's type, which ``IS NULL`` alone does not."""
    return or_(cast(bindparam(name, type_=type_), type_).is_(None), condition)


_ENTRIES = (
    select(
        AuditEntry.id,
        AuditEntry.at,
        AuditEntry.actor,
        Department.name,
        AuditEntry.action,
        AuditEntry.table_name,
        AuditEntry.row_id,
        AuditEntry.changes,
    )
    .select_from(AuditEntry)
    .outerjoin(User, User.name == AuditEntry.actor)
    .outerjoin(Department, Department.id == User.department_id)
    .where(
        _off_or("actor", AuditEntry.actor == bindparam("actor"), String),
        _off_or("department", Department.name == bindparam("department"), String),
        _off_or("table", AuditEntry.table_name == bindparam("table"), String),
        _off_or("row_id", AuditEntry.row_id == bindparam("row_id"), Integer),
        _off_or("since", AuditEntry.at >= bindparam("since"), DateTime(timezone=True)),
        _off_or("until", AuditEntry.at < bindparam("until"), DateTime(timezone=True)),
    )
    .order_by(AuditEntry.id.desc())
)
# a regional planner reads what the users of its region and the regions below it did
_ENTRIES_WITHIN = _ENTRIES.where(User.region_id.in_(bindparam("regions", expanding=True)))


def audit_entries(
    session: Session,
    where: AuditFilter,
    *,
    within: int | None = None,
    limit: int = 100,
    offset: int = 0,
) -> Page[AuditRow]:
    """The newest entries first that pass ``where``, ``limit`` at a time; with ``within`` (a
    region id) only those of users of that region and the regions below it."""
    if within is None:
        return paged(session, _ENTRIES, _row, limit=limit, offset=offset, **where.params())
    regions = regions_within(session, within)
    return paged(
        session,
        _ENTRIES_WITHIN,
        _row,
        limit=limit,
        offset=offset,
        regions=regions,
        **where.params(),
    )


def _row(row: Any) -> AuditRow:
    return AuditRow(*row)


_TABLES = select(AuditEntry.table_name).distinct().order_by(AuditEntry.table_name)


def audited_tables(session: Session) -> list[str]:
    """The object kinds the log holds entries for, to filter by."""
    return [name for (name,) in read(session, _TABLES)]
