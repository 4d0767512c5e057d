"""The readable text of a government portal page, and what its <meta> tags say.

Paragraphs become lines; a data table's rows become lines with tab-separated
cells. Portals also lay whole pages out in tables: a cell holding a long text or
a nested table is layout, and its content becomes ordinary lines instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Portal chrome that is never part of the report.
_SKIPPED_TAGS = frozenset(
    "script style noscript template nav footer aside iframe select "
    "button svg video audio object".split()
)
_CHROME_WORDS = frozenset(
    "nav navbar mainnav menu footer foot breadcrumb crumb crumbs sidebar "
    "share toolbar topbar skip dqwz location position print fontsize "
    "navigation search searchbox login".split()
)
_BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 section article blockquote pre dd "
    "dt dl hr main caption header center form".split()
)
_VOID_TAGS = frozenset(
    "br hr img meta link input area base col embed param source track wbr".split()
)
# The national government-site standard's <meta> names for an article.
_META_FIELDS = {"articletitle": "title", "contentsource": "publisher", "pubdate": "published"}
# HTML whitespace is layout, not content; U+3000 indentation is kept as written.
_HTML_SPACE = re.compile(r"[ \t\r\n\f\u00a0]+")
# As browsers do (CSS segment breaks), a source line break between two Chinese
# characters joins them instead of leaving a space inside a phrase.
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t\r\f]*\n[ \t\r\n\f]*(?=[{_CJK}])")
_LAYOUT_CELL_CHARS = 100


@dataclass
class PageText:
    text: str
    title: str | None = None
    meta: dict[str, str] = field(default_factory=dict)  # title / publisher / published


def html_text(markup: str) -> PageText:
    """A page's readable text (one line per paragraph or table row), <title> and <meta>."""
    page = _PageParser()
    page.feed(markup)
    page.close()
    title = re.split(r"\s*[_|｜]\s*|\s+-\s+", page.title.strip())[0].strip() or None
    text = "".join(line + "\n" for line in page.lines)
    return PageText(text, title, page.meta)


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.title = ""
        self.meta: dict[str, str] = {}
        self._line: list[str] = []
        self._row: list[list[str]] | None = None
        self._cell: list[str] | None = None
        self._outer: list[tuple[list[list[str]] | None, list[str] | None]] = []
        self._skip_tag: str | None = None
        self._skip_depth = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip_tag is not None:
            self._skip_depth += tag == self._skip_tag
        elif tag == "meta":
            self._read_meta(dict(attrs))
        elif tag == "title":
            self._in_title = True
        elif tag not in _VOID_TAGS and _is_chrome(tag, attrs):
            self._skip_tag, self._skip_depth = tag, 1
        elif tag == "table" and self._cell is not None:
            self._outer.append((self._row, self._cell))  # a table inside a cell
            self._row = self._cell = None
        elif tag == "tr":
            self._end_row()
            self._end_line()
            self._row = []
        elif tag in {"td", "th"} and self._row is not None:
            self._end_cell()
            self._cell = []
        elif tag in _BLOCK_TAGS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if self._skip_tag is not None:
            self._skip_depth -= tag == self._skip_tag
            if self._skip_depth == 0:
                self._skip_tag = None
        elif tag == "title":
            self._in_title = False
        elif tag in {"td", "th"}:
            self._end_cell()
        elif tag == "tr":
            self._end_row()
        elif tag == "table":
            self._end_row()
            if self._outer:
                self._row, self._cell = self._outer.pop()
        elif tag in _BLOCK_TAGS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self._skip_tag is not None:
            return
        if self._in_title:
            self.title += data
            return
        if "\n" in data and not data.strip(" \t\r\n\f"):
            return  # source indentation between tags; a space here would split 95 亿元
        piece = _HTML_SPACE.sub(" ", _CJK_BREAK.sub("", data))
        (self._cell if self._cell is not None else self._line).append(piece)

    def close(self) -> None:
        super().close()
        while self._outer:
            self._end_row()
            self._row, self._cell = self._outer.pop()
        self._end_row()
        self._end_line()

    def _read_meta(self, attrs: dict[str, str | None]) -> None:
        field_name = _META_FIELDS.get((attrs.get("name") or "").lower())
        content = (attrs.get("content") or "").strip()
        if field_name and content:
            self.meta.setdefault(field_name, content)

    def _break(self) -> None:
        (self._cell if self._cell is not None else self._line).append("\n")

    def _emit(self, line: str) -> None:
        # Lines of a table nested in a cell belong to that cell, in order.
        if self._outer and self._outer[-1][1] is not None:
            self._outer[-1][1].extend(["\n", line, "\n"])
        else:
            self.lines.append(line)

    def _end_line(self) -> None:
        for line in "".join(self._line).split("\n"):
            if line.strip():
                self._emit(line.strip(" "))
        self._line = []

    def _end_cell(self) -> None:
        if self._cell is not None and self._row is not None:
            self._row.append(self._cell)
        self._cell = None

    def _end_row(self) -> None:
        self._end_cell()
        if self._row is None:
            return
        cells = ["".join(cell) for cell in self._row]
        self._row = None
        if any(len(cell) > _LAYOUT_CELL_CHARS or "\t" in cell for cell in cells):
            for cell in cells:  # a layout row: its cells are blocks of ordinary lines
                self._line = [cell]
                self._end_line()
            return
        texts = ["".join(part.strip(" ") for part in cell.split("\n")) for cell in cells]
        if any(text.strip() for text in texts):
            self._emit("\t".join(texts))


def _is_chrome(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    if tag in _SKIPPED_TAGS:
        return True
    marks = " ".join(value or "" for name, value in attrs if name in {"class", "id", "role"})
    return any(word in _CHROME_WORDS for word in re.split(r"[\s_\-]+", marks.lower()))
