"""Cutting a text into runs so overlapping facts can all be marked and anchored."""

from __future__ import annotations

from dataclasses import dataclass

from planwatch.web.spans import segments


@dataclass(frozen=True)
class _Fact:
    id: int
    span: tuple[int, int]
    number_span: tuple[int, int] | None
    review_status: str = "pending"


def _fact(i: int, span: tuple[int, int], number: tuple[int, int] | None) -> _Fact:
    return _Fact(i, span, number)


def test_runs_rebuild_the_text_and_mark_each_fact() -> None:
    text = "新开工3166套,分配入住3247套,分别占全年目标50.3%、75.6%。"
    facts = [_fact(1, (0, 9), (3, 7)), _fact(2, (19, 31), (26, 30)), _fact(3, (19, 37), (32, 36))]
    runs = segments(text, facts)
    assert "".join(r.get("text", "") for r in runs) == text
    marks = {r["fact"]: r["text"] for r in runs if "fact" in r}
    # the third fact's span holds the second, so only its number is marked
    assert marks == {1: "新开工3166套,", 2: "分别占全年目标50.3%", 3: "75.6"}
    anchors = [r["anchor"] for r in runs if "anchor" in r]
    # each fact's span and its number's span, where the report links the number
    assert anchors == [
        "span-0-9",
        "span-3-7",
        "span-19-31",
        "span-19-37",
        "span-26-30",
        "span-32-36",
    ]


def test_a_fact_with_no_free_span_still_gets_its_anchor() -> None:
    facts = [_fact(1, (0, 6), (2, 4)), _fact(2, (0, 6), None)]
    runs = segments("上半年完成5亿元", facts)
    assert [r["fact"] for r in runs if "fact" in r] == [1]
    assert [r["anchor"] for r in runs if "anchor" in r] == ["span-0-6", "span-2-4"]
