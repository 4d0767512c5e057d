"""Several regions at once: every region at one level under a parent, assessed and ranked.

Members are the stored regions at that level under the parent plus, for provinces,
cities and counties, the divisions the national table lists there; a member with no plan
or no figures for the period is listed as skipped with the reason, so the comparison
shows who is missing rather than hiding them.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.orm import Session

from planwatch.assess.model import (
    Assessment,
    Metric,
    RankEntry,
    Ranking,
    RegionAssessment,
    RegionComparison,
    Skipped,
    Thresholds,
)
from planwatch.assess.region import assess_plan, spans_read
from planwatch.errors import InvalidInput, NotFound
from planwatch.periods import Period
from planwatch.reads.figures import FigureBook, figure_books, regions_holding
from planwatch.reads.lookup import no_plan
from planwatch.reads.plans import IndicatorInfo, PlanRows, PlanTarget, load_plans
from planwatch.reads.regions import Member, members_below
from planwatch.store.reference import RegionKey, indicator_row, region_row
from planwatch.vocabulary import REGION_LEVELS

_METRICS: dict[str, Metric] = {
    "value_at_least": "completion",
    "value_at_most": "completion",
    "growth_at_least": "growth",
    "reduction_at_least": "reduction",
    "relation": "growth",
}


def compare_regions(
    session: Session,
    parent: str,
    level: str,
    period: str,
    indicator: str | None = None,
    thresholds: Thresholds | None = None,
) -> RegionComparison:
    """Assess every region at ``level`` under ``parent`` and rank them per target."""
    check_level(level)
    span = Period.parse(period)
    top = region_row(session, parent)
    wanted = indicator_row(session, indicator).name if indicator else None
    return compare_members(session, top, level, span, wanted, thresholds, work=True)


def check_level(level: str) -> None:
    if level not in REGION_LEVELS:
        raise InvalidInput(
            "assess.compare.unknown_region_level", level=level, names=", ".join(REGION_LEVELS)
        )


def compare_members(
    session: Session,
    top: RegionKey,
    level: str,
    span: Period,
    wanted: str | None,
    thresholds: Thresholds | None = None,
    *,
    work: bool = False,
) -> RegionComparison:
    """``compare_regions`` once its arguments are read (``wanted`` is a stored indicator name).

    Unless ``work`` is asked for, tasks and projects are neither read nor judged and each
    region's are left empty, and no target says what the rest of the year needs: pages
    ranking targets need none of it.
    """
    members = members_below(session, top, level)
    assessed, skipped = _assess_members(session, members, span, wanted, thresholds, work)
    if not assessed:
        raise NotFound(
            "assess.compare.nothing_to_compare", level=level, top=top.name, span_code=span.code
        )
    return RegionComparison(
        parent=top.name,
        parent_code=top.code,
        level=level,
        period=span.code,
        indicator=wanted,
        regions=assessed,
        skipped=skipped,
        rankings=rankings(assessed),
    )


def _assess_members(
    session: Session,
    members: list[Member],
    span: Period,
    wanted: str | None,
    thresholds: Thresholds | None,
    work: bool,
) -> tuple[list[RegionAssessment], list[Skipped]]:
    """Every member assessed from one read of all their plans and one of all their figures.

    With ``wanted``, only the targets on that indicator are judged, from its figures (and
    those of the indicators it is compared with) alone; a region holding figures of other
    indicators only is judged 暂无数据 on it rather than skipped, as with every figure read.
    """
    limits = thresholds or Thresholds()
    stored = [m.id for m in members if m.id is not None]
    plans = load_plans(session, stored, span.year, tasks=work, projects=work)
    indicators, holding = None, set[int]()
    if wanted is not None:
        plans = {key: _on_indicator(plan, wanted) for key, plan in plans.items()}
        indicators = {i.id for p in plans.values() for t in p.targets for i in _indicators(t)}
        holding = regions_holding(session, list(plans), span)
    books = figure_books(
        session,
        list(plans),
        (span.year, span.year - 1),
        spans=spans_read(span),
        indicators=indicators,
    )
    assessed: list[RegionAssessment] = []
    skipped: list[Skipped] = []
    for member in members:
        plan = plans.get(member.id) if member.id is not None else None
        try:
            if plan is None:  # a division never loaded has neither plan nor figures
                raise no_plan(member.name, span.year)
            book = FigureBook.of(books.get(plan.region_id, {}))
            empty_ok = plan.region_id in holding
            result = assess_plan(member, plan, book, span, limits, empty_ok=empty_ok, outlook=work)
        except NotFound as err:
            skipped.append(Skipped(member.name, member.code, err.message))
            continue
        assessed.append(result)
    return assessed, skipped


def _on_indicator(plan: PlanRows, wanted: str) -> PlanRows:
    return replace(plan, targets=[t for t in plan.targets if t.indicator.name == wanted])


def _indicators(target: PlanTarget) -> list[IndicatorInfo]:
    return [target.indicator] + ([target.other_indicator] if target.other_indicator else [])


def rankings(assessed: list[RegionAssessment]) -> list[Ranking]:
    """One ranking per (indicator, kind) that at least one region could be measured on."""
    groups: dict[tuple[str, str], list[tuple[RegionAssessment, Assessment, float]]] = {}
    for result in assessed:
        for assessment in result.assessments:
            value = metric_value(assessment)
            if value is not None:
                key = (assessment.indicator, assessment.kind)
                groups.setdefault(key, []).append((result, assessment, value))
    ranked = []
    for (indicator, kind), members in groups.items():
        # a cap is best used least; everything else is best highest
        members.sort(key=lambda m: m[2], reverse=kind != "value_at_most")
        ranked.append(
            Ranking(
                indicator=indicator,
                kind=kind,
                metric=_metric_name(members[0][1]),
                entries=_entries(members),
            )
        )
    return ranked


def metric_value(assessment: Assessment) -> float | None:
    """The number regions are ranked by for this target."""
    metric = _METRICS[assessment.kind]
    if metric == "completion":
        if assessment.completion is not None:
            return assessment.completion
        return assessment.actual.value if assessment.actual else None
    if assessment.growth is None:
        return None
    return -assessment.growth.value if metric == "reduction" else assessment.growth.value


def _metric_name(assessment: Assessment) -> Metric:
    metric = _METRICS[assessment.kind]
    return "value" if metric == "completion" and assessment.completion is None else metric


def _entries(members: list[tuple[RegionAssessment, Assessment, float]]) -> list[RankEntry]:
    entries: list[RankEntry] = []
    for position, (result, assessment, value) in enumerate(members, start=1):
        # ties share a rank (1, 2, 2, 4)
        rank = entries[-1].rank if entries and entries[-1].value == value else position
        entries.append(RankEntry(rank, result.region, result.region_code, value, assessment.status))
    return entries
