"""What a report states about the projects all together, beside what the ledger computes.

A report says ``1-10月项目累计完成投资629.0亿元，占年度投资计划的97.2%`` or ``已开工206项``
(``records/ledger_totals.py`` keeps it); the ledger counts and sums its own projects
(``summarize``). Where they differ by more than the figures' rounding (half a unit of
each figure's last decimal, added up, as in ``assess/rollup.py``), that is a finding: the
report may count projects the ledger does not hold, or a figure is wrong. Nothing is
corrected. An investment sum (or share) is judged only when every project with a year's
plan has its figure for the period; a partial sum is shown, never judged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from planwatch import units
from planwatch.assess.model import Finding
from planwatch.assess.projects import LedgerSummary, ProjectJudgement, summarize
from planwatch.errors import InvalidInput
from planwatch.numberformat import half_unit, number
from planwatch.periods import Period
from planwatch.reads.ledger_totals import ReportedTotal, reported_totals
from planwatch.vocabulary import word
from planwatch.vocabulary.messages import phrase

BASE = "万元"  # the unit a share's sums are taken in


@dataclass(frozen=True)
class Computed:
    """The ledger's own figure for a total, and how much rounding may hide in it."""

    value: float | None
    slack: float = 0.0
    complete: bool = True


@dataclass(frozen=True)
class ReportedBeside:
    """A reported total beside the ledger's own figure, with a finding when they differ."""

    reported: ReportedTotal
    computed: float | None
    complete: bool
    finding: Finding | None


def _sum_in(judged: Sequence[ProjectJudgement], unit: str | None) -> Computed:
    """The projects' year-to-date investment in ``unit`` (incomplete when one with a year's
    plan has no figure, or a figure in a unit that is no amount)."""
    total = slack = 0.0
    complete = bool(judged)
    for one in judged:
        if one.investment_ytd is None:
            complete = complete and not one.project.year_investment
            continue
        try:
            factor = units.convert(1.0, one.project.unit or BASE, unit or BASE)
        except InvalidInput:
            complete = False
            continue
        total += one.investment_ytd * factor
        slack += half_unit(one.investment_ytd) * factor
    return Computed(round(total, 6), slack, complete)


def _share(judged: Sequence[ProjectJudgement]) -> Computed:
    done = _sum_in(judged, BASE)
    planned = 0.0
    for one in judged:
        if one.project.year_investment:
            factor = units.convert(1.0, one.project.unit or BASE, BASE)
            planned += one.project.year_investment * factor
    if not planned or done.value is None:
        return Computed(None, 0.0, False)
    share = done.value / planned * 100
    return Computed(round(share, 4), done.slack / planned * 100, done.complete)


def _counts(summary: LedgerSummary) -> dict[str, int]:
    stages = summary.stage_counts
    return {
        "planned_starts": summary.planned_starts,
        "started": summary.started,
        "new_starts": stages["new_start"],
        # 在建: every project begun and not yet 竣工 (基本完工 ones are still being built)
        "under_construction": stages["new_start"] + stages["continuing"] + stages["basically_done"],
        "basically_done": stages["basically_done"],
        "finished": stages["finished"],
    }


def computed_total(
    total: str, unit: str | None, judged: Sequence[ProjectJudgement], year: int
) -> Computed:
    """The ledger's own figure for ``total`` over the judged projects."""
    if total == "investment":
        return _sum_in(judged, unit)
    if total == "investment_share":
        return _share(judged)
    return Computed(float(_counts(summarize(judged, year))[total]))


def beside(reported: ReportedTotal, computed: Computed, period: Period) -> ReportedBeside:
    """The reported total with the ledger's figure; a finding beyond the rounding."""
    if computed.value is None or not computed.complete:
        return ReportedBeside(reported, computed.value, False, None)
    difference = reported.value - computed.value
    if abs(difference) <= half_unit(reported.value) + computed.slack + 1e-9:
        return ReportedBeside(reported, computed.value, True, None)
    return ReportedBeside(reported, computed.value, True, _finding(reported, computed, period))


def _finding(reported: ReportedTotal, computed: Computed, period: Period) -> Finding:
    assert computed.value is not None
    name = word("ledger_totals", reported.total)
    difference = reported.value - computed.value
    said = phrase(
        "assess.findings.ledger_mismatch",
        total_en=name.en,
        total_zh=name.zh,
        reported=number(reported.value),
        computed=number(computed.value),
        difference=number(difference),
        unit=reported.unit or "",
        unit_en=units.english(reported.unit),
    )
    return Finding(
        kind="ledger_mismatch",
        indicator=name.zh,
        period=period.code,
        reported=reported.value,
        computed=round(computed.value, 6),
        difference=round(difference, 6),
        message=said.en,
        chinese=said.zh,
        sources=[reported.source.fact_id],
    )


def reported_beside(
    session: Session,
    region_id: int,
    period: Period,
    judged: Sequence[ProjectJudgement],
) -> list[ReportedBeside]:
    """Each total a document reported for the region's projects in the period's closing
    month, beside the ledger's own figure over ``judged`` (all the plan's projects)."""
    month = f"{period.year}M{period.months:02d}"
    return [
        beside(one, computed_total(one.total, one.unit, judged, period.year), period)
        for one in reported_totals(session, region_id, month)
    ]
