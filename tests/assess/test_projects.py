"""Major projects: stage from dates and milestones, status against time progress."""

from __future__ import annotations

from datetime import date

import pytest

from planwatch.assess.model import Thresholds
from planwatch.assess.projects import (
    judge_project,
    lagging_first,
    period_end,
    stage_of,
    summarize,
    summarize_by,
    time_phrase,
)
from planwatch.periods import Period
from planwatch.reads.ledger import LedgerProject, Milestone, PeriodProgress

H1 = Period.parse("2017H1")
JUNE = date(2017, 6, 30)


def project(**fields: object) -> LedgerProject:
    base: dict[str, object] = {"id": 1, "name": "汇通新长江", "year_investment": 100.0}
    base.update(fields)
    return LedgerProject(**base)  # type: ignore[arg-type]


def test_period_end_is_the_last_day_of_the_closing_month() -> None:
    assert period_end(H1) == JUNE
    assert period_end(Period.parse("2016M02")) == date(2016, 2, 29)


@pytest.mark.parametrize(
    ("fields", "stage"),
    [
        ({}, "preliminary"),
        ({"planned_start": date(2018, 3, 1)}, "preliminary"),
        ({"planned_start": date(2017, 9, 1)}, "to_start"),
        ({"planned_start": date(2017, 3, 1), "actual_start": date(2017, 7, 2)}, "to_start"),
        ({"actual_start": date(2017, 4, 18)}, "new_start"),
        ({"actual_start": date(2016, 4, 18)}, "continuing"),
        ({"actual_start": date(2015, 1, 1), "actual_completion": date(2017, 5, 1)}, "finished"),
        ({"actual_start": date(2015, 1, 1), "actual_completion": date(2017, 8, 1)}, "continuing"),
    ],
)
def test_stage_follows_from_dates(fields: dict[str, object], stage: str) -> None:
    assert stage_of(project(**fields), JUNE) == stage


def test_stage_follows_from_milestones() -> None:
    started = Milestone("开工", "start", date(2017, 3, 1), date(2017, 3, 5))
    main = Milestone("主体完工", "main_done", date(2017, 6, 1), date(2017, 6, 20))
    assert stage_of(project(milestones=(started,)), JUNE) == "new_start"
    assert stage_of(project(milestones=(started, main)), JUNE) == "basically_done"
    assert stage_of(project(milestones=(started, main)), date(2017, 6, 10)) == "new_start"


def test_a_project_without_dates_keeps_the_stage_its_plan_states() -> None:
    assert stage_of(project(stage="continuing"), JUNE) == "continuing"
    # once a date is known the stage follows from it, whatever the plan states
    dated = project(stage="continuing", planned_start=date(2017, 9, 1))
    assert stage_of(dated, JUNE) == "to_start"


def progress(ytd: float) -> tuple[PeriodProgress, ...]:
    return (PeriodProgress("2017M03", ytd / 2), PeriodProgress("2017H1", ytd))


@pytest.mark.parametrize(
    ("ytd", "status", "gap"),
    [
        (50.0, "on_track", 0.0),  # exactly time progress
        (45.0, "slightly_behind", -5.0),  # at the 5-point edge
        (44.9, "behind", -5.1),  # just beyond it
        (63.8, "on_track", 13.8),
        (100.0, "achieved", 50.0),
    ],
)
def test_status_against_time_progress_at_the_edges(ytd: float, status: str, gap: float) -> None:
    judged = judge_project(project(actual_start=date(2016, 1, 1), progress=progress(ytd)), H1)
    assert (judged.status, judged.gap, judged.investment_ytd) == (status, gap, ytd)


def test_thresholds_are_the_targets_own() -> None:
    loose = Thresholds(time_points=10.0)
    one = project(progress=progress(42.0))
    assert judge_project(one, H1).status == "behind"
    assert judge_project(one, H1, loose).status == "slightly_behind"


def test_the_reason_says_the_gap_in_the_reports_words() -> None:
    judged = judge_project(project(progress=progress(63.8)), H1)
    assert judged.reason == "完成年度投资计划的63.8%,超过序时进度13.8个百分点"
    assert time_phrase(-3.26) == "低于序时进度3.3个百分点"
    assert time_phrase(0.01) == "与序时进度持平"


def test_an_overdue_milestone_makes_a_project_behind() -> None:
    late = Milestone("主体封顶", "other", date(2017, 5, 31))
    judged = judge_project(project(progress=progress(80.0), milestones=(late,)), H1)
    assert judged.status == "behind"
    assert judged.overdue == (late,)
    assert judged.reason.startswith("节点逾期:主体封顶;完成年度投资计划的80.0%")
    on_time = Milestone("主体封顶", "other", date(2017, 5, 31), date(2017, 5, 30))
    assert judge_project(project(progress=progress(80.0), milestones=(on_time,)), H1).overdue == ()


def test_progress_of_a_later_period_or_another_year_is_not_counted() -> None:
    entries = (PeriodProgress("2016H1", 90.0), PeriodProgress("2017M09", 80.0))
    judged = judge_project(project(progress=entries), H1)
    assert (judged.investment_ytd, judged.status, judged.reason) == (
        None,
        "unknown",
        "未填报本年完成投资",
    )


def test_summary_counts_stages_rates_investment_and_puts_the_lagging_first() -> None:
    rows = [
        project(
            id=1,
            name="甲",
            level="city",
            planned_start=date(2017, 3, 1),
            actual_start=date(2017, 3, 9),
            progress=progress(40.0),
        ),
        project(
            id=2, name="乙", level="city", planned_start=date(2017, 5, 1), progress=progress(48.0)
        ),
        project(
            id=3,
            name="丙",
            level="district",
            actual_start=date(2014, 1, 1),
            planned_completion=date(2017, 6, 1),
            actual_completion=date(2017, 6, 1),
            progress=progress(100.0),
        ),
        project(
            id=4,
            name="丁",
            level="district",
            actual_start=date(2015, 1, 1),
            planned_completion=date(2017, 12, 1),
            progress=progress(20.0),
        ),
    ]
    judged = [judge_project(one, H1) for one in rows]
    summary = summarize(judged, 2017)
    assert summary.stage_counts["new_start"] == 1
    assert summary.stage_counts["to_start"] == 1
    assert summary.stage_counts["finished"] == 1
    assert summary.stage_counts["continuing"] == 1
    assert (summary.planned_starts, summary.started, summary.start_rate) == (2, 1, 50.0)
    assert (summary.planned_completions, summary.completed, summary.completion_rate) == (
        2,
        1,
        50.0,
    )
    assert (summary.investment_ytd, summary.year_investment, summary.investment_share) == (
        208.0,
        400.0,
        52.0,
    )
    assert summary.lagging == ["丁", "甲", "乙"]
    assert [j.project.name for j in lagging_first(judged)] == summary.lagging
    by_level = summarize_by(judged, 2017, "level")
    assert {k: v.total for k, v in by_level.items()} == {"city": 2, "district": 2}
