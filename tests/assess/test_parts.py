"""Phrases as parts: every printed quantity carries its value and where it comes from."""

from __future__ import annotations

import pytest

from planwatch.assess import RegionAssessment, assess_region
from planwatch.assess.model import Assessment, Part, Ref
from planwatch.assess.sentences import clauses_text, text_of
from planwatch.store import Store
from tests.assess.helpers import add_figures


@pytest.fixture
def assessed(sample_store: Store) -> RegionAssessment:
    with sample_store.reading() as session:
        return assess_region(session, "武昌区", "2017H1")


def quantities(parts: tuple[Part, ...]) -> list[tuple[str, float | None, str | None]]:
    return [(p.text, p.value, p.source.kind if p.source else None) for p in parts if p.value]


def first(result: RegionAssessment, indicator: str, kind: str) -> Assessment:
    return next(a for a in result.assessments if a.indicator == indicator and a.kind == kind)


def test_the_strings_are_the_parts_text(assessed: RegionAssessment) -> None:
    for a in assessed.assessments:
        assert text_of(a.target_parts) == a.target_phrase
        assert clauses_text(a.actual_clauses) == a.actual_phrase
        assert text_of(a.judgement_parts) == a.judgement_phrase
    for t in assessed.tasks:
        assert (text_of(t.gap_parts) or None) == t.gap_phrase


def test_every_quantity_names_its_source(assessed: RegionAssessment) -> None:
    for a in assessed.assessments:
        parts = [*a.target_parts, *a.judgement_parts]
        parts += [p for c in a.actual_clauses for p in c.parts]
        for part in parts:
            if part.value is not None:
                assert part.source is not None, (a.indicator, part)
            if any(ch.isdigit() for ch in part.text):
                assert part.value is not None, (a.indicator, part.text)


def test_gdp_quantities(assessed: RegionAssessment) -> None:
    gdp = first(assessed, "地区生产总值", "growth_at_least")
    assert quantities(gdp.target_parts) == [("9", 9.0, "target")]
    assert gdp.target_parts[0] == Part("全年地区生产总值计划")
    assert [c.says for c in gdp.actual_clauses] == ["level", "rate"]
    said = [p for c in gdp.actual_clauses for p in c.parts]
    assert quantities(tuple(said)) == [
        ("525.69", 525.69, "observation"),
        ("8.1", 8.1, "observation"),
    ]
    assert gdp.growth is not None
    assert said[-2].source == Ref("observation", gdp.growth.observation_id)
    assert quantities(gdp.judgement_parts) == [("0.9", pytest.approx(-0.9), "assessment")]
    assert gdp.judgement_parts[1].source == Ref("assessment", gdp.target_id)


def test_a_falling_rate_prints_its_magnitude_and_keeps_its_sign(sample_store: Store) -> None:
    add_figures(sample_store, ("420106", "单位生产总值能耗", "2017H1", "yoy_growth", -3.25, "%"))
    with sample_store.reading() as session:
        energy = first(
            assess_region(session, "武昌区", "2017H1"), "单位生产总值能耗", "reduction_at_least"
        )
    [clause] = energy.actual_clauses
    assert clause.says == "rate"
    assert quantities(clause.parts) == [("3.25", -3.25, "observation")]
    assert text_of(clause.parts) == "上半年单位生产总值能耗降低3.25%"


def test_task_gap_is_computed_by_the_task_assessment(assessed: RegionAssessment) -> None:
    judged = [t for t in assessed.tasks if t.gap_parts]
    assert judged
    for t in judged:
        assert {p.source for p in (*t.share_parts, *t.gap_parts) if p.source} == {
            Ref("task", t.task_id)
        }
