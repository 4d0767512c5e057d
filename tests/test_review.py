"""Accepting, correcting and rejecting facts, and what that does to the stored data."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from planwatch.errors import InvalidInput, NotFound
from planwatch.records.ingest import ingest_path
from planwatch.records.review import accept_fact, correct_fact, reject_fact
from planwatch.store import Store
from planwatch.store.models import Fact, Observation
from tests.conftest import SAMPLE


def gdp_fact(store: Store) -> int:
    ingest_path(store, SAMPLE / "wuchang-2017h1-plan-execution.txt")
    with store.reading() as session:
        return session.scalars(select(Fact.id).where(Fact.value == 525.69)).one()


def observations(store: Store) -> list[tuple[float, int, int | None]]:
    with store.reading() as session:
        rows = session.scalars(select(Observation).order_by(Observation.id))
        return [(o.value, o.version, o.source_fact_id) for o in rows]


def test_accept_correct_reject(sqlite_store: Store) -> None:
    fact_id = gdp_fact(sqlite_store)
    with sqlite_store.transaction() as session:
        assert accept_fact(session, fact_id).stored == 1
    assert observations(sqlite_store) == [(525.69, 1, fact_id)]
    with sqlite_store.transaction() as session:
        result = correct_fact(session, fact_id, {"value": "526.1"})
        assert result.status == "corrected"
    assert observations(sqlite_store) == [(526.1, 1, fact_id)]
    with sqlite_store.transaction() as session:
        reject_fact(session, fact_id)
        assert session.get(Fact, fact_id).review_status == "rejected"  # type: ignore[union-attr]
    assert observations(sqlite_store) == []


def test_unindexed_facts_are_accepted_without_data(sqlite_store: Store) -> None:
    ingest_path(sqlite_store, SAMPLE / "wuchang-2017h1-plan-execution.txt")
    with sqlite_store.transaction() as session:
        fact_id = session.scalars(select(Fact.id).where(Fact.value == 188)).first()
        assert fact_id is not None
        result = accept_fact(session, fact_id)
    assert result.stored == 0 and result.note and "not a catalogue indicator" in result.note


def test_bad_reviews(sqlite_store: Store) -> None:
    fact_id = gdp_fact(sqlite_store)
    with pytest.raises(NotFound, match="fact 99999 does not exist"):
        with sqlite_store.transaction() as session:
            accept_fact(session, 99999)
    for changes, message in [
        ({"value": "abc"}, "value 'abc' is not a number"),
        ({"period": "2017H3"}, "period '2017H3' is not valid"),
        ({"measure": "speed"}, "unknown measure 'speed'"),
        ({"colour": "red"}, "cannot correct colour"),
    ]:
        with pytest.raises(InvalidInput, match=message):
            with sqlite_store.transaction() as session:
                correct_fact(session, fact_id, changes)
    assert observations(sqlite_store) == []


def test_accepting_a_restated_target_updates_the_plan(sample_store: Store) -> None:
    from planwatch.store.models import Target

    with sample_store.reading() as session:
        before = session.scalars(select(Target.id)).all()
    ingest_path(sample_store, SAMPLE / "wuchang-2017h1-plan-execution.txt", accept=True)
    with sample_store.reading() as session:
        targets = session.scalars(select(Target)).all()
        assert {t.id for t in targets} >= set(before)
        pairs = [(t.indicator.name, t.kind) for t in targets]
        assert len(pairs) == len(set(pairs)), pairs
        gdp = next(t for t in targets if t.indicator.name == "地区生产总值")
        assert gdp.source_fact_id is not None and gdp.value == 9.0


def test_a_restated_plan_target_keeps_its_department_when_reviewed_again(
    sample_store: Store,
) -> None:
    """Accepting the report's GDP target twice, then rejecting it, leaves the plan's own
    target (区统计局's) in place: only what a fact alone created is withdrawn."""
    from planwatch.store.models import Target

    ingest_path(sample_store, SAMPLE / "wuchang-2017h1-plan-execution.txt", accept=True)
    with sample_store.reading() as session:
        gdp = session.scalars(select(Target).where(Target.kind == "growth_at_least")).first()
        assert gdp is not None and gdp.source_fact_id is not None
        target_id, fact_id, department = gdp.id, gdp.source_fact_id, gdp.department_id
        assert department is not None
    with sample_store.transaction() as session:
        accept_fact(session, fact_id)
    with sample_store.transaction() as session:
        reject_fact(session, fact_id)
    with sample_store.reading() as session:
        kept = session.get(Target, target_id)
        assert kept is not None and kept.department_id == department
        assert kept.source_fact_id is None
