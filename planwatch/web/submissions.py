"""The submission workflow: where each department stands, and each step.

The page ``/regions/{code}/{period}/submissions`` (and its ``.json``) shows each
department's submission of the period with the steps the reader may take; its forms post
to ``…/submissions/{step}``. For programs, ``GET /api/submissions/{code}/{period}`` lists
the same rows and ``POST /api/submissions/{code}/{period}/{step}`` takes one step (submit,
approve, return, publish) for one department. Either way a step on a submission read at
another version is refused with 409.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from pydantic.dataclasses import dataclass as shape

from planwatch import links
from planwatch.periods import Period
from planwatch.reads.regions import RegionRow, stored_region
from planwatch.reads.submissions import SubmissionRow, submissions
from planwatch.records.submissions import move_submission, open_steps
from planwatch.records.users import Account, check_allowed
from planwatch.vocabulary import SubmissionStep
from planwatch.web.auth import Viewer, app_store
from planwatch.web.params import period_of
from planwatch.web.render import respond, twin

router = APIRouter(tags=["submissions"])


class StepIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    department: str = Field(max_length=100)
    comment: str | None = Field(None, max_length=5000)
    version: int | None = None  # the version the decision was made on (409 if stale)


@shape(frozen=True)
class SubmissionOut(SubmissionRow):
    """A department's submission of a period: its status, the planner's comment, version."""


def _out(row: SubmissionRow) -> SubmissionOut:
    return SubmissionOut(**asdict(row))


@router.get("/api/submissions/{code}/{period}", summary="Where each department's figures stand")
def list_submissions(request: Request, code: str, period: str, user: Viewer) -> list[SubmissionOut]:
    when = period_of(period)
    with app_store(request).reading() as session:
        region = stored_region(session, code)
        check_allowed(session, user, "read", region)
        return [_out(row) for row in submissions(session, region, when.code)]


@router.post(
    "/api/submissions/{code}/{period}/{step}",
    summary="Submit, approve, return (with a comment) or publish a department's figures",
)
def take_step(
    request: Request, code: str, period: str, step: SubmissionStep, body: StepIn, user: Viewer
) -> SubmissionOut:
    rows = _take(request, user, code, period, step, body)
    return _out(next(row for row in rows if row.department == body.department))


def _take(
    request: Request, user: Account, code: str, period: str, step: SubmissionStep, body: StepIn
) -> list[SubmissionRow]:
    """Take the step; the region's submissions of the period after it."""
    when = period_of(period)
    with app_store(request).transaction(actor=user.name) as session:
        move_submission(
            session,
            user,
            step,
            region=code,
            department=body.department,
            period=when.code,
            comment=body.comment,
            version=body.version,
        )
        return submissions(session, stored_region(session, code), when.code)


def submissions_page(request: Request, code: str, period: str, user: Viewer) -> Response:
    """Each department's submission of the period, with the steps the reader may take."""
    when = period_of(period)
    with app_store(request).reading() as session:
        region = stored_region(session, code)
        check_allowed(session, user, "read", region)
        rows = submissions(session, region, when.code)
    return respond(request, "submissions.html", _page(region, when, rows, user))


def _page(
    region: RegionRow, period: Period, rows: list[SubmissionRow], user: Account
) -> dict[str, Any]:
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.status] = counts.get(row.status, 0) + 1
    return {
        "region": {"code": region.code, "name": region.name},
        "period": {"code": period.code},
        "counts": counts,
        "rows": [
            {**asdict(row), "steps": open_steps(user, row.status, row.department_id)}
            for row in rows
        ],
        "links": {
            "overview": links.region(region.code, period.code),
            "departments": links.departments(region.code),
            "step": links.submissions(region.code, period.code),
        },
    }


def step_form(
    request: Request,
    code: str,
    period: str,
    step: SubmissionStep,
    user: Viewer,
    department: Annotated[str, Form(max_length=100)],
    version: Annotated[int, Form()],
    comment: Annotated[str, Form(max_length=5000)] = "",
) -> Response:
    """The page's buttons: take the step, then show the page again (303)."""
    _take(
        request,
        user,
        code,
        period,
        step,
        StepIn(department=department, comment=comment or None, version=version),
    )
    return RedirectResponse(links.submissions(code, period_of(period).code), status_code=303)


twin(
    router,
    "/regions/{code}/{period}/submissions",
    submissions_page,
    summary="Each department's submission of a period and the steps the reader may take",
)
router.add_api_route(
    "/regions/{code}/{period}/submissions/{step}",
    step_form,
    methods=["POST"],
    include_in_schema=False,
)
