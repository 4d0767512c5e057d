"""Chinese punctuation for the report: full-width marks, curly quotes, two-line titles.

Phrases and notes arrive with ASCII marks (portals and spreadsheets write `,` and `(`);
an official document uses the full-width ones. A mark between two ASCII letters or
digits (1,000, 10:30, a(b)) is left alone: it belongs to a number or a name.
"""

from __future__ import annotations

import re

_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "?": "？", "!": "！"}
_MARK = re.compile(r"[,;:()?!]")
_QUOTED = re.compile(r'"([^"\n]*)"')
_ASCII_WORD = re.compile(r"[0-9A-Za-z]")


def typeset(text: str) -> str:
    """`"大孵化"行动(一期),同比` → `“大孵化”行动（一期），同比`."""
    quoted = _QUOTED.sub(r"“\1”", text)
    return _MARK.sub(lambda m: _full_width(quoted, m.start()), quoted)


def _full_width(text: str, at: int) -> str:
    mark = text[at]
    before = text[at - 1] if at > 0 else ""
    after = text[at + 1] if at + 1 < len(text) else ""
    if _ASCII_WORD.fullmatch(before or " ") and _ASCII_WORD.fullmatch(after or " "):
        return mark
    return _FULL_WIDTH[mark]


def title_lines(title: str, width: float = 19.5) -> list[str]:
    """The title broken where a reader would pause, each line within ``width`` em at 二号.

    GB/T 9704 wants a long title in balanced lines (梯形 or 菱形), never a word cut
    by wrapping: 关于…国民经济和社会发展 / 计划执行情况的报告.
    """
    if _ems(title) <= width:
        return [title]
    for tail in ("计划执行情况的报告", "国民经济和社会发展计划执行情况的报告"):
        head = title.removesuffix(tail)
        if head != title and _ems(head) <= width:
            return [head, tail]
    return [title]


def _ems(text: str) -> float:
    """Printed width in em: ASCII letters and digits are about half as wide as a character."""
    return sum(0.55 if ord(char) < 128 else 1.0 for char in text)
