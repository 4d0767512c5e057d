"""Key tasks whose progress carries numbers, and major projects counted by stage.

A task's progress note may say how much of the year's target is done (征收面积32万平方米,
占全年目标的51.8%); that share is judged against time progress exactly like an amount
target. Without a reported share, value ÷ the task's target value is used; with both,
a disagreement is a finding.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, cast

from sqlalchemy.orm import Session

from planwatch.assess import sentences as say
from planwatch.assess.findings import completion_finding
from planwatch.assess.model import (
    Finding,
    Part,
    ProjectStages,
    Ref,
    Status,
    TaskAssessment,
    Thresholds,
)
from planwatch.assess.projects import BEGUN, stage_of
from planwatch.assess.status import judge_amount
from planwatch.errors import InvalidInput
from planwatch.periods import Period, period_end
from planwatch.reads.lookup import region_and_plan
from planwatch.reads.plans import PlanProject, PlanTask, Progress
from planwatch.units import convert
from planwatch.vocabulary import PROJECT_STAGES, word

Source = Literal["reported", "computed"]


def assess_tasks(
    session: Session, region: str, period: str, thresholds: Thresholds | None = None
) -> list[TaskAssessment]:
    """Every key task of the region's plan for the period's year, judged in that period."""
    span = Period.parse(period)
    _, plan = region_and_plan(session, region, span.year, targets=False, projects=False)
    return [assess_task(task, span, thresholds or Thresholds()) for task in plan.tasks]


REPORTED = "no share of the target: the status is the responsible department's own"
NO_SHARE = "the progress gives no share of the year's target and the task has no target value"


def assess_task(task: PlanTask, period: Period, thresholds: Thresholds) -> TaskAssessment:
    """One task judged in ``period`` from its latest progress entry covering those months."""
    progress = _progress_in(task, period)
    if progress is None:
        return _task_assessment(
            task,
            period,
            reason=f"no progress reported for {period.code}",
            sentence=f"{task.title}:{say.period_phrase(period)}暂无进展报告。",
        )
    completion, source, findings = _completion(task, progress, period, thresholds)
    if completion is None:
        return _task_assessment(
            task,
            period,
            progress=progress,
            source=source,
            findings=findings,
            reason=REPORTED if progress.status else NO_SHARE,
            status=cast(Status, progress.status) if progress.status else "unknown",
            sentence=f"{task.title}:{progress.note}",
        )
    judged = judge_amount(
        completion, period.time_progress * 100, thresholds, full_year=period.months >= 12
    )
    computed = Ref("task", task.id)
    gap = say.time_gap_parts(judged.gap, computed)
    gap_phrase = say.text_of(gap)
    share = say.share_parts("完成全年目标的", completion, computed)
    return _task_assessment(
        task,
        period,
        progress=progress,
        source=source,
        findings=findings,
        completion=completion,
        gap=judged.gap,
        gap_phrase=gap_phrase,
        status=judged.status,
        reason="completion against time progress",
        sentence=_sentence(task, progress, period, completion, gap_phrase),
        share_parts=share,
        gap_parts=gap,
    )


def _task_assessment(
    task: PlanTask,
    period: Period,
    *,
    reason: str,
    sentence: str,
    progress: Progress | None = None,
    source: Source | None = None,
    findings: list[Finding] | None = None,
    completion: float | None = None,
    gap: float | None = None,
    gap_phrase: str | None = None,
    status: Status = "unknown",
    share_parts: tuple[Part, ...] = (),
    gap_parts: tuple[Part, ...] = (),
) -> TaskAssessment:
    """Built once with every field: ``dataclasses.replace`` was a tenth of a task's time."""
    return TaskAssessment(
        task_id=task.id,
        section=task.section,
        title=task.title,
        department=task.department.name if task.department else None,
        period=period.code,
        time_progress=period.time_progress * 100,
        note=progress.note if progress else None,
        value=progress.value if progress else None,
        unit=progress.unit if progress else None,
        target_value=task.target_value,
        completion=_rounded(completion),
        completion_source=source,
        gap=_rounded(gap),
        gap_phrase=gap_phrase,
        status=status,
        reason=reason,
        findings=findings or [],
        sentence=sentence,
        share_parts=share_parts,
        gap_parts=gap_parts,
    )


def _progress_in(task: PlanTask, period: Period) -> Progress | None:
    """The latest progress entry covering the same months as ``period``."""
    span = (period.year, period.months)
    matching = [p for p in task.progress if (p.year, p.months) == span]
    return max(matching, key=lambda p: (p.created_at, p.id)) if matching else None


def _completion(
    task: PlanTask, progress: Progress, period: Period, thresholds: Thresholds
) -> tuple[float | None, Source | None, list[Finding]]:
    computed = None
    if progress.value is not None and task.target_value:
        try:
            computed = convert(progress.value, progress.unit, task.unit) / task.target_value * 100
        except InvalidInput:
            computed = None  # units of different kinds: rely on the reported share
    if progress.completion is None:
        return computed, "computed" if computed is not None else None, []
    finding = (
        completion_finding(task.title, progress.completion, computed, [], period, thresholds)
        if computed is not None
        else None
    )
    return progress.completion, "reported", [finding] if finding else []


def _sentence(
    task: PlanTask, progress: Progress, period: Period, completion: float, gap_phrase: str
) -> str:
    done = f"完成{say.amount(progress.value, progress.unit)}," if progress.value is not None else ""
    return (
        f"{task.title}:{say.period_phrase(period)}{done}"
        f"完成全年目标的{say.one_decimal(completion)}%,{gap_phrase}。"
    )


def _rounded(value: float | None) -> float | None:
    return round(value, 2) if value is not None else None


def project_stages(session: Session, region: str, period: str) -> ProjectStages:
    """The plan's major projects counted by their stage at the period's end, with names."""
    span = Period.parse(period)
    _, plan = region_and_plan(session, region, span.year, targets=False, tasks=False)
    return stages_of(span, plan.projects)


def stages_of(span: Period, projects: Sequence[PlanProject]) -> ProjectStages:
    """Projects in plan order, counted by the stage their dates give at the span's end."""
    names: dict[str, list[str]] = {stage: [] for stage in PROJECT_STAGES}
    as_of = period_end(span)
    for project in projects:
        names[stage_of(project, as_of)].append(project.name)
    counts = {stage: len(listed) for stage, listed in names.items()}
    total = len(projects)
    begun = sum(counts[stage] for stage in BEGUN)
    return ProjectStages(
        year=span.year,
        total=total,
        counts=counts,
        names=names,
        started_share=round(begun / total * 100, 2) if total else None,
        chinese=_stages_phrase(total, counts),
    )


def _stages_phrase(total: int, counts: dict[str, int]) -> str:
    if total == 0:
        return "计划未列重大项目"
    parts = [
        f"{word('project_stages', stage).forms['report']}{counts[stage]}个"
        for stage in reversed(PROJECT_STAGES)
        if counts.get(stage)
    ]
    return f"计划内重大项目{total}个,其中" + "、".join(parts)
