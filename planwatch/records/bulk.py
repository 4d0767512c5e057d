"""Loading a file of figures in one transaction and in constant memory.

A CSV file is read a row at a time (``bulk_rows``: each row validated as single entry
validates it, ``ObservationIn``, a distinct cell once) and stored in batches of ``BATCH``
rows, every row checked by every error rule: those that judge a figure on its own
(``checks.own_errors``: unit, sign, share and growth ranges), then, once every batch is
written, those comparing it with other figures (``bulk_related``: parts adding up to their
whole, and growth or jump rules a planner made errors; warnings are for entry, where a
comment can answer them). Regions and indicators are resolved once per file. A batch's
series are looked up for their current versions in one query, key by key in the series
index, and only in the (region, period) cells that hold figures already: the tallies
(``figure_periods``) say which did before the load, and the load knows which it wrote.
The figures are written with ``executemany`` on SQLite and ``COPY`` on PostgreSQL, and
their audit rows (every column, as the audit log writes an insert) by one
``INSERT … SELECT`` that the database fills from the rows just written. The whole file is
one transaction: a failure at any row leaves the database as it was. What is kept between
batches is bounded by the regions, indicators and periods named, not by the rows, so
memory does not grow with the file.

Where the time goes (``bench/bench_scale.py``, 101,600 rows on SQLite, this module's
rate 15,000 rows/s against raw ``executemany``'s 50,000): writing the figures a third,
reading and validating the CSV a sixth, the rules a fifth, the audit rows, the versions
and the commit the rest. The cycle collector is paused during a load: it took a sixth of
the time and freed nothing.

A repeat of an earlier row of the file (same region, indicator, period and measure) is
refused, as ``refuse_repeats`` refuses it for small files: inside a batch it is seen
directly, across batches by the current version being one this load wrote.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from planwatch.errors import InvalidInput
from planwatch.periods import Period
from planwatch.records.bulk_related import first_related_error, watched_indicators
from planwatch.records.bulk_rows import Entry, csv_entries
from planwatch.records.checks import Figure, Rule, own_errors
from planwatch.records.observations import ObservationIn
from planwatch.records.rule_edits import stored_rules
from planwatch.store.models import Observation, utcnow
from planwatch.store.reference import indicator_row, region_row
from planwatch.store.tallies import add_counts
from planwatch.store.versions import touch
from planwatch.vocabulary.messages import Both, listing, phrase

BATCH = 5000

_Key = tuple[int, int, str, str]  # indicator id, region id, period code, measure
# the observation columns a load writes, in this order (the audit row lists them all)
COLUMNS = (
    "id",
    "indicator_id",
    "region_id",
    "period",
    "measure",
    "value",
    "unit",
    "basis",
    "status",
    "version",
    "source_fact_id",
    "user_id",
    "department_id",
    "note",
    "reason",
    "created_at",
)
_VERSION, _STATUS = COLUMNS.index("version"), COLUMNS.index("status")


def load_observation_csv(session: Session, path: Path) -> int:
    """Store every figure of a CSV file (headers in line 1) in ``session``'s transaction."""
    return _store_entries(session, csv_entries(path), path.name, first_line=2)


def store_figures(session: Session, items: Iterable[tuple[int, ObservationIn]]) -> int:
    """Store numbered, validated figures (a JSON file's, a sheet's) in batches; the count."""
    return _store_entries(session, ((number, Entry.of(item)) for number, item in items))


def _store_entries(
    session: Session,
    entries: Iterable[tuple[int, Entry]],
    filename: str = "",
    first_line: int | None = None,
) -> int:
    """A repeated figure is named by its line when ``first_line`` says where figure 1 is."""
    load = _Load(session, filename, first_line)
    with _collector_paused():
        for batch in _batches(entries):
            load.store(batch)
        load.check_related()
    add_counts(session, load.tallies.items())  # once per file: a key per region and period
    return load.count


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cycle collector off while a file loads: its rows hold no cycles and are freed
    as each batch is written, and the collector's passes (every few hundred rows made)
    cost about a tenth of the load's time and free nothing."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _batches(entries: Iterable[tuple[int, Entry]]) -> Iterator[list[tuple[int, Entry]]]:
    iterator = iter(entries)
    while batch := list(islice(iterator, BATCH)):
        yield batch


