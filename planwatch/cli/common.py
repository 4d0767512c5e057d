"""What every command shares: the --db option, opening the store, clean error exits."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer

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


def print_json(data: Any) -> None:
    sys.stdout.write(jsondata.dumps(data, indent=2) + "\n")
