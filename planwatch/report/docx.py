"""The DOCX in the official layout, laid out from the Markdown rendering.

Reading the Markdown keeps one source of wording: an office that edits
``report.md.j2`` changes the DOCX as well. ``#`` is the title, ``##`` ``###`` ``####``
the three heading levels, every other line a body paragraph.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.text.run import CT_R
from docx.shared import Pt
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

from planwatch.errors import InvalidInput
from planwatch.report.docx_layout import (
    FONT_SETS,
    HEADING_STYLES,
    PAGE_NUMBER_SIZE,
    Fonts,
    set_page,
    set_styles,
)
from planwatch.report.model import Report
from planwatch.report.render import PLACEHOLDER, markdown_text
from planwatch.report.typeset import title_lines

_HEADING_MARKS = dict(zip(("##", "###", "####"), HEADING_STYLES, strict=True))


def write_docx(report: Report, path: Path, fonts: str = "official") -> Path:
    """Write the report to ``path``; ``fonts`` is ``official`` or ``noto`` (see docx_layout)."""
    if fonts not in FONT_SETS:
        raise InvalidInput("report.docx.unknown_fonts", fonts=fonts, names=", ".join(FONT_SETS))
    chosen = FONT_SETS[fonts]
    document = docx.Document()
    set_page(document)
    set_styles(document, chosen)
    _page_numbers(document, chosen)
    _declare_fallbacks(document, chosen)
    _core_properties(document, report)
    _write_blocks(document, markdown_text(report))
    try:
        document.save(str(path))
    except OSError as err:
        raise InvalidInput("report.cannot_write", path=path, strerror=err.strerror) from err
    return path


def _write_blocks(document: DocxDocument, markdown: str) -> None:
    for line in markdown.splitlines():
        if not line.strip():
            continue
        mark, _, text = line.partition(" ")
        if mark == "#":
            _title(document, text)
        elif mark in _HEADING_MARKS:
            document.add_paragraph(text, style=_HEADING_MARKS[mark])
        else:
            _body(document.add_paragraph(), line)


def _title(document: DocxDocument, text: str) -> None:
    """One paragraph, broken into balanced lines (a break inside it keeps it one title)."""
    paragraph = document.add_paragraph(style="公文标题")
    for number, line in enumerate(title_lines(text)):
        run = paragraph.add_run()
        if number:
            run.add_break()
        run.add_text(line)


def _body(paragraph: DocxParagraph, text: str) -> None:
    """Body text; a placeholder still to be written is highlighted so no one prints it."""
    position = 0
    for match in PLACEHOLDER.finditer(text):
        paragraph.add_run(text[position : match.start()])
        paragraph.add_run(match.group()).font.highlight_color = WD_COLOR_INDEX.YELLOW
        position = match.end()
    paragraph.add_run(text[position:])


def _page_numbers(document: DocxDocument, fonts: Fonts) -> None:
    """— 1 —: odd pages on the right, even pages on the left, one character in from the edge."""
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    for footer, alignment in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        paragraph = footer.paragraphs[0]
        layout = paragraph.paragraph_format
        layout.alignment = alignment
        layout.first_line_indent = Pt(0)
        layout.left_indent = PAGE_NUMBER_SIZE if alignment == WD_ALIGN_PARAGRAPH.LEFT else Pt(0)
        layout.right_indent = PAGE_NUMBER_SIZE if alignment == WD_ALIGN_PARAGRAPH.RIGHT else Pt(0)
        for text in ("— ", None, " —"):
            run = paragraph.add_run(text or "")
            run.font.size = PAGE_NUMBER_SIZE
            run.font.name = fonts.page_number
            run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), fonts.page_number)
            if text is None:
                _page_field(run._r)


def _page_field(run: CT_R) -> None:
    begin, instruction, end = (
        OxmlElement("w:fldChar"),
        OxmlElement("w:instrText"),
        OxmlElement("w:fldChar"),
    )
    begin.set(qn("w:fldCharType"), "begin")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, instruction, end):
        run.append(element)


def _declare_fallbacks(document: DocxDocument, fonts: Fonts) -> None:
    """Name each official face in the font table with its stand-in as ``w:altName``."""
    font_table = next(
        (p for p in document.part.package.iter_parts() if p.partname.endswith("fontTable.xml")),
        None,
    )
    if font_table is None or not fonts.fallbacks:
        return
    root = parse_xml(font_table.blob)
    for face, stand_in in fonts.fallbacks:
        root.append(
            parse_xml(
                f'<w:font {nsdecls("w")} w:name="{face}"><w:altName w:val="{stand_in}"/>'
                '<w:charset w:val="86"/><w:family w:val="auto"/></w:font>'
            )
        )
    font_table._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _core_properties(document: DocxDocument, report: Report) -> None:
    properties = document.core_properties
    properties.title = report.title
    properties.subject = f"{report.region} {report.period}"
    properties.author = "planwatch"
