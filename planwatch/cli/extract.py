"""``planwatch extract``: read reports and print the facts in them (shared/spec/facts.md)."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import Progress

from planwatch.cli.common import clean_errors, print_json, print_table
from planwatch.errors import InvalidInput, PlanwatchError
from planwatch.extract.loaders import SUPPORTED, is_supported

# Below this many files a progress bar only flickers.
PROGRESS_FROM = 4
ROW_FIELDS = (
    "file",
    "subject",
    "indicator",
    "period",
    "measure",
    "value",
    "unit",
    "qualifier",
    "basis",
    "start",
    "end",
    "text",
)


class OutputFormat(StrEnum):
    json = "json"
    table = "table"
    csv = "csv"


FilesArg = Annotated[
    list[Path],
    typer.Argument(
        help="Report files (.txt .html .htm .docx .pdf, up to 50 MB each) or folders of them.",
        show_default=False,
    ),
]
FormatOption = Annotated[
    OutputFormat,
    typer.Option(
        "--format",
        "-f",
        help="json: the spec's object (a list for several files); "
        "table or csv: one row per fact with a file column.",
    ),
]
EncodingOption = Annotated[
    str | None,
    typer.Option(
        "--encoding",
        "-e",
        help="Text encoding of .txt/.html files, e.g. gb18030 "
        "(default: UTF-8, or GB18030 when detected).",
    ),
]


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)


@clean_errors
def extract_command(
    files: FilesArg,
    output_format: FormatOption = OutputFormat.json,
    encoding: EncodingOption = None,
) -> None:
    """Read facts (numbers with subject, measure, unit, period and span) from reports."""
    paths = list(_expand(files))
    results, failures = _extract_all(paths, encoding)
    single = len(files) == 1 and not files[0].is_dir()
    if single and failures:
        raise failures[0][1]
    for path, error in failures:
        typer.echo(f"error: {path}: {error}", err=True)
    if output_format is OutputFormat.json:
        if single:
            print_json(results[0][1])
        else:
            print_json([{"file": str(path), **data} for path, data in results])
    elif output_format is OutputFormat.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(ROW_FIELDS)
        writer.writerows(_fact_rows(results))
    else:
        _print_table(results)
    if failures:
        raise typer.Exit(code=1)


def _expand(arguments: Iterable[Path]) -> Iterator[Path]:
    """Files as given; a folder gives its supported files, by name."""
    for argument in arguments:
        if argument.is_dir():
            found = sorted(
                p
                for p in argument.iterdir()
                if p.is_file() and not p.name.startswith(".") and is_supported(p)
            )
            if not found:
                raise InvalidInput(
                    "cli.extract.holds_no_report_files",
                    argument=argument,
                    names=", ".join(SUPPORTED),
                )
            yield from found
        else:
            yield argument


def _extract_all(
    paths: list[Path], encoding: str | None
) -> tuple[list[tuple[Path, dict[str, Any]]], list[tuple[Path, PlanwatchError]]]:
    from planwatch.extract import extract  # the grammar is heavy; `--help` should not load it

    results: list[tuple[Path, dict[str, Any]]] = []
    failures: list[tuple[Path, PlanwatchError]] = []
    with Progress(
        console=Console(stderr=True), transient=True, disable=len(paths) < PROGRESS_FROM
    ) as progress:
        task = progress.add_task("extracting", total=len(paths))
        for path in paths:
            try:
                results.append((path, extract(path, encoding=encoding).as_dict()))
            except PlanwatchError as err:
                failures.append((path, err))
            progress.advance(task)
    return results, failures


def _fact_rows(results: list[tuple[Path, dict[str, Any]]]) -> Iterator[list[Any]]:
    for path, data in results:
        for fact in data["facts"]:
            span = fact["span"]
            yield [
                str(path),
                fact["subject"],
                fact["indicator"],
                fact["period"],
                fact["measure"],
                fact["value"],
                fact["unit"],
                fact["qualifier"],
                fact["basis"],
                span[0],
                span[1],
                fact["text"],
            ]


def _print_table(results: list[tuple[Path, dict[str, Any]]]) -> None:
    # The terminal is narrow: the columns a reader scans, the rest is in csv/json.
    print_table(
        ("file", "subject", "period", "measure", "value", "unit", "text"),
        (
            (
                path.name,
                fact["subject"] or "",
                fact["period"] or "",
                fact["measure"],
                "" if fact["value"] is None else f"{fact['value']:g}",
                fact["unit"] or "",
                fact["text"],
            )
            for path, data in results
            for fact in data["facts"]
        ),
    )
