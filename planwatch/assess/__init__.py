"""Judging progress against the plan: 时间过半、任务过半, target by target.

Public API (stable: the report writer and the web dashboard call these):

``assess_region(session, region, period, thresholds=None) -> RegionAssessment``
    Every target of the region's plan for the period's year judged in that period, with
    the plan's key tasks (``.tasks``), major projects by stage (``.projects``) and the
    consistency findings of the period's figures (``.findings``). ``region`` is a code or
    name (420106, 武昌区); ``period`` a code (2017H1, 2017Q3, 2017M05, 2017). Raises
    ``NotFound`` when the region has no plan for the year or no figures for the period.

``compare_regions(session, parent, level, period, indicator=None, thresholds=None)
-> RegionComparison``
    Every region at ``level`` (county, street …) under ``parent`` assessed, with one
    ``Ranking`` per target (by completion, growth or reduction); regions without a plan
    or figures are listed in ``.skipped`` with the reason.

``assess_tasks(session, region, period, thresholds=None) -> list[TaskAssessment]``
    Key tasks whose progress carries a completion share (or a value and a target value)
    judged against time progress.

``project_stages(session, region, period) -> ProjectStages``
    The plan's major projects counted by the stage their dates and milestones give at the
    period's end (前期, 拟开工, 新开工, 续建在建, 基本完工, 竣工).

``Thresholds(time_points=5.0, growth_points=1.0, mismatch_points=0.5)``
    Within ``time_points`` below time progress, or ``growth_points`` below a target rate,
    is ``slightly_behind``; further is ``behind``; an amount target at 100% or more is
    ``achieved``. Reported and computed figures more than ``mismatch_points`` apart are
    a ``Finding``.

Each ``Assessment`` carries the target (kind, value, unit, qualifier, basis), the period's
``time_progress`` (percent), the year-to-date ``actual`` and ``growth`` figures (with
their observation ids in ``sources``), ``completion`` (percent of the target, units
converted), ``gap`` (points against time progress or the target rate), ``status``
(achieved / on_track / slightly_behind / behind / unknown) and its ``reason``, the
``rest_of_year`` outlook, its ``findings``, and the Chinese ``target_phrase``,
``actual_phrase``, ``judgement_phrase`` and whole ``sentence``. Every dataclass has
``as_dict()``; dump it with ``ensure_ascii=False``.
"""

from __future__ import annotations

from planwatch.assess.compare import compare_regions
from planwatch.assess.model import (
    STATUS_ORDER,
    STATUSES,
    Assessment,
    Finding,
    Missing,
    ProjectStages,
    RankEntry,
    Ranking,
    RegionAssessment,
    RegionComparison,
    RestOfYear,
    Skipped,
    Status,
    TaskAssessment,
    Thresholds,
)
from planwatch.assess.region import assess_region
from planwatch.assess.tasks import assess_tasks, project_stages
from planwatch.reads.figures import Figure

__all__ = [
    "STATUSES",
    "STATUS_ORDER",
    "Assessment",
    "Figure",
    "Finding",
    "Missing",
    "ProjectStages",
    "RankEntry",
    "Ranking",
    "RegionAssessment",
    "RegionComparison",
    "RestOfYear",
    "Skipped",
    "Status",
    "TaskAssessment",
    "Thresholds",
    "assess_region",
    "assess_tasks",
    "compare_regions",
    "project_stages",
]
