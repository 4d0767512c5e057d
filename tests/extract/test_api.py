"""The public entry points: text or file in, an Extraction out."""

from __future__ import annotations

import json
from pathlib import Path

from planwatch.extract import DocumentInfo, Extraction, extract, extract_text

TEXT = "2017年武昌区上半年计划执行情况的报告\n上半年完成525.69亿元,同比增长8.1%。\n"


def test_str_is_text_and_path_is_a_file(tmp_path: Path) -> None:
    from_text = extract(TEXT)
    path = tmp_path / "report.txt"
    path.write_text(TEXT, encoding="utf-8")
    from_file = extract(path)
    assert isinstance(from_text, Extraction)
    assert [f.as_dict() for f in from_text.facts] == [f.as_dict() for f in from_file.facts]
    assert len(from_file.facts) == 2


def test_encoding_is_passed_to_the_loader(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(TEXT.encode("gb18030"))
    facts = extract(path, encoding="gb18030").facts
    assert [(f.value, f.unit) for f in facts] == [(525.69, "亿元"), (8.1, "%")]


def test_known_metadata_is_kept_and_gaps_are_inferred() -> None:
    known = DocumentInfo(title="关于郑州市2025年统计公报", publisher="市统计局")
    document = extract_text("全年地区生产总值15244.6亿元。", known).document
    assert (document.publisher, document.region, document.year, document.period) == (
        "市统计局",
        "郑州市",
        2025,
        "2025",
    )


def test_output_is_json_with_the_contract_fields() -> None:
    payload = json.loads(json.dumps(extract(TEXT).as_dict(), ensure_ascii=False))
    fact = payload["facts"][0]
    assert set(fact) == {
        "subject",
        "indicator",
        "period",
        "measure",
        "value",
        "unit",
        "qualifier",
        "basis",
        "span",
        "number_span",
        "text",
    }
    assert fact["span"] == [
        len("2017年武昌区上半年计划执行情况的报告\n"),
        fact["number_span"][1] + 2,
    ]
    assert payload["document"]["chars"] == len(TEXT)


def test_text_without_a_year_warns_that_periods_are_missing() -> None:
    extraction = extract_text("完成投资20亿元。")
    assert extraction.facts[0].period is None
    assert [w.message for w in extraction.warnings] == [
        "no year found in the title or opening lines: facts carry no period"
    ]


def test_a_fact_without_subject_is_flagged_at_its_place() -> None:
    extraction = extract_text("2017年报告\n同比增长8.1%。")
    fact = extraction.facts[0]
    assert fact.subject is None
    assert [(w.message, w.span) for w in extraction.warnings] == [
        ("no subject found for '同比增长8.1%': name it when reviewing", fact.span)
    ]
