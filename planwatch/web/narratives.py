"""One narrative part for programs: read it with its version, replace it with If-Match.

The report page's form posts to ``/regions/…/report/narratives/{part}``; this route is the
same write with optimistic concurrency, so two planners editing one part cannot silently
overwrite each other: the later save on a stale version answers 409.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from planwatch.reads.regions import RegionRow, stored_region
from planwatch.records.narratives import NarrativeVersion, narrative_row, set_narrative
from planwatch.records.users import Account, check_allowed
from planwatch.web.auth import Viewer, allowed, app_store
from planwatch.web.params import period_of
from planwatch.web.preconditions import etag, expected_version
from planwatch.web.render import ChineseJSONResponse

router = APIRouter(prefix="/api/narratives", tags=["report"])

Planner = Annotated[Account, Depends(allowed("edit_narrative"))]
PATH = "/{code}/{period}/{part}"


class NarrativeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(max_length=100_000, description="The part's whole text.")


def _answer(
    region: RegionRow, period: str, part: str, row: NarrativeVersion | None, status: int = 200
) -> Response:
    data: dict[str, Any] = {
        "region": region.code,
        "period": period,
        "part": part,
        "text": row.text if row else None,
        "version": row.version if row else 0,
    }
    return ChineseJSONResponse(data, status_code=status, headers={"ETag": etag(data["version"])})


@router.get(PATH, summary="One narrative part with its version (ETag); version 0: not written")
def read_narrative(request: Request, code: str, period: str, part: str, user: Viewer) -> Response:
    when = period_of(period)
    with app_store(request).reading() as session:
        region = stored_region(session, code)
        return _answer(region, when.code, part, narrative_row(session, region, when, part))


@router.put(
    PATH,
    summary="Replace a narrative part; If-Match with the version read refuses a stale write (409)",
)
def write_narrative(
    request: Request, code: str, period: str, part: str, body: NarrativeIn, user: Planner
) -> Response:
    when = period_of(period)
    expected = expected_version(request)
    with app_store(request).transaction(actor=user.name) as session:
        region = stored_region(session, code)
        check_allowed(session, user, "edit_narrative", region)
        row = set_narrative(session, region, when, part, body.text, expected=expected)
        return _answer(region, when.code, part, row)
