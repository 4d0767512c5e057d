"""Extraction: Chinese report text in, facts with spans out (shared/spec/facts.md).

``extract(Path("report.txt"))`` loads the file, then reads it;
``extract("上半年完成525.69亿元")`` reads the text itself.
"""

from __future__ import annotations

import pathlib
import time
from bisect import bisect_right
from functools import lru_cache

from planwatch.catalog import lookup
from planwatch.errors import InvalidInput
from planwatch.extract import document as document_info
from planwatch.extract.grammar import Reader, TooSlow
from planwatch.extract.layout import Layout
from planwatch.extract.loaders import load
from planwatch.extract.model import DocumentInfo, Extraction, ExtractionWarning, Fact
from planwatch.extract.numbers import NumberToken, scan
from planwatch.extract.relations import read_relations
from planwatch.extract.tables import read_tables, table_spans
from planwatch.extract.unwrap import unwrap
from planwatch.periods import Period

__all__ = ["DocumentInfo", "Extraction", "ExtractionWarning", "Fact", "extract", "extract_text"]


def extract(source: str | pathlib.Path, *, encoding: str | None = None) -> Extraction:
    """Facts of a document: a `Path` is loaded from disk, a `str` is the text itself."""
    if isinstance(source, pathlib.Path):
        loaded = load(source, encoding)
        return extract_text(loaded.text, loaded.document)
    return extract_text(source)


def extract_text(
    text: str, document: DocumentInfo | None = None, *, seconds: float | None = None
) -> Extraction:
    """Facts of `text`; `document` holds metadata already known (gaps are inferred).

    ``seconds`` is the time budget: past it the reader stops with ``InvalidInput``.
    """
    info = document_info.infer(text, document)
    deadline = time.monotonic() + seconds if seconds is not None else None
    flowing = unwrap(text)
    try:
        if flowing is None:
            facts = _read(text, info, deadline)
        else:
            facts = [flowing.restore(fact) for fact in _read(flowing.text, info, deadline)]
    except TooSlow as err:
        raise InvalidInput("extract.timeout", seconds=seconds, err=err) from None
    return Extraction(document=info, facts=facts, warnings=_warnings(info, facts))


def _read(text: str, info: DocumentInfo, deadline: float | None = None) -> list[Fact]:
    period = _document_period(info)
    tables = table_spans(text)
    table_facts = read_tables(text, info) if tables else []
    tokens = _outside(scan(text), tables)
    layout = Layout(text, period, ahead="工作报告" in (info.title or ""))
    reader = Reader(text, layout, _indicator, deadline=deadline)
    facts = reader.read(tokens) + table_facts
    facts += read_relations(text, layout)
    facts.sort(key=lambda fact: fact.number_span or fact.span)
    return facts


def _document_period(info: DocumentInfo) -> Period | None:
    if info.period:
        try:
            return Period.parse(info.period)
        except InvalidInput:
            return None
    return Period(info.year, "Y", 0) if info.year else None


def _outside(tokens: list[NumberToken], spans: list[tuple[int, int]]) -> list[NumberToken]:
    """Tokens not on a table line; the table reader owns those."""
    if not spans:
        return tokens
    starts = [start for start, _ in spans]
    kept = []
    for token in tokens:
        index = bisect_right(starts, token.start) - 1
        if index >= 0 and token.start < spans[index][1]:
            continue
        kept.append(token)
    return kept


@lru_cache(maxsize=65536)  # the shipped catalogue never changes in a process; reports repeat names
def _indicator(subject: str) -> tuple[str | None, bool]:
    """The subject's indicator and whether its good direction is down (失业率, 能耗)."""
    indicator = lookup(subject)
    return (indicator.name, indicator.lower_is_better) if indicator is not None else (None, False)


def _warnings(info: DocumentInfo, facts: list[Fact]) -> list[ExtractionWarning]:
    """Problems a reviewer should see, each pointing at its place in the text."""
    warnings = []
    if info.period is None:
        warnings.append(
            ExtractionWarning("no year found in the title or opening lines: facts carry no period")
        )
    for fact in facts:
        if fact.subject is None:
            warnings.append(
                ExtractionWarning(
                    f"no subject found for '{fact.text}': name it when reviewing", fact.span
                )
            )
    return warnings
