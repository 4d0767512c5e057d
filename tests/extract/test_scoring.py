"""The scoring port follows the contract's rules."""

from __future__ import annotations

from typing import Any

import pytest

from planwatch.extract.scoring import Score, in_base_unit, score, subjects_agree

GOLD: dict[str, Any] = {
    "excerpt": [0, 100],
    "facts": [
        {
            "number_span": [10, 12],
            "subject": "征收面积",
            "measure": "value",
            "value": 32.0,
            "unit": "万平方米",
        },
        {
            "number_span": [20, 24],
            "subject": "征收面积",
            "measure": "completion",
            "value": 51.8,
            "unit": "%",
        },
    ],
}


def predicted(**changes: Any) -> dict[str, Any]:
    fact = {
        "number_span": [10, 12],
        "subject": "征收面积",
        "measure": "value",
        "value": 320000.0,
        "unit": "平方米",
    }
    fact.update(changes)
    return fact


def test_scale_words_fold_into_the_base_unit() -> None:
    value, unit = in_base_unit(525.69, "亿元")
    assert (value, unit) == (pytest.approx(52569000000.0), "元")
    assert in_base_unit(0.5, "个百分点") == (0.5, "个百分点")
    assert in_base_unit(3.0, "％") == (3.0, "%")


def test_subjects_agree_by_containment_or_bigrams() -> None:
    assert subjects_agree("PM10浓度均值", {"subject": "PM10"})
    assert not subjects_agree("城镇常住居民人均可支配收入", {"subject": "城镇"})
    assert subjects_agree("企业和团队入住率", {"subject": "企业入住率"})
    assert subjects_agree("一般公共预算收入", {"subject": "x", "indicator": "一般公共预算收入"})


def test_hits_need_span_measure_value_and_unit() -> None:
    result = score(GOLD, [predicted()])
    assert result == Score(gold=2, predicted=1, number_hits=1, full_hits=1)
    assert score(GOLD, [predicted(measure="share")]).number_hits == 0
    assert score(GOLD, [predicted(number_span=[11, 12])]).number_hits == 0


def test_wrong_subject_counts_for_number_score_only() -> None:
    result = score(GOLD, [predicted(subject="绿化")])
    assert (result.number_hits, result.full_hits) == (1, 0)
    assert result.number_f1 > result.full_f1 == 0.0


def test_predictions_outside_the_excerpt_and_relations_do_not_count() -> None:
    outside = predicted(number_span=[150, 152])
    relation = predicted(measure="target_relation", value=None, number_span=None)
    assert score(GOLD, [outside, relation]).predicted == 0
