"""Ingested documents as plain rows, with how many facts each holds and how many wait."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from planwatch.errors import NotFound
from planwatch.reads.paging import Page, paged, read_one
from planwatch.reads.plans import read
from planwatch.store.models import Document, Fact, Region


@dataclass(frozen=True, slots=True)
class DocumentRow:
    id: int
    title: str | None
    filename: str
    publisher: str | None
    published: str | None
    region: str | None
    year: int | None
    period: str | None
    sha256: str
    ingested_at: datetime
    chars: int
    facts: int
    pending: int


# counts as correlated subqueries: a GROUP BY over the joined region would not be valid
# on PostgreSQL, which groups only by the document's own key
_FACT_COUNT = select(func.count(Fact.id)).where(Fact.document_id == Document.id).scalar_subquery()
_PENDING = (
    select(func.count(Fact.id))
    .where(Fact.document_id == Document.id, Fact.review_status == "pending")
    .scalar_subquery()
)
_DOCUMENTS = (
    select(
        Document.id,
        Document.title,
        Document.filename,
        Document.publisher,
        Document.published,
        Region.code,
        Document.year,
        Document.period,
        Document.sha256,
        Document.ingested_at,
        func.length(Document.text),
        _FACT_COUNT,
        _PENDING,
    )
    .outerjoin(Region, Document.region_id == Region.id)
    .order_by(Document.id.desc())
)
_BY_ID = _DOCUMENTS.where(Document.id == bindparam("document"))
_TEXT = select(Document.text).where(Document.id == bindparam("document"))


def _document(row: Any) -> DocumentRow:
    return DocumentRow(*row)


def document_list(session: Session, *, limit: int, offset: int) -> Page[DocumentRow]:
    """Documents, newest first."""
    return paged(session, _DOCUMENTS, _document, limit=limit, offset=offset)


def recent_documents(session: Session) -> list[DocumentRow]:
    """Every document, newest first, for the tables of documents to review."""
    return [_document(row) for row in read(session, _DOCUMENTS)]


def document_by_id(session: Session, document_id: int) -> DocumentRow:
    missing = NotFound("reads.documents.no_document", document_id=document_id)
    return _document(read_one(session, _BY_ID, missing, document=document_id))


def document_text(session: Session, document_id: int) -> str:
    rows = read(session, _TEXT, document=document_id)
    return str(rows[0][0]) if rows else ""
