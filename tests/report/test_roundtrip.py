"""Round trip: the sample report ingested, then drafted again from what the store holds.

Every number of the sample's (一)主要指标完成情况 must come back in the drafted (一) with
the same value, unit and subject, in the same order. Both texts are read by the same
extractor, so "subject" means what the extractor reads, as the fact scorer compares it.
"""

from __future__ import annotations

import pytest

from planwatch.extract import Fact, extract_text
from planwatch.extract.model import DocumentInfo
from planwatch.report import Report, render_markdown
from planwatch.store import Store
from tests.report.conftest import between, drafted, sample_section_one

CONTEXT = DocumentInfo(region="武昌区", year=2017, period="2017H1")


def facts_of(section: str) -> list[Fact]:
    return [f for f in extract_text(section, CONTEXT).facts if f.value is not None]


def drafted_section_one(report: Report) -> str:
    return between(render_markdown(report), "（一）主要指标完成情况", "（二）主要任务完成情况")


def same_subject(first: Fact, second: Fact) -> bool:
    """As the fact scorer has it: one contains the other, or half the bigrams are shared."""
    if first.indicator and first.indicator == second.indicator:
        return True
    a, b = first.subject or "", second.subject or ""
    if a and b and (a in b or b in a):
        return True
    grams_a = {a[i : i + 2] for i in range(len(a) - 1)}
    grams_b = {b[i : i + 2] for i in range(len(b) - 1)}
    return bool(grams_a) and len(grams_a & grams_b) * 2 >= min(len(grams_a), len(grams_b))


def matches(expected: Fact, found: Fact) -> bool:
    return (
        expected.value == found.value
        and expected.unit == found.unit
        and same_subject(expected, found)
    )


def assert_in_order(expected: list[Fact], found: list[Fact]) -> None:
    position = 0
    for fact in expected:
        rest = found[position:]
        hit = next((i for i, f in enumerate(rest) if matches(fact, f)), None)
        assert hit is not None, (
            f"{fact.subject} {fact.value:g}{fact.unit or ''} is missing or out of order; "
            f"drafted: {[(f.subject, f.value, f.unit) for f in found]}"
        )
        position += hit + 1


def test_the_sample_section_has_the_numbers_we_compare() -> None:
    values = [f.value for f in facts_of(sample_section_one())]
    assert values[:3] == [9.0, 525.69, 8.1]
    assert 24012.0 in values and 4.3 in values
    assert len(values) == 17


@pytest.mark.parametrize("store_name", ["ingested_store", "sample_store"])
def test_every_number_of_section_one_comes_back(
    store_name: str, request: pytest.FixtureRequest
) -> None:
    store: Store = request.getfixturevalue(store_name)
    expected = facts_of(sample_section_one())
    found = facts_of(drafted_section_one(drafted(store)))
    assert_in_order(expected, found)


def test_a_wrong_number_would_be_caught(ingested_store: Store) -> None:
    """The comparison is not vacuous: change one figure and the round trip fails."""
    expected = facts_of(sample_section_one())
    section = drafted_section_one(drafted(ingested_store)).replace("525.69", "525.96")
    with pytest.raises(AssertionError, match="525.69"):
        assert_in_order(expected, facts_of(section))


def test_the_drafted_lines_read_like_the_sample(ingested_store: Store) -> None:
    section = drafted_section_one(drafted(ingested_store))
    assert "——全年地区生产总值计划增长9%以上。上半年完成525.69亿元，同比增长8.1%。" in section
    assert "计划完成220亿元以上，增长10%以上。上半年完成163.97亿元，同比增长15.61%。" in section
    assert "上半年城镇居民人均可支配收入24012元，同比增长9.57%" in section
