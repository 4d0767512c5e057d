"""Text laid out in fixed-width lines (a PDF's text, a gazette page) read as flowing prose.

A PDF breaks its lines wherever the page is full: `突破  1400亿\\n元`, `新改扩建中小学（幼儿\\n园）`,
and puts running headers and page numbers between the halves of a sentence. Read as is,
a number loses its unit and a subject its last characters. ``unwrap`` joins such lines
and drops the page furniture between them, and keeps for every character of the joined
text its offset in the original, so facts still point into the document as given.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from planwatch.extract.model import Fact

_SENTENCE_END = ("。", "！", "？", "；", "：", "”", "!", "?", ":", ";")
_LONG = 20  # lines shorter than this are headings, list items or table rows
_WRAPPED_SHARE = 0.5  # at least this share of long lines runs on into the next
_FURNITURE_REPEATS = 3  # a line printed this often is a running header or footer
_PAGE_NUMBER = re.compile(r"[\s\x0c]*[0-9０-９]{1,4}[\s\x0c]*")
_CONTINUES = re.compile(r"[\u4e00-\u9fff0-9０-９（(“《、，A-Za-z]")


@dataclass(frozen=True)
class Flowing:
    """The joined text and, for each of its characters, the offset in the original."""

    original: str
    text: str
    offsets: list[int]

    def restore(self, fact: Fact) -> Fact:
        """``fact`` read from the joined text, with its spans in the original's offsets."""
        span = self._span(fact.span)
        number = self._span(fact.number_span) if fact.number_span else None
        return replace(fact, span=span, number_span=number, text=self.original[span[0] : span[1]])

    def _span(self, span: tuple[int, int]) -> tuple[int, int]:
        start, end = span
        if end <= start:
            at = self.offsets[start] if start < len(self.offsets) else len(self.original)
            return at, at
        return self.offsets[start], self.offsets[end - 1] + 1


def unwrap(text: str) -> Flowing | None:
    """The text with wrapped lines joined; None when its lines are not wrapped."""
    lines = text.split("\n")
    long_lines = [line for line in lines if len(line.strip()) >= _LONG]
    if len(long_lines) < 10:
        return None
    running_on = [line for line in long_lines if not line.rstrip().endswith(_SENTENCE_END)]
    if len(running_on) < _WRAPPED_SHARE * len(long_lines):
        return None
    repeated = Counter(line.strip() for line in lines if line.strip())
    furniture = {
        line for line, count in repeated.items() if count >= _FURNITURE_REPEATS and len(line) <= 30
    }
    keep = _kept_characters(text, lines, furniture)
    return Flowing(text, "".join(text[i] for i in keep), keep)


def _kept_characters(text: str, lines: list[str], furniture: set[str]) -> list[int]:
    keep: list[int] = []
    position, index = 0, 0
    while index < len(lines):
        line = lines[index]
        keep.extend(range(position, position + len(line)))
        position += len(line)
        after = _furniture_after(lines, index + 1, furniture)
        following = lines[after] if after < len(lines) else ""
        joined = _runs_on(line, following)
        for skipped_line in lines[index + 1 : after] if joined else ():
            position += len(skipped_line) + 1  # a header or page number inside the sentence
        if position < len(text):
            if not joined:
                keep.append(position)  # the line break stays
            position += 1
        index = after if joined else index + 1
    return keep


def _furniture_after(lines: list[str], index: int, furniture: set[str]) -> int:
    """The index of the next prose line at or after `index`, past headers and page numbers."""
    while index < len(lines) and (
        lines[index].strip() in furniture or _PAGE_NUMBER.fullmatch(lines[index])
    ):
        index += 1
    return index


def _runs_on(line: str, following: str) -> bool:
    stripped = line.rstrip()
    if len(stripped.strip()) < _LONG or stripped.endswith(_SENTENCE_END):
        return False
    return bool(following) and _CONTINUES.match(following.lstrip(" \u3000")) is not None
