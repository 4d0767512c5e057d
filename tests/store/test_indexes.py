"""The figure queries read by the (region_id, period) index (migration 0004_scale).

Each query is run once through its read function with a listener that keeps the SQL and
parameters the driver got; the same statement is then explained on the same database.
SQLite's EXPLAIN QUERY PLAN names the index it searches; PostgreSQL's planner prefers a
sequential scan on a table this small, so it is asked to avoid one (enable_seqscan off)
and must then find the index usable for the statement's conditions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import event

from planwatch.reads.figures import figure_books
from planwatch.reads.plans import plan_listings
from planwatch.store import Store
from planwatch.vocabulary import REVIEWED
from tests.conftest import load_sample

INDEX = "ix_observations_region_period"


def _captured(
    store: Store, run: Callable[[Any], object], table: str = "observations"
) -> list[tuple[str, Any]]:
    seen: list[tuple[str, Any]] = []

    def record(_c: Any, _cur: Any, statement: str, parameters: Any, *_: Any) -> None:
        if f"FROM {table}" in statement:
            seen.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        with store.reading() as session:
            run(session)
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    assert seen, f"the read ran no query on {table}"
    return seen


def _plan(store: Store, statement: str, parameters: Any) -> str:
    raw = store.engine.raw_connection()
    try:
        cursor = raw.cursor()
        if store.is_sqlite:
            cursor.execute("EXPLAIN QUERY PLAN " + statement, parameters)
            return "\n".join(str(row[-1]) for row in cursor.fetchall())
        cursor.execute("SET enable_seqscan = off")
        cursor.execute("EXPLAIN " + statement, parameters)
        return "\n".join(str(row[0]) for row in cursor.fetchall())
    finally:
        raw.close()


def _region_id(store: Store) -> int:
    with store.reading() as session:
        (book,) = figure_books(session, _all_regions(session), (2017,)).keys()
    return book


def _all_regions(session: Any) -> list[int]:
    from planwatch.reads.regions import region_list

    return [row.id for row in region_list(session, limit=1000, offset=0).items]


def test_figures_of_some_years_are_read_by_region_and_period(store: Store) -> None:
    load_sample(store)
    region = _region_id(store)
    (query,) = _captured(store, lambda s: figure_books(s, [region], (2017, 2016)))
    plan = _plan(store, *query)
    assert INDEX in plan, plan
    if store.is_sqlite:  # the period range is searched in the index, not filtered after
        assert "region_id=? AND period>? AND period<?" in plan, plan


def test_the_start_pages_periods_come_from_the_counts(sqlite_store: Store) -> None:
    """SQLite reads the listed plans' (region, period) pairs from a range of the counts'
    primary key (migration 0009), not from the figures."""
    load_sample(sqlite_store)
    assert not _captured_any(sqlite_store, lambda s: plan_listings(s, REVIEWED))
    (query,) = _captured(sqlite_store, lambda s: plan_listings(s, REVIEWED), "figure_periods")
    plan = _plan(sqlite_store, *query)
    assert (
        "INDEX sqlite_autoindex_figure_periods_1 (region_id=? AND period>? AND period<?)" in plan
    ), plan


def _captured_any(store: Store, run: Callable[[Any], object]) -> bool:
    try:
        _captured(store, run)
    except AssertionError:
        return False
    return True


def test_a_comparisons_figures_are_read_by_region_and_period_code(store: Store) -> None:
    load_sample(store)
    region = _region_id(store)
    spans = {(2017, 6), (2016, 6), (2016, 12)}
    (query,) = _captured(store, lambda s: figure_books(s, [region], (2017, 2016), spans=spans))
    plan = _plan(store, *query)
    assert INDEX in plan, plan
    if store.is_sqlite:
        assert "region_id=? AND period=?" in plan, plan
