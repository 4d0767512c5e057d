"""A skimmer finds exactly the matches its pattern's `finditer` finds, only faster."""

from __future__ import annotations

import os
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from planwatch.extract import layout, numbers
from planwatch.extract.skim import Skimmer

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "planwatch" / "sample" / "wuchang-2017h1-plan-execution.txt"
SKIMMERS = [numbers._SKIM_TOKEN, numbers._SKIM_WITH_FRACTIONS, layout._PERIOD_PHRASES]
# the characters numbers, units, hedges and period phrases are written with, and some others
ALPHABET = (
    "0123456789０１２３４５６７８９.．,，-－~～%％‰ \n负百分之点零〇一二两三四五六七八九十"
    "千万亿几壹贰叁拾佰仟成多余约近以上下左右元吨个人今本去明前第季度月底末年截至止全来"
    "增长为的和、。；：GDP"
)


def _texts() -> list[str]:
    texts = [SAMPLE.read_text(encoding="utf-8")]
    for variable in ("PLANWATCH_CORPUS", "PLANWATCH_GENRES"):
        folder = os.environ.get(variable)
        if folder and Path(folder).is_dir():
            texts += [p.read_text(encoding="utf-8-sig") for p in sorted(Path(folder).glob("*.txt"))]
    return texts


def _same(skimmer: Skimmer, text: str, start: int = 0, end: int | None = None) -> None:
    stop = len(text) if end is None else end
    expected = [m.span() for m in skimmer.pattern.finditer(text, start, stop)]
    assert [m.span() for m in skimmer.finditer(text, start, end)] == expected


def test_skimmers_match_finditer_on_reports() -> None:
    for text in _texts():
        for skimmer in SKIMMERS:
            _same(skimmer, text)
            _same(skimmer, text, len(text) // 3, 2 * len(text) // 3)  # a window, as sentences


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=80), st.integers(0, 10))
def test_skimmers_match_finditer_on_random_text(text: str, start: int) -> None:
    for skimmer in SKIMMERS:
        _same(skimmer, text)
        _same(skimmer, text, min(start, len(text)), len(text))


def test_a_first_class_that_misses_a_start_misses_the_match() -> None:
    # the contract is the caller's: `first` must cover every opening character
    skimmer = Skimmer(re.compile(r"ab|cd"), r"[a]")
    assert [m.group() for m in skimmer.finditer("ab cd ab")] == ["ab", "ab"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET + "！？!?\t\u3000", max_size=80))
def test_no_period_phrase_spans_a_sentence_end(text: str) -> None:
    # the layout scans the whole text once and hands each sentence the phrases inside it
    for match in layout._PERIOD_PHRASE.finditer(text):
        assert not layout._SENTENCE_END.search(match.group()), match


def test_a_month_range_broken_by_a_line_break_is_two_sentences() -> None:
    def phrases(text: str) -> list[str]:
        return [m.group() for m in layout._PERIOD_PHRASE.finditer(text)]

    assert phrases("1 — 6月份，完成") == ["1 — 6月份"]
    assert phrases("1\n—6月份，完成") == []  # never `1\n—6月份` across the line break
