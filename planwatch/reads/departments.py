"""A region's departments with what each answers for and who reports for it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from planwatch.links import robot_address
from planwatch.reads.plans import read
from planwatch.reads.regions import RegionRow
from planwatch.store.models import Department, Project, Target, Task, User


@dataclass(frozen=True, slots=True)
class DepartmentRow:
    id: int
    name: str
    targets: int
    tasks: int
    projects: int
    users: tuple[str, ...]


def _count(table: type[Target] | type[Task] | type[Project]) -> Any:
    return (
        select(func.count())
        .where(table.department_id == Department.id)
        .correlate(Department)
        .scalar_subquery()
    )


_OF_REGION = (
    select(Department.id, Department.name, _count(Target), _count(Task), _count(Project))
    .where(Department.region_id == bindparam("region"))
    .order_by(Department.name)
)
_USERS = (
    select(User.department_id, User.name)
    .join(Department, User.department_id == Department.id)
    .where(Department.region_id == bindparam("region"), User.disabled.is_(False))
    .order_by(User.name)
)


def departments(session: Session, region: RegionRow) -> list[DepartmentRow]:
    """Each department of the region, by name, with its targets, tasks, projects and users."""
    users: dict[int, list[str]] = {}
    for department_id, name in read(session, _USERS, region=region.id):
        users.setdefault(department_id, []).append(name)
    return [
        DepartmentRow(row_id, name, targets, tasks, projects, tuple(users.get(row_id, ())))
        for row_id, name, targets, tasks, projects in read(session, _OF_REGION, region=region.id)
    ]


@dataclass(frozen=True, slots=True)
class ContactRow:
    """Where a department's reminders go: its e-mail, and its robot's address shown
    without the key its query carries."""

    email: str | None
    webhook: str | None


_CONTACTS = select(Department.id, Department.email, Department.webhook).where(
    Department.region_id == bindparam("region")
)


def contacts(session: Session, region: RegionRow) -> dict[int, ContactRow]:
    """The reminder addresses of the region's departments, by department id."""
    return {
        row_id: ContactRow(email, robot_address(webhook) if webhook else None)
        for row_id, email, webhook in read(session, _CONTACTS, region=region.id)
    }
