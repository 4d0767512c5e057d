"""The PDF: the HTML page printed by WeasyPrint, with @page rules for the official layout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from planwatch.errors import InvalidInput
from planwatch.report.model import Report
from planwatch.report.render import render_html


def write_pdf(report: Report, path: Path) -> Path:
    """Print the report to ``path`` (A4, GB/T 9704 margins, page numbers — 1 —)."""
    from weasyprint import HTML  # imported here: loading Pango costs ~0.3 s other formats skip

    page = render_html(report, links=False, for_print=True)
    base = str(resources.files("planwatch.report") / "templates")
    try:
        HTML(string=page, base_url=base).write_pdf(path)
    except OSError as err:
        raise InvalidInput("report.cannot_write", path=path, strerror=err.strerror) from err
    return path
