"""The store on real databases: schema, sample plan, observations, audit, atomicity."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from planwatch.errors import Conflict, InvalidInput
from planwatch.records.observations import ObservationIn, store_observations
from planwatch.store import Store
from planwatch.store.models import AuditEntry, Indicator, Observation, Plan, Region
from planwatch.store.reference import add_region, region_row
from tests.conftest import load_sample


def test_init_seeds_catalogue_and_is_repeatable(store: Store) -> None:
    from planwatch.store.setup import initialise

    initialise(store)  # a second run upgrades nothing and duplicates nothing
    with store.reading() as session:
        assert session.scalar(select(func.count(Indicator.id))) >= 50


def test_sample_plan_and_figures(store: Store) -> None:
    load_sample(store)
    with store.reading() as session:
        plan = session.scalars(select(Plan)).one()
        assert (plan.region.code, plan.region.name, plan.year) == ("420106", "武昌区", 2017)
        assert plan.region.parent is not None and plan.region.parent.code == "420100"
        kinds = [(t.indicator.name, t.kind, t.value) for t in plan.targets]
        assert ("地区生产总值", "growth_at_least", 9.0) in kinds
        assert ("全社会固定资产投资", "value_at_least", 220.0) in kinds
        gdp = session.scalars(
            select(Observation)
            .join(Observation.indicator)
            .where(Indicator.name == "地区生产总值", Observation.measure == "value")
        ).one()
        assert (gdp.period, gdp.value, gdp.unit) == ("2017H1", 525.69, "亿元")
        revenue = session.scalars(
            select(Observation)
            .join(Observation.indicator)
            .where(Indicator.name == "地方一般公共预算收入", Observation.measure == "yoy_growth")
        ).one()
        assert (revenue.value, revenue.basis) == (44.7, "comparable")


def test_reloading_a_plan_replaces_it(store: Store) -> None:
    load_sample(store)
    load_sample(store)
    with store.reading() as session:
        assert session.scalar(select(func.count(Plan.id))) == 1
        plan = session.scalars(select(Plan)).one()
        assert len(plan.targets) == 8


def test_a_correction_is_a_new_version(store: Store) -> None:
    load_sample(store)
    item = ObservationIn(
        region="武昌区", indicator="GDP", period="2017H1", measure="value", value=526.0, unit="亿元"
    )
    with store.transaction(actor="统计局") as session:
        store_observations(session, [item])
    with store.reading() as session:
        versions = session.scalars(
            select(Observation.version)
            .join(Observation.indicator)
            .where(Indicator.name == "地区生产总值", Observation.measure == "value")
        ).all()
        assert sorted(versions) == [1, 2]


def test_every_change_is_audited(store: Store) -> None:
    load_sample(store)
    with store.reading() as session:
        entries = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.table_name == "observations")
            .order_by(AuditEntry.id)
        ).all()
        assert len(entries) == 19
        assert all(e.actor == "sample" and e.action == "insert" and e.row_id for e in entries)
        assert entries[0].changes["value"] == 525.69


def test_failed_load_stores_nothing(store: Store) -> None:
    bad = [
        ObservationIn(region="武昌区", indicator="地区生产总值", period="2017H1", value=1.0),
        ObservationIn(region="武昌区", indicator="幸福指数", period="2017H1", value=2.0),
    ]
    with pytest.raises(InvalidInput, match="observation 2: unknown indicator '幸福指数'"):
        with store.transaction() as session:
            store_observations(session, bad)
    with store.reading() as session:
        assert session.scalar(select(func.count(Observation.id))) == 0
        assert session.scalar(select(func.count(AuditEntry.id))) == 0


def test_regions_resolve_and_custom_units(store: Store) -> None:
    with store.transaction() as session:
        wuchang = region_row(session, "武昌区")
        street = add_region(session, "420106001", "中华路街道", "street", parent="420106")
        assert street.parent_id == wuchang.id
        assert region_row(session, "中华路街道").code == "420106001"
    with pytest.raises(Conflict, match="region code '420106001' already exists"):
        with store.transaction() as session:
            add_region(session, "420106001", "别的街道", "street")
    with store.reading() as session:
        names = session.scalars(select(Region.name).order_by(Region.code)).all()
        assert names == ["湖北省", "武汉市", "武昌区", "中华路街道"]


def test_sqlite_pragmas(sqlite_store: Store) -> None:
    with sqlite_store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
