"""One JSON shape per resource, built by one function each, for every page and API route.

A resource names another by its key (an observation's ``region`` is a code, a fact's
``document_id`` an id) and links to it with ``href``; a page that shows the other resource
whole puts it beside, in its own envelope. The models are the OpenAPI schema's components.
"""

from __future__ import annotations

import dataclasses
from dataclasses import field
from datetime import date
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter
from pydantic.dataclasses import dataclass as shape

from planwatch import catalog, links
from planwatch.assess.english import english_project_reason
from planwatch.assess.ledger_totals import ReportedBeside
from planwatch.assess.projects import ProjectJudgement
from planwatch.reads.documents import DocumentRow
from planwatch.reads.facts import FactRow, SourceFact
from planwatch.reads.objects import PlanHead, ProjectRow, TargetRow, TaskRow
from planwatch.reads.observations import ObservationRow
from planwatch.reads.plans import Progress as ProgressRow
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


# A shape is its read row plus what the API adds (href, a source with its link); a row's
# field that the shape shows in another form is kept but excluded from the JSON and schema.
def hidden() -> Any:
    return Field(default=None, exclude=True)


@shape(frozen=True, kw_only=True)
class Region(RegionRow):
    """A region as stored: its code, name, level and its parent's code."""

    parent_id: int | None = hidden()


def region(row: RegionRow) -> Region:
    return Region(**_fields(row))


@shape(frozen=True, kw_only=True)
class Observation(ObservationRow):
    """One stored figure: a version of (indicator, region, period, measure), and its source."""

    source_fact: SourceFact | None = hidden()
    user_name: str | None = hidden()
    href: str
    source: Source


def observation(row: ObservationRow) -> Observation:
    return Observation(
        **_fields(row),
        href=links.observation(row.id),
        source=source(row.source_fact, row.user_name),
    )


@shape(frozen=True, kw_only=True)
class Fact(FactRow):
    """What the extractor read at a span of a document, and what review made of it."""

    span_start: int = hidden()
    span_end: int = hidden()
    number_start: int | None = hidden()
    number_end: int | None = hidden()
    observation_ids: tuple[int, ...] = hidden()
    href: str
    anchor: str
    span: tuple[int, int]
    number_span: tuple[int, int] | None
    observations: list[str] = Field(description="Observations accepted from this fact.")


def fact(row: FactRow) -> Fact:
    start, end = row.number_start, row.number_end
    return Fact(
        **_fields(row),
        href=links.document_span(row.document_id, row.span_start, row.span_end),
        anchor=links.span_anchor(row.span_start, row.span_end),
        span=(row.span_start, row.span_end),
        number_span=(start, end) if start is not None and end is not None else None,
        observations=[links.observation(i) for i in row.observation_ids],
    )


@shape(frozen=True, kw_only=True)
class Document(DocumentRow):
    """An ingested document, with how many facts were read from it and how many wait."""

    href: str


def document(row: DocumentRow) -> Document:
    return Document(**_fields(row), href=links.document(row.id))


@shape(frozen=True, kw_only=True)
class Target(TargetRow):
    """What a plan asks of an indicator; ``source`` is None for a target from a plan file."""

    source_fact: SourceFact | None = hidden()
    href: str
    source: DocumentSource | None


def target(row: TargetRow) -> Target:
    return Target(
        **_fields(row),
        href=links.target(row.plan_id, row.id),
        source=document_source(row.source_fact) if row.source_fact else None,
    )


@shape(frozen=True, kw_only=True)
class Plan(PlanHead):
    """A region's plan for a year, as an object names the plan it belongs to."""

    href: str


def plan(head: PlanHead) -> Plan:
    return Plan(**_fields(head), href=links.plan(head.id))


@shape(frozen=True, kw_only=True)
class Progress(ProgressRow):
    """One progress entry of a key task, for the period it closes."""

    href: str


def progress(row: ProgressRow) -> Progress:
    return Progress(**_fields(row), href=links.task_progress(row.task_id, row.id))


@shape(frozen=True, kw_only=True)
class Task(TaskRow):
    """A key task of a plan with its progress entries, oldest period first."""

    # each entry as its shape, with its href (a Progress is a ProgressRow)
    progress: list[Progress] = field(default_factory=list)  # type: ignore[assignment]
    href: str


def task(row: TaskRow) -> Task:
    fields = {**_fields(row), "progress": [progress(p) for p in row.progress]}
    return Task(**fields, href=links.task(row.id))


@shape(frozen=True, kw_only=True)
class Project(ProjectRow):
    """A major project of a plan: its stage, investment and lead department.

    ``stage`` follows from the dates and milestones on ``stage_as_of`` where the page
    works it out (``assess.projects.current_stage``); ``stated_stage`` is the plan's."""

    href: str
    stated_stage: str
    stage_as_of: date | None = None


