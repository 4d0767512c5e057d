"""The bulk loader: a CSV file in batches, one transaction, every row checked.

Batches are made tiny here (``BATCH`` = 3) so that a file of a dozen rows spans several
batches, and a failure in a later batch must undo what earlier batches wrote.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from planwatch.errors import InvalidInput, NotFound
from planwatch.records import bulk
from planwatch.records.bulk import load_observation_csv
from planwatch.store import Store
from planwatch.store.models import RuleSetting
from tests.conftest import SAMPLE, load_sample

HEADER = "region,indicator,period,measure,value,unit,basis,status,note\n"
GOOD = [
    f"420106,地区生产总值,2017M{month:02d},value,{40 * month},亿元,,approved,"
    for month in range(1, 13)
]


@pytest.fixture(autouse=True)
def tiny_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulk, "BATCH", 3)


def write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "figures.csv"
    path.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def snapshot(store: Store) -> list[object]:
    """Every row of the tables a load writes (SQLite's id counters too)."""
    tables = ["observations", "audit_log", "regions", "indicators"]
    if store.is_sqlite:
        tables.append("sqlite_sequence")
    with store.engine.connect() as connection:
        return [
            connection.execute(text(f"SELECT * FROM {table} ORDER BY 1, 2")).all()
            for table in tables
        ]


def load(store: Store, path: Path) -> int:
    with store.transaction(actor="test") as session:
        return load_observation_csv(session, path)


def test_a_file_loads_in_batches_with_versions_and_audit_rows(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    assert load(store, path) == 12
    assert load(store, path) == 12  # the same file again: each figure's second version
    with store.engine.connect() as connection:
        versions = connection.execute(
            text("SELECT version, count(*) FROM observations GROUP BY version ORDER BY 1")
        ).all()
        audit = connection.execute(
            text(
                "SELECT count(*) FROM audit_log a JOIN observations o ON a.row_id = o.id "
                "WHERE a.table_name = 'observations' AND a.action = 'insert' AND a.actor = 'test'"
            )
        ).scalar_one()
    assert [tuple(row) for row in versions] == [(1, 12), (2, 12)]
    assert audit == 24


def test_the_sample_loads_as_single_entry_stores_it(store: Store) -> None:
    """The bulk path and the one-figure path give the same figures."""
    load(store, SAMPLE / "wuchang-2017h1-observations.csv")
    with store.engine.connect() as connection:
        bulk_rows = connection.execute(
            text(
                "SELECT period, measure, value, unit, status, version FROM observations ORDER BY id"
            )
        ).all()
        connection.execute(text("DELETE FROM observations"))
        connection.commit()
    load_sample(store)  # plan + the same CSV through store_observations
    with store.engine.connect() as connection:
        single_rows = connection.execute(
            text(
                "SELECT period, measure, value, unit, status, version FROM observations ORDER BY id"
            )
        ).all()
    assert [tuple(r) for r in bulk_rows] == [tuple(r) for r in single_rows]


BAD_LAST_ROWS = [
    (
        "420106,地区生产总值,2017M12,value,lots,亿元,,approved,",
        InvalidInput,
        "observations.22.value",
    ),
    ("420106,地区生产总值,2017M12,value,-5,亿元,,approved,", InvalidInput, "cannot be negative"),
    ("420106,地区生产总值,2017M12,value,5,万人,,approved,", InvalidInput, "is not a unit of"),
    ("420106,地区生产总值,2017M12,yoy_growth,-120,%,,approved,", InvalidInput, "-100%"),
    ("420106,地区生产总值,2017M13,value,5,亿元,,approved,", InvalidInput, "observation 23"),
    ("420106,没有的指标,2017M12,value,5,亿元,,approved,", InvalidInput, "unknown indicator"),
    ("999999,地区生产总值,2017M12,value,5,亿元,,approved,", NotFound, "no region"),
    # repeats row 13 (江岸区's first figure), four batches earlier
    ("420106,地区生产总值,2017M01,value,5,亿元,,approved,", InvalidInput, "row 24 repeats row 13"),
]


@pytest.mark.parametrize(("last", "error", "says"), BAD_LAST_ROWS)
def test_a_failure_at_the_last_row_leaves_the_database_as_it_was(
    store: Store, tmp_path: Path, last: str, error: type[Exception], says: str
) -> None:
    load(store, write(tmp_path, GOOD[:4]))  # something stored before, to keep
    # rows 2-12: 武昌区 M01-M11, four of them second versions; rows 13-23: 江岸区 M01-M11,
    # a region stored on first use, which the failure must undo too; row 24 the bad one
    lines = GOOD[:11] + [line.replace("420106", "420102") for line in GOOD[:11]]
    lines.append(last if "999999" in last else last.replace("420106", "420102"))
    before = snapshot(store)
    path = write(tmp_path, lines)
    with pytest.raises(error) as raised:
        load(store, path)
    assert says in str(raised.value)
    assert snapshot(store) == before


def test_a_repeat_inside_one_batch_is_named_by_its_rows(
    sqlite_store: Store, tmp_path: Path
) -> None:
    path = write(tmp_path, [GOOD[0], GOOD[1], GOOD[0]])
    with pytest.raises(InvalidInput, match="figures.csv: row 4 repeats row 2"):
        load(sqlite_store, path)


def test_each_audit_row_holds_its_figure_as_stored(store: Store, tmp_path: Path) -> None:
    """The database writes a batch's audit rows from the figures just written: every
    column, the figure's own values, one row per figure."""
    lines = [*GOOD[:5], "420106,地区生产总值,2017M06,yoy_growth,8.1,%,comparable,submitted,说明"]
    load(store, write(tmp_path, lines))
    with store.engine.connect() as connection:
        figures = connection.execute(text(f"SELECT {', '.join(bulk.COLUMNS)} FROM observations"))
        stored = {row.id: row._asdict() for row in figures}
        audit = connection.execute(
            text("SELECT row_id, actor, action, changes FROM audit_log ORDER BY id")
        ).all()
    assert sorted(row_id for row_id, *_ in audit) == sorted(stored)
    for row_id, actor, action, changes in audit:
        said = json.loads(changes) if isinstance(changes, str) else changes
        assert (actor, action) == ("test", "insert")
        assert set(said) == set(bulk.COLUMNS)
        expected = {k: v for k, v in stored[row_id].items() if k != "created_at"}
        assert {k: v for k, v in said.items() if k != "created_at"} == expected
    last = stored[max(stored)]
    assert (last["basis"], last["status"], last["note"], last["value"]) == (
        "comparable",
        "submitted",
        "说明",
        8.1,
    )


def industries(region: str, period: str, whole: float, parts: tuple[float, ...]) -> list[str]:
    """A region's 地区生产总值 and its three industries' value added for one period."""
    names = ["地区生产总值", "第一产业增加值", "第二产业增加值", "第三产业增加值"]
    return [
        f"{region},{name},{period},value,{value},亿元,,approved,"
        for name, value in zip(names, (whole, *parts), strict=True)
    ]


def test_parts_not_adding_up_to_their_whole_are_refused_across_batches(
    store: Store, tmp_path: Path
) -> None:
    # batches of three: the whole and two parts in one, the third part in the next
    adding = industries("420106", "2017H1", 600, (20, 200, 380))
    assert load(store, write(tmp_path, adding)) == 4
    before = snapshot(store)
    wrong = industries("420106", "2017Q3", 900, (30, 300, 500)) + GOOD[:2]
    with pytest.raises(InvalidInput, match="observation [1-4]: .*parts_sum") as raised:
        load(store, write(tmp_path, wrong))
    assert "830" in str(raised.value) and "900" in str(raised.value)
    assert snapshot(store) == before
    # another region's parts are not this region's: each region is summed on its own
    mixed = industries("420106", "2017M10", 1000, (40, 360, 600))
    mixed[3:3] = industries("420102", "2017M10", 50, (1, 20, 29))
    assert load(store, write(tmp_path, mixed)) == 8


def test_a_planner_made_error_compares_with_figures_already_stored(
    store: Store, tmp_path: Path
) -> None:
    load(store, write(tmp_path, ["420106,地区生产总值,2016H1,value,500,亿元,,approved,"]))
    with store.transaction(actor="test") as session:
        session.add(
            RuleSetting(name="growth_consistent", settings={"severity": "error"}, changed_by="t")
        )
    growth = "420106,地区生产总值,2017H1,yoy_growth,{},%,,approved,"
    lines = ["420106,地区生产总值,2017H1,value,550,亿元,,approved,", growth.format(25)]
    with pytest.raises(InvalidInput, match="growth_consistent"):
        load(store, write(tmp_path, lines))
    assert load(store, write(tmp_path, [lines[0], growth.format(10)])) == 2


def test_parts_stored_before_are_summed_with_the_files_whole(store: Store, tmp_path: Path) -> None:
    load(store, write(tmp_path, industries("420106", "2017H1", 600, (20, 200, 380))[1:]))
    whole = "420106,地区生产总值,2017H1,value,{},亿元,,approved,"
    with pytest.raises(InvalidInput, match="observation 1: .*parts_sum"):
        load(store, write(tmp_path, [whole.format(700)]))
    assert load(store, write(tmp_path, [whole.format(600)])) == 1


def test_a_file_after_single_entry_makes_the_next_version(store: Store, tmp_path: Path) -> None:
    """The loader looks a series up only where the tallies say a cell holds figures: a
    figure entered one at a time (counted by the ORM's flush) is found, and the file's
    figure of the same series is its second version."""
    load_sample(store)  # the sample's figures, one at a time
    with store.engine.connect() as connection:
        (period,) = connection.execute(
            text(
                "SELECT o.period FROM observations o JOIN indicators i ON i.id = o.indicator_id"
                " JOIN regions r ON r.id = o.region_id WHERE i.name = '地区生产总值'"
                " AND r.code = '420106' AND o.measure = 'value' LIMIT 1"
            )
        ).one()
    line = f"420106,地区生产总值,{period},value,999,亿元,,approved,"
    assert load(store, write(tmp_path, [line, GOOD[0]])) == 2
    with store.engine.connect() as connection:
        found = connection.execute(
            text(
                "SELECT o.period, o.version FROM observations o JOIN indicators i "
                "ON i.id = o.indicator_id WHERE i.name = '地区生产总值' AND o.value IN (999, 40)"
                " ORDER BY o.period"
            )
        ).all()
    assert sorted(tuple(row) for row in found) == sorted([(period, 2), ("2017M01", 1)])
