"""One rule for a figure's decimals, by unit and magnitude; English names of units."""

from __future__ import annotations

import pytest

from planwatch import numberformat, units
from planwatch.web.export import table


@pytest.mark.parametrize(
    ("value", "unit", "report", "page"),
    [
        (598.0564, "亿元", "598.06", "598.06"),  # the 2, 3 or 4 decimals side by side: two
        (83.8, "亿元", "83.8", "83.8"),  # as reported: no trailing zero
        (24012.4, "元", "24012", "24,012"),  # 元 whole
        (1850.6, "元/人", "1851", "1,851"),
        (24400.0, "人", "24400", "24,400"),  # counts of people and things whole
        (3166.0, "套", "3166", "3,166"),
        (2.4412, "万人", "2.44", "2.44"),  # ten-thousands keep their decimals
        (15.614, "%", "15.61", "15.61"),
        (8.1, "%", "8.1", "8.1"),
        (0.0041, "亿元", "0.0041", "0.0041"),  # too small for two decimals: its digits kept
        (-0.001, None, "-0.001", "-0.001"),
        (-0.0001, "元", "0", "0"),
    ],
)
def test_one_rule_for_report_and_page(
    value: float, unit: str | None, report: str, page: str
) -> None:
    assert numberformat.figure(value, unit) == report
    assert numberformat.grouped(value, unit) == page
    assert numberformat.rounded(value, unit) == pytest.approx(float(report))


def test_completion_shares_keep_one_decimal() -> None:
    assert numberformat.one_decimal(74.53) == "74.5" and numberformat.one_decimal(79) == "79.0"
    assert numberformat.one_decimal(-0.01) == "0.0"


def test_exports_round_each_figure_by_the_unit_beside_it() -> None:
    data = {
        "rows": [
            {"value": 598.0564, "unit": "亿元", "growth": 8.123},
            {"value": 24012.4, "unit": "元", "target": {"value": 1850.6, "unit": "元/人"}},
        ]
    }
    columns, rows = table(data)
    cells = [dict(zip(columns, row, strict=True)) for row in rows]
    assert cells[0]["value"] == 598.06 and cells[0]["growth"] == 8.12
    assert cells[1]["value"] == 24012 and cells[1]["target.value"] == 1851


@pytest.mark.parametrize(
    ("unit", "english"),
    [
        ("亿元", "100 million yuan"),
        ("万元", "10,000 yuan"),
        ("元", "yuan"),
        ("万人", "10,000 people"),
        ("%", "%"),
        ("万平方米", "10,000 m²"),
        ("元/人", "yuan per person"),
        ("万美元", "10,000 US dollars"),
        ("个百分点", "percentage points"),
        ("标箱", "标箱"),  # no English known: kept as written
        (None, ""),
    ],
)
def test_units_named_in_english(unit: str | None, english: str) -> None:
    assert units.english(unit) == english
