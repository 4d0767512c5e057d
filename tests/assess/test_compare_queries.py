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
    # region, members, plans, tasks, projects, figure codes, figures; with an indicator, it
    # too and the regions holding figures of any indicator
    assert few <= (8 if indicator is None else 9), f"{few} statements"


def test_one_indicators_ranking_judges_only_it_and_keeps_who_lacks_its_figures(
    store: Store,
) -> None:
    add_streets(store, 1, 3)
    with store.transaction(actor="test") as session:  # a fourth street: GDP figures only
        add_region(session, "420106004", "第4街道", "street", "420106")
        store_plan(
            session,
            PlanIn.model_validate({"region": "420106004", "year": 2017, "targets": TARGETS}),
        )
        item = {"region": "420106004", "indicator": "地区生产总值", "period": "2017H1"}
        gdp = ObservationIn.model_validate({**item, "measure": "yoy_growth", "value": 7})
        store_figures(session, [(1, gdp)])
    with store.reading() as session:
        result = compare_regions(session, "420106", "street", "2017H1", "全社会固定资产投资")
    assert not result.skipped
    judged = {r.region: [(a.indicator, a.status) for a in r.assessments] for r in result.regions}
    assert judged["第4街道"] == [("全社会固定资产投资", "unknown")]
    assert judged["第1街道"] == [("全社会固定资产投资", judged["第1街道"][0][1])]
    assert judged["第1街道"][0][1] != "unknown"
    assert [e.region for e in result.rankings[0].entries] == ["第3街道", "第2街道", "第1街道"]
