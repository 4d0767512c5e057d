"""Drafting: structure, period words, lagging list, tasks, placeholders and errors."""

from __future__ import annotations

import pytest

from planwatch.errors import InvalidInput, NotFound
from planwatch.periods import Period
from planwatch.report import ReportOptions, draft_report, render_markdown, report_title
from planwatch.store import Store
from tests.report.conftest import FIGURE_PLACEHOLDERS, drafted, figure_warnings


@pytest.mark.parametrize(
    ("period", "title"),
    [
        ("2017H1", "关于武昌区2017年上半年国民经济和社会发展计划执行情况的报告"),
        ("2017Q1", "关于武昌区2017年一季度国民经济和社会发展计划执行情况的报告"),
        ("2017Q3", "关于武昌区2017年前三季度国民经济和社会发展计划执行情况的报告"),
        ("2017M05", "关于武昌区2017年1-5月国民经济和社会发展计划执行情况的报告"),
        ("2017", "关于武昌区2017年国民经济和社会发展计划执行情况与2018年计划草案的报告"),
    ],
)
def test_title_names_the_period(period: str, title: str) -> None:
    assert report_title("武昌区", Period.parse(period)) == title


def test_sample_report_structure(narrated_store: Store) -> None:
    report = drafted(narrated_store)
    assert report.period_phrase == "上半年" and report.rest_phrase == "下半年"
    # only the two lines the sample's figures cannot fill ask for anything
    assert report.warnings == figure_warnings(report.warnings) and len(report.warnings) == 2
    assert not report.has_placeholders
    assert all(p in report.warnings[i] for i, p in enumerate(FIGURE_PLACEHOLDERS))
    text = render_markdown(report)
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings[:3] == [
        "# 关于武昌区2017年上半年国民经济和社会发展计划执行情况的报告",
        "## 一、上半年计划执行情况",
        "### （一）主要指标完成情况",
    ]
    assert "#### 1.深入实施创新驱动发展战略，促进创新型城区建设" in headings
    assert headings[-1] == "## 二、下半年工作安排"
    assert text.index("今年以来") < text.index("## 一、") < text.index("一是保持经济增长的压力")
    assert (
        text.index("一是保持经济增长的压力") < text.index("## 二、") < text.index("（一）加快实施")
    )


def test_tasks_are_grouped_under_numbered_sections(sample_store: Store) -> None:
    sections = drafted(sample_store).task_sections
    assert [s.number for s in sections] == [1, 2, 3, 4]
    assert sections[2].title == "高标准实施城市建设,打造可持续的城市空间"
    housing = sections[3].items[0]
    # two tasks the plan split by a bracketed part share one paragraph under one name
    assert housing.title == "推进保障性住房建设" and len(housing.task_ids) == 2
    assert "3166套" in housing.paragraph.text and "3247套" in housing.paragraph.text


def test_details_add_the_gap_and_time_progress(sample_store: Store) -> None:
    plain = drafted(sample_store)
    detailed = drafted(sample_store, options=ReportOptions(details=True))
    gdp, investment = detailed.indicators[0].paragraph.text, detailed.indicators[1].paragraph.text
    assert gdp.endswith("同比增长8.1%,低于全年目标0.9个百分点。")
    assert "完成全年目标的74.5%,超序时进度24.5个百分点" in investment
    assert "超序时进度" not in plain.indicators[1].paragraph.text
    task = detailed.task_sections[2].items[0].paragraph.text
    # the note states the 51.8% already: only the time progress is added, never repeated
    assert task.endswith("占全年绩效面积目标的51.8%。(超序时进度1.8个百分点)")
    assert task.count("51.8") == 1


def test_lagging_indicators_are_listed_and_can_be_left_out(sample_store: Store) -> None:
    listed = drafted(sample_store).lagging
    assert len(listed) == 1
    assert listed[0].text == (
        # a single item goes without 一是: an enumeration needs two
        "从监测情况看,有1项指标或任务进度滞后:地区生产总值同比增长8.1%,低于全年目标0.9个百分点。"
    )
    assert drafted(sample_store, options=ReportOptions(list_lagging=False)).lagging == []


def test_missing_narratives_become_placeholders_and_warnings(sample_store: Store) -> None:
    report = drafted(sample_store)
    assert report.has_placeholders
    assert report.opening[0].text == "【待填写：开篇段落】"
    assert report.next_steps[0].text == "【待填写：下半年工作安排】"
    narrative = [w for w in report.warnings if w not in figure_warnings(report.warnings)]
    assert len(narrative) == 3 and len(report.warnings) == 5
    assert "no opening text for 武昌区 2017H1" in narrative[0]
    assert (
        "planwatch narrative set --region 420106 --period 2017H1 --part opening" in (narrative[0])
    )


