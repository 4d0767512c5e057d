"""Every document of the corpora named by PLANWATCH_CORPUS and PLANWATCH_GENRES extracts,
and its golds score well.

PLANWATCH_CORPUS is the dev corpus (a folder); PLANWATCH_GENRES is the genres gold set
(../shared/corpus/genres: budget reports, annual analyses, old national reports). Each
gold there must score full-F1 >= 0.90 with the project's scorer and, when the shared
scorer sits beside the corpus (../shared/tools/score_facts.py), with that one too.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from planwatch.extract import extract
from planwatch.extract.scoring import score

CORPUS_VARIABLE = "PLANWATCH_CORPUS"
GENRES_VARIABLE = "PLANWATCH_GENRES"


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


def _genres() -> Path:
    folder = os.environ.get(GENRES_VARIABLE)
    if not folder:
        pytest.skip(
            f"genres tests skipped: {GENRES_VARIABLE} is not set "
            "(point it at ../shared/corpus/genres, a folder of reports with .gold.json files)"
        )
    path = Path(folder)
    if not sorted(path.glob("*.gold.json")):
        pytest.skip(f"genres tests skipped: no .gold.json files in {path}")
    return path


def _shared_full_f1(
    scorer: Path, gold_path: Path, facts: list[dict[str, object]], tmp: Path
) -> float:
    predicted = tmp / (gold_path.stem + ".pred.json")
    predicted.write_text(json.dumps({"facts": facts}, ensure_ascii=False), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(scorer), str(gold_path), str(predicted)],
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.findall(r"full-F1 ([0-9.]+)", run.stdout)
    assert found, run.stdout
    return float(found[-1])


def test_genres_golds_score_full_f1_at_least_090_with_both_scorers(tmp_path: Path) -> None:
    folder = _genres()
    scorer = folder.parents[1] / "tools" / "score_facts.py"
    for gold_path in sorted(folder.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        extraction = extract(folder / gold["file"])
        text = (folder / gold["file"]).read_text(encoding="utf-8-sig")
        for fact in extraction.facts:
            assert text[fact.span[0] : fact.span[1]] == fact.text, (gold["file"], fact)
        facts = [fact.as_dict() for fact in extraction.facts]
        result = score(gold, facts)
        assert result.full_f1 >= 0.90, (gold["file"], result)
        if scorer.is_file():
            assert _shared_full_f1(scorer, gold_path, facts, tmp_path) >= 0.90, gold["file"]
