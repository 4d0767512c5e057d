"""The ledger's API: a period's progress of a project, and the 督办 cycle raise → answer → close.

Every route checks the role in ``planwatch.records.ledger`` (a reporter enters progress only
for projects its department leads and answers only items assigned to it: 403 otherwise).
"""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field

from planwatch.records.ledger import (
    ProgressIn,
    answer_supervision,
    close_supervision,
    enter_progress,
    raise_supervision,
)
from planwatch.records.numbers import Number
from planwatch.web.auth import Viewer, app_store

router = APIRouter(tags=["ledger"])


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ProgressBody(_Strict):
    period: str = Field(max_length=16, examples=["2017M06"])
    investment_ytd: Number | None = None
    text: str | None = Field(None, max_length=5000)


class SupervisionBody(_Strict):
    problem: str = Field(max_length=5000)
    department: str = Field(max_length=100)
    due: date


class AnswerBody(_Strict):
    answer: str = Field(max_length=5000)


class Stored(BaseModel):
    id: int
    status: str


@router.post("/api/projects/{project_id}/progress", summary="Enter a project's progress")
def post_progress(request: Request, project_id: int, body: ProgressBody, user: Viewer) -> Stored:
    item = ProgressIn(project_id, body.period, body.investment_ytd, body.text)
    with app_store(request).transaction(actor=user.name) as session:
        row = enter_progress(session, user, item)
        return Stored(id=row.id, status=row.status)


@router.post("/api/projects/{project_id}/supervisions", summary="Raise a 督办 item")
def post_supervision(
    request: Request, project_id: int, body: SupervisionBody, user: Viewer
) -> Stored:
    with app_store(request).transaction(actor=user.name) as session:
        row = raise_supervision(session, user, project_id, body.problem, body.department, body.due)
        return Stored(id=row.id, status=row.status)


@router.post("/api/supervisions/{item_id}/answer", summary="Answer a 督办 item")
def post_answer(request: Request, item_id: int, body: AnswerBody, user: Viewer) -> Stored:
    with app_store(request).transaction(actor=user.name) as session:
        row = answer_supervision(session, user, item_id, body.answer)
        return Stored(id=row.id, status=row.status)


@router.post("/api/supervisions/{item_id}/close", summary="Close an answered 督办 item")
def post_close(request: Request, item_id: int, user: Viewer) -> Stored:
    with app_store(request).transaction(actor=user.name) as session:
        row = close_supervision(session, user, item_id)
        return Stored(id=row.id, status=row.status)