@dataclass(frozen=True, slots=True)
class _Indicator:
    id: int
    name: str
    unit: str | None
    kind: str


@dataclass
class _Load:
    """One file's load: the names resolved so far and where this load's ids begin."""

    session: Session
    filename: str
    first_line: int | None
    count: int = 0
    at: datetime = field(default_factory=utcnow)
    regions: dict[str, int] = field(default_factory=dict)
    indicators: dict[str, _Indicator] = field(default_factory=dict)
    by_id: dict[int, _Indicator] = field(default_factory=dict)
    # (first id, first figure number, figures) of each batch, to name a repeated row
    spans: list[tuple[int, int, int]] = field(default_factory=list)
    stamp: Any = None  # ``at`` as the driver takes it (SQLite: SQLAlchemy's text form)
    rules: dict[str, Rule] | None = None  # the rules in force, read at the first row
    # (region id, period) of the figures the related rules look at, checked at the end
    touched: set[tuple[int, str]] = field(default_factory=set)
    # figures per (region id, period, status) so far, written to the tallies at the end
    tallies: Counter[tuple[int, str, str]] = field(default_factory=Counter)
    # whether each (region id, period) named held figures before this load (the tallies)
    held: dict[tuple[int, str], bool] = field(default_factory=dict)

    def __post_init__(self) -> None:
        column = Observation.__table__.c.created_at
        dialect = self.connection.dialect
        process = column.type.dialect_impl(dialect).bind_processor(dialect)
        self.stamp = process(self.at) if process else self.at

    def store(self, batch: list[tuple[int, Entry]]) -> None:
        rows = [self._row(number, item) for number, item in batch]
        self._check(batch, rows)
        keys = [(row[1], row[2], row[3], row[4]) for row in rows]
        self._refuse_repeats(batch, keys)
        held = self._held({(key[1], key[2]) for key in keys})
        current = _current_versions(self.connection, {k for k in keys if (k[1], k[2]) in held})
        ids = _new_ids(self.connection, len(rows))
        for number_item, row, key, row_id in zip(batch, rows, keys, ids, strict=True):
            version, last_id = current.get(key, (0, 0))
            if self.spans and last_id >= self.spans[0][0]:
                raise self._repeat(number_item, self._number_of(last_id))
            row[0], row[_VERSION] = row_id, version + 1
        _write(self.connection, rows)
        self._audit(ids)
        self.tallies.update((r[2], r[3], r[_STATUS]) for r in rows)
        self.held.update(dict.fromkeys(((r[2], r[3]) for r in rows), True))
        watched = watched_indicators(self.rules or {})
        self.touched.update(
            (r[2], r[3]) for r in rows if watched is None or self.by_id[r[1]].name in watched
        )
        touch(self.session, {row[2] for row in rows})
        self.spans.append((ids[0], batch[0][0], len(rows)))
        self.count += len(rows)

    def _check(self, batch: list[tuple[int, Entry]], rows: list[list[Any]]) -> None:
        """The error rules that judge a figure on its own, over the batch in one call."""
        by_id = self.by_id
        figures = [
            Figure(i.name, i.unit, i.kind, e.measure, e.value, e.unit, row[3], None, e.basis)
            for (_, e), row in zip(batch, rows, strict=True)
            for i in (by_id[row[1]],)
        ]
        if self.rules is None:  # the rules in force, with a planner's changes
            self.rules = stored_rules(self.session)
        problems = own_errors(figures, self.rules)
        if problems:
            number = batch[problems[0].figure][0]
            found = [p for p in problems if p.figure == problems[0].figure]
            raise InvalidInput(
                "records.bulk.problem",
                number=number,
                problems=listing((p.said for p in found), "; ", "；"),
            )

    def check_related(self) -> None:
        """The error rules comparing figures, once every batch is written."""
        found = first_related_error(self.connection, self.touched, self.rules or {})
        if found is None:
            return
        row_id, problem = found
        number = self._number_of(row_id)
        if number is None:
            raise InvalidInput("records.bulk.problem_with_stored", problems=problem.said)
        raise InvalidInput("records.bulk.problem", number=number, problems=problem.said)

    @property
    def connection(self) -> Connection:
        return self.session.connection()

    def _row(self, number: int, item: Entry) -> list[Any]:
        """The figure's columns in ``COLUMNS`` order (id and version set once known)."""
        try:
            indicator = self._indicator(item.indicator)
            region_id = self._region(item.region)
            code = _period_code(item.period)
        except InvalidInput as err:
            raise err.within("part.observation", number=number) from err
        status = item.status or "approved"
        return [
            None, indicator.id, region_id, code, item.measure, item.value, item.unit,
            item.basis, status, None, None, None, None, item.note, item.reason, self.stamp,
        ]  # fmt: skip

    def _indicator(self, name: str) -> _Indicator:
        found = self.indicators.get(name)
        if found is None:
            row = indicator_row(self.session, name)
            found = self.indicators[name] = _Indicator(row.id, row.name, row.unit, row.kind)
            self.by_id[row.id] = found
        return found

    def _region(self, name: str) -> int:
        found = self.regions.get(name)
        if found is None:
            found = self.regions[name] = region_row(self.session, name).id
        return found

    def _held(self, cells: set[tuple[int, str]]) -> set[tuple[int, str]]:
        """The (region id, period) cells that may hold a figure of the batch already: stored
        before this load (the tallies count every figure, so a cell they do not name holds
        none: its figures are all version 1, and a wrong count would fail loudly on the
        unique series version, never store a wrong one) or written by an earlier batch."""
        unknown = cells - self.held.keys()
        if unknown:
            stored = _stored_cells(self.connection, unknown)
            self.held.update({cell: cell in stored for cell in unknown})
        return {cell for cell in cells if self.held[cell]}

    def _refuse_repeats(self, batch: list[tuple[int, Entry]], keys: list[_Key]) -> None:
        seen: dict[_Key, int] = {}
        for (number, item), key in zip(batch, keys, strict=True):
            if key in seen:
                raise self._repeat((number, item), seen[key])
            seen[key] = number

    def _repeat(self, number_item: tuple[int, Entry], earlier: int | None) -> InvalidInput:
        number, item = number_item
        which = self._place(earlier) if earlier is not None else phrase("records.bulk.earlier")
        return InvalidInput(
            "records.bulk.repeats",
            filename=self.filename,
            place=self._place(number),
            earlier=which,
            indicator=item.indicator,
            measure=item.measure,
            region=item.region,
            period=item.period,
        )

    def _place(self, number: int) -> Both:
        if self.first_line is None:
            return phrase("part.observation", number=number)
        return phrase("records.observations.place_row", number=number + self.first_line - 1)

    def _number_of(self, row_id: int) -> int | None:
        for first_id, first_number, count in self.spans:
            if first_id <= row_id < first_id + count:
                return first_number + row_id - first_id
        return None

    def _audit(self, ids: list[int]) -> None:
        """One audit row per figure, as the audit log writes an insert (every column), made
        by the database from the rows just written: one statement per batch."""
        actor = str(self.session.info.get("actor", "system"))
        at = str(self.at)  # as the audit log writes a date
        driver: Any = self.connection.connection.driver_connection
        cursor = driver.cursor()
        if self.connection.dialect.name == "postgresql":
            cursor.execute(
                _AUDIT.format(json="json_build_object", which="= ANY(%s)", p="%s", t="%s::text"),
                (self.stamp, actor, at, ids),
            )
        else:
            cursor.execute(
                _AUDIT.format(json="json_object", which="BETWEEN ? AND ?", p="?", t="?"),
                (self.stamp, actor, at, ids[0], ids[-1]),
            )
        cursor.close()


