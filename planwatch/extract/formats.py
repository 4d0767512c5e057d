"""Text of Word files and text PDFs, laid out the way reports are read.

Each paragraph becomes a line; each table row becomes a line with its cells joined
by tabs, which is the shape ``planwatch.extract.tables`` recognises.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planwatch.errors import InvalidInput


def docx_text(path: Path) -> str:
    """Paragraphs and tables of a Word document in reading order."""
    import docx  # python-docx is slow to import; most runs read .txt
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, EOFError) as err:
        raise InvalidInput("extract.formats.bad_docx", path=path.name, err=err) from None
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


# a year's plan report runs to tens of pages; the cap bounds the time one upload may take
MAX_PDF_PAGES = 1000


def pdf_text(path: Path) -> str:
    """Text lines of a text PDF, with ruled tables as tab-separated rows."""
    import pdfplumber
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

    lines: list[str] = []
    try:
        with pdfplumber.open(path) as pdf:
            if len(pdf.pages) > MAX_PDF_PAGES:
                raise InvalidInput(
                    "extract.formats.too_many_pages",
                    path=path.name,
                    count=len(pdf.pages),
                    max_pages=MAX_PDF_PAGES,
                )
            for page in pdf.pages:
                lines.extend(_pdf_page_lines(page))
    except (PdfminerException, MalformedPDFException) as err:
        raise InvalidInput("extract.formats.bad_pdf", path=path.name, err=err) from None
    return "\n".join(lines) + "\n"


@dataclass
class _PdfLine:
    top: float
    text: str
    wraps: bool = False  # runs to the right margin: the sentence goes on below


_SENTENCE_END = ("。", "；", "：", "！", "？", ":", ";")


def _pdf_page_lines(page: Any) -> list[str]:
    """Lines ordered top to bottom; words inside a table's box come from its cells."""
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]
    text_lines = [
        line
        for line in page.extract_text_lines()
        if not any(
            x0 <= (line["x0"] + line["x1"]) / 2 <= x1
            and top <= (line["top"] + line["bottom"]) / 2 <= bottom
            for x0, top, x1, bottom in boxes
        )
    ]
    margin = max((line["x1"] for line in text_lines), default=0.0)
    placed = [
        _PdfLine(
            line["top"],
            line["text"],
            # within two characters of the margin and not closing a sentence
            margin - line["x1"] < 2 * (line["bottom"] - line["top"])
            and not line["text"].endswith(_SENTENCE_END),
        )
        for line in text_lines
    ]
    for table in tables:
        for row, cells in zip(table.rows, table.extract(), strict=False):
            texts = [" ".join((cell or "").split()) for cell in cells]
            if any(texts):
                placed.append(_PdfLine(row.bbox[1], "\t".join(texts)))
    placed.sort(key=lambda line: line.top)
    return _join_wrapped(placed)


def _join_wrapped(lines: list[_PdfLine]) -> list[str]:
    """A paragraph the page wrapped is one line again, so 525.69 / 亿元 stay together."""
    joined: list[str] = []
    wraps = False
    for line in lines:
        if wraps and "\t" not in line.text and joined and "\t" not in joined[-1]:
            joined[-1] += line.text
        else:
            joined.append(line.text)
        wraps = line.wraps
    return joined
