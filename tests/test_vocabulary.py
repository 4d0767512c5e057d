"""Each coded word of the domain is defined once and named in both languages."""

from __future__ import annotations

import pytest

from planwatch import vocabulary
from planwatch.vocabulary import GROUPS, rest_phrase, span_phrase, word, words


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_words_name_exactly_the_declared_codes(group: str) -> None:
    assert tuple(words(group)) == GROUPS[group]
    for entry in words(group).values():
        assert entry.zh and entry.en and entry.zh != entry.code


def test_observed_measures_are_measures_and_targets_are_not() -> None:
    assert set(vocabulary.OBSERVED_MEASURES) < set(vocabulary.MEASURES)
    assert not any(m.startswith("target_") for m in vocabulary.OBSERVED_MEASURES)


def test_group_specific_forms() -> None:
    assert word("target_kinds", "value_at_most").forms["verb"] == "控制在"
    assert word("project_stages", "basically_done").forms["report"] == "基本完工"
    assert word("roles", "reporter").name("en") == "reporting department"


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("continuing", "continuing"),
        ("续建在建", "continuing"),
        ("newly started", "new_start"),
        ("under_construction", "continuing"),
        ("在建", "continuing"),
        ("planned", "preliminary"),
        ("谋划", "preliminary"),
        ("started", "new_start"),
        ("completed", "finished"),
        ("竣工", "finished"),
        ("半途", "半途"),
    ],
)
def test_a_stage_is_read_in_any_of_its_words(written: str, code: str) -> None:
    assert vocabulary.project_stage(written) == code


def test_the_older_stage_words_name_stages() -> None:
    aliases = vocabulary._data()["stage_aliases"]
    assert set(aliases.values()) <= set(vocabulary.PROJECT_STAGES)
    assert not set(aliases) & set(vocabulary.PROJECT_STAGES)


@pytest.mark.parametrize(
    ("months", "span", "rest"),
    [
        (1, "1月", "2-12月"),
        (3, "一季度", "二至四季度"),
        (5, "1-5月", "6-12月"),
        (6, "上半年", "下半年"),
        (9, "前三季度", "四季度"),
        (11, "1-11月", "12月"),
        (12, "全年", ""),
    ],
)
def test_period_phrases(months: int, span: str, rest: str) -> None:
    assert span_phrase(months) == span
    assert rest_phrase(months) == rest
