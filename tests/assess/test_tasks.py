"""Key tasks with numbered progress, and major projects counted by stage."""

from __future__ import annotations

import pytest

from planwatch.assess import TaskAssessment, assess_tasks, project_stages
from planwatch.errors import NotFound
from planwatch.store import Store
from tests.assess.helpers import add_plan


def tasks(store: Store, period: str = "2017H1") -> dict[str, TaskAssessment]:
    with store.reading() as session:
        return {t.title: t for t in assess_tasks(session, "武昌区", period)}


def test_reported_share_is_judged_against_time_progress(sample_store: Store) -> None:
    expropriation = tasks(sample_store)["加快重点功能区建设(房屋征收)"]
    assert expropriation.completion == 51.8
    assert expropriation.completion_source == "reported"
    assert expropriation.gap == pytest.approx(1.8)
    assert expropriation.status == "on_track"
    assert expropriation.sentence == (
        "加快重点功能区建设(房屋征收):上半年完成32万平方米,完成全年目标的51.8%,"
        "超序时进度1.8个百分点。"
    )


def test_every_numbered_task_of_the_sample_is_on_track(sample_store: Store) -> None:
    judged = {
        title: t.status for title, t in tasks(sample_store).items() if t.completion is not None
    }
    assert judged == {
        "加快重点功能区建设(房屋征收)": "on_track",
        "加强基础设施建设(区级城建投资)": "on_track",
        "全面推进旧城改造(市级目标任务)": "on_track",
        "推进保障性住房建设(新开工)": "on_track",
        "推进保障性住房建设(分配入住)": "on_track",
    }


def test_task_without_a_share_or_target_is_unknown(sample_store: Store) -> None:
    jobs = tasks(sample_store)["促进就业创业"]
    assert jobs.status == "unknown"
    assert jobs.value == 24400 and jobs.completion is None
    assert "no share of the year's target" in jobs.reason


def test_task_without_progress_in_the_period_is_unknown(sample_store: Store) -> None:
    jobs = tasks(sample_store, "2017Q3")["促进就业创业"]
    assert jobs.status == "unknown"
    assert jobs.reason == "no progress reported for 2017Q3"


TASK_PLAN = {
    "region": "武昌区",
    "year": 2017,
    "tasks": [
        {
            "title": "棚户区改造",
            "target_value": 100,
            "unit": "万平方米",
            "progress": [
                {
                    "period": "2017H1",
                    "note": "完成征收40万平方米",
                    "value": 400_000,
                    "unit": "平方米",
                }
            ],
        },
        {
            "title": "还建房竣工",
            "target_value": 10,
            "unit": "万平方米",
            "progress": [
                {
                    "period": "2017H1",
                    "note": "还建房竣工6万平方米,占全年目标的50%",
                    "value": 6,
                    "unit": "万平方米",
                    "completion": 50,
                }
            ],
        },
    ],
}


def test_share_is_computed_from_value_and_target_in_converted_units(sample_store: Store) -> None:
    add_plan(sample_store, TASK_PLAN)
    renewal = tasks(sample_store)["棚户区改造"]
    assert renewal.completion == pytest.approx(40.0)
    assert renewal.completion_source == "computed"
    assert renewal.status == "behind"  # 10 points below time progress
    assert renewal.gap_phrase == "低于序时进度10.0个百分点"


def test_reported_share_disagreeing_with_value_is_a_finding(sample_store: Store) -> None:
    add_plan(sample_store, TASK_PLAN)
    housing = tasks(sample_store)["还建房竣工"]
    assert housing.completion == 50  # the reported share is kept
    [finding] = housing.findings
    assert finding.kind == "completion_mismatch" and finding.computed == pytest.approx(60.0)


def test_projects_counted_by_stage(sample_store: Store) -> None:
    with sample_store.reading() as session:
        stages = project_stages(session, "武昌区", "2017H1")
    assert stages.total == 9
    assert stages.counts == {
        "preliminary": 0,
        "to_start": 3,
        "new_start": 2,
        "continuing": 2,
        "basically_done": 2,
        "finished": 0,
    }
    assert stages.names["basically_done"] == ["帝斯曼国际中心", "汇通新长江"]
    assert stages.started_share == pytest.approx(66.67)
    assert stages.chinese == "计划内重大项目9个,其中基本完工2个、续建在建2个、新开工2个、拟开工3个"


def test_stages_follow_the_dates_of_the_period(sample_store: Store) -> None:
    with sample_store.reading() as session:
        march = project_stages(session, "武昌区", "2017Q1")
    # 联投 starts in April and 融创 in May: in March both are still to start
    assert (march.counts["to_start"], march.counts["new_start"]) == (5, 0)


def test_tasks_and_projects_need_a_plan(sample_store: Store) -> None:
    with sample_store.reading() as session, pytest.raises(NotFound) as raised:
        project_stages(session, "武昌区", "2018")
    assert str(raised.value) == "武昌区 has no plan for 2018: load one with `planwatch plan load`"
