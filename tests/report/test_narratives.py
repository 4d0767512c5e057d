"""The planner's texts: stored per region, period and part; replaced, never duplicated."""

from __future__ import annotations

import pytest

from planwatch.errors import InvalidInput, NotFound
from planwatch.reads.narratives import narratives, paragraphs
from planwatch.records.narratives import set_narrative
from planwatch.store import Store


def test_set_replace_and_get(sqlite_store: Store) -> None:
    with sqlite_store.transaction() as session:
        set_narrative(session, "武昌区", "2017H1", "opening", "  今年以来,我区……\n")
        set_narrative(session, "420106", "2017H1", "opening", "今年以来,全区……")
        set_narrative(session, "武昌区", "2017Q2", "problems", "一是……")
    with sqlite_store.reading() as session:
        # 2017Q2 is stored under its own code: a narrative belongs to the report it was written for
        assert narratives(session, "武昌区", "2017H1") == {"opening": "今年以来,全区……"}
        assert narratives(session, "武昌区", "2017Q2") == {"problems": "一是……"}
        assert narratives(session, "武汉市", "2017H1") == {}


@pytest.mark.parametrize(
    ("part", "text", "message"),
    [
        ("summary", "x", "unknown narrative part 'summary'"),
        ("opening", "  \n ", "the opening text is empty"),
    ],
)
def test_bad_input_says_how_to_fix_it(
    sqlite_store: Store, part: str, text: str, message: str
) -> None:
    with sqlite_store.transaction() as session, pytest.raises(InvalidInput, match=message):
        set_narrative(session, "武昌区", "2017H1", part, text)


def test_unknown_region(sqlite_store: Store) -> None:
    with sqlite_store.transaction() as session, pytest.raises(NotFound):
        set_narrative(session, "火星区", "2017H1", "opening", "x")


def test_paragraphs_are_lines() -> None:
    assert paragraphs("一是……\n\n  二是……  \n") == ["一是……", "二是……"]


def test_markdown_prints_a_narratives_html_as_text(sample_store: Store) -> None:
    from planwatch.report.draft import draft_report
    from planwatch.report.render import markdown_text, render_markdown

    with sample_store.transaction() as session:
        set_narrative(session, "武昌区", "2017H1", "opening", "今年以来<script>x</script>&")
    with sample_store.reading() as session:
        report = draft_report(session, "420106", "2017H1")
    shipped = render_markdown(report)
    assert "今年以来\\<script\\>x\\</script\\>\\&" in shipped
    assert "<script>" not in shipped
    # the DOCX is laid out from the text as the planner wrote it
    assert "今年以来<script>x</script>&" in markdown_text(report)
