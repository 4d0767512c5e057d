"""A comparison reads its regions set-wise: as many queries for 50 regions as for 5.

The counties here are 街道 under 武昌区, each with a plan and figures; every statement
the comparison sends is counted with a SQLAlchemy ``before_cursor_execute`` listener.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event

from planwatch.assess import compare_regions
from planwatch.records.bulk import store_figures
from planwatch.records.observations import ObservationIn
from planwatch.records.plans import PlanIn, store_plan
from planwatch.store import Store
from planwatch.store.reference import add_region

TARGETS = [
    {"indicator": "地区生产总值", "kind": "growth_at_least", "value": 8, "unit": "%"},
    {"indicator": "全社会固定资产投资", "kind": "value_at_least", "value": 40, "unit": "亿元"},
    {"indicator": "一般公共预算收入", "kind": "growth_at_least", "value": 6, "unit": "%"},
]


def add_streets(store: Store, first: int, count: int) -> None:
    """Streets ``first`` … under 武昌区, each with a 2017 plan and H1 and 2016H1 figures."""
    figures = []
    with store.transaction(actor="test") as session:
        for number in range(first, first + count):
            code = f"420106{number:03d}"
            add_region(session, code, f"第{number}街道", "street", "420106")
            store_plan(
                session, PlanIn.model_validate({"region": code, "year": 2017, "targets": TARGETS})
            )
            for period, scale in (("2017H1", 1.0), ("2016H1", 0.9)):
                figures += [
                    (code, "地区生产总值", period, "yoy_growth", 6 + number % 5, "%"),
                    (code, "全社会固定资产投资", period, "value", 10 * scale + number, "亿元"),
                    (code, "一般公共预算收入", period, "value", scale * (3 + number), "亿元"),
                ]
        fields = ("region", "indicator", "period", "measure", "value", "unit")
        items = [ObservationIn.model_validate(dict(zip(fields, f, strict=True))) for f in figures]
        store_figures(session, enumerate(items, start=1))


@contextmanager
def counted(store: Store) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(store.engine, "before_cursor_execute", count)


def queries_to_compare(store: Store, indicator: str | None) -> tuple[int, int]:
    """(statements sent, regions ranked) comparing every street under 武昌区."""
    with store.reading() as session, counted(store) as statements:
        result = compare_regions(session, "420106", "street", "2017H1", indicator)
    return len(statements), len(result.regions)


@pytest.mark.parametrize("indicator", [None, "全社会固定资产投资"])
def test_fifty_regions_take_as_many_queries_as_five(store: Store, indicator: str | None) -> None:
    add_streets(store, 1, 5)
    few, ranked = queries_to_compare(store, indicator)
    assert ranked == 5
    add_streets(store, 6, 45)
    many, ranked = queries_to_compare(store, indicator)
    assert ranked == 50
    assert many == few
    assert few <= 8, f"{few} statements"  # region, members, plans, tasks, projects, figures
