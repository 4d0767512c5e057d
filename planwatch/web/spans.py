"""A document's text cut into runs so every fact can be marked and linked at its span.

Facts may overlap (``分别`` lists share their opening words), and HTML marks cannot, so
each fact is marked on its whole span when that is free, else on its number alone; every
fact still gets an anchor ``span-{start}-{end}`` at the start of its span, and another at
its number (the report links a number to where the number itself stands).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from planwatch import links


class Fact(Protocol):
    """What marking reads of a fact (``shapes.Fact`` has it)."""

    @property
    def id(self) -> int: ...
    @property
    def span(self) -> tuple[int, int]: ...
    @property
    def number_span(self) -> tuple[int, int] | None: ...
    @property
    def review_status(self) -> str: ...


def segments(text: str, facts: Sequence[Fact]) -> list[dict[str, Any]]:
    """Runs of ``text``: ``{"text"}``, ``{"text", "fact", "status"}`` marks, ``{"anchor"}``."""
    marks = _marks(facts)
    anchors = _anchors(facts)
    cuts = sorted({0, len(text), *anchors, *(m[0] for m in marks), *(m[1] for m in marks)})
    mark_at = {start: (end, fact) for start, end, fact in marks}
    out: list[dict[str, Any]] = []
    position = 0
    for cut in cuts:
        if cut < position:
            continue
        if cut > position:
            out.append({"text": text[position:cut]})
            position = cut
        for anchor in anchors.get(cut, []):
            out.append({"anchor": anchor})
        if cut in mark_at:
            end, fact = mark_at[cut]
            out.append({"text": text[cut:end], "fact": fact.id, "status": fact.review_status})
            position = end
            out.extend(
                {"anchor": a} for p, names in anchors.items() if cut < p < end for a in names
            )
    return [run for run in out if run.get("text") != ""]


def _marks(facts: Sequence[Fact]) -> list[tuple[int, int, Fact]]:
    chosen: list[tuple[int, int, Fact]] = []
    taken: list[tuple[int, int]] = []
    # shortest spans first: a long span then falls back to its number instead of hiding
    # the short facts inside it
    for fact in sorted(facts, key=lambda f: (f.span[1] - f.span[0], f.span[0])):
        for start, end in [s for s in (fact.span, fact.number_span) if s]:
            if start >= end:
                continue
            if all(end <= s or start >= e for s, e in taken):
                chosen.append((start, end, fact))
                taken.append((start, end))
                break
    return sorted(chosen, key=lambda m: m[0])


def _anchors(facts: Sequence[Fact]) -> dict[int, list[str]]:
    """Anchor names by position; one per distinct span, since HTML ids must be unique."""
    by_position: dict[int, list[str]] = {}
    seen: set[str] = set()
    for fact in facts:
        for start, end in [s for s in (fact.span, fact.number_span) if s]:
            name = links.span_anchor(start, end)
            if name not in seen:
                seen.add(name)
                by_position.setdefault(start, []).append(name)
    return by_position
