"""Commands that fill and show the store: init, regions, plan, observations, show."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from planwatch.catalog import load_catalog
from planwatch.cli.common import DbOption, clean_errors, print_json, store_for
from planwatch.reads.summary import database_summary, render_summary
from planwatch.records.bulk import load_observation_csv, store_figures
from planwatch.records.filedata import read_bytes
from planwatch.records.observations import read_observation_file
from planwatch.records.plans import read_plan_file, store_plan
from planwatch.records.upload import checked_sheet
from planwatch.records.users import COMMAND_LINE
from planwatch.store.reference import add_region

regions_app = typer.Typer(
    help="Regions: add units below county level or custom areas.", no_args_is_help=True
)
plan_app = typer.Typer(
    help="Plans: a region's targets, tasks and projects for a year.", no_args_is_help=True
)
observations_app = typer.Typer(help="Observations: year-to-date figures.", no_args_is_help=True)

FileArg = Annotated[Path, typer.Argument(help="The file to load.")]


@clean_errors
def init(db: DbOption = None) -> None:
    """Create the database, or upgrade it to the newest schema (safe to repeat)."""
    store = store_for(db, create=True)
    typer.echo(f"database ready: {store.url}")


@regions_app.command("add")
@clean_errors
def regions_add(
    code: Annotated[str, typer.Argument(help="A code not used by any region, e.g. 420106001.")],
    name: Annotated[str, typer.Argument(help="The unit's name, e.g. 中华路街道.")],
    level: Annotated[str, typer.Option(help="street or custom (or another level).")] = "street",
    parent: Annotated[str | None, typer.Option(help="Parent region's code or name.")] = None,
    db: DbOption = None,
) -> None:
    """Add a region the national divisions table does not hold (街道, parks, custom units)."""
    with store_for(db).transaction() as session:
        row = add_region(session, code, name, level, parent)
        typer.echo(f"added region {row.code} {row.name}")


@plan_app.command("load")
@clean_errors
def plan_load(path: FileArg, db: DbOption = None) -> None:
    """Load a plan file (YAML or JSON): region, year, targets, tasks, projects."""
    plan_in = read_plan_file(path)
    with store_for(db).transaction(actor="cli") as session:
        plan = store_plan(session, plan_in)
        typer.echo(
            f"plan {plan.region.name} {plan.year}: {len(plan.targets)} targets, "
            f"{len(plan.tasks)} tasks, {len(plan.projects)} projects"
        )


@observations_app.command("load")
@clean_errors
def observations_load(
    path: FileArg,
    region: Annotated[
        str | None, typer.Option(help="Excel only: the region of rows that name none.")
    ] = None,
    period: Annotated[
        str | None, typer.Option(help="Excel only: the period of rows that name none.")
    ] = None,
    db: DbOption = None,
) -> None:
    """Load observations from CSV, JSON or Excel (region, indicator, period, measure, value…).

    A CSV file of any size is streamed in batches; the whole file is one transaction."""
    if path.suffix.lower() == ".csv":
        with store_for(db).transaction(actor="cli") as session:
            count = load_observation_csv(session, path)
    elif path.suffix.lower() == ".xlsx":
        data = read_bytes(path)
        with store_for(db).transaction(actor="cli") as session:
            items = checked_sheet(session, COMMAND_LINE, data, path.name, region, period)
            count = store_figures(session, enumerate(items, start=1))
    else:
        items = read_observation_file(path)
        with store_for(db).transaction(actor="cli") as session:
            count = store_figures(session, enumerate(items, start=1))
    typer.echo(f"loaded {count} observations")


@clean_errors
def show(
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show what the database holds: regions, plans with targets, observations, documents."""
    with store_for(db).reading() as session:
        summary = database_summary(session)
    if as_json:
        print_json(summary)
    else:
        typer.echo(render_summary(summary))


def indicators(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List the indicator catalogue: canonical names, aliases, units, good direction."""
    entries = [
        {
            "name": i.name,
            "english": i.english,
            "unit": i.unit,
            "kind": i.kind,
            "direction": i.direction,
            "category": i.category,
            "aliases": list(i.aliases),
        }
        for i in load_catalog()
    ]
    if as_json:
        print_json(entries)
        return
    for e in entries:
        arrow = "↑" if e["direction"] == "up" else "↓"
        aliases = "、".join(e["aliases"])
        typer.echo(
            f"{e['name']} [{e['unit']}] {arrow} {e['category']} — {e['english']}"
            + (f" (又称 {aliases})" if aliases else "")
        )


def register(app: typer.Typer) -> None:
    app.command()(init)
    app.command()(indicators)
    app.command()(show)
    app.add_typer(regions_app, name="regions")
    app.add_typer(plan_app, name="plan")
    app.add_typer(observations_app, name="observations")
