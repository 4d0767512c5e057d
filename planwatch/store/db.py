"""Opening a store: engine, connection pragmas, transactions and their audit trail."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from planwatch.errors import InvalidInput
from planwatch.store.audit import collect_changes, write_changes
from planwatch.store.guards import refuse_non_finite
from planwatch.store.tallies import count_flushed, write_counts
from planwatch.store.versions import MOVING, move_versions, note_committing, note_flushed


class Store:
    """A planwatch database. ``transaction()`` is the only way to change it."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = _create_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # the same pool; its transactions take SQLite's write lock when they begin
        self._writes_engine = self.engine.execution_options(**{WRITE_OPTION: True})
        self._writes = sessionmaker(self._writes_engine, expire_on_commit=False)
        # bound to this store's sessions only: another Session in the same process (a test's,
        # a migration's) is neither checked nor audited
        for maker in (self._sessions, self._writes):
            event.listen(maker, "before_flush", refuse_non_finite)
            event.listen(maker, "after_flush", collect_changes)
            event.listen(maker, "after_flush_postexec", write_changes)
            event.listen(maker, "after_flush", count_flushed)
            event.listen(maker, "after_flush_postexec", write_counts)
            event.listen(maker, "after_flush", note_flushed)
            event.listen(maker, "before_commit", note_committing)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def transaction(self, actor: str = "system") -> Iterator[Session]:
        """One unit of work: everything commits together or nothing is stored."""
        session = self._writes()
        session.info["actor"] = actor
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
        moving = session.info.pop(MOVING, None)
        if moving:  # after the commit, in a transaction of their own
            with self._writes_engine.begin() as connection:
                move_versions(connection, moving)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        session = self._sessions()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def is_initialised(self) -> bool:
        return inspect(self.engine).has_table("alembic_version")

    def dispose(self) -> None:
        self.engine.dispose()


def _create_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as err:
        raise InvalidInput("store.db.bad_url", url=url) from err
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url, parsed.database)
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        url = parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    engine = create_engine(url, pool_pre_ping=True)
    _check_connects(engine, url)
    return engine


def _sqlite_engine(url: str, database: str | None) -> Engine:
    if database and database != ":memory:":
        folder = Path(database).expanduser().resolve().parent
        if not folder.is_dir():
            raise InvalidInput("store.db.no_folder", folder=folder)
    engine = create_engine(url)
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


WRITE_OPTION = "planwatch_writes"
# Writers queue for SQLite's one write lock this long before "database is locked".
BUSY_TIMEOUT_MS = 30_000


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    """A write transaction takes the write lock first (BEGIN IMMEDIATE).

    pysqlite's own BEGIN is deferred and sent just before the first write. A deferred
    transaction that has read, then writes, fails at once with "database is locked" when
    another writer committed meanwhile: SQLite cannot wait for it, because the reader's
    snapshot is already stale. Taking the lock up front makes writers queue (for up to the
    busy timeout) and read what the previous writer committed. Reads keep pysqlite's way:
    no BEGIN sent at all.
    """
    raw = connection.connection.dbapi_connection
    assert raw is not None
    if connection.get_execution_options().get(WRITE_OPTION, False):
        raw.isolation_level = None  # pysqlite sends no BEGIN of its own
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        raw.isolation_level = ""  # pysqlite's deferred BEGIN, before the first write


def _check_connects(engine: Engine, url: str) -> None:
    try:
        with engine.connect():
            pass
    except OperationalError as err:
        shown = make_url(url).render_as_string(hide_password=True)
        reason = str(err.orig).strip().splitlines()[0] if err.orig else str(err)
        raise InvalidInput("store.db.cannot_connect", shown=shown, reason=reason) from err
