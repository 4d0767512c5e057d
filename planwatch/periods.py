"""Reporting periods: codes (`2017`, `2017H1`, `2017Q3`, `2017M06`) and Chinese phrases.

A period is year-to-date (`2017Q3` is January to September, the span a
report of 前三季度 covers), except a single quarter named alone (二季度), which
keeps the code of the quarter it names. A month code also stands for a stock at that
month's end (`截止6月底` gives `2017M06`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from planwatch.errors import InvalidInput

_CODE = re.compile(r"(\d{4})(?:(H)([12])|(Q)([1-4])|(M)(0[1-9]|1[0-2]))?")
_MONTHS_PER_UNIT = {"Y": 12, "H": 6, "Q": 3, "M": 1}
_CN_DIGITS = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
    "十一": 11,
    "十二": 12,
}


@dataclass(frozen=True)
class Period:
    year: int
    kind: str
    index: int = 0

    @classmethod
    def parse(cls, code: str) -> Period:
        match = _CODE.fullmatch(code.strip()) if isinstance(code, str) else None
        if match is None:
            raise InvalidInput("periods.bad_period", code=code)
        year = int(match.group(1))
        for kind_group in (2, 4, 6):
            if match.group(kind_group):
                return cls(year, match.group(kind_group), int(match.group(kind_group + 1)))
        return cls(year, "Y", 0)

    @classmethod
    def from_months(cls, year: int, months: int) -> Period:
        """The year-to-date period closing after `months` months, coarsest code first."""
        if months >= 12:
            return cls(year, "Y", 0)
        if months == 6:
            return cls(year, "H", 1)
        if months % 3 == 0:
            return cls(year, "Q", months // 3)
        return cls(year, "M", months)

    @property
    def code(self) -> str:
        if self.kind == "Y":
            return str(self.year)
        if self.kind == "M":
            return f"{self.year}M{self.index:02d}"
        return f"{self.year}{self.kind}{self.index}"

    def __str__(self) -> str:
        return self.code

    @property
    def months(self) -> int:
        """Months of the year closed at the end of the period."""
        return _MONTHS_PER_UNIT[self.kind] * (self.index or 1)

    @property
    def time_progress(self) -> float:
        return self.months / 12

    def same_period_last_year(self) -> Period:
        return Period(self.year - 1, self.kind, self.index)

    def year_period(self) -> Period:
        return Period(self.year, "Y", 0)

    def spellings(self) -> list[str]:
        """Every code of the same months of the same year (2017M06, 2017Q2, 2017H1): a
        figure stored under any of them is a figure of this period."""
        kinds = (("Y", 12), ("H", 6), ("Q", 3), ("M", 1))
        return [
            Period(self.year, kind, self.months // size if kind != "Y" else 0).code
            for kind, size in kinds
            if self.months % size == 0 and (kind != "Y" or self.months == 12)
        ]


@lru_cache(maxsize=4096)  # figure files and queries name a few dozen codes, row after row
def span_of(code: str) -> tuple[int, int]:
    """(year, months closed) of a period code: 2017M06, 2017Q2 and 2017H1 are one span.
    A figure checked on its own, of no period (``""``), has the span (0, 0)."""
    if not code:
        return 0, 0
    period = Period.parse(code)
    return period.year, period.months


def _month_number(token: str) -> int | None:
    if token.isdigit():
        value = int(token)
    else:
        value = _CN_DIGITS.get(token, 0)
    return value if 1 <= value <= 12 else None


_MONTH = r"(\d{1,2}|十[一二]?|[一二三四五六七八九])"
_PHRASES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"截[至止](?:到)?(?:今年|本年)?" + _MONTH + r"月(?:底|末)"), "stock"),
    (re.compile(_MONTH + r"月(?:底|末)"), "stock"),
    (re.compile(r"1\s*[-—–~至到]\s*" + _MONTH + r"月"), "months"),
    (re.compile(r"一\s*[-—–~至到]\s*" + _MONTH + r"月"), "months"),
    (re.compile(r"前([一二三])季度"), "quarters"),
    (re.compile(r"(?:第)?([一二三四1-4])季度"), "quarter"),
    (re.compile(r"上半年"), "H1"),
    (re.compile(r"下半年"), "H2"),
    (re.compile(r"年[末底]"), "stock_year"),
    (re.compile(r"全年|今年|本年|年度"), "year"),
    (re.compile(r"今年以来|年初以来"), "to_date"),
]


def parse_phrase(
    text: str, year: int | None, document_period: Period | None = None
) -> Period | None:
    """The period a Chinese phrase names (`上半年` → H1), in `year`; None if unknown."""
    if year is None and document_period is not None:
        year = document_period.year
    if "以来" in text and ("今年" in text or "年初" in text):
        return document_period
    if year is None:
        return None
    for pattern, kind in _PHRASES:
        match = pattern.search(text)
        if match is not None:
            return _period_of(kind, match, year)
    return None


def _period_of(kind: str, match: re.Match[str], year: int) -> Period | None:
    if kind == "H1":
        return Period(year, "H", 1)
    if kind == "H2":
        return Period(year, "H", 2)
    if kind in ("year",):
        return Period(year, "Y", 0)
    if kind == "stock_year":
        return Period(year, "M", 12)
    if kind == "quarters":
        quarter = _CN_DIGITS[match.group(1)]
        return Period(year, "Q", quarter)
    if kind == "quarter":
        token = match.group(1)
        quarter = int(token) if token.isdigit() else _CN_DIGITS[token]
        # a single quarter (二季度) takes the code of the quarter it names: the figure is
        # for those three months, which no year-to-date code covers better
        return Period(year, "Q", quarter)
    month = _month_number(match.group(1))
    if month is None:
        return None
    if kind == "stock":
        return Period(year, "M", month)
    return Period.from_months(year, month)


# --- the reporting calendar: which periods a frequency reports, and when each is due ---

_DUE_NEXT_MONTH = re.compile(r"次月(\d{1,2})日")
_DUE_NEXT_YEAR = re.compile(r"次年(\d{1,2})月(\d{1,2})日")
_DUE_AFTER = re.compile(r"期末后(\d{1,3})[天日]")


def check_due_rule(rule: str) -> str:
    """The rule itself if it is one ``due_date`` reads; InvalidInput saying how to write it."""
    text = rule.strip() if isinstance(rule, str) else ""
    if _DUE_AFTER.fullmatch(text):
        return text
    month = _DUE_NEXT_MONTH.fullmatch(text)
    if month and 1 <= int(month.group(1)) <= 28:
        return text
    year = _DUE_NEXT_YEAR.fullmatch(text)
    if year and 1 <= int(year.group(1)) <= 12 and 1 <= int(year.group(2)) <= 28:
        return text
    raise InvalidInput("periods.due_rule", rule=rule)


def period_end(period: Period) -> date:
    """The last day of the months the period closes."""
    after = date(period.year + period.months // 12, period.months % 12 + 1, 1)
    return after - timedelta(days=1)


def due_date(period: Period, rule: str) -> date:
    """When the figures of ``period`` are due under ``rule`` (次月5日: the 5th of the month
    after the period closes; 次年1月20日; 期末后10天)."""
    text = check_due_rule(rule)
    end = period_end(period)
    if match := _DUE_AFTER.fullmatch(text):
        return end + timedelta(days=int(match.group(1)))
    if match := _DUE_NEXT_YEAR.fullmatch(text):
        return date(end.year + 1, int(match.group(1)), int(match.group(2)))
    match = _DUE_NEXT_MONTH.fullmatch(text)
    assert match is not None
    following = end + timedelta(days=1)
    return date(following.year, following.month, int(match.group(1)))


def reporting_periods(every: int, year: int, up_to: int = 12) -> list[Period]:
    """The periods a department reporting every ``every`` months owes in ``year`` up to the
    ``up_to``-th month, each as its year-to-date code (季报: 2017Q1, 2017H1, 2017Q3, 2017)."""
    return [Period.from_months(year, months) for months in range(every, up_to + 1, every)]


def reported_at(every: int, period: Period) -> bool:
    """Whether a report every ``every`` months falls due at the close of ``period``."""
    return period.months % every == 0


def periods_in_view(today: date, soon: int, back: int = 366) -> list[Period]:
    """The year-to-date periods (months, quarters, half-years, years) a reminder may be
    about on ``today``: closed within the last ``back`` days, or closing within ``soon``
    days (a due rule falls after the close), oldest first."""
    first, last = today - timedelta(days=back), today + timedelta(days=soon)
    found = []
    for year in range(first.year, last.year + 1):
        for months in range(1, 13):
            period = Period.from_months(year, months)
            if first < period_end(period) <= last:
                found.append(period)
    return found
