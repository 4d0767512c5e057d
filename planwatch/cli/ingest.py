"""`planwatch ingest` and the review commands for the facts it stores."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from planwatch.cli.common import DbOption, clean_errors, print_json, print_table, store_for
from planwatch.errors import InvalidInput
from planwatch.extract.loaders import is_supported
from planwatch.reads import Session
from planwatch.reads.facts import FactRow, fact_list, pending_facts
from planwatch.records.ingest import IngestResult, ingest_path
from planwatch.records.review import accept_fact, accept_facts, correct_fact, reject_fact
from planwatch.vocabulary import MEASURES, REVIEW_STATUSES

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
def facts_accept(
    fact_ids: Annotated[
        list[int] | None, typer.Argument(help="The facts' ids (see `planwatch facts list`).")
    ] = None,
    document: Annotated[
        int | None, typer.Option(help="Accept this document's pending facts (with a filter).")
    ] = None,
    indicators: Annotated[
        bool, typer.Option(help="With --document: every pending fact of a catalogue indicator.")
    ] = False,
    measure: Annotated[
        str | None, typer.Option(help="With --document: every pending fact of this measure.")
    ] = None,
    db: DbOption = None,
) -> None:
    """Accept facts: each becomes a target or observation at once, audited one by one."""
    if bool(fact_ids) == (document is not None):
        raise InvalidInput("cli.ingest.name_facts_accept_or")
    with store_for(db).transaction(actor="cli") as session:
        if document is None:
            results = [accept_fact(session, fact_id) for fact_id in fact_ids or []]
        else:
            chosen = _pending(session, document, indicators, measure)
            results = accept_facts(session, document, chosen)
    for result in results:
        typer.echo(
            f"fact {result.fact_id} accepted; stored {result.stored}"
            + (f" ({result.note})" if result.note else "")
        )
    if document is not None:
        typer.echo(f"{len(results)} facts accepted")


def _pending(session: Session, document: int, indicators: bool, measure: str | None) -> list[int]:
    if not indicators and measure is None:
        raise InvalidInput("cli.ingest.document_needs_indicators_or")
    if measure is not None and measure not in MEASURES:
        raise InvalidInput(
            "cli.ingest.unknown_measure",
            measure=measure,
            p1=", ".join(MEASURES),
            p2="、".join(MEASURES),
        )
    return pending_facts(session, document, measure=measure, indicators=indicators)


@facts_app.command("list")
@clean_errors
def facts_list(
    document: Annotated[int | None, typer.Option(help="Only this document's facts.")] = None,
    status: Annotated[
        str | None, typer.Option(help="pending, accepted, corrected or rejected.")
    ] = None,
    measure: Annotated[str | None, typer.Option(help="Only facts of this measure.")] = None,
    indicators: Annotated[bool, typer.Option(help="Only facts of a catalogue indicator.")] = False,
    limit: Annotated[int, typer.Option(min=1, max=10_000, help="At most this many.")] = 100,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many first.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    db: DbOption = None,
) -> None:
    """List stored facts in document order, filtered, as a table or JSON."""
    if status is not None and status not in REVIEW_STATUSES:
        raise InvalidInput(
            "cli.ingest.unknown_status",
            status=status,
            p1=", ".join(REVIEW_STATUSES),
            p2="、".join(REVIEW_STATUSES),
        )
    with store_for(db).reading() as session:
        found = fact_list(
            session,
            document=document,
            status=status,
            measure=measure,
            indicators=indicators,
            limit=limit,
            offset=offset,
        )
    if as_json:
        print_json({"total": found.total, "facts": [asdict(fact) for fact in found.items]})
        return
    print_table(
        ("id", "doc", "status", "measure", "subject", "value", "unit", "period", "text"),
        (_fact_cells(fact) for fact in found.items),
    )
    typer.echo(f"{len(found.items)} of {found.total} facts")


def _fact_cells(fact: FactRow) -> tuple[str, ...]:
    value = "" if fact.value is None else f"{fact.value:g}"
    subject = fact.indicator or fact.subject or ""
    return (
        str(fact.id),
        str(fact.document_id),
        fact.review_status,
        fact.measure,
        subject,
        value,
        fact.unit or "",
        fact.period or "",
        fact.text,
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