def test_narrative_lines_are_paragraphs(narrated_store: Store) -> None:
    report = drafted(narrated_store)
    assert len(report.opening) == 1 and len(report.next_steps) == 6
    assert report.next_steps[0].text.startswith("(一)加快实施创新驱动")


def test_task_without_progress_shows_a_placeholder(sample_store: Store) -> None:
    from planwatch.store.models import TaskProgress

    with sample_store.transaction() as session:
        progress = session.query(TaskProgress).order_by(TaskProgress.id).first()
        assert progress is not None
        session.delete(progress)
    report = drafted(sample_store)
    item = report.task_sections[0].items[0]
    assert item.paragraph.placeholder and item.paragraph.text == "【待填写：本期进展】"
    assert any('开展"大孵化"行动' in w and "no progress" in w for w in report.warnings)


def test_unknown_region_is_not_found(sample_store: Store) -> None:
    with sample_store.reading() as session, pytest.raises(NotFound, match="火星区"):
        draft_report(session, "火星区", "2017H1")


def test_period_without_figures_is_not_found(sample_store: Store) -> None:
    with sample_store.reading() as session:
        with pytest.raises(NotFound, match="no figures for 武昌区 in 2017Q3"):
            draft_report(session, "武昌区", "2017Q3")
        with pytest.raises(NotFound, match="no plan for 2018"):
            draft_report(session, "420106", "2018")


def test_bad_period_is_invalid_input(sample_store: Store) -> None:
    with sample_store.reading() as session, pytest.raises(InvalidInput, match="2017X"):
        draft_report(session, "武昌区", "2017X")


def test_plan_without_tasks_shows_a_placeholder(ingested_store: Store) -> None:
    report = drafted(ingested_store)
    assert report.task_sections == []
    assert any("has no key tasks" in w for w in report.warnings)
    section = render_markdown(report).split("### （二）主要任务完成情况")[1].split("###")[0]
    assert section.strip() == "【待填写：主要任务完成情况】"


def test_a_lagging_task_is_listed_with_a_link_to_it(sample_store: Store) -> None:
    from planwatch.store.models import TaskProgress

    with sample_store.transaction() as session:
        progress = session.query(TaskProgress).filter(TaskProgress.completion == 51.8).one()
        progress.completion = 20.0
        task_id = progress.task_id
    lagging = drafted(sample_store).lagging[0]
    assert "有2项指标或任务进度滞后" in lagging.text
    assert "二是加快重点功能区建设(房屋征收),低于序时进度30.0个百分点。" in lagging.text
    linked = [p for p in lagging.pieces if p.text == "30.0"]
    assert linked and linked[0].source is not None
    assert linked[0].source.href == f"/tasks/{task_id}"


def test_report_as_json(sample_store: Store) -> None:
    import json

    data = json.loads(json.dumps(drafted(sample_store).as_dict(), ensure_ascii=False))
    assert data["title"].startswith("关于武昌区2017年上半年")
    first = data["indicators"][0]
    assert first["indicator"] == "地区生产总值" and first["status"] == "slightly_behind"
    numbers = [p for p in first["paragraph"]["pieces"] if p["source"]]
    assert [p["text"] for p in numbers] == ["9", "525.69", "8.1"]
    assert numbers[1]["source"]["href"].startswith("/observations/")
    assert len(data["warnings"]) == 5 and len(figure_warnings(data["warnings"])) == 2


def test_what_a_note_does_not_say_is_drafted_from_its_entry(sample_store: Store) -> None:
    from planwatch.store.models import TaskProgress

    with sample_store.transaction() as session:
        progress = session.query(TaskProgress).filter(TaskProgress.completion == 73).one()
        progress.note = "沙湖大道万达段等3条道路基本完工"
        entry_id = progress.id
    [item] = [
        i for s in drafted(sample_store).task_sections for i in s.items if "基础设施" in i.title
    ]
    assert (
        item.paragraph.text
        == "沙湖大道万达段等3条道路基本完工。上半年完成37.9亿元,占全年目标的73%。"
    )
    linked = [(p.text, p.value, p.source.key) for p in item.paragraph.pieces if p.source]
    assert linked[-2:] == [
        ("37.9", 37.9, f"task_progress:{entry_id}"),
        ("73", 73.0, f"task_progress:{entry_id}"),
    ]
