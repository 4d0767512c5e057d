"""Reviewing a document: its text with each fact marked at its span; accept, correct, reject.

Accepting (or correcting) a fact turns it into a target or an observation of the
document's region and period at once (``planwatch.records.review``), so the overview changes as
soon as the planner clicks. The buttons post with htmx and swap in the fact's new row;
the same actions under ``/api/facts/{id}/…`` answer JSON.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel

from planwatch import links
from planwatch.errors import InvalidInput
from planwatch.reads import Session
from planwatch.reads.documents import document_by_id, document_text
from planwatch.reads.facts import fact_by_id, facts_of_document, pending_facts
from planwatch.reads.regions import stored_region
from planwatch.records.review import (
    accept_fact,
    accept_facts,
    correct_fact,
    fact_row,
    reject_fact,
)
from planwatch.records.users import Account, check_allowed
from planwatch.vocabulary import MEASURES
from planwatch.web import shapes
from planwatch.web.auth import Viewer, allowed, app_store
from planwatch.web.preconditions import etag, expected_version
from planwatch.web.render import ChineseJSONResponse, html, respond, twin
from planwatch.web.spans import segments

router = APIRouter()

Reviewer = Annotated[Account, Depends(allowed("review"))]


class DocumentPage(BaseModel):
    """A document with its region, its text cut into marked runs, and its facts."""

    document: shapes.Document
    region: shapes.Region | None
    segments: list[dict[str, Any]]
    facts: list[shapes.Fact]
    counts: dict[str, int]
    may_review: bool
    overview: str | None
    accepted: int | None = None
    measures: list[str] = []


class Reviewed(BaseModel):
    """The answer to a review action: the fact as it now is and what was stored from it."""

    fact: shapes.Fact
    stored: int
    note: str | None
    observations: list[str]


def document_page(
    request: Request,
    document_id: int,
    user: Viewer,
    accepted: Annotated[
        int | None, Query(ge=0, description="How many facts a bulk accept just accepted.")
    ] = None,
) -> Response:
    with app_store(request).reading() as session:
        document = shapes.document(document_by_id(session, document_id))
        region = _region(session, user, document.region)
        facts = [shapes.fact(row) for row in facts_of_document(session, document_id)]
        text = document_text(session, document_id)
    page = DocumentPage(
        document=document,
        region=region,
        segments=segments(text, facts),
        facts=facts,
        counts=_counts(facts),
        may_review=user.may("review"),
        overview=links.region(region.code, document.period) if region and document.period else None,
        accepted=accepted,
        measures=sorted({f.measure for f in facts if f.review_status == "pending"}),
    )
    return respond(request, "document.html", page.model_dump())


def _region(session: Session, user: Account, code: str | None) -> shapes.Region | None:
    """The document's region, read under the rule of every page for that region."""
    if code is None:
        return None
    check_allowed(session, user, "read", stored_region(session, code))
    return shapes.region(stored_region(session, code))


def _counts(facts: list[shapes.Fact]) -> dict[str, int]:
    counts = {"pending": 0, "accepted": 0, "corrected": 0, "rejected": 0}
    for fact in facts:
        counts[fact.review_status] = counts.get(fact.review_status, 0) + 1
    return counts


Verdict = Literal["accept", "reject"]


def review(request: Request, fact_id: int, verdict: Verdict, user: Reviewer) -> Response:
    """Accept or reject one fact; accepting stores it as data of the document's region."""
    with app_store(request).transaction(actor=user.name) as session:
        _check_region(session, user, fact_id)
        act = accept_fact if verdict == "accept" else reject_fact
        result = act(session, fact_id, user_id=user.id, expected=expected_version(request))
        data = _reviewed(session, fact_id, result.stored, result.note)
    return _answer(request, data)


KEPT = "Left out: kept as it is. Sent empty: cleared."


async def _sent_fields(request: Request) -> set[str]:
    """The form fields the request names: FastAPI reads an empty one as left out."""
    return set((await request.form()).keys())


def correct(
    request: Request,
    fact_id: int,
    user: Reviewer,
    sent: Annotated[set[str], Depends(_sent_fields)],
    measure: Annotated[str | None, Form(description=KEPT)] = None,
    value: Annotated[str | None, Form(description=KEPT)] = None,
    unit: Annotated[str | None, Form(description=KEPT)] = None,
    subject: Annotated[str | None, Form(description=KEPT)] = None,
    period: Annotated[str | None, Form(description=KEPT)] = None,
) -> Response:
    """Correct the named fields of a fact (a partial update: fields left out keep their
    value), then accept it. ``If-Match`` with the fact's version refuses a stale write (409).
    """
    named = {"measure": measure, "value": value, "unit": unit, "subject": subject}
    named["period"] = period
    changes = {key: (text or "").strip() or None for key, text in named.items() if key in sent}
    with app_store(request).transaction(actor=user.name) as session:
        _check_region(session, user, fact_id)
        result = correct_fact(
            session, fact_id, changes, user_id=user.id, expected=expected_version(request)
        )
        data = _reviewed(session, fact_id, result.stored, result.note)
    return _answer(request, data)


