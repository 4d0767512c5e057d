"""The English judgement says the same numbers as the Chinese sentence."""

from __future__ import annotations

from planwatch.assess import assess_region
from planwatch.assess.english import english_judgement
from planwatch.store import Store


def judgements(store: Store) -> dict[tuple[str, str], str]:
    with store.reading() as session:
        result = assess_region(session, "武昌区", "2017H1")
    return {(a.indicator, a.kind): english_judgement(a) for a in result.assessments}


def test_english_judgements_of_the_sample(sample_store: Store) -> None:
    said = judgements(sample_store)
    assert said[("地区生产总值", "growth_at_least")] == (
        "Growth 8.1% against a target of 9%: 0.9 points below it."
    )
    assert said[("全社会固定资产投资", "value_at_least")] == (
        "74.5% of the annual target, 24.5 points ahead of time progress (50%)."
    )
    assert said[("居民人均可支配收入", "relation")] == (
        "Growth 9.57%, 1.47 points above the 8.1% growth of 地区生产总值."
    )
    assert said[("单位生产总值能耗", "reduction_at_least")] == (
        "Cannot judge: no 2017H1 reduction figure for 单位生产总值能耗."
    )
