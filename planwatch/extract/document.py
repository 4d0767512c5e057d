"""What a report says about itself when no metadata came with it: title, region, year, period."""

from __future__ import annotations

import re

from planwatch.extract.model import DocumentInfo
from planwatch.periods import Period, parse_phrase
from planwatch.vocabulary import lexicon

_LINE = re.compile(r"[^\n]+")
_TITLE_WORDS = re.compile(r"报告|公报|计划|情况|规划|纲要|通报|总结")
_REPORT_WORDS = re.compile(r"报告|公报")
_METADATA_LINE = re.compile(
    r"^\s*(?:名\s*称|发布机构|文\s*号|索\s*引\s*号|公开|内容概述|来源|时间|发布时间|发表时间)"
)
_YEAR = re.compile(rf"({lexicon.ARABIC_YEAR})(?:、{lexicon.ARABIC_YEAR})?\s*年")
_CN_YEAR = re.compile(rf"({lexicon.CHINESE_YEAR})年")
_REGION = re.compile(
    r"([\u4e00-\u9fff]{2,10}?(?:自治区|自治州|自治县|特别行政区|省|市|区|县|州|盟|旗))"
    r"(?=[\u4e00-\u9fff\d]|$)"
)
_REGION_SKIP = re.compile(r"^(?:关于|\d{4}年(?:度)?|[一二][九零〇]\S{2}年(?:度)?|中华人民共和国)+")
_CONGRESS_REGION = re.compile(r"在([\u4e00-\u9fff]{2,10}?(?:自治区|省|市|区|县|州))第")
_PARTIAL_YEAR = re.compile(r"上半年|下半年|前三季度|[一1]季度|1\s*[-—~至]\s*\d{1,2}月")
_HEAD = 2000


def infer(text: str, known: DocumentInfo | None = None) -> DocumentInfo:
    """`known` with its gaps filled from the text itself."""
    info = known if known is not None else DocumentInfo()
    if info.title is None:
        info.title = title_of(text)
    title = info.title or ""
    if info.region is None:
        info.region = region_of(title) or _congress_region(text[:_HEAD])
    if info.year is None:
        info.year = year_of(title) or year_of(text[:_HEAD])
    if info.period is None and info.year is not None:
        partial = _PARTIAL_YEAR.search(title)
        period = parse_phrase(partial.group(), info.year) if partial else None
        info.period = (period or Period(info.year, "Y", 0)).code
    info.chars = len(text)
    return info


def title_of(text: str) -> str | None:
    """The first line that reads as a report's title; reports come before other titles."""
    lines = [_unspaced(m.group().strip(" \t\u3000")) for m in _LINE.finditer(text, 0, _HEAD)]
    lines = [line for line in lines if line and not _METADATA_LINE.match(line) and len(line) <= 80]
    for words in (_REPORT_WORDS, _TITLE_WORDS):
        for index, line in enumerate(lines):
            if words.search(line) and not line.endswith(("。", "：", ":", "，")):
                return _joined_with_head(lines, index)
    return lines[0][:80] if lines else None


def _joined_with_head(lines: list[str], index: int) -> str:
    # a title broken over two lines: 2025年泉州市 / 国民经济和社会发展统计公报
    before = lines[index - 1] if index else ""
    if before and len(before) <= 12 and _YEAR.search(before) and not _YEAR.search(lines[index]):
        return before + lines[index]
    # 关于深圳市2025年…计划 / 执行情况与2026年计划草案的报告: the head opens with 关于
    if before.startswith("关于") and not _REPORT_WORDS.search(before) and len(before) <= 40:
        return before + lines[index]
    return lines[index]


# 关  于  深  圳  市  2025年: a title set with spaces between its characters
_SPACED = re.compile(r"(?<=[\u4e00-\u9fff\d])[ \u3000]+(?=[\u4e00-\u9fff\d])")


def _unspaced(line: str) -> str:
    """A line spaced out character by character, closed up; any other line as it is."""
    if line.count(" ") + line.count("\u3000") < len(line) // 3:
        return line  # running text has a stray space, not one after every character
    return _SPACED.sub("", line)


def region_of(title: str) -> str | None:
    rest = _REGION_SKIP.sub("", title.strip())
    match = _REGION.search(rest)
    if match is None or "人民" in match.group(1):
        return None
    return match.group(1)


def _congress_region(head: str) -> str | None:
    match = _CONGRESS_REGION.search(head)
    return match.group(1) if match else None


def year_of(text: str) -> int | None:
    match = _YEAR.search(text)
    if match is not None:
        return int(match.group(1))
    chinese = _CN_YEAR.search(text)
    if chinese is not None:
        return lexicon.year_from_chinese(chinese.group(1))
    return None
