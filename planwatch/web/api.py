"""Lists for programs: observations, facts, documents, regions; each paged with a total.

Every list answers ``{"total", "limit", "offset", "items"}``; filters narrow the total.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from planwatch import links
from planwatch.reads.indicators import indicator_named
from planwatch.reads.regions import stored_region
from planwatch.store.models import Document, Fact, Indicator, Observation, Region
from planwatch.vocabulary import REVIEW_STATUSES
from planwatch.web.auth import Viewer, app_store
from planwatch.web.documents import fact_dict
from planwatch.web.params import Paging, paging, period_of

router = APIRouter(prefix="/api")

Page = Annotated[Paging, Depends(paging)]


def _paged(session: Session, query: Select, page: Paging) -> tuple[int, list[Any]]:
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    rows = list(session.execute(query.limit(page.limit).offset(page.offset)))
    return total or 0, rows


@router.get("/observations", tags=["observations"], summary="Stored figures, newest first")
def list_observations(
    request: Request,
    user: Viewer,
    page: Page,
    region: Annotated[str | None, Query(description="Region code, e.g. 420106.")] = None,
    indicator: Annotated[str | None, Query(description="Indicator name or alias.")] = None,
    period: Annotated[str | None, Query(description="Period code, e.g. 2017H1.")] = None,
) -> dict[str, object]:
    with app_store(request).reading() as session:
        query = (
            select(Observation, Region.code, Indicator.name)
            .join(Region, Observation.region_id == Region.id)
            .join(Indicator, Observation.indicator_id == Indicator.id)
            .order_by(Observation.id.desc())
        )
        if region:
            query = query.where(Observation.region_id == stored_region(session, region).id)
        if indicator:
            query = query.where(Observation.indicator_id == indicator_named(session, indicator).id)
        if period:
            query = query.where(Observation.period == period_of(period).code)
        total, rows = _paged(session, query, page)
        items: list[object] = [_observation(o, code, name) for o, code, name in rows]
    return page.envelope(items, total)


def _observation(o: Observation, region: str, indicator: str) -> dict[str, Any]:
    return {
        "id": o.id,
        "region": region,
        "indicator": indicator,
        "period": o.period,
        "measure": o.measure,
        "value": o.value,
        "unit": o.unit,
        "basis": o.basis,
        "status": o.status,
        "version": o.version,
        "source_fact_id": o.source_fact_id,
        "user_id": o.user_id,
        "href": links.observation(o.id),
    }


@router.get("/facts", tags=["facts"], summary="Facts read from documents, in document order")
def list_facts(
    request: Request,
    user: Viewer,
    page: Page,
    document: Annotated[int | None, Query(description="Only this document's facts.")] = None,
    status: Annotated[
        str | None,
        Query(
            description="pending, accepted, corrected or rejected.",
            pattern="^(" + "|".join(REVIEW_STATUSES) + ")$",
        ),
    ] = None,
) -> dict[str, object]:
    with app_store(request).reading() as session:
        query = (
            select(Fact, Indicator.name)
            .outerjoin(Indicator, Fact.indicator_id == Indicator.id)
            .order_by(Fact.document_id, Fact.position)
        )
        if document is not None:
            query = query.where(Fact.document_id == document)
        if status:
            query = query.where(Fact.review_status == status)
        total, rows = _paged(session, query, page)
        items: list[object] = [fact_dict(fact, name) for fact, name in rows]
    return page.envelope(items, total)


@router.get("/documents", tags=["documents"], summary="Ingested documents, newest first")
def list_documents(request: Request, user: Viewer, page: Page) -> dict[str, object]:
    with app_store(request).reading() as session:
        query = (
            select(
                Document.id,
                Document.title,
                Document.filename,
                Document.period,
                Document.sha256,
                Region.code,
                Document.ingested_at,
            )
            .outerjoin(Region, Document.region_id == Region.id)
            .order_by(Document.id.desc())
        )
        total, rows = _paged(session, query, page)
        items: list[object] = [
            {
                "id": i,
                "title": title,
                "filename": filename,
                "period": period,
                "sha256": sha,
                "region": code,
                "ingested_at": at,
                "href": links.document(i),
            }
            for i, title, filename, period, sha, code, at in rows
        ]
    return page.envelope(items, total)


@router.get("/regions", tags=["regions"], summary="Regions stored in this database")
def list_regions(
    request: Request,
    user: Viewer,
    page: Page,
    level: Annotated[str | None, Query(description="county, street, …")] = None,
) -> dict[str, object]:
    parent = Region.__table__.alias("parent")
    with app_store(request).reading() as session:
        query = (
            select(Region.code, Region.name, Region.level, parent.c.code)
            .outerjoin(parent, Region.parent_id == parent.c.id)
            .order_by(Region.code)
        )
        if level:
            query = query.where(Region.level == level)
        total, rows = _paged(session, query, page)
        items: list[object] = [
            {"code": code, "name": name, "level": lvl, "parent": parent_code}
            for code, name, lvl, parent_code in rows
        ]
    return page.envelope(items, total)
