"""Lists for programs: observations, facts, documents, regions; each paged with a total.

Every list answers ``{"total", "limit", "offset", "items"}``; filters narrow the total.
Items have the one shape of their resource (``planwatch.web.shapes``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, TypeVar

from fastapi import APIRouter, Depends, Query, Request

from planwatch.reads.documents import document_list
from planwatch.reads.facts import fact_list
from planwatch.reads.indicators import indicator_named
from planwatch.reads.observations import observation_list
from planwatch.reads.paging import Page
from planwatch.reads.regions import region_list, stored_region
from planwatch.vocabulary import REVIEW_STATUSES
from planwatch.web import shapes
from planwatch.web.auth import Viewer, app_store, reporter_scope
from planwatch.web.params import Paging, paging, period_of

router = APIRouter(prefix="/api")

Row = TypeVar("Row")
Item = TypeVar("Item")

PageOf = Annotated[Paging, Depends(paging)]


def _envelope(page: Paging, found: Page[Row], make: Callable[[Row], Item]) -> shapes.Paged[Item]:
    items = [make(row) for row in found.items]
    return shapes.Paged(total=found.total, limit=page.limit, offset=page.offset, items=items)


@router.get(
    "/observations",
    tags=["observations"],
    summary="Stored figures, newest first",
    response_model=shapes.Paged[shapes.Observation],
)
def list_observations(
    request: Request,
    user: Viewer,
    page: PageOf,
    region: Annotated[str | None, Query(description="Region code, e.g. 420106.")] = None,
    indicator: Annotated[str | None, Query(description="Indicator name or alias.")] = None,
    period: Annotated[str | None, Query(description="Period code, e.g. 2017H1.")] = None,
) -> shapes.Paged[shapes.Observation]:
    with app_store(request).reading() as session:
        found = observation_list(
            session,
            region_id=stored_region(session, region).id if region else None,
            indicator_id=indicator_named(session, indicator).id if indicator else None,
            period=period_of(period).code if period else None,
            reporter_department=reporter_scope(user),
            limit=page.limit,
            offset=page.offset,
        )
    return _envelope(page, found, shapes.observation)


@router.get(
    "/facts",
    tags=["facts"],
    summary="Facts read from documents, in document order",
    response_model=shapes.Paged[shapes.Fact],
)
def list_facts(
    request: Request,
    user: Viewer,
    page: PageOf,
    document: Annotated[int | None, Query(description="Only this document's facts.")] = None,
    status: Annotated[
        str | None,
        Query(
            description="pending, accepted, corrected or rejected.",
            pattern="^(" + "|".join(REVIEW_STATUSES) + ")$",
        ),
    ] = None,
) -> shapes.Paged[shapes.Fact]:
    with app_store(request).reading() as session:
        found = fact_list(
            session, document=document, status=status, limit=page.limit, offset=page.offset
        )
    return _envelope(page, found, shapes.fact)


@router.get(
    "/documents",
    tags=["documents"],
    summary="Ingested documents, newest first",
    response_model=shapes.Paged[shapes.Document],
)
def list_documents(request: Request, user: Viewer, page: PageOf) -> shapes.Paged[shapes.Document]:
    with app_store(request).reading() as session:
        found = document_list(session, limit=page.limit, offset=page.offset)
    return _envelope(page, found, shapes.document)


@router.get(
    "/regions",
    tags=["regions"],
    summary="Regions stored in this database",
    response_model=shapes.Paged[shapes.Region],
)
def list_regions(
    request: Request,
    user: Viewer,
    page: PageOf,
    level: Annotated[str | None, Query(description="county, street, …")] = None,
) -> shapes.Paged[shapes.Region]:
    with app_store(request).reading() as session:
        found = region_list(session, level=level, limit=page.limit, offset=page.offset)
    return _envelope(page, found, shapes.region)