def project(row: ProjectRow, staged: tuple[str, date] | None = None) -> Project:
    """The project; with ``staged`` (stage, day) its computed stage, else the plan's."""
    stage, as_of = staged if staged else (row.stage, None)
    fields = {**_fields(row), "stage": stage}
    return Project(**fields, href=links.project(row.id), stated_stage=row.stage, stage_as_of=as_of)


_ADAPTERS: dict[type, TypeAdapter[Any]] = {}  # one per shape: building one takes a while


def plain(item: Any) -> Any:
    """A shape as the dict its template and its JSON answer read."""
    kind = type(item)
    adapter = _ADAPTERS.get(kind)
    if adapter is None:
        adapter = _ADAPTERS[kind] = TypeAdapter(kind)
    return adapter.dump_python(item)


def _fields(row: Any) -> dict[str, Any]:
    """A read row's fields by name, shallow: nested rows stay rows for their own builder."""
    return {f.name: getattr(row, f.name) for f in dataclasses.fields(row)}


Item = TypeVar("Item")


class Paged(Shape, Generic[Item]):
    """A page of a list: ``items`` from ``offset``, at most ``limit``, of ``total``."""

    total: int
    limit: int
    offset: int
    items: list[Item]


def rollup(entry: Any) -> dict[str, Any]:
    """A region's own figure of an additive indicator beside its children's sum."""
    summed = entry.sum
    known = catalog.lookup(summed.indicator)
    return {
        "indicator": summed.indicator,
        "english": known.english if known else None,
        "unit": summed.unit,
        "children_sum": summed.total,
        "children": summed.children,
        "children_reporting": summed.reported,
        "complete": summed.complete,
        "own": entry.own.value if entry.own else None,
        "own_unit": entry.own.unit if entry.own else None,
        "difference": entry.finding.difference if entry.finding else None,
    }


class LedgerRow(Shape):
    """One project of the ledger judged in a period (amounts in the project's unit)."""

    id: int
    name: str
    stage: str
    category: str | None
    level: str | None
    department: str | None
    responsible: str | None
    year_investment: float | None
    investment_ytd: float | None
    unit: str | None
    completion: float | None
    gap: float | None
    status: str
    reason: str
    reason_en: str
    overdue_milestones: list[str]
    open_supervisions: int
    href: str


def ledger_row(judged: ProjectJudgement) -> LedgerRow:
    p = judged.project
    return LedgerRow(
        id=p.id,
        name=p.name,
        stage=judged.stage,
        category=p.category,
        level=p.level,
        department=p.department,
        responsible=p.responsible,
        year_investment=p.year_investment,
        investment_ytd=judged.investment_ytd,
        unit=p.unit,
        completion=judged.completion,
        gap=judged.gap,
        status=judged.status,
        reason=judged.reason,
        reason_en=english_project_reason(
            judged.completion,
            judged.gap,
            [m.name for m in judged.overdue],
            judged.stage == "finished",
            bool(p.year_investment),
        ),
        overdue_milestones=[m.name for m in judged.overdue],
        open_supervisions=sum(1 for s in p.supervisions if s.status != "closed"),
        href=links.project(p.id),
    )


class ReportedLedgerTotal(Shape):
    """A total a document states about the projects all together, beside the ledger's own
    figure (``computed``: over all the plan's projects, whatever the filters)."""

    total: str
    value: float
    unit: str | None
    computed: float | None
    complete: bool  # False: the ledger's sum lacks a project's figure, so it is not judged
    difference: float | None
    message: str | None
    chinese: str | None
    source: DocumentSource


def reported_ledger_total(one: ReportedBeside) -> ReportedLedgerTotal:
    reported, finding = one.reported, one.finding
    return ReportedLedgerTotal(
        total=reported.total,
        value=reported.value,
        unit=reported.unit,
        computed=None if one.computed is None else round(one.computed, 4),
        complete=one.complete,
        difference=finding.difference if finding else None,
        message=finding.message if finding else None,
        chinese=finding.chinese if finding else None,
        source=document_source(reported.source),
    )


class MilestoneShape(Shape):
    name: str
    kind: str
    planned: str
    done: str | None
    overdue: bool


class SupervisionShape(Shape):
    id: int
    problem: str
    department: str
    due: str
    status: str
    answer: str | None
    overdue: bool


class InvestmentChart(Shape):
    """Cumulative investment by month against the even planned line (the year's plan × m/12)."""

    periods: list[str]
    completed: list[float | None]
    planned: list[float | None]
    unit: str | None


class ProjectLedger(Shape):
    """A project's ledger on its page: judgement, chart, milestone timeline, 督办 history."""

    period: str | None
    row: LedgerRow | None
    chart: InvestmentChart
    milestones: list[MilestoneShape]
    supervisions: list[SupervisionShape]
