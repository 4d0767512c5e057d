"""Every document of the corpus named by PLANWATCH_CORPUS extracts, and its golds score well."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from planwatch.extract import extract
from planwatch.extract.scoring import score

CORPUS_VARIABLE = "PLANWATCH_CORPUS"


def _corpus() -> Path:
    folder = os.environ.get(CORPUS_VARIABLE)
    if not folder:
        pytest.skip(
            f"corpus tests skipped: {CORPUS_VARIABLE} is not set (point it at a folder of reports)"
        )
    return Path(folder)


def test_every_document_extracts_with_spans_in_its_text() -> None:
    documents = sorted(_corpus().glob("*.txt"))
    assert documents, f"no .txt files in {_corpus()}"
    for path in documents:
        extraction = extract(path)
        text = path.read_text(encoding="utf-8-sig")
        for fact in extraction.facts:
            assert text[fact.span[0] : fact.span[1]] == fact.text, (path.name, fact)


def test_documents_with_gold_score_full_f1_at_least_090() -> None:
    golds = sorted(_corpus().glob("*.gold.json"))
    if not golds:
        pytest.skip(f"no .gold.json files in {_corpus()}")
    for gold_path in golds:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        extraction = extract(gold_path.parent / gold["file"])
        result = score(gold, [fact.as_dict() for fact in extraction.facts])
        assert result.full_f1 >= 0.90, (gold["file"], result)
