"""Backups of a running database and their restore.

SQLite: the online backup API copies the database page by page while the server runs
(WAL readers and the writer are not stopped), into a new file that is itself a complete
database; a restore copies a backup back the same way, over the live file, in one step
that readers see whole. PostgreSQL: ``pg_dump --format=custom`` and ``pg_restore --clean``
(the server's own tools, which must be installed).
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy.engine import make_url

from planwatch.errors import InvalidInput
from planwatch.store.db import Store


def back_up(store: Store, target: Path) -> None:
    """Write a consistent copy of ``store`` to ``target`` (a new file)."""
    if target.exists():
        raise InvalidInput("cli.backup.exists_already", target=target)
    if store.is_sqlite:
        _copy_sqlite(_sqlite_file(store), str(target))
    else:
        _run("pg_dump", "--format=custom", f"--file={target}", _libpq(store))


def restore(store: Store, backup: Path) -> None:
    """Replace what ``store`` holds with the backup ``backup``."""
    if not backup.is_file():
        raise InvalidInput("cli.backup.backup_does_not_exist", backup=backup)
    if store.is_sqlite:
        _check_sqlite(backup)
        store.engine.dispose()  # no pooled connection keeps the old pages
        _copy_sqlite(str(backup), _sqlite_file(store))
    else:
        _run("pg_restore", "--clean", "--if-exists", "--no-owner", f"--dbname={_libpq(store)}",
             str(backup))  # fmt: skip
        store.engine.dispose()


def _copy_sqlite(source: str, target: str) -> None:
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()


def _check_sqlite(path: Path) -> None:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            connection.execute("SELECT version_num FROM alembic_version").fetchone()
        connection.close()
    except sqlite3.DatabaseError as err:
        raise InvalidInput("cli.backup.not_planwatch_backup", name=path.name, err=err) from err


def _sqlite_file(store: Store) -> str:
    database = make_url(store.url).database
    if not database or database == ":memory:":
        raise InvalidInput("cli.backup.memory_database_has_no")
    return database


def _libpq(store: Store) -> str:
    url = make_url(store.url).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


def _run(tool: str, *arguments: str) -> None:
    if shutil.which(tool) is None:
        raise InvalidInput("cli.backup.not_installed", tool=tool)
    done = subprocess.run([tool, *arguments], capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise InvalidInput(
            "cli.backup.failed",
            tool=tool,
            p1=done.stderr.strip().splitlines()[-1] if done.stderr else done.returncode,
        )
