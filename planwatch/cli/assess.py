"""`planwatch assess`: judge a region's plan (or every region under a parent) in a period."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import typer

from planwatch.assess import Thresholds, assess_region, compare_regions
from planwatch.assess.render import render_comparison, render_region
from planwatch.cli.common import DbOption, clean_errors, print_json, store_for
from planwatch.errors import InvalidInput
from planwatch.store.reference import region_row

Format = Literal["table", "json"]


@clean_errors
def assess(
    period: Annotated[str, typer.Option(help="Period: 2017H1, 2017Q3, 2017M05 or 2017.")],
    region: Annotated[
        str | None, typer.Option(help="Region code or name, e.g. 420106 or 武昌区.")
    ] = None,
    parent: Annotated[
        str | None,
        typer.Option(
            help="Compare every region at --level under this one, e.g. 武汉市; "
            "with --region, the parent of a name several regions share."
        ),
    ] = None,
    level: Annotated[str, typer.Option(help="Level compared under --parent.")] = "county",
    indicator: Annotated[
        str | None, typer.Option(help="With --parent: compare this indicator only.")
    ] = None,
    output: Annotated[str, typer.Option("--format", help="table (text) or json.")] = "table",
    time_points: Annotated[
        float, typer.Option(help="Points below time progress still slightly behind.")
    ] = Thresholds.time_points,
    growth_points: Annotated[
        float, typer.Option(help="Points below a target rate still slightly behind.")
    ] = Thresholds.growth_points,
    mismatch_points: Annotated[
        float, typer.Option(help="Reported vs computed difference shown as a finding.")
    ] = Thresholds.mismatch_points,
    db: DbOption = None,
) -> None:
    """Judge progress against the plan: completion vs time progress, growth vs target."""
    chosen = _format(output)
    thresholds = Thresholds(time_points, growth_points, mismatch_points)
    data, text = _assessed(db, period, region, parent, level, indicator, thresholds)
    if chosen == "json":
        print_json(data)
    else:
        typer.echo(text)


def _assessed(
    db: str | None,
    period: str,
    region: str | None,
    parent: str | None,
    level: str,
    indicator: str | None,
    thresholds: Thresholds,
) -> tuple[dict[str, Any], str]:
    """The result as data and as text, for one region or a comparison under a parent."""
    if region is None and parent is None:
        raise InvalidInput("cli.assess.region_or_parent")
    if region is not None and indicator is not None:
        raise InvalidInput("cli.assess.indicator_needs_parent")
    with store_for(db).reading() as session:
        if region is not None:
            # with --region, --parent only tells apart regions of the same name (鼓楼区)
            code = region_row(session, region, parent=parent).code if parent else region
            result = assess_region(session, code, period, thresholds)
            return result.as_dict(), render_region(result)
        assert parent is not None
        comparison = compare_regions(session, parent, level, period, indicator, thresholds)
        return comparison.as_dict(), render_comparison(comparison)


def _format(value: str) -> Format:
    if value == "json":
        return "json"
    if value == "table":
        return "table"
    raise InvalidInput("cli.assess.unknown_format", value=value)


def register(app: typer.Typer) -> None:
    app.command()(assess)
