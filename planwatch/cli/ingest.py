"""`planwatch ingest` and the review commands for the facts it stores."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from planwatch.cli.common import DbOption, clean_errors, store_for
from planwatch.extract.loaders import is_supported
from planwatch.records.ingest import IngestResult, ingest_path
from planwatch.records.review import accept_fact, correct_fact, reject_fact

facts_app = typer.Typer(
    help="Review extracted facts: accept, correct or reject.", no_args_is_help=True
)


@clean_errors
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Report files or folders of them.")],
    accept: Annotated[
        bool,
        typer.Option(
            help="Accept every fact: store them as targets "
            "and observations of the document's region."
        ),
    ] = False,
    region: Annotated[
        str | None,
        typer.Option(
            help="The region reported on, when the document's own name for it is ambiguous."
        ),
    ] = None,
    encoding: Annotated[str | None, typer.Option(help="Text encoding, e.g. gb18030.")] = None,
    db: DbOption = None,
) -> None:
    """Store each document once (by SHA-256) with its facts, pending review or accepted."""
    store = store_for(db)
    for path in _documents(paths):
        result = ingest_path(store, path, accept=accept, encoding=encoding, region=region)
        typer.echo(_describe(result))
        for warning in result.warnings:
            typer.echo(f"warning: {path.name}: {warning}", err=True)


def _documents(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.iterdir() if p.is_file() and is_supported(p)))
        else:
            out.append(path)
    return out


def _describe(result: IngestResult) -> str:
    if not result.created:
        return (
            f"{result.filename}: already stored as document {result.document_id} "
            f"({result.facts} facts); nothing changed"
        )
    where = " ".join(filter(None, [result.region, result.period])) or "region unknown"
    accepted = f", {result.accepted} stored as targets and observations" if result.accepted else ""
    return (
        f"{result.filename}: document {result.document_id} ({where}), "
        f"{result.facts} facts{accepted}"
    )


FactId = Annotated[int, typer.Argument(help="The fact's id (see the document page).")]


@facts_app.command("accept")
@clean_errors
def facts_accept(fact_id: FactId, db: DbOption = None) -> None:
    """Accept a fact: it becomes a target or observation at once."""
    with store_for(db).transaction(actor="cli") as session:
        result = accept_fact(session, fact_id)
    typer.echo(
        f"fact {fact_id} accepted; stored {result.stored}"
        + (f" ({result.note})" if result.note else "")
    )


@facts_app.command("reject")
@clean_errors
def facts_reject(fact_id: FactId, db: DbOption = None) -> None:
    """Reject a fact; anything stored from it earlier is withdrawn."""
    with store_for(db).transaction(actor="cli") as session:
        reject_fact(session, fact_id)
    typer.echo(f"fact {fact_id} rejected")


@facts_app.command("correct")
@clean_errors
def facts_correct(
    fact_id: FactId,
    value: Annotated[float | None, typer.Option(help="The right number.")] = None,
    unit: Annotated[str | None, typer.Option(help="The right unit, e.g. 亿元.")] = None,
    measure: Annotated[str | None, typer.Option(help="The right measure.")] = None,
    subject: Annotated[str | None, typer.Option(help="The right subject.")] = None,
    period: Annotated[str | None, typer.Option(help="The right period, e.g. 2017H1.")] = None,
    db: DbOption = None,
) -> None:
    """Correct a fact's measure, value, unit, subject or period, and accept it."""
    changes = {
        k: v
        for k, v in {
            "value": value,
            "unit": unit,
            "measure": measure,
            "subject": subject,
            "period": period,
        }.items()
        if v is not None
    }
    with store_for(db).transaction(actor="cli") as session:
        result = correct_fact(session, fact_id, changes)
    typer.echo(f"fact {fact_id} corrected; stored {result.stored}")


def register(app: typer.Typer) -> None:
    app.command()(ingest)
    app.add_typer(facts_app, name="facts")
