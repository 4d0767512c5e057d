"""The draft quotes the plan, asks for what is missing and keeps judgements off the page."""

from __future__ import annotations

import pytest

from planwatch.assess.model import Part, Ref
from planwatch.report import ReportOptions, render_markdown
from planwatch.report.wording import plan_worded
from planwatch.store import Store
from tests.report.conftest import drafted

NINE = Part("9", 9.0, Ref("target", 1))
GENERATED = (Part("全年地区生产总值计划"), Part("增长"), NINE, Part("%以上"))


def set_income_target(store: Store, qualifier: str | None, text: str | None) -> None:
    from planwatch.store.models import Target

    with store.transaction() as session:
        target = session.query(Target).filter(Target.kind == "relation").one()
        target.qualifier, target.text = qualifier, text


def income_line(store: Store) -> str:
    return next(line for line in render_markdown(drafted(store)).splitlines() if "居民" in line)


def test_a_plan_text_is_quoted_with_its_number_kept_as_the_target() -> None:
    worded = plan_worded(GENERATED, "全年地区生产总值计划增长9%以上。")
    assert "".join(p.text for p in worded) == "全年地区生产总值计划增长9%以上"
    assert worded[0] == Part("全年地区生产总值计划") and NINE in worded


@pytest.mark.parametrize(
    "text",
    [
        "全年地区生产总值计划增长8%以上",  # another number: not this target's words
        "全年能耗和排放计划分别为9%和4.3%",  # shared by two targets
        None,
    ],
)
def test_a_text_that_does_not_state_the_target_alone_is_not_quoted(text: str | None) -> None:
    assert plan_worded(GENERATED, text) == GENERATED


def test_a_continuation_keeps_the_assessment_subject() -> None:
    worded = plan_worded(GENERATED, "增长9%以上")
    assert worded[0] == GENERATED[0]
    assert "".join(p.text for p in worded[1:]) == "增长9%以上"


def test_an_in_step_relation_prints_in_step(sample_store: Store) -> None:
    set_income_target(sample_store, "approx", None)
    assert income_line(sample_store).startswith("——全年居民人均可支配收入计划增长与GDP增长同步。")
    set_income_target(sample_store, "at_least", None)
    assert "计划增长速度不低于GDP增速。" in income_line(sample_store)
    set_income_target(sample_store, None, "全年居民收入增长与经济增长同步")
    assert income_line(sample_store).startswith("——全年居民收入增长与经济增长同步。上半年")


def test_the_plan_words_reach_the_line(ingested_store: Store) -> None:
    text = render_markdown(drafted(ingested_store))
    assert "——全年地方公共财政预算收入计划同口径增长10%以上。" in text


def test_a_target_without_a_figure_asks_for_it(sample_store: Store) -> None:
    report = drafted(sample_store)
    [energy] = [line for line in report.indicators if line.indicator == "单位生产总值能耗"]
    assert energy.paragraph.placeholder
    assert energy.paragraph.text == (
        "——全年单位生产总值能耗降低率计划为3.8%。【待填写：上半年单位生产总值能耗降低率】"
    )
    [warning] = [w for w in report.warnings if "单位生产总值能耗降低率】" in w]
    assert "no 2017H1 figure for the target '全年单位生产总值能耗降低率计划为3.8%'" in warning


@pytest.mark.parametrize("details", [False, True])
def test_no_judgement_the_office_does_not_print(sample_store: Store, details: bool) -> None:
    text = render_markdown(drafted(sample_store, options=ReportOptions(details=details)))
    assert "无法判断" not in text and "暂无" not in text