# the audit row of each figure just written (its ids: a range on SQLite, which holds the
# write lock; a list on PostgreSQL, whose sequence others draw from too)
_AUDIT = (
    "INSERT INTO audit_log (at, actor, action, table_name, row_id, changes) "
    "SELECT {p}, {t}, 'insert', 'observations', id, {json}("
    + ", ".join(f"'{c}', {c}" for c in COLUMNS if c != "created_at")
    + ", 'created_at', {t}) FROM observations WHERE id {which}"
)


@lru_cache(maxsize=4096)  # a file names a few dozen periods, row after row
def _period_code(text: str) -> str:
    return Period.parse(text).code


def _stored_cells(connection: Connection, cells: set[tuple[int, str]]) -> set[tuple[int, str]]:
    """Which of the (region id, period) cells hold stored figures, by their tallies."""
    regions = sorted({region for region, _ in cells})
    periods = sorted({period for _, period in cells})
    query = text(
        "SELECT DISTINCT region_id, period FROM figure_periods "
        "WHERE region_id IN :regions AND period IN :periods AND figures > 0"
    ).bindparams(bindparam("regions", expanding=True), bindparam("periods", expanding=True))
    found = connection.execute(query, {"regions": regions, "periods": periods})
    return {(region, period) for region, period in found} & cells


