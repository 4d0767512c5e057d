"""Odd input neither breaks the extractor nor makes it slow (time grows with length)."""

from __future__ import annotations

import math
import time

import pytest

from planwatch.extract import extract_text

# Shapes that once made a scan backtrack or a lookup rescan the text: long runs of
# numerals, one endless sentence, lists without end.
PATHOLOGICAL = [
    "一" * 100_000,
    "1" * 100_000,
    "百分之" * 30_000,
    "，".join(["增长3%"] * 20_000),
    "、".join(["5个"] * 20_000),
    "分别" + "和".join(["5%"] * 20_000),
    "上半年完成525.69亿元,同比增长8.1%。" * 5_000,
]


@pytest.mark.parametrize("text", PATHOLOGICAL, ids=lambda text: text[:8])
def test_pathological_text_is_read_quickly(text: str) -> None:
    started = time.perf_counter()
    facts = extract_text(text).facts
    assert time.perf_counter() - started < 10
    for fact in facts:
        assert text[fact.span[0] : fact.span[1]] == fact.text
        assert fact.value is None or math.isfinite(fact.value)
