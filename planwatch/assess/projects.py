"""Major projects judged like targets: stage from dates, investment against time progress.

Pure functions over ``planwatch.reads.ledger`` rows. The stage (前期 / 拟开工 / 新开工 /
续建在建 / 基本完工 / 竣工) follows from the dates and milestones as of the period's end; the
status compares the investment completed year to date ÷ the year's plan with time
progress through the targets' rule (``judge_amount``, same ``Thresholds``), and any
milestone past its planned date and not done makes the project ``behind``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol, cast

from sqlalchemy.orm import Session

from planwatch.assess.model import Status, Thresholds
from planwatch.assess.status import judge_amount, status_rank
from planwatch.periods import Period, period_end
from planwatch.reads.ledger import LedgerProject, Milestone, region_ledger
from planwatch.vocabulary import PROJECT_STAGES, ProjectStage

BEGUN: tuple[ProjectStage, ...] = ("new_start", "continuing", "basically_done", "finished")


@dataclass(frozen=True)
class ProjectJudgement:
    """One project in one period: its stage, investment against time progress, status."""

    project: LedgerProject
    stage: ProjectStage
    investment_ytd: float | None
    completion: float | None
    gap: float | None
    overdue: tuple[Milestone, ...]
    status: Status
    reason: str


@dataclass(frozen=True)
class LedgerSummary:
    """A group of projects (a plan, a level, a category, a department) in one period.

    Plain values only: it is the ledger page's ``totals`` in JSON as it is. ``lagging``
    names the lagging projects; ``lagging_first`` gives their judgements."""

    total: int
    stage_counts: dict[str, int]
    planned_starts: int
    started: int
    start_rate: float | None
    planned_completions: int
    completed: int
    completion_rate: float | None
    investment_ytd: float
    year_investment: float
    investment_share: float | None
    status_counts: dict[str, int]
    lagging: list[str]


class Staged(Protocol):
    """What a stage follows from: a ledger row or a plan's project."""

    @property
    def stage(self) -> str: ...
    @property
    def planned_start(self) -> date | None: ...
    @property
    def actual_start(self) -> date | None: ...
    @property
    def planned_completion(self) -> date | None: ...
    @property
    def actual_completion(self) -> date | None: ...
    @property
    def milestones(self) -> Sequence[Milestone]: ...


def _milestone_done(project: Staged, kind: str, as_of: date) -> bool:
    return any(m.kind == kind and m.done and m.done <= as_of for m in project.milestones)


def _undated(project: Staged) -> bool:
    dates = (project.planned_start, project.actual_start, project.planned_completion)
    return not project.milestones and all(d is None for d in (*dates, project.actual_completion))


def stage_of(project: Staged, as_of: date) -> ProjectStage:
    """The stage on ``as_of``: done dates first, then starts, then the plan's intention; a
    project with no dates and no milestones keeps the stage its plan states."""
    if _undated(project) and project.stage in PROJECT_STAGES:
        return cast(ProjectStage, project.stage)
    finished = project.actual_completion and project.actual_completion <= as_of
    if finished or _milestone_done(project, "completion", as_of):
        return "finished"
    if _milestone_done(project, "main_done", as_of):
        return "basically_done"
    start = project.actual_start
    if start is None or start > as_of:
        done = [m.done for m in project.milestones if m.kind == "start" and m.done]
        start = min(done) if done and min(done) <= as_of else None
    if start is not None:
        return "new_start" if start.year == as_of.year else "continuing"
    if project.planned_start and project.planned_start.year <= as_of.year:
        return "to_start"
    return "preliminary"


def stage_date(year: int, today: date) -> date:
    """The day a plan's projects are staged on outside the ledger's periods (the plan and
    project pages): today, or the plan year's last day once that year is over."""
    return min(today, date(year, 12, 31))


def current_stage(project: Staged, year: int, today: date) -> tuple[ProjectStage, date]:
    """The stage of a project of ``year``'s plan on ``stage_date``, with that day."""
    as_of = stage_date(year, today)
    return stage_of(project, as_of), as_of


def overdue_milestones(project: LedgerProject, as_of: date) -> tuple[Milestone, ...]:
    """Milestones planned on or before ``as_of`` and not done by then."""
    return tuple(
        m for m in project.milestones if m.planned <= as_of and (m.done is None or m.done > as_of)
    )


def investment_in(project: LedgerProject, period: Period) -> float | None:
    """The year-to-date investment of the latest period of the year up to ``period``."""
    best: tuple[int, float] | None = None
    for entry in project.progress:
        if entry.investment_ytd is None:
            continue
        seen = Period.parse(entry.period)
        if seen.year == period.year and seen.months <= period.months:
            if best is None or seen.months > best[0]:
                best = (seen.months, entry.investment_ytd)
    return best[1] if best else None


@dataclass(frozen=True)
class MonthFigures:
    """One month's entry of a project: year to date, the month's own part, 形象进度."""

    period: str
    investment_ytd: float | None
    month_investment: float | None
    text: str | None


