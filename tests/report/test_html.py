"""HTML: every number links to its source, with data-source; placeholders stand out."""

from __future__ import annotations

import re

from planwatch.report import ReportOptions, render_html
from planwatch.store import Store
from planwatch.store.models import Document
from tests.report.conftest import between, drafted

LINK = re.compile(r'<a class="figure" href="([^"]+)" data-source="([^"]+)">([^<]+)</a>')
BARE_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?")


def section_one(page: str) -> str:
    return between(page, "（一）主要指标完成情况", "（二）主要任务完成情况")


def test_numbers_link_to_the_document_span_they_were_read_from(ingested_store: Store) -> None:
    page = render_html(drafted(ingested_store))
    links = LINK.findall(section_one(page))
    assert len(links) >= 15
    with ingested_store.reading() as session:
        document = session.query(Document).one()
        for href, key, number in links:
            match = re.fullmatch(r"/documents/(\d+)#span-(\d+)-(\d+)", href)
            assert match, href
            start, end = int(match.group(2)), int(match.group(3))
            assert int(match.group(1)) == document.id
            assert document.text[start:end] == number
            assert key == f"document:{document.id}:{start}-{end}"


def test_every_number_of_section_one_is_a_link(ingested_store: Store) -> None:
    section = section_one(render_html(drafted(ingested_store)))
    text_only = LINK.sub("", section)
    text_only = re.sub(r"<[^>]+>", "", text_only)
    assert BARE_NUMBER.findall(text_only) == []


def test_entered_figures_link_to_their_submission(sample_store: Store) -> None:
    page = render_html(drafted(sample_store, options=ReportOptions(details=True)))
    hrefs = {href for href, _, _ in LINK.findall(page)}
    assert any(re.fullmatch(r"/observations/\d+", h) for h in hrefs)
    assert any(re.fullmatch(r"/plans/\d+#target-\d+", h) for h in hrefs)
    assert any(re.fullmatch(r"/regions/420106/2017H1#target-\d+", h) for h in hrefs)
    assert any(re.fullmatch(r"/tasks/\d+#progress-\d+", h) for h in hrefs)
    assert 'data-source="observation:' in page


def test_link_base_and_print_mode(sample_store: Store) -> None:
    report = drafted(sample_store, options=ReportOptions(link_base="https://pw.example.cn/"))
    assert 'href="https://pw.example.cn/observations/' in render_html(report)
    printed = render_html(report, links=False, for_print=True)
    assert "<a " not in printed and 'class="figure" data-source=' in printed
    assert '<body class="print">' in printed


def test_page_is_self_contained_and_marks_placeholders(sample_store: Store) -> None:
    page = render_html(drafted(sample_store))
    assert page.startswith("<!DOCTYPE html>") and '<html lang="zh-CN">' in page
    assert "@page" in page and "Noto Serif CJK SC" in page
    assert '<mark class="placeholder">【待填写：开篇段落】</mark>' in page
    assert "<br>国民经济和社会发展计划执行情况的报告</h1>" in page


def test_text_is_escaped(sample_store: Store) -> None:
    from planwatch.records.narratives import set_narrative

    with sample_store.transaction() as session:
        set_narrative(session, "武昌区", "2017H1", "opening", "<script>alert(1)</script>今年以来")
    page = render_html(drafted(sample_store))
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_numbers_match_their_source_at_the_printed_precision(sample_store: Store) -> None:
    """A quantity keeps its source's value and prints at the phrase's precision; the
    report looks its source up by reference, reading nothing back out of the words."""
    from planwatch.assess.model import Part
    from planwatch.assess.sentences import growth_parts
    from planwatch.reads.figures import Figure
    from planwatch.report.model import Source
    from planwatch.report.sources import SourceBook

    figure = Figure("PM10浓度", "2017H1", "yoy_growth", -15.616, "%", None, 7)
    growth = Source("observation", "/observations/7", "observation:7")
    with sample_store.reading() as session:
        book = SourceBook(session)
        book.load([], [7])
        pieces = book.pieces((*growth_parts(figure), Part(",PM2.5")))
    assert [(p.text, p.source) for p in pieces] == [
        ("同比下降", None),
        ("15.62", growth),
        ("%", None),
        (",PM2.5", None),
    ]
    assert pieces[1].value == -15.616
