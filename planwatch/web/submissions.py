"""The submission workflow on the API: where each department stands, and each step.

``GET /api/submissions/{code}/{period}`` lists the region's departments with the status of
their figures of the period; ``POST /api/submissions/{code}/{period}/{step}`` takes one
step (submit, approve, return, publish) for one department, refused with 409 when the
submission was read at another version.
"""

from __future__ import annotations

from dataclasses import asdict

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field
from pydantic.dataclasses import dataclass as shape

from planwatch.reads.regions import stored_region
from planwatch.reads.submissions import SubmissionRow, submissions
from planwatch.records.submissions import move_submission
from planwatch.records.users import check_allowed
from planwatch.vocabulary import SubmissionStep
from planwatch.web.auth import Viewer, app_store
from planwatch.web.params import period_of

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
        region = stored_region(session, code)
        rows = submissions(session, region, when.code)
    return _out(next(row for row in rows if row.department == body.department))