def month_figures(project: LedgerProject, period: Period) -> MonthFigures:
    """The project's entry for the period's closing month (January's part is its total)."""
    entries = {entry.period: entry for entry in project.progress}
    code = f"{period.year}M{period.months:02d}"
    entry = entries.get(code)
    ytd = entry.investment_ytd if entry else None
    month = None
    if ytd is not None:
        before = entries.get(f"{period.year}M{period.months - 1:02d}")
        if period.months == 1:
            month = ytd
        elif before and before.investment_ytd is not None:
            month = round(ytd - before.investment_ytd, 4)
    return MonthFigures(code, ytd, month, entry.text if entry else None)


def judge_project(
    project: LedgerProject, period: Period, thresholds: Thresholds | None = None
) -> ProjectJudgement:
    """Stage, completion of the year's planned investment against time progress, status."""
    limits = thresholds or Thresholds()
    as_of = period_end(period)
    stage = stage_of(project, as_of)
    ytd = investment_in(project, period)
    overdue = overdue_milestones(project, as_of)
    time_progress = period.time_progress * 100
    completion = gap = None
    status: Status = "unknown"
    reason = "未填报本年完成投资" if project.year_investment else "未列年度投资计划"
    if ytd is not None and project.year_investment:
        completion = round(ytd / project.year_investment * 100, 2)
        judged = judge_amount(completion, time_progress, limits, full_year=period.months == 12)
        status, gap = judged.status, round(judged.gap, 2)
        reason = f"完成年度投资计划的{completion:.1f}%,{time_phrase(gap)}"
    if stage == "finished" and status != "behind":
        status, reason = "achieved", "项目已竣工"
    if overdue:
        names = "、".join(m.name for m in overdue)
        status, reason = "behind", f"节点逾期:{names}" + (f";{reason}" if completion else "")
    return ProjectJudgement(project, stage, ytd, completion, gap, overdue, status, reason)


def judged_ledger(
    session: Session, region_id: int, when: Period, thresholds: Thresholds | None = None
) -> list[ProjectJudgement]:
    """Every project of the region's plan for the period's year, judged in the period."""
    limits = thresholds or Thresholds()
    return [judge_project(p, when, limits) for p in region_ledger(session, region_id, when.year)]


def time_phrase(gap: float) -> str:
    """超过 / 低于序时进度 X 个百分点 (与序时进度持平 at zero)."""
    if round(gap, 1) == 0:
        return "与序时进度持平"
    side = "超过" if gap > 0 else "低于"
    return f"{side}序时进度{abs(gap):.1f}个百分点"


def summarize(judged: Sequence[ProjectJudgement], year: int) -> LedgerSummary:
    """Counts by stage, 开工率, 竣工率, investment and its share; lagging projects first."""
    stages: dict[str, int] = {stage: 0 for stage in PROJECT_STAGES}
    statuses: dict[str, int] = {}
    for one in judged:
        stages[one.stage] += 1
        statuses[one.status] = statuses.get(one.status, 0) + 1
    to_start = [j for j in judged if _in_year(j.project.planned_start, year)]
    started = [j for j in to_start if j.stage in BEGUN]
    to_finish = [j for j in judged if _in_year(j.project.planned_completion, year)]
    finished = [j for j in to_finish if j.stage == "finished"]
    ytd = sum(j.investment_ytd or 0.0 for j in judged)
    planned = sum(j.project.year_investment or 0.0 for j in judged)
    return LedgerSummary(
        total=len(judged),
        stage_counts=stages,
        planned_starts=len(to_start),
        started=len(started),
        start_rate=_share(len(started), len(to_start)),
        planned_completions=len(to_finish),
        completed=len(finished),
        completion_rate=_share(len(finished), len(to_finish)),
        investment_ytd=round(ytd, 2),
        year_investment=round(planned, 2),
        investment_share=_share(ytd, planned),
        status_counts=statuses,
        lagging=[j.project.name for j in lagging_first(judged)],
    )


def lagging_first(judged: Sequence[ProjectJudgement]) -> list[ProjectJudgement]:
    """The projects behind or slightly behind, the furthest behind first."""
    return sorted(
        (j for j in judged if j.status in ("behind", "slightly_behind")),
        key=lambda j: (status_rank(j.status), j.gap if j.gap is not None else 0.0),
    )


def summarize_by(
    judged: Sequence[ProjectJudgement], year: int, key: str
) -> dict[str, LedgerSummary]:
    """One summary per ``level``, ``category`` or ``department`` (projects without it: '')."""
    groups: dict[str, list[ProjectJudgement]] = {}
    for one in judged:
        groups.setdefault(getattr(one.project, key) or "", []).append(one)
    return {name: summarize(members, year) for name, members in groups.items()}


def _in_year(day: date | None, year: int) -> bool:
    return day is not None and day.year == year


def _share(part: float, whole: float) -> float | None:
    return round(part / whole * 100, 2) if whole else None
