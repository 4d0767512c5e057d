"""The official report: drafted from the store, rendered as Markdown, HTML, DOCX or PDF.

    with store.reading() as session:
        report = draft_report(session, "武昌区", "2017H1", ReportOptions(details=True))
    render_markdown(report); render_html(report)
    write_docx(report, Path("report.docx")); write_pdf(report, Path("report.pdf"))

``report.warnings`` lists what the draft could not fill (a narrative nobody wrote, a task
with no progress); each shows in the text as a 【待填写：…】 placeholder.
"""

from __future__ import annotations

from planwatch.report.docx import write_docx
from planwatch.report.draft import draft_report, report_title
from planwatch.report.model import Paragraph, Piece, Report, ReportOptions, Source
from planwatch.report.output import FORMATS, render_text, write_report
from planwatch.report.pdf import write_pdf
from planwatch.report.render import render_html, render_markdown

__all__ = [
    "FORMATS",
    "Paragraph",
    "Piece",
    "Report",
    "ReportOptions",
    "Source",
    "draft_report",
    "render_html",
    "render_markdown",
    "render_text",
    "report_title",
    "write_docx",
    "write_pdf",
    "write_report",
]
