"""Status rules: pure functions from numbers to a status, shared by targets and tasks.

``gap`` is always the measured figure minus its reference, in percentage points:
completion minus time progress, growth minus the target rate, a level minus its cap.
Whether a positive gap is good depends on the rule: for caps a negative gap is good.
A target met before the year is out is ``on_track``; it is ``achieved`` only once the
figure for the whole year is in, except for a cumulative amount that has already passed
its annual target (it cannot fall back below it).
"""

from __future__ import annotations

from dataclasses import dataclass

from planwatch.assess.model import STATUS_ORDER, Status, Thresholds


@dataclass(frozen=True)
class Judgement:
    status: Status
    gap: float
    completion: float | None = None


def grade(margin: float, tolerance: float, *, full_year: bool) -> Status:
    """Status from a margin where positive is good and ``tolerance`` bounds slightly behind."""
    if margin >= 0:
        return "achieved" if full_year else "on_track"
    if margin >= -tolerance:
        return "slightly_behind"
    return "behind"


def status_rank(status: Status) -> int:
    """Position from worst (0) to best; ``unknown`` ranks below everything."""
    return STATUS_ORDER.index(status) if status in STATUS_ORDER else -1


def judge_amount(
    completion: float, time_progress: float, thresholds: Thresholds, *, full_year: bool
) -> Judgement:
    """A cumulative amount (flow) against an annual minimum: 时间过半、任务过半."""
    gap = completion - time_progress
    if completion >= 100:
        return Judgement("achieved", gap, completion)
    return Judgement(grade(gap, thresholds.time_points, full_year=full_year), gap, completion)


def judge_level(completion: float, thresholds: Thresholds, *, full_year: bool) -> Judgement:
    """A level (stock) against the minimum it must reach: time progress does not apply."""
    gap = completion - 100
    return Judgement(grade(gap, thresholds.time_points, full_year=full_year), gap, completion)


def judge_rate(
    actual: float, target: float, thresholds: Thresholds, *, full_year: bool
) -> Judgement:
    """A rate (growth, reduction, share, or the other indicator's growth) against a minimum."""
    gap = actual - target
    return Judgement(grade(gap, thresholds.growth_points, full_year=full_year), gap)


def judge_cap_amount(
    completion: float, time_progress: float, thresholds: Thresholds, *, full_year: bool
) -> Judgement:
    """A cumulative amount against an annual cap: using it faster than time passes is behind."""
    gap = completion - time_progress
    if completion > 100:
        return Judgement("behind", gap, completion)
    return Judgement(grade(-gap, thresholds.time_points, full_year=full_year), gap, completion)


def judge_cap_rate(
    actual: float, cap: float, thresholds: Thresholds, *, full_year: bool
) -> Judgement:
    """A rate or level that must stay at or below a cap (失业率控制在4%以内)."""
    gap = actual - cap
    return Judgement(grade(-gap, thresholds.growth_points, full_year=full_year), gap)


def judge_cap_level(completion: float, thresholds: Thresholds, *, full_year: bool) -> Judgement:
    """A level (stock) against a cap, as a share of the cap: over 100% is over the cap."""
    gap = completion - 100
    return Judgement(grade(-gap, thresholds.time_points, full_year=full_year), gap, completion)