def _current_versions(connection: Connection, keys: set[_Key]) -> dict[_Key, tuple[int, int]]:
    """The latest version and the largest id of each series, in one query: each key looked
    up in the series index (an ``IN`` over the keys would scan the whole index)."""
    if not keys:
        return {}
    ordered = sorted(keys)
    cursor: Any = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    if connection.dialect.name == "postgresql":
        columns = [list(column) for column in zip(*ordered, strict=True)]
        cursor.execute(_CURRENT.format(keys=_UNNEST), columns)
    else:
        rows = ", ".join(["(?, ?, ?, ?)"] * len(ordered))
        cursor.execute(_CURRENT.format(keys=f"VALUES {rows}"), [v for key in ordered for v in key])
    found: dict[_Key, tuple[int, int]] = {}
    for i, r, p, m, version, row_id in cursor.fetchall():
        last = found.get((i, r, p, m), (0, 0))
        found[(i, r, p, m)] = (max(last[0], version), max(last[1], row_id))
    cursor.close()
    return found


_CURRENT = (
    "WITH k (i, r, p, m) AS ({keys}) "
    "SELECT o.indicator_id, o.region_id, o.period, o.measure, o.version, o.id "
    "FROM k JOIN observations o ON o.indicator_id = k.i AND o.region_id = k.r "
    "AND o.period = k.p AND o.measure = k.m"
)
_UNNEST = "SELECT * FROM unnest(%s::integer[], %s::integer[], %s::text[], %s::text[])"


def _new_ids(connection: Connection, count: int) -> list[int]:
    """Ids for ``count`` new figures: the audit rows name them before they are written."""
    if connection.dialect.name == "postgresql":
        query = text(
            "SELECT nextval(pg_get_serial_sequence('observations', 'id')) "
            "FROM generate_series(1, :count)"
        )
        return list(connection.execute(query, {"count": count}).scalars())
    # SQLite: this transaction holds the write lock, so the next ids are ours
    last = connection.execute(
        text(
            "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'observations'),"
            " 0), coalesce((SELECT max(id) FROM observations), 0))"
        )
    ).scalar_one()
    return list(range(last + 1, last + 1 + count))


def _write(connection: Connection, figures: list[list[Any]]) -> None:
    """The figures, on the transaction's own driver connection: the columns some figure
    fills (binding a NULL costs as much as a value, and most rows leave six empty)."""
    driver: Any = connection.connection.driver_connection
    filled = [i for i, name in enumerate(COLUMNS) if name not in _OPTIONAL]
    filled += [i for i in _OPTIONAL_AT if any(row[i] is not None for row in figures)]
    filled.sort()
    columns = tuple(COLUMNS[i] for i in filled)
    rows = [[row[i] for i in filled] for row in figures] if len(filled) < len(COLUMNS) else figures
    if connection.dialect.name == "postgresql":
        _copy(driver, "observations", columns, rows)
        return
    marks = ", ".join("?" * len(columns))
    cursor = driver.cursor()
    cursor.executemany(f"INSERT INTO observations ({', '.join(columns)}) VALUES ({marks})", rows)
    cursor.close()


# the columns a bulk file's figure often leaves empty
_OPTIONAL = ("basis", "source_fact_id", "user_id", "department_id", "note", "reason")
_OPTIONAL_AT = [COLUMNS.index(name) for name in _OPTIONAL]


def _copy(driver: Any, table: str, columns: tuple[str, ...], rows: Sequence[Sequence[Any]]) -> None:
    """COPY the rows into ``table`` (psycopg's ``cursor.copy``), in the same transaction."""
    names = ", ".join(columns)
    with driver.cursor() as cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
