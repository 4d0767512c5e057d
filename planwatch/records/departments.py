"""Departments of a region: the units that report figures and answer for targets."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from planwatch.errors import Conflict, InvalidInput
from planwatch.store.models import Department
from planwatch.store.reference import region_row


def add_department(session: Session, region: str, name: str) -> Department:
    """Add a department to a region; refused when the name is blank or already there."""
    clean = name.strip()
    if not clean or len(clean) > 100:
        raise InvalidInput("records.departments.needs_name")
    where = region_row(session, region)
    query = select(Department).where(Department.region_id == where.id, Department.name == clean)
    if session.scalar(query) is not None:
        raise Conflict("records.departments.already", where=where.name, clean=clean)
    row = Department(region_id=where.id, name=clean)
    session.add(row)
    session.flush()
    return row
