"""The audit log for planners and admins: filtered by user, department, object and time,
paged, and exported as ``.csv`` or ``.xlsx`` with the filters applied.

A planner of a region reads what the users of its region (and the regions below) did; an
admin reads everything, the command line's and the system's entries included.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime, time, timedelta
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from planwatch.reads.audit import AuditFilter, audit_entries, audited_tables
from planwatch.records.users import Account
from planwatch.web.auth import allowed, app_store
from planwatch.web.render import beijing_time, respond, twin
from planwatch.web.tables import table_file, table_format

router = APIRouter(tags=["audit"])
Auditor = Annotated[Account, Depends(allowed("audit"))]
FILTERS = ("actor", "department", "table", "row", "since", "until")
PAGE = 100
EXPORT_LIMIT = 100_000  # rows in one exported file
COLUMNS = (
    ("id", "entry_no"),
    ("at", "when"),
    ("actor", "who"),
    ("department", "department"),
    ("action", "action"),
    ("table", "object"),
    ("row_id", "row_no"),
    ("changes", "changes_made"),
)


def audit_page(
    request: Request,
    user: Auditor,
    actor: Annotated[str | None, Query(max_length=100)] = None,
    department: Annotated[str | None, Query(max_length=100)] = None,
    table: Annotated[str | None, Query(max_length=32)] = None,
    row: int | None = None,
    since: date | None = None,
    until: date | None = None,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    """Changes to stored data, newest first; ``until`` includes its day."""
    where = AuditFilter(
        actor=actor or None,
        department=department or None,
        table=table or None,
        row_id=row,
        since=datetime.combine(since, time()) if since else None,
        until=datetime.combine(until + timedelta(days=1), time()) if until else None,
    )
    exporting = table_format(request) is not None
    scope = None if user.role == "admin" else user.region_id
    with app_store(request).reading() as session:
        page = audit_entries(
            session,
            where,
            within=scope,
            limit=EXPORT_LIMIT if exporting else PAGE,
            offset=0 if exporting else offset,
        )
        tables = audited_tables(session)
    rows = [asdict(entry) for entry in page.items]
    if exporting:  # as the page shows them: Beijing time
        shown = [{**row, "at": beijing_time(row["at"], seconds=True)} for row in rows]
        return table_file(request, "audit", COLUMNS, shown)
    data: dict[str, Any] = {
        "total": page.total,
        "offset": offset,
        "limit": PAGE,
        "entries": rows,
        "filters": {key: request.query_params.get(key) for key in FILTERS},
        "query": urlencode({k: v for k in FILTERS if (v := request.query_params.get(k))}),
        "tables": tables,
    }
    return respond(request, "audit.html", data)


# twin() adds /audit.csv and /audit.xlsx too: audit_page writes them with its own columns
twin(router, "/audit", audit_page, summary="The audit log, filtered and paged")
