"""Markdown and HTML from the Jinja2 templates in ``templates/``.

The wording around the data (headings, the order of parts) lives in the templates, so an
office can adapt it without touching code: ``report.md.j2`` (also the source of the DOCX
layout), ``report.html.j2`` with ``report.css`` (also the source of the PDF).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from planwatch.report.model import Paragraph, Piece, Report
from planwatch.report.typeset import title_lines, typeset

PLACEHOLDER = re.compile(r"【待填写[^】]*】")


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("planwatch.report", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default=False),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["plain"] = plain_text
    env.filters["pieces"] = html_pieces
    env.filters["typeset"] = typeset
    env.filters["title_lines"] = title_lines
    return env


@cache
def stylesheet() -> str:
    return (resources.files("planwatch.report") / "templates" / "report.css").read_text("utf-8")


def markdown_text(report: Report) -> str:
    """The report's text in Markdown's layout, as written (the DOCX is laid out from it)."""
    text = environment().get_template("report.md.j2").render(report=report)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def render_markdown(report: Report) -> str:
    """The Markdown download: a planner's ``<script>`` in a narrative is text, not HTML that
    a Markdown viewer would run (CommonMark prints a backslash-escaped ``<`` as itself)."""
    return _RAW_HTML.sub(r"\\\1", markdown_text(report))


_RAW_HTML = re.compile(r"([<>&])")


def render_html(report: Report, *, links: bool = True, for_print: bool = False) -> str:
    """The page; ``links=False`` prints numbers without links (the PDF has no server)."""
    return (
        environment()
        .get_template("report.html.j2")
        .render(report=report, links=links, print=for_print, stylesheet=Markup(stylesheet()))
    )


def plain_text(paragraph: Paragraph) -> str:
    return "".join(typeset(piece.text) for piece in paragraph.pieces)


def html_pieces(paragraph: Paragraph, links: bool = True) -> Markup:
    return Markup("").join(_piece_html(piece, links) for piece in paragraph.pieces)


def _piece_html(piece: Piece, links: bool) -> Markup:
    if piece.source is None:
        return _marked_placeholders(typeset(piece.text))
    source = piece.source
    if not links:
        return Markup('<span class="figure" data-source="{}">{}</span>').format(
            source.key, piece.text
        )
    return Markup('<a class="figure" href="{}" data-source="{}">{}</a>').format(
        source.href, source.key, piece.text
    )


def _marked_placeholders(text: str) -> Markup:
    """Text still to be written stands out on screen: 【待填写：开篇段落】."""
    out = Markup("")
    position = 0
    for match in PLACEHOLDER.finditer(text):
        out += escape(text[position : match.start()])
        out += Markup('<mark class="placeholder">{}</mark>').format(match.group())
        position = match.end()
    return out + escape(text[position:])
