"""Commands for size and deployment: ``synth`` builds a synthetic country (regions, plans,
figures); ``backup`` and ``restore`` keep and bring back a copy of the database."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

import typer

from planwatch.cli.common import DbOption, clean_errors, store_for
from planwatch.errors import InvalidInput
from planwatch.records.bulk import load_observation_csv
from planwatch.records.synth import Country, store_country, write_figure_file
from planwatch.store.backup import back_up
from planwatch.store.backup import restore as restore_backup


@clean_errors
def synth(
    regions: Annotated[int, typer.Option(help="How many regions (real divisions first).")] = 30,
    indicators: Annotated[int, typer.Option(help="How many indicators of the catalogue.")] = 10,
    years: Annotated[int, typer.Option(help="How many years of monthly figures, from 2021.")] = 2,
    seed: Annotated[int, typer.Option(help="The same seed makes the same country.")] = 1,
    csv: Annotated[
        Path | None, typer.Option(help="Write the figures' CSV here (and keep it).")
    ] = None,
    load: Annotated[
        bool, typer.Option(help="Store regions and plans and load the figures into --db.")
    ] = True,
    db: DbOption = None,
) -> None:
    """Build a synthetic country: regions under real GB/T 2260 codes, plans, monthly figures."""
    country = Country(regions, indicators, years, seed)
    with tempfile.TemporaryDirectory() as folder:
        path = csv or Path(folder) / "figures.csv"
        rows = write_figure_file(country, path)
        typer.echo(f"wrote {rows} figures to {path}" if csv else f"made {rows} figures")
        if not load:
            return
        store = store_for(db, create=True)
        with store.transaction(actor="synth") as session:
            plans = store_country(session, country)
            count = load_observation_csv(session, path)
        typer.echo(f"stored {len(country.places)} regions, {plans} plans, {count} observations")


@clean_errors
def backup(
    target: Annotated[Path, typer.Argument(help="The new backup file.")],
    db: DbOption = None,
) -> None:
    """Back up the database while it runs (SQLite online backup, PostgreSQL pg_dump)."""
    back_up(store_for(db), target)
    typer.echo(f"backed up to {target}")


@clean_errors
def restore(
    source: Annotated[Path, typer.Argument(help="A file written by `planwatch backup`.")],
    yes: Annotated[bool, typer.Option("--yes", help="Replace what the database holds.")] = False,
    db: DbOption = None,
) -> None:
    """Replace what the database holds with a backup (stop the server first on PostgreSQL)."""
    if not yes:
        raise InvalidInput("cli.scale.restore_replaces_everything_database")
    restore_backup(store_for(db), source)
    typer.echo(f"restored from {source}")


def register(app: typer.Typer) -> None:
    app.command()(synth)
    app.command()(backup)
    app.command()(restore)
