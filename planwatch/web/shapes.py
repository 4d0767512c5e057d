"""One JSON shape per resource, built by one function each, for every page and API route.

A resource names another by its key (an observation's ``region`` is a code, a fact's
``document_id`` an id) and links to it with ``href``; a page that shows the other resource
whole puts it beside, in its own envelope. The models are the OpenAPI schema's components.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from planwatch import links
from planwatch.reads.documents import DocumentRow
from planwatch.reads.facts import FactRow, SourceFact
from planwatch.reads.objects import ProgressRow, ProjectRow, TargetRow, TaskRow
from planwatch.reads.observations import ObservationRow
from planwatch.reads.regions import RegionRow


class Shape(BaseModel):
    model_config = ConfigDict(frozen=True)


class DocumentSource(Shape):
    """A number accepted from a document: the fact and the span it was read from."""

    kind: Literal["document"] = "document"
    document_id: int
    fact_id: int
    text: str
    span: tuple[int, int]
    href: str


class UserSource(Shape):
    kind: Literal["user"] = "user"
    user: str
    href: None = None


class ImportSource(Shape):
    """Loaded from a file on the command line: no page to link to."""

    kind: Literal["import"] = "import"
    href: None = None


Source = Annotated[DocumentSource | UserSource | ImportSource, Field(discriminator="kind")]


def document_source(fact: SourceFact) -> DocumentSource:
    return DocumentSource(
        document_id=fact.document_id,
        fact_id=fact.fact_id,
        text=fact.text,
        span=(fact.span_start, fact.span_end),
        href=links.document_span(fact.document_id, fact.span_start, fact.span_end),
    )


def source(
    fact: SourceFact | None, user_name: str | None
) -> DocumentSource | UserSource | ImportSource:
    """Where a number came from: a span of a reviewed document, a user, or a loaded file."""
    if fact is not None:
        return document_source(fact)
    if user_name is not None:
        return UserSource(user=user_name)
    return ImportSource()


class Region(Shape):
    code: str
    name: str
    level: str
    parent: str | None


def region(row: RegionRow) -> Region:
    return Region(code=row.code, name=row.name, level=row.level, parent=row.parent_code)


class Observation(Shape):
    """One stored figure: a version of (indicator, region, period, measure)."""

    id: int
    href: str
    region: str
    indicator: str
    period: str
    measure: str
    value: float
    unit: str | None
    basis: str | None
    status: str
    version: int
    note: str | None
    created_at: datetime
    source: Source


def observation(row: ObservationRow) -> Observation:
    return Observation(
        id=row.id,
        href=links.observation(row.id),
        region=row.region,
        indicator=row.indicator,
        period=row.period,
        measure=row.measure,
        value=row.value,
        unit=row.unit,
        basis=row.basis,
        status=row.status,
        version=row.version,
        note=row.note,
        created_at=row.created_at,
        source=source(row.source_fact, row.user_name),
    )


class Fact(Shape):
    """What the extractor read at a span of a document, and what review made of it."""

    id: int
    href: str
    anchor: str
    document_id: int
    position: int
    subject: str | None
    indicator: str | None
    period: str | None
    measure: str
    value: float | None
    unit: str | None
    qualifier: str | None
    basis: str | None
    span: tuple[int, int]
    number_span: tuple[int, int] | None
    text: str
    review_status: str
    version: int = Field(description="Changes with every decision: send it as If-Match.")
    observations: list[str] = Field(description="Observations accepted from this fact.")


def fact(row: FactRow) -> Fact:
    number_span = (
        (row.number_start, row.number_end)
        if row.number_start is not None and row.number_end is not None
        else None
    )
    return Fact(
        id=row.id,
        href=links.document_span(row.document_id, row.span_start, row.span_end),
        anchor=links.span_anchor(row.span_start, row.span_end),
        document_id=row.document_id,
        position=row.position,
        subject=row.subject,
        indicator=row.indicator,
        period=row.period,
        measure=row.measure,
        value=row.value,
        unit=row.unit,
        qualifier=row.qualifier,
        basis=row.basis,
        span=(row.span_start, row.span_end),
        number_span=number_span,
        text=row.text,
        review_status=row.review_status,
        version=row.version,
        observations=[links.observation(i) for i in row.observation_ids],
    )


class Document(Shape):
    id: int
    href: str
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
    pending: int = Field(description="Facts still awaiting review.")


def document(row: DocumentRow) -> Document:
    return Document(
        id=row.id,
        href=links.document(row.id),
        title=row.title,
        filename=row.filename,
        publisher=row.publisher,
        published=row.published,
        region=row.region,
        year=row.year,
        period=row.period,
        sha256=row.sha256,
        ingested_at=row.ingested_at,
        chars=row.chars,
        facts=row.facts,
        pending=row.pending,
    )


class Target(Shape):
    """What a plan asks of an indicator; ``source`` is None for a target from a plan file."""

    id: int
    href: str
    plan_id: int
    indicator: str
    kind: str
    value: float | None
    unit: str | None
    qualifier: str | None
    basis: str | None
    other_indicator: str | None
    department: str | None
    text: str | None
    source: DocumentSource | None


def target(row: TargetRow) -> Target:
    return Target(
        id=row.id,
        href=links.target(row.plan_id, row.id),
        plan_id=row.plan_id,
        indicator=row.indicator,
        kind=row.kind,
        value=row.value,
        unit=row.unit,
        qualifier=row.qualifier,
        basis=row.basis,
        other_indicator=row.other_indicator,
        department=row.department,
        text=row.text,
        source=document_source(row.source_fact) if row.source_fact else None,
    )


class Progress(Shape):
    """One progress entry of a key task, for the period it closes."""

    id: int
    href: str
    task_id: int
    period: str
    note: str
    value: float | None
    unit: str | None
    completion: float | None
    created_at: datetime


def progress(row: ProgressRow) -> Progress:
    return Progress(
        id=row.id,
        href=links.task_progress(row.task_id, row.id),
        task_id=row.task_id,
        period=row.period,
        note=row.note,
        value=row.value,
        unit=row.unit,
        completion=row.completion,
        created_at=row.created_at,
    )


class Task(Shape):
    id: int
    href: str
    plan_id: int
    section: str | None
    title: str
    department: str | None
    target_value: float | None
    unit: str | None
    description: str | None
    progress: list[Progress]


def task(row: TaskRow) -> Task:
    return Task(
        id=row.id,
        href=links.task(row.id),
        plan_id=row.plan_id,
        section=row.section,
        title=row.title,
        department=row.department,
        target_value=row.target_value,
        unit=row.unit,
        description=row.description,
        progress=[progress(p) for p in row.progress],
    )


class Project(Shape):
    id: int
    href: str
    plan_id: int
    name: str
    stage: str
    investment: float | None
    investment_unit: str | None
    department: str | None
    note: str | None


def project(row: ProjectRow) -> Project:
    return Project(
        id=row.id,
        href=links.project(row.id),
        plan_id=row.plan_id,
        name=row.name,
        stage=row.stage,
        investment=row.investment,
        investment_unit=row.investment_unit,
        department=row.department,
        note=row.note,
    )


Item = TypeVar("Item", bound=Shape)


class Paged(Shape, Generic[Item]):
    """A page of a list: ``items`` from ``offset``, at most ``limit``, of ``total``."""

    total: int
    limit: int
    offset: int
    items: list[Item]


def dumped(model: BaseModel) -> dict[str, Any]:
    """A page's model as the dict its template and its JSON twin both read."""
    return model.model_dump()
