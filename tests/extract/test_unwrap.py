"""Fixed-width lines (a PDF's text) read as flowing prose, with offsets into the original."""

from __future__ import annotations

from planwatch.extract import extract_text
from planwatch.extract.unwrap import unwrap

HEADER = "深圳市人民政府公报  2026年第10期"
PROSE = "全市文化产业稳步发展，文化及相关产业增加值保持增长，重点企业持续壮大，"


def page(*lines: str) -> str:
    # eleven wrapped lines of filler make the layout recognisable as wrapped
    filler = [PROSE[:-1] + "，"] * 11
    return "\n".join([*filler, *lines, "产业结构持续优化。"])


def test_a_number_split_from_its_unit_by_a_line_break_is_read() -> None:
    text = page(
        "全国文化大数据交易中心交易额突破  1400亿", "元，新增海外仓面积40万平方米，持续提升了服务"
    )
    found = [f for f in extract_text(text).facts if f.value == 1400]
    assert len(found) == 1 and found[0].unit == "亿元"
    fact = found[0]
    assert text[fact.span[0] : fact.span[1]] == fact.text and "\n" in fact.text
    assert text[fact.number_span[0] : fact.number_span[1]] == "1400"


def test_running_headers_and_page_numbers_inside_a_sentence_are_dropped() -> None:
    lines = [
        "新改扩建中小学（幼儿园）137所，新增基础教育学位，累计建成博物",
        "37",
        HEADER,
        "馆  66座，建成公共图书馆多座，文化设施网络不断完善，群众文化生活",
        "38\x0c",
        HEADER,
        "丰富多彩，全年举办各类文化活动，持续满足群众需求，文化事业繁荣发展，",
        "39",
        HEADER,  # a running header is printed on every page: three times at least
        "文化消费持续升温。",
    ]
    text = page(*lines)
    flowing = unwrap(text)
    assert flowing is not None
    assert "博物馆  66座" in flowing.text and HEADER not in flowing.text
    museum = [f for f in extract_text(text).facts if f.value == 66]
    assert museum and museum[0].subject is not None and "博物馆" in museum[0].subject


def test_prose_with_a_paragraph_a_line_is_left_alone() -> None:
    text = "\n".join(["地区生产总值完成525.69亿元，同比增长8.1%，增速稳步提升，好于预期。"] * 12)
    assert unwrap(text) is None
