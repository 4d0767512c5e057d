"""Text of Word files and text PDFs, laid out the way reports are read.

Each paragraph becomes a line; each table row becomes a line with its cells joined
by tabs, which is the shape ``planwatch.extract.tables`` recognises.
"""

from __future__ import annotations

import zipfile
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
