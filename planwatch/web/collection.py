"""Who has reported: each department's reports owed for a period, what is in, what is late
and by how long, and its on-time rate over the year (``planwatch.reads.collection``)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from planwatch import links
from planwatch.errors import InvalidInput
from planwatch.reads.collection import (
    Completeness,
    Owed,
    SentReminder,
    completeness,
    reminders_sent,
)
from planwatch.reads.regions import stored_region
from planwatch.records.users import check_allowed
from planwatch.web.auth import Viewer, app_store
from planwatch.web.params import period_of
from planwatch.web.render import respond, twin

router = APIRouter()

AsOf = Annotated[
    str | None, Query(description="Judge lateness on this day (YYYY-MM-DD); default today.")
]


class OwedRow(BaseModel):
    """One report owed: department, indicator, period, due date, and where it stands."""

    department: str
    indicator: str
    unit: str | None
    frequency: str
    period: str
    due: str
    received: str | None
    state: str
    days_late: int | None
    days_left: int | None
    kind: str  # indicator, task (a key task's progress) or project (a project's progress)


class DepartmentRow(BaseModel):
    department: str
    expected: int
    received: int
    late: int
    overdue: int
    on_time_rate: float | None
    missing: list[str]


class ReminderRow(BaseModel):
    """A reminder sent (or tried): when, to which department, how, where, the outcome."""

    sent_at: datetime
    department: str
    channel: str
    address: str
    outcome: str
    error: str | None


class CompletenessPage(BaseModel):
    region: dict[str, str]
    period: dict[str, str]
    as_of: str
    totals: dict[str, int]
    departments: list[DepartmentRow]
    rows: list[OwedRow]
    reminders: list[ReminderRow]
    links: dict[str, str]


def completeness_page(
    request: Request, code: str, period: str, user: Viewer, as_of: AsOf = None
) -> Response:
    """Per department: expected, in, late and by how long, overdue; the on-time rate."""
    when = period_of(period)
    with app_store(request).reading() as session:
        region = stored_region(session, code)
        check_allowed(session, user, "read", region)
        found = completeness(session, region, when, _day(as_of))
        sent = reminders_sent(session, region, when.code)
    return respond(request, "completeness.html", completeness_data(found, sent))


def _day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as err:
        raise InvalidInput("web.collection.not_a_date", text=text) from err


def completeness_data(found: Completeness, sent: list[SentReminder]) -> dict[str, Any]:
    region, period = found.region, found.period
    departments = [
        DepartmentRow(
            department=d.department,
            expected=d.expected,
            received=d.received,
            late=len(d.late),
            overdue=sum(1 for o in d.owed if o.state == "missing"),
            on_time_rate=round(d.on_time_rate, 1) if d.on_time_rate is not None else None,
            missing=[o.indicator for o in d.missing],
        )
        for d in found.departments
    ]
    return CompletenessPage(
        region={"code": region.code, "name": region.name},
        period={"code": period},
        as_of=found.as_of.isoformat(),
        totals={
            "expected": found.expected,
            "received": found.received,
            "late": found.late,
            "overdue": found.overdue,
        },
        departments=departments,
        rows=[owed_row(o) for d in found.departments for o in d.owed],
        reminders=[
            ReminderRow(
                sent_at=r.sent_at if r.sent_at.tzinfo else r.sent_at.replace(tzinfo=UTC),
                department=r.department,
                channel=r.channel,
                address=r.address,
                outcome=r.outcome,
                error=r.error,
            )
            for r in sent
        ],
        links={"overview": links.region(region.code, period)},
    ).model_dump()


def owed_row(owed: Owed) -> OwedRow:
    return OwedRow(
        department=owed.department,
        kind=owed.kind,
        indicator=owed.indicator,
        unit=owed.unit,
        frequency=owed.frequency,
        period=owed.period,
        due=owed.due.isoformat(),
        received=owed.received.isoformat(timespec="seconds") if owed.received else None,
        state=owed.state,
        days_late=owed.days_late,
        days_left=owed.days_left,
    )


twin(
    router,
    "/regions/{code}/{period}/completeness",
    completeness_page,
    summary="Who has reported the period: expected, in, late, overdue, on-time rate",
    response_model=CompletenessPage,
)
