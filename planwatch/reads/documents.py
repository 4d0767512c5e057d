"""Ingested documents as lists and summaries."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from planwatch.reads.plans import read
from planwatch.store.models import Document, Fact


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    id: int
    title: str
    facts: int
    pending: int


_PENDING = func.sum(case((Fact.review_status == "pending", 1), else_=0))
_SUMMARIES = (
    select(Document.id, Document.title, Document.filename, func.count(Fact.id), _PENDING)
    .outerjoin(Fact, Fact.document_id == Document.id)
    .group_by(Document.id)
    .order_by(Document.id.desc())
)


def document_summaries(session: Session) -> list[DocumentSummary]:
    """Every document, newest first, with how many facts it gave and how many await review."""
    return [
        DocumentSummary(i, title or filename, count, int(waiting or 0))
        for i, title, filename, count, waiting in read(session, _SUMMARIES)
    ]