def _check_region(session: Session, user: Account, fact_id: int) -> None:
    region = fact_row(session, fact_id).document.region
    check_allowed(session, user, "review", region)


def _reviewed(session: Session, fact_id: int, stored: int, note: str | None) -> Reviewed:
    session.flush()  # the read below runs on the session's connection: it sees the change
    fact = shapes.fact(fact_by_id(session, fact_id))
    return Reviewed(fact=fact, stored=stored, note=note, observations=fact.observations)


def _answer(request: Request, reviewed: Reviewed) -> Response:
    data = reviewed.model_dump()
    if request.url.path.startswith("/api/"):
        return ChineseJSONResponse(data, headers={"ETag": etag(data["fact"]["version"])})
    page = {**data["fact"], "note": data["note"]}
    return html(request, "fact_row.html", {"fact": page, "may_review": True})


class Accepted(BaseModel):
    """The answer to accepting many facts: how many were accepted, and each fact as it is."""

    accepted: int
    stored: int
    facts: list[shapes.Fact]


Scope = Literal["selected", "indicators", "measure"]


def accept_many(
    request: Request,
    document_id: int,
    user: Reviewer,
    scope: Annotated[
        Scope,
        Form(
            description="selected: the facts named by `fact`; indicators: every pending fact "
            "of a catalogue indicator; measure: every pending fact of `measure`."
        ),
    ],
    fact: Annotated[list[int], Form(description="The selected facts' ids.")] = [],  # noqa: B006
    measure: Annotated[str | None, Form(description="The measure, for scope=measure.")] = None,
) -> Response:
    """Accept many of a document's facts at once, in one transaction; each is audited as if
    accepted alone. Facts already accepted stay as they are."""
    with app_store(request).transaction(actor=user.name) as session:
        code = document_by_id(session, document_id).region
        check_allowed(session, user, "review", stored_region(session, code) if code else None)
        chosen = _chosen(session, document_id, scope, fact, measure)
        results = accept_facts(session, document_id, chosen, user_id=user.id)
        session.flush()
        facts = [shapes.fact(fact_by_id(session, result.fact_id)) for result in results]
    answer = Accepted(accepted=len(results), stored=sum(r.stored for r in results), facts=facts)
    if request.url.path.startswith("/api/"):
        return ChineseJSONResponse(answer.model_dump())
    page = f"{links.document(document_id)}?accepted={answer.accepted}#facts"
    return RedirectResponse(page, status_code=303)


def _chosen(
    session: Session, document_id: int, scope: Scope, selected: list[int], measure: str | None
) -> list[int]:
    if scope == "selected":
        if not selected:
            raise InvalidInput("web.documents.no_fact_selected")
        return selected
    if scope == "measure":
        if measure not in MEASURES:
            raise InvalidInput(
                "web.documents.no_measure_accept", p1=measure or "", p2=", ".join(MEASURES)
            )
        return pending_facts(session, document_id, measure=measure)
    return pending_facts(session, document_id, indicators=True)


def _accept(request: Request, fact_id: int, user: Reviewer) -> Response:
    return review(request, fact_id, "accept", user)


def _reject(request: Request, fact_id: int, user: Reviewer) -> Response:
    return review(request, fact_id, "reject", user)


twin(
    router,
    "/documents/{document_id}",
    document_page,
    summary="A document's text with its facts marked at their spans",
    response_model=DocumentPage,
)
_REVIEW_ROUTES = (
    ("accept", _accept, "Accept a fact: it becomes a target or observation"),
    ("reject", _reject, "Reject a fact"),
    ("correct", correct, "Correct a fact's fields and accept it"),
)
for prefix in ("/api", ""):
    router.add_api_route(
        f"{prefix}/documents/{{document_id}}/accept",
        accept_many,
        methods=["POST"],
        include_in_schema=bool(prefix),
        tags=["facts"],
        summary="Accept many of a document's facts: a selection, all indicator facts, "
        "or all of one measure",
        response_model=Accepted,
    )
# The same actions answer htmx on the review page and programs under /api.
for prefix, tags in (("/api", ["facts"]), ("", [])):
    for action, endpoint, summary in _REVIEW_ROUTES:
        router.add_api_route(
            f"{prefix}/facts/{{fact_id}}/{action}",
            endpoint,
            methods=["POST"],
            include_in_schema=bool(prefix),
            tags=list(tags),
            summary=summary,
            response_model=Reviewed,
        )
