"""Period codes and the Chinese phrases that name them."""

from __future__ import annotations

import pytest

from planwatch.errors import InvalidInput
from planwatch.periods import Period, parse_phrase, span_of


@pytest.mark.parametrize(
    ("code", "kind", "index"),
    [
        ("2017", "Y", 0),
        ("2017H1", "H", 1),
        ("2017H2", "H", 2),
        ("2017Q3", "Q", 3),
        ("2017M01", "M", 1),
        ("2017M12", "M", 12),
    ],
)
def test_parse_round_trips(code: str, kind: str, index: int) -> None:
    period = Period.parse(code)
    assert (period.year, period.kind, period.index) == (2017, kind, index)
    assert str(period) == period.code == code


@pytest.mark.parametrize("code", ["2017H3", "2017Q5", "2017M13", "2017M1", "17", "", "2017h1"])
def test_parse_refuses_bad_codes_and_says_what_is_valid(code: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        Period.parse(code)
    assert str(raised.value) == (
        f"period '{code}' is not valid: "
        "use 2017, 2017H1, 2017H2, 2017Q1..2017Q4 or 2017M01..2017M12"
    )


@pytest.mark.parametrize(
    ("code", "progress", "months"),
    [
        ("2017H1", 0.5, 6),
        ("2017Q3", 0.75, 9),
        ("2017M05", 5 / 12, 5),
        ("2017", 1.0, 12),
        ("2017H2", 1.0, 12),
    ],
)
def test_time_progress_is_share_of_year_closed(code: str, progress: float, months: int) -> None:
    period = Period.parse(code)
    assert period.time_progress == pytest.approx(progress)
    assert period.months == months


def test_related_periods() -> None:
    assert Period.parse("2017Q3").same_period_last_year() == Period.parse("2016Q3")
    assert Period.parse("2017M06").year_period() == Period.parse("2017")


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("上半年", "2017H1"),
        ("下半年", "2017H2"),
        ("1-6月份", "2017H1"),
        ("1—9月", "2017Q3"),
        ("1-5月", "2017M05"),
        ("前三季度", "2017Q3"),
        ("一季度", "2017Q1"),
        ("二季度", "2017Q2"),
        ("第三季度", "2017Q3"),
        ("4季度", "2017Q4"),
        ("截至6月底", "2017M06"),
        ("截止6月底", "2017M06"),
        ("全年", "2017"),
        ("年末", "2017M12"),
        ("年底", "2017M12"),
    ],
)
def test_phrases(phrase: str, code: str) -> None:
    assert parse_phrase(phrase, 2017) == Period.parse(code)


def test_to_date_takes_the_document_period() -> None:
    assert parse_phrase("今年以来", 2017, Period.parse("2017H1")) == Period.parse("2017H1")


def test_year_comes_from_document_period_when_not_given() -> None:
    assert parse_phrase("上半年", None, Period.parse("2020Q3")) == Period.parse("2020H1")


def test_unknown_phrase_and_unknown_year_give_none() -> None:
    assert parse_phrase("一般情况", 2017) is None
    assert parse_phrase("上半年", None) is None


def test_spellings_name_every_code_of_the_same_months() -> None:
    assert Period.parse("2017M06").spellings() == ["2017H1", "2017Q2", "2017M06"]
    assert Period.parse("2017Q4").spellings() == ["2017", "2017H2", "2017Q4", "2017M12"]
    assert Period.parse("2017M05").spellings() == ["2017M05"]
    for code in ("2017", "2017H1", "2017Q3", "2017M02", "2017M09"):
        period = Period.parse(code)
        assert {Period.parse(c).months for c in period.spellings()} == {period.months}
        assert code in period.spellings()


def test_a_span_is_the_same_for_every_spelling_of_a_period() -> None:

    assert span_of("2017M06") == span_of("2017Q2") == span_of("2017H1") == (2017, 6)
    assert span_of("2017") == span_of("2017M12") == (2017, 12)
    assert span_of("") == (0, 0)  # a figure checked on its own
