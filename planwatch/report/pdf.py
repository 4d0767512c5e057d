"""The PDF: the HTML page printed by WeasyPrint, with @page rules for the official layout."""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from planwatch.errors import InvalidInput
from planwatch.report.model import Report
from planwatch.report.render import render_html


def write_pdf(report: Report, path: Path) -> Path:
    """Print the report to ``path`` (A4, GB/T 9704 margins, page numbers — 1 —)."""
    from weasyprint import HTML  # imported here: loading Pango costs ~0.3 s other formats skip

    _quiet_font_logging()
    page = render_html(report, links=False, for_print=True)
    base = str(resources.files("planwatch.report") / "templates")
    try:
        HTML(string=page, base_url=base).write_pdf(path)
    except OSError as err:
        raise InvalidInput(
            f"cannot write {path}: {err.strerror}", "check the folder exists"
        ) from err
    return path


def _quiet_font_logging() -> None:
    """WeasyPrint logs each missing official font in the stack (仿宋_GB2312 …) as a warning;
    the Noto fallback after it is intended, so those lines are noise on the CLI."""
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
