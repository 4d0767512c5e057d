"""Writing a drafted report in one of the formats, the call behind `planwatch report`."""

from __future__ import annotations

from pathlib import Path

from planwatch.errors import InvalidInput
from planwatch.report.docx import write_docx
from planwatch.report.model import Report
from planwatch.report.pdf import write_pdf
from planwatch.report.render import render_html, render_markdown

FORMATS = ("md", "html", "docx", "pdf")
# formats that are bytes, not text: they need a file
BINARY_FORMATS = ("docx", "pdf")


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise InvalidInput("report.output.unknown_format", fmt=fmt, names=", ".join(FORMATS))
    return fmt


def render_text(report: Report, fmt: str) -> str:
    """The Markdown or HTML text of the report."""
    if check_format(fmt) in BINARY_FORMATS:
        raise InvalidInput("report.output.file_not_text", fmt=fmt)
    return render_markdown(report) if fmt == "md" else render_html(report)


def write_report(report: Report, fmt: str, path: Path, *, docx_fonts: str = "official") -> Path:
    """Write the report to ``path`` in ``fmt`` (md, html, docx, pdf)."""
    check_format(fmt)
    if fmt == "docx":
        return write_docx(report, path, fonts=docx_fonts)
    if fmt == "pdf":
        return write_pdf(report, path)
    try:
        path.write_text(render_text(report, fmt), encoding="utf-8")
    except OSError as err:
        raise InvalidInput("report.cannot_write", path=path, strerror=err.strerror) from err
    return path
