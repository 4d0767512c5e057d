"""Text of HTML pages, Word files and text PDFs, laid out the way reports are read.

Each paragraph becomes a line; each table row becomes a line with its cells joined
by tabs, which is the shape ``planwatch.extract.tables`` recognises.
"""

from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from planwatch.errors import InvalidInput

# Portal chrome that is never part of the report.
_SKIPPED_TAGS = {
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "footer",
    "aside",
    "iframe",
    "select",
    "button",
    "svg",
}
_SKIPPED_MARKS = {
    "nav",
    "navbar",
    "menu",
    "footer",
    "foot",
    "breadcrumb",
    "crumb",
    "crumbs",
    "sidebar",
    "share",
    "toolbar",
    "topbar",
    "skip",
}
_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "table",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "hr",
    "main",
    "caption",
    "header",
    "center",
    "form",
}
_VOID_TAGS = {
    "br",
    "hr",
    "img",
    "meta",
    "link",
    "input",
    "area",
    "base",
    "col",
    "embed",
    "param",
    "source",
    "track",
    "wbr",
}
# HTML whitespace is layout, not content; U+3000 indentation is kept as written.
_HTML_SPACE = re.compile(r"[ \t\r\n\f\u00a0]+")
# As browsers do (CSS segment breaks), a source line break between two Chinese
# characters joins them instead of leaving a space inside a phrase.
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t\r\f]*\n[ \t\r\n\f]*(?=[{_CJK}])")


class _PageText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.title = ""
        self._line: list[str] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._skip_tag: str | None = None
        self._skip_depth = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip_tag is not None:
            self._skip_depth += tag == self._skip_tag
            return
        if tag == "title":
            self._in_title = True
        elif tag not in _VOID_TAGS and self._is_chrome(tag, attrs):
            self._skip_tag, self._skip_depth = tag, 1
        elif tag == "tr":
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
            return
        if tag == "title":
            self._in_title = False
        elif tag in {"td", "th"}:
            self._end_cell()
        elif tag in {"tr", "table"}:
            self._end_row()
        elif tag in _BLOCK_TAGS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self._skip_tag is not None:
            return
        if self._in_title:
            self.title += data
            return
        piece = _HTML_SPACE.sub(" ", _CJK_BREAK.sub("", data))
        (self._cell if self._cell is not None else self._line).append(piece)

    def close(self) -> None:
        super().close()
        self._end_row()
        self._end_line()

    @staticmethod
    def _is_chrome(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        if tag in _SKIPPED_TAGS:
            return True
        marks = " ".join(value or "" for name, value in attrs if name in {"class", "id", "role"})
        return any(
            token in _SKIPPED_MARKS or token == "navigation"
            for token in re.split(r"[\s_\-]+", marks.lower())
        )

    def _break(self) -> None:
        # A block inside a cell (a <p> in a <td>) must not split the table row.
        if self._cell is not None:
            self._cell.append(" ")
        else:
            self._end_line()

    def _end_line(self) -> None:
        line = "".join(self._line).strip(" ")
        if line:
            self.lines.append(line)
        self._line = []

    def _end_cell(self) -> None:
        if self._cell is not None and self._row is not None:
            self._row.append("".join(self._cell).strip(" "))
        self._cell = None

    def _end_row(self) -> None:
        self._end_cell()
        if self._row is not None and any(self._row):
            self.lines.append("\t".join(self._row))
        self._row = None


def html_text(markup: str) -> tuple[str, str | None]:
    """A page's readable text (one line per paragraph or table row) and its <title>."""
    page = _PageText()
    page.feed(markup)
    page.close()
    title = re.split(r"\s*[_|｜]\s*|\s+-\s+", page.title.strip())[0].strip() or None
    return "\n".join(page.lines) + "\n", title


def docx_text(path: Path) -> str:
    """Paragraphs and tables of a Word document in reading order."""
    import docx  # python-docx is slow to import; most runs read .txt
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, EOFError) as err:
        raise InvalidInput(
            f"{path.name} is not a readable .docx (damaged or truncated: {err})",
            "open it in Word or WPS and save it again as .docx",
        ) from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(_docx_rows(block))
        elif block.text.strip():
            lines.append(block.text)
    return "\n".join(lines) + "\n"


def _docx_rows(table: Any) -> list[str]:
    rows = []
    for row in table.rows:
        cells: list[str] = []
        last = None
        for cell in row.cells:
            # python-docx repeats a merged cell once per grid column it spans.
            if cell._tc is last:
                continue
            last = cell._tc
            cells.append(" ".join(cell.text.split("\n")).strip())
        if any(cells):
            rows.append("\t".join(cells))
    return rows


def pdf_text(path: Path) -> str:
    """Text lines of a text PDF, with ruled tables as tab-separated rows."""
    import pdfplumber
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

    lines: list[str] = []
    try:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                lines.extend(_pdf_page_lines(page))
    except (PdfminerException, MalformedPDFException) as err:
        raise InvalidInput(
            f"{path.name} is not a readable PDF ({err})", "check the file, or save it again as PDF"
        ) from None
    return "\n".join(lines) + "\n"


def _pdf_page_lines(page: Any) -> list[str]:
    """Lines ordered top to bottom; words inside a table's box come from its cells."""
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]
    placed: list[tuple[float, str]] = []
    for line in page.extract_text_lines():
        middle_x = (line["x0"] + line["x1"]) / 2
        middle_y = (line["top"] + line["bottom"]) / 2
        if not any(
            x0 <= middle_x <= x1 and top <= middle_y <= bottom for x0, top, x1, bottom in boxes
        ):
            placed.append((line["top"], line["text"]))
    for table in tables:
        for row, cells in zip(table.rows, table.extract(), strict=False):
            texts = [" ".join((cell or "").split()) for cell in cells]
            if any(texts):
                placed.append((row.bbox[1], "\t".join(texts)))
    placed.sort(key=lambda item: item[0])
    return [text for _, text in placed]
