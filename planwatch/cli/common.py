"""What every command shares: the --db option, opening the store, clean error exits."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Annotated, Any, TypeVar

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from planwatch import jsondata
from planwatch.config import Settings
from planwatch.errors import PlanwatchError
from planwatch.store import Store, open_store
from planwatch.store.failures import known_failure

F = TypeVar("F", bound=Callable[..., Any])

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database file or SQLAlchemy URL "
        "(default: $PLANWATCH_DATABASE_URL or ./planwatch.db).",
    ),
]


def fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code=1)


def clean_errors(command: F) -> F:
    """Known problems become one line on stderr and exit status 1, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except PlanwatchError as err:
            raise fail(str(err)) from None
        except Exception as err:
            known = known_failure(err)
            if known is None:
                raise
            raise fail(str(known)) from None

    return wrapper  # type: ignore[return-value]  # functools.wraps keeps the signature Typer reads


def store_for(db: str | None, *, create: bool = False) -> Store:
    return open_store(Settings.from_env(db=db), create=create)


TABLE_WIDTH = 100  # a table fits a 100-column terminal; csv and json carry everything
COLUMN_WIDTH = 14  # a column but the last is cut with … beyond this many cells


def print_table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    """Rows under ``headers``: every column kept whole but the last, which wraps (a quote)."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for header in headers[:-1]:
        table.add_column(header, no_wrap=True, overflow="ellipsis", max_width=COLUMN_WIDTH)
    table.add_column(headers[-1], overflow="fold", ratio=1, min_width=30)
    for row in rows:
        table.add_row(*row)
    terminal = Console()
    Console(width=min(terminal.width, TABLE_WIDTH) if terminal.is_terminal else TABLE_WIDTH).print(
        table
    )


def print_json(data: Any) -> None:
    sys.stdout.write(jsondata.dumps(data, indent=2) + "\n")
