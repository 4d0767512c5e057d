"""Fast scanning with a pattern that may start only at a few characters.

Python's `re` skips ahead in C only when a pattern opens with a literal or a
character class. The token and period patterns open with optional parts and
look-behinds, so `finditer` tries a full match at every offset of the text. Here
a one-class pattern finds the offsets where a match may start, and the full
pattern is tried only there: the same matches as `finditer`, found faster.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


class Skimmer:
    """`pattern`'s matches, tried only where `first` matches.

    `first` opens with a character class (so it is itself skimmed in C) and may
    go on to check the next characters or the ones behind; it must match at every
    offset where a match of `pattern` can begin, and `pattern` must never match
    the empty string. tests/extract/test_skim.py compares with `finditer`.
    """

    __slots__ = ("pattern", "_first")

    def __init__(self, pattern: re.Pattern[str], first: str) -> None:
        self.pattern = pattern
        self._first = re.compile(first)

    def finditer(
        self, text: str, start: int = 0, end: int | None = None
    ) -> Iterator[re.Match[str]]:
        end = len(text) if end is None else end
        search, match = self._first.search, self.pattern.match
        pos = start
        while True:
            candidate = search(text, pos, end)
            if candidate is None:
                return
            found = match(text, candidate.start(), end)
            if found is None:
                pos = candidate.start() + 1
            else:
                yield found
                pos = found.end()
