"""Where a number sits: its clause, sentence, paragraph and section, and the period they name.

Reports say the period once and let it run: a heading (`二、下半年工作安排`)
sets it for a section, a phrase (`1-6月份，`) for the rest of its sentence.
Headings that announce plans (`主要目标任务`, `工作安排`) make the numbers
under them targets.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from planwatch.extract.skim import Skimmer
from planwatch.periods import Period, parse_phrase
from planwatch.vocabulary import lexicon

# A comma between digits with three digits after it is a thousands separator.
# (every alternative opens with a character class, so the scan skips other text in C)
_CLAUSE_END = re.compile(
    r"[。；;！？!?\n：:]|[，,](?:(?<![0-9０-９][，,])|(?![0-9０-９]{3}(?![0-9０-９])))"
)
_SENTENCE_END = re.compile(r"[。！？!?\n]")
_LINE_END = re.compile(r"\n")
_LINE = re.compile(r"[^\n]+")
_LIST_MARK = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+部分)")
_SUB_MARK = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|[一二三四五六七八九十]+是)"
)
_PLAN_HEADING = re.compile(
    r"安排|打算|目标|计划的任务|主要指标|工作建议|重点工作|主要任务|主要工作|总体要求|工作任务|"
    r"下一?步|下一?阶段|思路"
)
_FIVE_YEAR = re.compile(r"[一二三四五六七八九十]+五”?(?:时期|规划)|五年")
_REVIEW_HEADING = re.compile(r"情况|回顾|执行|成效|成绩|进展|完成|总结|成就")
_YEAR = rf"{lexicon.YEAR}年"
_WORD = re.compile(r"[\u4e00-\u9fff]")
_PART = (
    r"上半年|下半年|前三季度|第?[一二三四1-4]季度|[1一][^\S\n]*[-—–~至到][^\S\n]*\d{1,2}月份?|"
    r"截[至止]\d{1,2}月[底末]|\d{1,2}月[底末]|年[末底]|以来|"
    r"全年|(?<=年)[末底]"
)
# Every alternative consumes text, so the scan never stops on empty matches; none spans a
# sentence's end, so one scan of the text finds each sentence's phrases.
_PERIOD_PHRASE = re.compile(
    # a year followed by a month and day is a date (（2026年3月31日）), not a period
    rf"(?P<year>{_YEAR}(?![0-9０-９一二三四五六七八九十]{{1,2}}月|[“\"《])|今年|本年|去年|上年|明年)"
    rf"(?P<part>{_PART})?|(?P<alone>{_PART})"
)
# where a phrase may start: an opening character, and the one after it as the phrase needs
_PERIOD_PHRASES = Skimmer(
    _PERIOD_PHRASE,
    r"[\d今本去上明下前第一二三四截年以全末底](?:"
    r"(?<=[1１])[789７８９]|(?<=[2２])[0０]|(?<=一)[七八九]|(?<=二)[零〇○]|(?<=[今本去上明])年|"
    r"(?<=[上下])半|(?<=前)三|(?<=第)[一二三四1-4]|(?<=[一二三四1-4])季|"
    r"(?<=[1一])[^\S\n]*[-—–~至到]|(?<=截)[至止]|(?<=\d)\d?月|(?<=年)[末底]|(?<=以)来|"
    r"(?<=全)年|(?<=年[末底]))",
)
# 在一九五二年，即…, 总产值在一九五七年达到…: a year written out after 在 is the time,
# except as a base (在2020年的基础上翻一番)
_ON_THE_BASE = re.compile(r"[^，,。；]{0,6}?基础上|[^，,。；]{0,3}?基数")
_PRICE_BASE = re.compile(r"的?(?:不变|可比|现行)?价格?")
_YARDSTICK = re.compile(r"[^，,。；]{0,4}?(?:目标|任务|计划|预算)")
_YARDSTICK_BEFORE = re.compile(r"(?:占|完成|为|达|达到|的)$")
_YEAR_RUN_SENTENCES = 12
_RELATIVE_YEARS = "今本去上明"  # 今年, 本年, 去年, 上年, 明年: years named, not written out


def _written(year: str | None) -> bool:
    """1979年, １９５５年, 一九五八年, 二〇一七年: a year written out (a character test: this
    runs for every period phrase of the text); 今年 and 去年 are not."""
    if not year or year[0] in _RELATIVE_YEARS:
        return False
    return year[0] not in "一二" or year[1] in "九零〇"


_COMPARISON_BEFORE = ("比", "较", "由", "从", "与", "同", "于", "到", "至", "自", "是", "在")


@dataclass(frozen=True)
class Section:
    start: int
    period: Period | None
    target: bool


class Layout:
    """Boundaries of one document's clauses, sentences and sections, for lookups by offset."""

    def __init__(self, text: str, document_period: Period | None, ahead: bool = False) -> None:
        self.text = text
        self.document_period = document_period
        # a work report is given as its year opens: what it dates in that year lies ahead
        self.ahead = ahead
        self.year = document_period.year if document_period else None
        self.clause_ends = [m.start() for m in _CLAUSE_END.finditer(text)]
        self.sentence_ends = [m.start() for m in _SENTENCE_END.finditer(text)]
        self.line_ends = [m.start() for m in _LINE_END.finditer(text)]
        self._phrase_matches = list(_PERIOD_PHRASES.finditer(text))
        self._phrase_starts = [match.start() for match in self._phrase_matches]
        # phrases that write their year out (1979年, 一九五八年): the ones that run on
        self._year_starts = [
            match.start() for match in self._phrase_matches if _written(match.group("year"))
        ]
        self._phrases: dict[int, tuple[list[int], list[Period]]] = {}
        self._written: dict[int, list[bool]] = {}
        self._carried: dict[tuple[int, int], Period | None] = {}
        self.sections = self._sections()
        self._section_starts = [s.start for s in self.sections]

    def clause_start(self, pos: int) -> int:
        index = bisect_left(self.clause_ends, pos)
        return self.clause_ends[index - 1] + 1 if index else 0

    def clause_end(self, pos: int) -> int:
        index = bisect_left(self.clause_ends, pos)
        return self.clause_ends[index] if index < len(self.clause_ends) else len(self.text)

    def line_start(self, pos: int) -> int:
        """Start of the line (paragraph) holding `pos`; a lookup, not a scan."""
        index = bisect_left(self.line_ends, pos)
        return self.line_ends[index - 1] + 1 if index else 0

    def sentence_start(self, pos: int) -> int:
        index = bisect_left(self.sentence_ends, pos)
        return self.sentence_ends[index - 1] + 1 if index else 0

    def section(self, pos: int) -> Section:
        index = bisect_right(self._section_starts, pos)
        return self.sections[index - 1] if index else Section(0, self.document_period, False)

    def period_before(
        self, pos: int, start: int | None = None, section: Section | None = None
    ) -> tuple[Period | None, bool]:
        """The period in force at `pos` and whether a phrase of its sentence named it.

        `start` and `section`, when the caller has them, are `pos`'s sentence start and section.
        """
        start = self.sentence_start(pos) if start is None else start
        section = self.section(pos) if section is None else section
        phrases = self._sentence_phrases(start, section.period)
        index = bisect_right(phrases[0], pos) - 1
        if index >= 0:
            return phrases[1][index], True
        carried = self._paragraph_year(start, section)
        return (carried, False) if carried is not None else (section.period, False)

    def _paragraph_year(self, sentence_start: int, section: Section) -> Period | None:
        """`1979年…在校学生102万人。中等专业学校…120万人`: a written year runs on."""
        key = (sentence_start, section.start)
        if key not in self._carried:
            self._carried[key] = self._look_back(sentence_start, section)
        return self._carried[key]

    def _look_back(self, sentence_start: int, section: Section) -> Period | None:
        paragraph_start = self.line_start(sentence_start)
        index = bisect_left(self._year_starts, paragraph_start)
        if index == len(self._year_starts) or self._year_starts[index] >= sentence_start:
            return None  # no year written earlier in the paragraph: the common case
        # a bounded look back: a text without line breaks must not cost quadratic time
        for _ in range(_YEAR_RUN_SENTENCES):
            if sentence_start <= paragraph_start or sentence_start <= section.start:
                break
            sentence_start = self.sentence_start(sentence_start - 1)
            _, periods = self._sentence_phrases(sentence_start, section.period)
            written_years = self._written[sentence_start]
            for period, written in zip(reversed(periods), reversed(written_years), strict=True):
                if written:
                    return period.year_period() if period.kind == "M" else period
        return None

    def _sentence_phrases(
        self, start: int, fallback: Period | None
    ) -> tuple[list[int], list[Period]]:
        """Ends and periods of a sentence's period phrases, read once per sentence."""
        cached = self._phrases.get(start)
        if cached is None:
            index = bisect_left(self.sentence_ends, start)
            end = self.sentence_ends[index] if index < len(self.sentence_ends) else len(self.text)
            ends: list[int] = []
            periods: list[Period] = []
            written: list[bool] = []
            first = bisect_left(self._phrase_starts, start)
            last = bisect_left(self._phrase_starts, end, first)
            for match in self._phrase_matches[first:last]:
                period = self._phrase_match_period(match, fallback)
                if period is not None:
                    ends.append(match.end())
                    periods.append(period)
                    written.append(_written(match.group("year")))
            cached = self._phrases[start] = (ends, periods)
            self._written[start] = written
        return cached

    def phrase_period(self, text: str, fallback: Period | None) -> Period | None:
        last: Period | None = None
        for match in _PERIOD_PHRASES.finditer(text):
            period = self._phrase_match_period(match, fallback)
            if period is not None:
                last = period
        return last

    def _phrase_match_period(self, match: re.Match[str], fallback: Period | None) -> Period | None:
        text = match.string
        before = text[max(0, match.start() - 2) : match.start()]
        if before[-1:] in _COMPARISON_BEFORE and before not in ("截至", "截止"):
            if before[-1:] != "在" or _ON_THE_BASE.match(text, match.end()):
                return None  # 比上年, 由1980年, 在2020年的基础上: a base of comparison
            if not _written(match.group("year")):
                return None  # 在今年…: 今年 after 在 stays as it was read before

        if before[-1:] in ("按", "照") and _PRICE_BASE.match(text, match.end()):
            return None  # 按一九五二年不变价格计算: the prices' year, not the period
        if match.group() == "全年" and _YARDSTICK.match(text, match.end()):
            if _YARDSTICK_BEFORE.search(text, max(0, match.start() - 3), match.start()):
                return None  # 占全年目标的51.8%: the yardstick of a completion, not the period
        return self._resolve(match, fallback)

    def _resolve(self, match: re.Match[str], fallback: Period | None) -> Period | None:
        year_word, part = match.group("year"), match.group("part") or match.group("alone")
        year = _year_of(year_word, self.year, fallback)
        if year is None:
            return None
        if part is None:
            return Period(year, "Y", 0)
        if part == "以来":
            return self.document_period if year_word in ("今年", "本年") else None
        if part == "全年" and year_word is None and fallback is not None:
            return fallback.year_period()
        if part in ("末", "底"):
            return Period(year, "M", 12)  # 2024年底: a stock at the year's end
        return parse_phrase(part, year, self.document_period)

    def _sections(self) -> list[Section]:
        sections: list[Section] = []
        current = Section(0, self.document_period, False)
        for match in _LINE.finditer(self.text):
            line = match.group().strip()
            if not _is_heading(line):
                continue
            section = self._heading_section(match.start(), line, current)
            if section is not None:
                current = section
                sections.append(section)
        return sections

    def _heading_section(self, start: int, line: str, current: Section) -> Section | None:
        period = self.phrase_period(line, self.document_period)
        top = _LIST_MARK.match(line) is not None
        plan = self._plans(line, period, inherited=current.target and not top)
        if plan and _FIVE_YEAR.search(line):
            return Section(start, None, plan)  # “十五五”时期: targets for the plan's last year
        if period is None and not plan:
            if top:
                return Section(start, self.document_period, False)
            # a review heading (“十四五”时期工作回顾) closes the plans before it; a line that
            # introduces a list (各工业部门的建设情况是这样：) is no heading of its own
            if _REVIEW_HEADING.search(line) is None or line.endswith(("：", ":")):
                return None
            return Section(start, self._reviewed_period(current), False)
        if period is None and plan and not self._plans(line, None, inherited=False):
            period = current.period  # a sub-heading under a plan heading: the plan's year
        if period is None and plan and self.year is not None:
            period = Period(self.year, "Y", 0)  # 第四季度工作安排: plans for the year
        if period is None:
            period = current.period if current.period is not None else self.document_period
        return Section(start, period, plan)

    def _reviewed_period(self, current: Section) -> Period | None:
        """The period a review heading without a year (“十四五”时期工作回顾) looks back on: in a
        report given as a year opens (a work report), the year before; else the document's."""
        if self.ahead and self.year is not None:
            return Period(self.year - 1, "Y", 0)
        return self.document_period if current.target else current.period

    def _plans(self, line: str, period: Period | None, inherited: bool) -> bool:
        """Whether the numbers under a heading are targets rather than results."""
        if _REVIEW_HEADING.search(line):
            return False
        if _PLAN_HEADING.search(line):
            return True
        if period is not None and self.year is not None and period.year > self.year:
            return True
        if self.ahead and period is not None and period.year == self.year:
            return True  # 2026年政府工作, in a report given as 2026 opens
        if period is not None and period.kind == "H" and period.index == 2:
            return True
        return inherited


def _is_heading(line: str) -> bool:
    if not line or len(line) > 40 or line.endswith(("。", "；", ";")):
        return False
    if not _WORD.search(line):
        return False  # 40, - 3 -: a page number names no section
    if _LIST_MARK.match(line) or _SUB_MARK.match(line):
        return True
    return len(line) <= 30 and "，" not in line and "," not in line


def _year_of(word: str | None, year: int | None, fallback: Period | None) -> int | None:
    if word is None or word in ("今年", "本年"):
        if fallback is not None and word is None:
            return fallback.year
        return year
    if word in ("去年", "上年"):
        return year - 1 if year is not None else None
    if word == "明年":
        return year + 1 if year is not None else None
    digits = word[:-1]
    if digits.isdigit():
        return int(digits)
    return lexicon.year_from_chinese(digits)
