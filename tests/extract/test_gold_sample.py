"""The sample report scores against its gold file by the contract's scoring rules."""

from __future__ import annotations

import json
from pathlib import Path

from planwatch.extract import extract
from planwatch.extract.scoring import score

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "planwatch" / "sample" / "wuchang-2017h1-plan-execution.txt"
GOLD = ROOT / "tests" / "data" / "wuchang-2017h1-plan-execution.gold.json"


def test_sample_scores_full_f1_at_least_095() -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    extraction = extract(SAMPLE)
    result = score(gold, [fact.as_dict() for fact in extraction.facts])
    assert result.full_f1 >= 0.95, result
    assert result.number_f1 >= 0.97, result


def test_sample_document_is_described() -> None:
    document = extract(SAMPLE).document
    assert document.title == "关于武昌区2017年上半年国民经济和社会发展计划执行情况的报告"
    assert document.region == "武昌区"
    assert (document.year, document.period) == (2017, "2017H1")
    assert document.chars == len(SAMPLE.read_text(encoding="utf-8"))


def test_sample_spans_point_at_their_text() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    for fact in extract(SAMPLE).facts:
        assert text[fact.span[0] : fact.span[1]] == fact.text
        if fact.measure == "target_relation":
            assert fact.number_span is None and fact.relation is not None
            continue
        assert fact.number_span is not None
        assert fact.span[0] <= fact.number_span[0] < fact.number_span[1] <= fact.span[1]
