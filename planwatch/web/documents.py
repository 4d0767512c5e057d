"""Reviewing a document: its text with each fact marked at its span; accept, correct, reject.

Accepting (or correcting) a fact turns it into a target or an observation of the
document's region and period at once (``planwatch.records.review``), so the overview changes as
soon as the planner clicks. The buttons post with htmx and swap in the fact's new row;
the same actions under ``/api/facts/{id}/…`` answer JSON.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from planwatch import links
from planwatch.errors import NotFound
from planwatch.records.review import accept_fact, correct_fact, fact_row, reject_fact
from planwatch.records.users import Account, check_allowed
from planwatch.store.models import Document, Fact, Indicator, Observation, Region
from planwatch.web.auth import Viewer, allowed, app_store
from planwatch.web.preconditions import etag, expected_version
from planwatch.web.render import ChineseJSONResponse, html, respond, twin
from planwatch.web.spans import segments

router = APIRouter()

Reviewer = Annotated[Account, Depends(allowed("review"))]


def document_page(request: Request, document_id: int, user: Viewer) -> Response:
    with app_store(request).reading() as session:
        document = _document(session, document_id)
        facts = _facts(session, document_id)
        data = {
            "document": _document_dict(document),
            "segments": segments(document.text, facts),
            "facts": facts,
            "counts": _counts(facts),
            "may_review": user.may("review"),
            "overview": _overview_link(document),
        }
    return respond(request, "document.html", data)


def _overview_link(document: Document) -> str | None:
    if document.region is None or document.period is None:
        return None
    return links.region(document.region.code, document.period)


def _document(session: Session, document_id: int) -> Document:
    document = session.get(Document, document_id)
    if document is None:
        raise NotFound(
            f"document {document_id} does not exist",
            "take a document id from /api/documents or upload the file at /upload",
        )
    return document


def _document_dict(document: Document) -> dict[str, Any]:
    region: Region | None = document.region
    return {
        "id": document.id,
        "title": document.title,
        "filename": document.filename,
        "publisher": document.publisher,
        "published": document.published,
        "region": {"code": region.code, "name": region.name} if region else None,
        "year": document.year,
        "period": document.period,
        "sha256": document.sha256,
        "ingested_at": document.ingested_at,
        "chars": len(document.text),
    }


def _facts(session: Session, document_id: int) -> list[dict[str, Any]]:
    rows = session.execute(
        select(Fact, Indicator.name)
        .outerjoin(Indicator, Fact.indicator_id == Indicator.id)
        .where(Fact.document_id == document_id)
        .order_by(Fact.position)
    )
    stored: dict[int, list[str]] = {}
    for observation_id, fact_id in session.execute(
        select(Observation.id, Fact.id)
        .join(Fact, Observation.source_fact_id == Fact.id)
        .where(Fact.document_id == document_id)
    ):
        stored.setdefault(fact_id, []).append(links.observation(observation_id))
    return [
        {**fact_dict(fact, name), "observations": stored.get(fact.id, [])} for fact, name in rows
    ]


def fact_dict(fact: Fact, indicator: str | None) -> dict[str, Any]:
    return {
        "id": fact.id,
        "document_id": fact.document_id,
        "position": fact.position,
        "subject": fact.subject,
        "indicator": indicator,
        "period": fact.period,
        "measure": fact.measure,
        "value": fact.value,
        "unit": fact.unit,
        "qualifier": fact.qualifier,
        "basis": fact.basis,
        "span": [fact.span_start, fact.span_end],
        "number_span": (
            [fact.number_start, fact.number_end] if fact.number_start is not None else None
        ),
        "text": fact.text,
        "review_status": fact.review_status,
        "version": fact.version,
        "anchor": f"span-{fact.span_start}-{fact.span_end}",
        "href": links.document_span(fact.document_id, fact.span_start, fact.span_end),
    }


def _counts(facts: list[dict[str, Any]]) -> dict[str, int]:
    counts = {"pending": 0, "accepted": 0, "corrected": 0, "rejected": 0}
    for fact in facts:
        counts[fact["review_status"]] = counts.get(fact["review_status"], 0) + 1
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


def _reviewed(session: Session, fact_id: int, stored: int, note: str | None) -> dict[str, Any]:
    session.flush()
    fact = fact_row(session, fact_id)
    data = fact_dict(fact, fact.indicator.name if fact.indicator else None)
    observations = session.scalars(
        select(Observation.id).where(Observation.source_fact_id == fact_id)
    )
    return {
        "fact": data,
        "stored": stored,
        "note": note,
        "observations": [links.observation(i) for i in observations],
    }


def _answer(request: Request, data: dict[str, Any]) -> Response:
    if request.url.path.startswith("/api/"):
        return ChineseJSONResponse(data, headers={"ETag": etag(data["fact"]["version"])})
    page = {**data["fact"], "note": data["note"], "observations": data["observations"]}
    return html(request, "fact_row.html", {"fact": page, "may_review": True})


def _accept(request: Request, fact_id: int, user: Reviewer) -> Response:
    return review(request, fact_id, "accept", user)


def _reject(request: Request, fact_id: int, user: Reviewer) -> Response:
    return review(request, fact_id, "reject", user)


twin(
    router,
    "/documents/{document_id}",
    document_page,
    summary="A document's text with its facts marked at their spans",
)
_REVIEW_ROUTES = (
    ("accept", _accept, "Accept a fact: it becomes a target or observation"),
    ("reject", _reject, "Reject a fact"),
    ("correct", correct, "Correct a fact's fields and accept it"),
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
        )
