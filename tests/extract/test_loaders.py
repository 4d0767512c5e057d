"""Loading reports: formats, encodings, the metadata block, and bad input told plainly."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from planwatch.errors import InvalidInput, NotFound
from planwatch.extract.loaders import MAX_BYTES, decode, load, parse_metadata

SAMPLE = Path(__file__).resolve().parents[2] / "planwatch" / "sample"
REPORT = SAMPLE / "wuchang-2017h1-plan-execution.txt"
REPORT_TEXT = REPORT.read_text(encoding="utf-8")
PNG_HEAD = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"

TABLE_HTML = """<html><head><title>2025年郑州市统计公报_郑州市统计局</title>
<script>var tracker = "1313.8";</script><style>p { color: red }</style></head>
<body><div class="top-nav">首页 | 统计数据</div><nav>网站导航</nav>
<table class="info"><tr><td>索 引 号：</td><td>ZZ-2026-001</td>
<td>发布机构：</td><td>郑州市统计局</td></tr>
<tr><td>公开日期：</td><td>2026年4月24日</td></tr></table>
<h1>2025年郑州市国民经济和社会发展统计公报</h1>
<p>　　全年地区生产总值15244.6亿元，
比上年增长5.4%。</p>
<table><tr><th>指标</th><th>年末数（万人）</th><th>比重（%）</th></tr>
<tr><td><p>全市常住人口</p></td><td>1313.8</td><td>100.0</td></tr></table>
<div id="footer">版权所有 主办单位</div></body></html>"""


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def reason(error: pytest.ExceptionInfo[Exception]) -> str:
    return str(error.value)


# --- plain text --------------------------------------------------------------------------


def test_sample_report_text_is_kept_exactly_and_its_metadata_read() -> None:
    loaded = load(REPORT)
    assert loaded.text == REPORT_TEXT
    document = loaded.document
    assert document.title == "关于武昌区2017年上半年国民经济和社会发展计划执行情况的报告"
    assert document.publisher == "区发改委"
    assert document.published == "2018-01-02"
    assert document.index_number == "007482532-03-2018-1979878"
    assert document.document_number is None  # the portal left 文号 empty
    assert document.chars == 9091


def test_utf8_bom_is_dropped_and_newlines_kept(tmp_path: Path) -> None:
    path = write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + "第一行\r\n第二行\n".encode())
    assert load(path).text == "第一行\r\n第二行\n"


def test_gb18030_report_is_detected_and_decoded(tmp_path: Path) -> None:
    path = write(tmp_path, "gb.txt", REPORT_TEXT.encode("gb18030"))
    loaded = load(path)
    assert loaded.text == REPORT_TEXT
    assert loaded.document.publisher == "区发改委"


def test_gb18030_report_longer_than_the_detection_sample(tmp_path: Path) -> None:
    text = REPORT_TEXT * 9  # 150 kB: the detector sees only a sample
    assert load(write(tmp_path, "long.txt", text.encode("gb18030"))).text == text


def test_explicit_encoding_overrides_detection(tmp_path: Path) -> None:
    path = write(tmp_path, "gb.txt", "上半年完成525.69亿元".encode("gb18030"))
    assert load(path, encoding="gb18030").text == "上半年完成525.69亿元"


def test_short_gb_text_the_detector_cannot_place_asks_for_the_encoding() -> None:
    with pytest.raises(InvalidInput) as error:
        decode("增长".encode("gb18030"), None, "short.txt")
    assert reason(error) == "short.txt is not UTF-8; it looks like GB18030: pass --encoding gb18030"


def test_a_cut_multibyte_character_at_the_end_is_replaced_not_fatal(tmp_path: Path) -> None:
    for codec in ("utf-8", "gb18030"):
        data = REPORT_TEXT.encode(codec) + "元".encode(codec)[:1]
        text = load(write(tmp_path, f"cut-{codec}.txt", data)).text
        assert text == REPORT_TEXT + "\ufffd"


def test_wrong_explicit_encoding_says_so(tmp_path: Path) -> None:
    path = write(tmp_path, "utf8.txt", "同比增长8.1%".encode())
    with pytest.raises(InvalidInput) as error:
        load(path, encoding="ascii")
    assert "utf8.txt is not valid ascii" in reason(error)
    assert "--encoding" in reason(error)


def test_unknown_encoding_name_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", b"abc")
    with pytest.raises(InvalidInput, match="unknown encoding 'klingon'"):
        load(path, encoding="klingon")


# --- bad input ---------------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as error:
        load(write(tmp_path, "empty.txt", b""))
    assert reason(error) == (
        "empty.txt is empty: check that the file was saved or downloaded completely"
    )


def test_whitespace_only_file_is_empty_too(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="blank.txt is empty"):
        load(write(tmp_path, "blank.txt", b" \n\r\n\t"))


def test_binary_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as error:
        load(write(tmp_path, "data.txt", bytes(range(256)) * 4))
    assert "data.txt is a binary file, not a text document" in reason(error)


def test_png_renamed_to_txt(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as error:
        load(write(tmp_path, "chart.txt", PNG_HEAD + bytes(200)))
    assert reason(error).startswith("chart.txt is a PNG image, not a text document: ")


def test_truncated_docx(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    whole = tmp_path / "whole.docx"
    document = docx.Document()
    document.add_paragraph("全年地区生产总值计划增长9%以上。" * 50)
    document.save(str(whole))
    data = whole.read_bytes()
    cut = write(tmp_path, "cut.docx", data[: len(data) // 2])
    with pytest.raises(InvalidInput) as error:
        load(cut)
    assert reason(error).startswith("cut.docx is not a readable .docx (damaged or truncated")
    assert reason(error).endswith("open it in Word or WPS and save it again as .docx")


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: no 50 MB written to the disk
    with pytest.raises(InvalidInput) as error:
        load(path)
    assert reason(error) == (
        "huge.txt is 50.0 MB, over the 50 MB limit: split it into smaller documents "
        "or extract the report's own text first"
    )


def test_file_at_the_limit_is_read(tmp_path: Path) -> None:
    line = "全年地区生产总值计划增长9%以上。\n".encode()
    path = write(tmp_path, "big.txt", line * (MAX_BYTES // len(line)))
    assert load(path).text.startswith("全年地区生产总值")


def test_unsupported_extension_lists_the_supported_ones(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as error:
        load(write(tmp_path, "plan.xlsx", b"PK\x03\x04"))
    assert reason(error) == (
        "plan.xlsx has an unsupported extension .xlsx: "
        "supported are .txt, .html, .htm, .shtml, .docx, .pdf"
    )


def test_old_word_files_are_told_to_become_docx(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match=r"save it as \.docx in Word or WPS first"):
        load(write(tmp_path, "plan.doc", b"\xd0\xcf\x11\xe0"))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(NotFound, match="does not exist"):
        load(tmp_path / "nowhere.txt")


def test_pdf_extension_on_a_text_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="fake.pdf is not a PDF file"):
        load(write(tmp_path, "fake.pdf", "上半年完成525.69亿元".encode()))


# --- the metadata block ------------------------------------------------------------------


def test_metadata_labels_with_padding_and_full_width_colons() -> None:
    info = parse_metadata(
        "标　　题：关于2024年计划执行情况的报告\n发文机关：市发展改革委\n"
        "发文字号：X发改〔2024〕12号\n索 引 号：1234-2024-00001\n发布日期：2024/3/5\n正文"
    )
    assert info.title == "关于2024年计划执行情况的报告"
    assert info.publisher == "市发展改革委"
    assert info.document_number == "X发改〔2024〕12号"
    assert info.index_number == "1234-2024-00001"
    assert info.published == "2024-03-05"


def test_date_on_the_line_after_its_label() -> None:
    assert (
        parse_metadata("宁夏政府工作报告\n发表时间：\n2026-02-09 09:45:30\n").published
        == "2026-02-09"
    )


def test_no_metadata_block() -> None:
    info = parse_metadata("各位代表：\n现在，我代表政府作工作报告。")
    assert (info.title, info.publisher, info.published) == (None, None, None)


def test_title_from_a_first_line_naming_a_report(tmp_path: Path) -> None:
    path = write(tmp_path, "r.txt", "银川市2025年国民经济和社会发展统计公报[1]\n正文。\n".encode())
    assert load(path).document.title == "银川市2025年国民经济和社会发展统计公报"


# --- HTML, Word, PDF ---------------------------------------------------------------------


def test_html_page_keeps_paragraphs_and_table_rows_and_drops_chrome(tmp_path: Path) -> None:
    loaded = load(write(tmp_path, "page.html", TABLE_HTML.encode("gb18030")))
    lines = loaded.text.splitlines()
    assert "\u3000\u3000全年地区生产总值15244.6亿元，比上年增长5.4%。" in lines
    assert "指标\t年末数（万人）\t比重（%）" in lines
    assert "全市常住人口\t1313.8\t100.0" in lines
    for chrome in ("tracker", "color", "首页", "网站导航", "版权所有"):
        assert chrome not in loaded.text
    assert loaded.document.index_number == "ZZ-2026-001"
    assert loaded.document.publisher == "郑州市统计局"
    assert loaded.document.published == "2026-04-24"
    assert loaded.document.title == "2025年郑州市统计公报"  # from <title>, site name cut


PORTAL_HTML = """<!DOCTYPE html><html><head>
<meta http-equiv="Content-Type" content="text/html;charset=utf-8">
<meta name="ContentSource" content="哈密市统计局">
<meta name="ArticleTitle" content="哈密市2025年国民经济和社会发展统计公报"/>
<meta name="PubDate" content="2026-05-11 10:37:53"/>
<title>哈密市2025年国民经济和社会发展统计公报_统计公报_哈密市人民政府</title></head>
<body><div class="header"><div class="searchbox"><div class="btn">搜索</div></div>
<div class="fix-mainNav"><ul><li><a href="/">首页</a></li></ul></div></div>
<div class="theme-dqwz current">当前位置：<a href="/">首页</a>&nbsp;/&nbsp;统计公报</div>
<div id="NewsContent">
<p><span style="font-family:'Times New Roman';
color:rgb(0,0,0);"><font face="仿宋_GB2312">全年实现地区生产总值</font></span><span>1162.95</span><span>
<font>亿元，比上年增长</font></span><span>9.3</span><span>%</span></p>
<p>&ensp;</p>
</div></body></html>"""

LAYOUT_HTML = """<table width="100%"><tr><td>
<p>全年全市地方财政收入259.31亿元，比上年增长0.2%。这一段正文很长，足以说明这个单元格是版面而不是数据，
所以它的段落应当各自成行，而不是挤进一个制表符分隔的行里。</p>
<table><tr><td>指标</td><td>年末数<br>（万人）</td></tr><tr><td>全市人口</td><td>70.15</td></tr></table>
<p>完。</p></td></tr></table>"""


def test_portal_page_meta_tags_fill_the_document(tmp_path: Path) -> None:
    loaded = load(write(tmp_path, "hami.shtml", PORTAL_HTML.encode()))
    assert loaded.text == "全年实现地区生产总值1162.95亿元，比上年增长9.3%\n"
    document = loaded.document
    assert document.title == "哈密市2025年国民经济和社会发展统计公报"
    assert document.publisher == "哈密市统计局"
    assert document.published == "2026-05-11"


def test_layout_table_cells_become_lines_and_nested_data_tables_rows(tmp_path: Path) -> None:
    lines = load(write(tmp_path, "layout.html", LAYOUT_HTML.encode())).text.splitlines()
    assert lines[0].startswith("全年全市地方财政收入259.31亿元")
    assert lines[1:] == ["指标\t年末数（万人）", "全市人口\t70.15", "完。"]


def test_source_line_names_the_publisher_when_no_publisher_is_given() -> None:
    info = parse_metadata("哈密市统计公报\n发布时间：2026-05-09\n来源：哈密市统计局\n访问量：\n")
    assert (info.publisher, info.published) == ("哈密市统计局", "2026-05-09")


def test_html_meta_charset_decodes_a_short_gb2312_page(tmp_path: Path) -> None:
    page = '<html><head><meta charset="gb2312"></head><body><p>增长</p></body></html>'
    assert load(write(tmp_path, "short.htm", page.encode("gb18030"))).text == "增长\n"


def test_html_wrongly_declaring_utf8_is_detected(tmp_path: Path) -> None:
    page = '<meta charset="utf-8"><p>' + REPORT_TEXT[:2000] + "</p>"
    text = load(write(tmp_path, "liar.html", page.encode("gb18030"))).text
    assert text.startswith("名 称: 关于武昌区2017年上半年")  # HTML collapses the padding


def test_html_with_an_invented_charset_falls_back_to_detection(tmp_path: Path) -> None:
    page = '<meta charset="klingon"><p>上半年完成525.69亿元</p>'
    assert load(write(tmp_path, "odd.html", page.encode())).text == "上半年完成525.69亿元\n"


def test_text_of_control_characters_is_binary(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="ctl.txt is a binary file"):
        load(write(tmp_path, "ctl.txt", bytes(range(1, 32)) * 20))


def test_docx_paragraphs_and_tables_in_reading_order(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("名  称：2025年统计公报")
    document.add_paragraph("全年地区生产总值15244.6亿元。")
    table = document.add_table(rows=3, cols=3)
    rows = [
        ["指标", "年末数（万人）", "比重（%）"],
        ["全市常住人口", "1313.8", "100.0"],
        ["合计", "", ""],
    ]
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    table.cell(2, 1).merge(table.cell(2, 2)).text = "见附注"
    document.add_paragraph("完。")
    path = tmp_path / "report.docx"
    document.save(str(path))
    loaded = load(path)
    assert loaded.text == (
        "名  称：2025年统计公报\n全年地区生产总值15244.6亿元。\n"
        "指标\t年末数（万人）\t比重（%）\n全市常住人口\t1313.8\t100.0\n合计\t见附注\n完。\n"
    )
    assert loaded.document.title == "2025年统计公报"


def _has_cjk_font() -> bool:
    if shutil.which("fc-list") is None:
        return False
    fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout
    return bool(fonts.strip())


@pytest.mark.skipif(not _has_cjk_font(), reason="no Chinese font yet (fonts-noto-cjk)")
def test_text_pdf_with_a_ruled_table(tmp_path: Path) -> None:
    weasyprint = pytest.importorskip("weasyprint")
    cell = 'style="border: 1px solid black; padding: 4px"'
    html = (
        "<html><body style=\"font-family: 'Noto Sans CJK SC'\">"
        "<p>全年地区生产总值15244.6亿元，比上年增长5.4%。</p><table style='border-collapse: collapse'>"
        f"<tr><td {cell}>指标</td><td {cell}>年末数（万人）</td><td {cell}>比重（%）</td></tr>"
        f"<tr><td {cell}>全市常住人口</td><td {cell}>1313.8</td><td {cell}>100.0</td></tr>"
        "</table><p>完。</p></body></html>"
    )
    path = tmp_path / "report.pdf"
    weasyprint.HTML(string=html).write_pdf(str(path))
    assert load(path).text == (
        "全年地区生产总值15244.6亿元，比上年增长5.4%。\n"
        "指标\t年末数（万人）\t比重（%）\n全市常住人口\t1313.8\t100.0\n完。\n"
    )


@pytest.mark.skipif(not _has_cjk_font(), reason="no Chinese font yet (fonts-noto-cjk)")
def test_pdf_paragraph_wrapped_by_the_page_is_one_line(tmp_path: Path) -> None:
    weasyprint = pytest.importorskip("weasyprint")
    sentence = "全年全社会固定资产投资计划完成220亿元以上，增长10%以上，上半年完成163.97亿元。"
    html = (
        "<html><head><style>@page { size: 90mm 120mm; margin: 10mm }</style></head>"
        f"<body style=\"font-family: 'Noto Sans CJK SC'\"><p>{sentence * 2}</p><p>完。</p></body></html>"
    )
    path = tmp_path / "wrapped.pdf"
    weasyprint.HTML(string=html).write_pdf(str(path))
    assert load(path).text == sentence * 2 + "\n完。\n"


def test_pdf_without_text_asks_for_ocr(tmp_path: Path) -> None:
    weasyprint = pytest.importorskip("weasyprint")
    path = tmp_path / "scan.pdf"
    weasyprint.HTML(string="<html><body></body></html>").write_pdf(str(path))
    with pytest.raises(InvalidInput) as error:
        load(path)
    assert reason(error) == "scan.pdf has no text: if it is a scan, run OCR on it first"


def test_damaged_pdf(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.pdf", b"%PDF-1.7\n" + bytes(range(256)))
    with pytest.raises(InvalidInput, match="bad.pdf is not a readable PDF"):
        load(path)
