"""A region's whole plan judged in one period: targets, findings, tasks and projects."""

from __future__ import annotations

from collections import Counter

from sqlalchemy.orm import Session

from planwatch.assess import sentences as say
from planwatch.assess.findings import growth_findings
from planwatch.assess.model import STATUSES, Assessment, Finding, RegionAssessment, Thresholds
from planwatch.assess.rest_of_year import rest_of_year
from planwatch.assess.targets import Context, judge_target, target_parts
from planwatch.assess.tasks import assess_task, stages_of
from planwatch.periods import Period
from planwatch.reads.figures import FigureBook
from planwatch.reads.lookup import no_figures, plan_of
from planwatch.reads.plans import PlanRows, PlanTarget, RegionLike
from planwatch.store.reference import RegionKey, region_row


def assess_region(
    session: Session, region: str, period: str, thresholds: Thresholds | None = None
) -> RegionAssessment:
    """Every target of the region's plan for the period's year, judged in that period.

    Raises ``NotFound`` when the region has no plan for the year or no figures at all
    for the period; a target whose own figures are missing is ``unknown``, not an error.
    """
    span = Period.parse(period)
    return assess_region_row(session, region_row(session, region), span, thresholds)


def assess_region_row(
    session: Session, row: RegionKey, span: Period, thresholds: Thresholds | None = None
) -> RegionAssessment:
    """``assess_region`` for a region row the caller has already read."""
    plan = plan_of(session, row, span.year)
    book = FigureBook(session, row, (span.year, span.year - 1))
    return assess_plan(row, plan, book, span, thresholds or Thresholds())


def assess_targets(
    session: Session, row: RegionKey, span: Period, thresholds: Thresholds | None = None
) -> list[Assessment]:
    """The targets' assessments alone, without reading tasks and projects; same errors."""
    plan = plan_of(session, row, span.year, tasks=False, projects=False)
    book = FigureBook(session, row, (span.year, span.year - 1))
    if not book.has_period(span):
        raise no_figures(row.name, span.code)
    return judge_targets(plan.targets, book, span, thresholds or Thresholds())[0]


def spans_read(span: Period) -> set[tuple[int, int]]:
    """The (year, months) whose figures ``assess_plan`` reads for ``span``: the period, the
    same months last year (growths, findings) and last year's whole (the rest of the year's
    growth); a book holding these judges the plan as one holding every figure."""
    return {(span.year, span.months), (span.year - 1, span.months), (span.year - 1, 12)}


def assess_plan(
    row: RegionLike,
    plan: PlanRows,
    book: FigureBook,
    span: Period,
    limits: Thresholds,
    *,
    empty_ok: bool = False,
    outlook: bool = True,
) -> RegionAssessment:
    """A plan read beforehand judged against a book read beforehand: no queries.

    ``NotFound`` when the period has no figures, unless ``empty_ok`` (the overview shows
    each target as 暂无数据 then). Without ``outlook`` no target says what the rest of the
    year needs (a ranking of many regions has no use for it)."""
    if not empty_ok and not book.has_period(span):
        raise no_figures(row.name, span.code)
    assessments, findings = judge_targets(plan.targets, book, span, limits, outlook=outlook)
    counts = Counter(a.status for a in assessments)
    return RegionAssessment(
        region=row.name,
        region_code=row.code,
        period=span.code,
        period_phrase=say.period_phrase(span),
        year=span.year,
        plan_title=plan.title,
        time_progress=span.time_progress * 100,
        thresholds=limits,
        assessments=assessments,
        status_counts={status: counts.get(status, 0) for status in STATUSES},
        findings=findings,
        tasks=[assess_task(task, span, limits) for task in plan.tasks],
        projects=stages_of(span, plan.projects),
    )


def judge_targets(
    targets: list[PlanTarget],
    book: FigureBook,
    span: Period,
    limits: Thresholds,
    *,
    outlook: bool = True,
) -> tuple[list[Assessment], list[Finding]]:
    """Each target judged, and every finding of the period (region-wide ones first)."""
    findings = growth_findings(book, span, limits)
    assessments = [
        assess_target(Context(t, book, span, limits), findings, outlook=outlook) for t in targets
    ]
    return assessments, _all_findings(findings, assessments)


def assess_target(
    ctx: Context, region_findings: list[Finding], *, outlook: bool = True
) -> Assessment:
    """One target judged; ``region_findings`` are the growth checks of the whole period."""
    target = ctx.target
    outcome = judge_target(ctx)
    names = {target.indicator.name}
    if target.other_indicator is not None:
        names.add(target.other_indicator.name)
    findings = [f for f in region_findings if f.indicator in names] + outcome.findings
    wording = target_parts(target)
    phrase, said = say.text_of(wording), say.clauses_text(outcome.said)
    judgement = say.text_of(outcome.judgement)
    figures = (outcome.actual, outcome.growth, outcome.other_growth)
    return Assessment(
        target_id=target.id,
        indicator=target.indicator.name,
        indicator_english=target.indicator.english,
        direction=target.indicator.direction,
        kind=target.kind,
        target_value=target.value,
        target_unit=target.unit,
        qualifier=target.qualifier,
        basis=target.basis,
        other_indicator=target.other_indicator.name if target.other_indicator else None,
        department=target.department.name if target.department else None,
        period=ctx.period.code,
        time_progress=ctx.time_progress,
        actual=outcome.actual,
        growth=outcome.growth,
        other_growth=outcome.other_growth,
        completion=outcome.completion,
        gap=outcome.gap,
        gap_phrase=outcome.gap_phrase,
        status=outcome.status,
        reason=outcome.reason,
        rest_of_year=rest_of_year(target, ctx.book, ctx.period) if outlook else None,
        findings=findings,
        target_phrase=phrase,
        actual_phrase=said,
        judgement_phrase=judgement,
        sentence=say.sentence(phrase, said, judgement),
        sources=[f.observation_id for f in figures if f is not None] + outcome.extra_sources,
        target_parts=wording,
        actual_clauses=outcome.said,
        judgement_parts=outcome.judgement,
        wanted_figure=outcome.wanted,
    )


def _all_findings(growth: list[Finding], assessments: list[Assessment]) -> list[Finding]:
    """Region-wide growth checks plus each target's own, each shown once."""
    seen: list[Finding] = list(growth)
    for assessment in assessments:
        seen.extend(f for f in assessment.findings if f not in seen)
    return seen
