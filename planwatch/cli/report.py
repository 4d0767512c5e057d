"""`planwatch report` drafts the official report; `planwatch narrative` holds the planner's text."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy.orm import Session

from planwatch.cli.common import DbOption, clean_errors, store_for
from planwatch.errors import InvalidInput
from planwatch.reads.narratives import narratives
from planwatch.records.drafts import store_draft
from planwatch.records.narratives import check_part, set_narrative
from planwatch.report import (
    FORMATS,
    Report,
    ReportOptions,
    draft_report,
    render_text,
    write_report,
)
from planwatch.report.history import stored_figures
from planwatch.report.output import BINARY_FORMATS, check_format
from planwatch.report.selfcheck import final_text, write_final
from planwatch.vocabulary import NARRATIVE_PARTS, word

_SUFFIX_ALIASES = {"markdown": "md", "htm": "html"}

narrative_app = typer.Typer(
    help="Narratives: the planner's opening, problems and next-steps text for a report.",
    no_args_is_help=True,
)

RegionOption = Annotated[str, typer.Option("--region", help="Region name or code, e.g. 武昌区.")]
PeriodOption = Annotated[
    str, typer.Option("--period", help="Period code: 2017H1, 2017Q1, 2017Q3, 2017M05, 2017.")
]


@clean_errors
def report(
    region: RegionOption,
    period: PeriodOption,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format", "-f", help=f"One of {', '.join(FORMATS)} (default: from -o, else md)."
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="File to write (md and html print when omitted)."),
    ] = None,
    details: Annotated[
        bool, typer.Option("--details", help="Add gaps to targets and time progress.")
    ] = False,
    lagging: Annotated[
        bool, typer.Option(help="List lagging indicators and tasks before the problems text.")
    ] = True,
    docx_fonts: Annotated[
        str,
        typer.Option(help="DOCX faces: official (仿宋_GB2312 …) or noto (Noto CJK stand-ins)."),
    ] = "official",
    link_base: Annotated[
        str, typer.Option(help="Server address put before HTML source links.")
    ] = "",
    final: Annotated[
        bool,
        typer.Option(
            "--final",
            help="Re-read the draft and refuse to write it while a number disagrees with the data.",
        ),
    ] = False,
    db: DbOption = None,
) -> None:
    """Draft the plan-execution report of a region for a period (关于…计划执行情况的报告)."""
    fmt = check_format(fmt or _format_of(output))
    if output is None and fmt in BINARY_FORMATS:
        raise InvalidInput("cli.report.needs_file", fmt=fmt)
    options = ReportOptions(details=details, list_lagging=lagging, link_base=link_base)
    with store_for(db).reading() as session:
        drafted = draft_report(session, region, period, options)
        for warning in drafted.warnings:
            typer.echo(f"warning: {warning}", err=True)
        if final:
            _write_final(session, drafted, fmt, output, docx_fonts)
    if output is None:
        if not final:
            sys.stdout.write(render_text(drafted, fmt))
        return
    if not final:
        write_report(drafted, fmt, output, docx_fonts=docx_fonts)
        typer.echo(f"wrote {output} ({drafted.title})", err=True)
    _keep_draft(db, drafted, fmt, final)


def _keep_draft(db: str | None, drafted: Report, fmt: str, final: bool) -> None:
    """A draft written to a file is kept with its figures (the review panel's "changed since")."""
    with store_for(db).transaction(actor="cli") as session:
        store_draft(
            session,
            drafted.region_code,
            drafted.period,
            fmt,
            stored_figures(drafted.figures),
            actor="cli",
            final=final,
        )


def _write_final(
    session: Session, drafted: Report, fmt: str, output: Path | None, docx_fonts: str
) -> None:
    if output is None:
        sys.stdout.write(final_text(session, drafted, fmt))
        return
    checked = write_final(session, drafted, fmt, output, docx_fonts=docx_fonts)
    typer.echo(f"{checked.summary}", err=True)
    typer.echo(f"wrote {output} ({drafted.title})", err=True)


@narrative_app.command("set")
@clean_errors
def narrative_set(
    region: RegionOption,
    period: PeriodOption,
    part: Annotated[str, typer.Option("--part", help=f"One of {', '.join(NARRATIVE_PARTS)}.")],
    text: Annotated[str | None, typer.Option("--text", help="The text itself.")] = None,
    file: Annotated[
        Path | None, typer.Option("--file", help="A UTF-8 text file holding the text.")
    ] = None,
    db: DbOption = None,
) -> None:
    """Store the planner's text for one part of a report; a new paragraph per line."""
    check_part(part)
    words = _narrative_text(text, file)
    with store_for(db).transaction(actor="cli") as session:
        row = set_narrative(session, region, period, part, words)
        typer.echo(f"stored {part} ({word('narrative_parts', part).zh}) for {region} {row.period}")


@narrative_app.command("show")
@clean_errors
def narrative_show(region: RegionOption, period: PeriodOption, db: DbOption = None) -> None:
    """Print the stored parts for a region and period; a missing part says so."""
    with store_for(db).reading() as session:
        texts = narratives(session, region, period)
    for part in NARRATIVE_PARTS:
        typer.echo(f"[{part}] {word('narrative_parts', part).zh}")
        typer.echo(texts.get(part, "(not written yet)"))
        typer.echo("")


def _format_of(output: Path | None) -> str:
    """report.pdf means pdf; without a known suffix the report is Markdown."""
    suffix = output.suffix.lower().lstrip(".") if output else ""
    suffix = _SUFFIX_ALIASES.get(suffix, suffix)
    return suffix if suffix in FORMATS else "md"


def _narrative_text(text: str | None, file: Path | None) -> str:
    if (text is None) == (file is None):
        raise InvalidInput("cli.report.give_text_once")
    if text is not None:
        return text
    assert file is not None
    try:
        return file.read_text(encoding="utf-8")
    except FileNotFoundError as err:
        raise InvalidInput("cli.report.no_file", file=file) from err
    except UnicodeDecodeError as err:
        raise InvalidInput("cli.report.not_utf8", file=file) from err


def register(app: typer.Typer) -> None:
    app.command("report")(report)
    app.add_typer(narrative_app, name="narrative")
