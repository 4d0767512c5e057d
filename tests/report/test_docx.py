"""DOCX in the GB/T 9704 layout, read back with python-docx."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt

from planwatch.errors import InvalidInput
from planwatch.report import write_docx
from planwatch.store import Store
from tests.report.conftest import drafted


def east_asian(style: object) -> str | None:
    fonts = style.element.rPr.rFonts  # type: ignore[attr-defined]  # a python-docx style
    return fonts.get(qn("w:eastAsia"))


@pytest.fixture
def written(sample_store: Store, out: Path) -> docx.document.Document:
    path = write_docx(drafted(sample_store), out / "report.docx")
    return docx.Document(str(path))


def test_page_is_a4_with_the_standard_margins(written: docx.document.Document) -> None:
    section = written.sections[0]
    sizes = [section.page_width, section.page_height, section.top_margin, section.bottom_margin]
    sizes += [section.left_margin, section.right_margin]
    # stored in twips, so compare at a tenth of a millimetre
    assert [round(size.mm, 1) for size in sizes if size is not None] == [210, 297, 37, 35, 28, 26]


def test_body_is_fangsong_sanhao_on_a_fixed_grid(written: docx.document.Document) -> None:
    normal = written.styles["Normal"]
    assert east_asian(normal) == "仿宋_GB2312" and normal.font.size == Pt(16)
    layout = normal.paragraph_format
    assert layout.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert layout.line_spacing == Pt(28.9)
    assert layout.first_line_indent == Pt(32)
    assert normal.element.pPr.find(qn("w:ind")).get(qn("w:firstLineChars")) == "200"


def test_title_is_xiaobiaosong_erhao_centred(written: docx.document.Document) -> None:
    title = written.paragraphs[0]
    assert title.text == "关于武昌区2017年上半年\n国民经济和社会发展计划执行情况的报告"
    style = written.styles["公文标题"]
    assert title.style is not None and title.style.name == style.name
    assert east_asian(style) == "方正小标宋简体" and style.font.size == Pt(22)
    assert style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_heading_levels_use_their_faces(written: docx.document.Document) -> None:
    first = [p.text for p in written.paragraphs if p.style and p.style.name == "公文一级标题"]
    assert first == ["一、上半年计划执行情况", "二、下半年工作安排"]
    assert east_asian(written.styles["公文一级标题"]) == "黑体"
    assert east_asian(written.styles["公文二级标题"]) == "楷体_GB2312"
    third = written.styles["公文三级标题"]
    assert east_asian(third) == "仿宋_GB2312" and third.font.bold
    texts = [p.text for p in written.paragraphs]
    assert "——全年地区生产总值计划增长9%以上。上半年完成525.69亿元，同比增长8.1%。" in texts


def test_page_numbers_odd_right_even_left(written: docx.document.Document) -> None:
    section = written.sections[0]
    assert written.settings.odd_and_even_pages_header_footer
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert odd.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert even.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.LEFT
    for footer in (odd, even):
        assert footer.text == "—  —"  # the number itself is the PAGE field between the dashes
        assert "PAGE" in footer._p.xml and footer.runs[0].font.size == Pt(14)


def test_placeholders_are_highlighted(written: docx.document.Document) -> None:
    runs = [r for p in written.paragraphs for r in p.runs if r.text.startswith("【待填写")]
    assert [r.text for r in runs][0] == "【待填写：开篇段落】"
    assert all(r.font.highlight_color == WD_COLOR_INDEX.YELLOW for r in runs)


def test_fallback_faces_are_declared_and_selectable(sample_store: Store, out: Path) -> None:
    official = write_docx(drafted(sample_store), out / "official.docx")
    with zipfile.ZipFile(official) as archive:
        table = archive.read("word/fontTable.xml").decode("utf-8")
    assert 'w:name="仿宋_GB2312"><w:altName w:val="Noto Serif CJK SC"/>' in table
    noto = docx.Document(str(write_docx(drafted(sample_store), out / "n.docx", fonts="noto")))
    assert east_asian(noto.styles["Normal"]) == "Noto Serif CJK SC"
    assert east_asian(noto.styles["公文一级标题"]) == "Noto Sans CJK SC"
    assert noto.styles["公文标题"].font.bold


def test_unknown_font_set(sample_store: Store, out: Path) -> None:
    with pytest.raises(InvalidInput, match="unknown font set 'comic'"):
        write_docx(drafted(sample_store), out / "x.docx", fonts="comic")


def test_the_major_projects_part_is_the_last_of_section_two(
    written: docx.document.Document,
) -> None:
    third = [p.text for p in written.paragraphs if p.style and p.style.name == "公文三级标题"]
    assert third[-1] == "5.重大项目建设"
    texts = [p.text for p in written.paragraphs]
    at = texts.index("5.重大项目建设")
    assert texts[at + 1].startswith(
        "上半年，9个重大项目累计完成投资44.7亿元，占年度投资计划的50.5%"
    )
    assert texts[at + 2] == "（三）存在的主要问题"
