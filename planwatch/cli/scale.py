"""Commands for size: ``synth`` builds a synthetic country (regions, plans, figures)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

import typer

from planwatch.cli.common import DbOption, clean_errors, store_for
from planwatch.records.bulk import load_observation_csv
from planwatch.records.synth import Country, store_country, write_figure_file


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


def register(app: typer.Typer) -> None:
    app.command()(synth)
