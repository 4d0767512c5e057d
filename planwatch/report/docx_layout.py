"""The page and type of GB/T 9704-2012 (党政机关公文格式) as python-docx settings.

Sizes in 号: 二号 22pt (title), 三号 16pt (body and headings), 四号 14pt (page numbers).
East Asian fonts are named in ``w:eastAsia`` (Word picks the face for Chinese text from
it, not from ``w:ascii``). Machines without the official faces can use ``NOTO_FONTS``,
the Noto CJK faces Debian ships (fonts-noto-cjk); the official file also names them as
``w:altName`` in its font table, which a word processor may use in place of a missing face.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.styles.style import ParagraphStyle

BODY_SIZE = Pt(16)  # 三号
TITLE_SIZE = Pt(22)  # 二号
PAGE_NUMBER_SIZE = Pt(14)  # 四号
LINE = Pt(28.9)  # 22 lines in the 225 mm type area


@dataclass(frozen=True)
class Fonts:
    """The face for each role; ``fallbacks`` maps an official face to what stands in for it."""

    title: str
    body: str
    heading1: str
    heading2: str
    page_number: str
    fallbacks: tuple[tuple[str, str], ...] = ()
    # 小标宋 is a heavy face; a regular stand-in needs bold to look like it
    title_bold: bool = False


OFFICIAL_FONTS = Fonts(
    title="方正小标宋简体",
    body="仿宋_GB2312",
    heading1="黑体",
    heading2="楷体_GB2312",
    page_number="宋体",
    fallbacks=(
        ("方正小标宋简体", "Noto Serif CJK SC"),
        ("仿宋_GB2312", "Noto Serif CJK SC"),
        ("黑体", "Noto Sans CJK SC"),
        ("楷体_GB2312", "Noto Serif CJK SC"),
        ("宋体", "Noto Serif CJK SC"),
    ),
)
NOTO_FONTS = Fonts(
    title="Noto Serif CJK SC",
    body="Noto Serif CJK SC",
    heading1="Noto Sans CJK SC",
    heading2="Noto Serif CJK SC",
    page_number="Noto Serif CJK SC",
    title_bold=True,
)
FONT_SETS = {"official": OFFICIAL_FONTS, "noto": NOTO_FONTS}

# style name → (font role, bold, outline level); headings are body-sized, as the standard has
HEADING_STYLES = {
    "公文一级标题": ("heading1", False, 0),
    "公文二级标题": ("heading2", False, 1),
    "公文三级标题": ("body", True, 2),
}


def set_page(document: DocxDocument) -> None:
    """A4 with the standard's margins: top 37, bottom 35, left 28, right 26 mm."""
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    # the page number's line sits 7 mm below the type area
    section.footer_distance = Mm(35 - 7 - 6)
    section.header_distance = Mm(15)


def set_styles(document: DocxDocument, fonts: Fonts) -> None:
    normal = document.styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    set_font(normal, fonts.body, BODY_SIZE)
    body_paragraph(normal)
    title = _paragraph_style(document, "公文标题", normal)
    set_font(title, fonts.title, TITLE_SIZE, bold=fonts.title_bold)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.first_line_indent = Pt(0)
    title.paragraph_format.space_after = LINE
    for name, (role, bold, level) in HEADING_STYLES.items():
        style = _paragraph_style(document, name, normal)
        set_font(style, getattr(fonts, role), BODY_SIZE, bold=bold)
        style.paragraph_format.keep_with_next = True
        _outline_level(style, level)


def body_paragraph(style: ParagraphStyle) -> None:
    """Justified, fixed 28.9 pt lines, first line indented two characters."""
    layout = style.paragraph_format
    layout.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    layout.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    layout.line_spacing = LINE
    layout.space_before = layout.space_after = Pt(0)
    layout.first_line_indent = Pt(32)
    indent = style.element.get_or_add_pPr().get_or_add_ind()
    indent.set(qn("w:firstLineChars"), "200")  # two characters whatever the font size


def set_font(style: ParagraphStyle, face: str, size: Pt, *, bold: bool = False) -> None:
    style.font.name = face
    style.font.size = size
    style.font.bold = bold
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), face)


def _paragraph_style(document: DocxDocument, name: str, base: ParagraphStyle) -> ParagraphStyle:
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    style.base_style = base
    style.quick_style = True
    return style


def _outline_level(style: ParagraphStyle, level: int) -> None:
    """Headings appear in the navigation pane without Word's coloured heading styles."""
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), str(level))
    style.element.get_or_add_pPr().append(outline)
