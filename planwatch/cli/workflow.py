"""Commands for departments, the submission workflow and API tokens."""

from __future__ import annotations

from typing import Annotated

import typer

from planwatch.cli.common import DbOption, clean_errors, store_for
from planwatch.reads.regions import stored_region
from planwatch.reads.submissions import submissions
from planwatch.reads.users import tokens
from planwatch.records.departments import add_department
from planwatch.records.reminders import set_contact
from planwatch.records.submissions import move_submission
from planwatch.records.tokens import add_token, revoke_token
from planwatch.records.users import COMMAND_LINE
from planwatch.vocabulary import SubmissionStep

departments_app = typer.Typer(help="Departments of a region: the units that report figures.")
submissions_app = typer.Typer(help="Departments' figures of a period: submit, approve, publish.")
tokens_app = typer.Typer(help="API tokens for programs (shown once, stored hashed).")
Region = Annotated[str, typer.Option(help="Region code or name, e.g. 420106.")]
Period = Annotated[str, typer.Option(help="Period code, e.g. 2017H1.")]
Dept = Annotated[str, typer.Option(help="Department name as the plan writes it, e.g. 区统计局.")]


@departments_app.command("add")
@clean_errors
def departments_add(
    name: Annotated[str, typer.Argument(help="Department name, e.g. 区统计局.")],
    region: Region,
    db: DbOption = None,
) -> None:
    """Add a department to a region."""
    with store_for(db).transaction(actor="cli") as session:
        row = add_department(session, region, name)
        typer.echo(f"added department {row.name}")


@departments_app.command("contact")
@clean_errors
def departments_contact(
    name: Annotated[str, typer.Argument(help="Department name, e.g. 区统计局.")],
    region: Region,
    email: Annotated[str | None, typer.Option(help="Its reminders' e-mail ('' clears).")] = None,
    webhook: Annotated[
        str | None, typer.Option(help="Its work-chat robot's webhook URL ('' clears).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Set where a department's reminders go (planwatch remind)."""
    with store_for(db).transaction(actor="cli") as session:
        row = set_contact(session, stored_region(session, region).id, name, email, webhook)
        typer.echo(f"{row.name}: e-mail {row.email or '—'}, webhook {row.webhook or '—'}")


@departments_app.command("list")
@clean_errors
def departments_list(
    region: Region,
    period: Annotated[str | None, typer.Option(help="Also show their figures' status.")] = None,
    db: DbOption = None,
) -> None:
    """List a region's departments (with --period: where their figures stand)."""
    with store_for(db).reading() as session:
        for row in submissions(session, stored_region(session, region), period or ""):
            shown = f"\t{row.status}\t{row.comment or ''}" if period else ""
            typer.echo(f"{row.department}{shown}")


def _step(
    step: SubmissionStep,
    region: str,
    period: str,
    department: str,
    comment: str | None,
    db: str | None,
) -> None:
    with store_for(db).transaction(actor="cli") as session:
        row = move_submission(
            session,
            COMMAND_LINE,
            step,
            region=region,
            department=department,
            period=period,
            comment=comment,
        )
        typer.echo(f"{department} {row.period}: {row.status}")


@submissions_app.command("list")
@clean_errors
def submissions_list(region: Region, period: Period, db: DbOption = None) -> None:
    """Where each department's figures of the period stand."""
    departments_list(region, period, db)  # the same listing, the status always shown


@submissions_app.command("submit")
@clean_errors
def submit(region: Region, period: Period, department: Dept, db: DbOption = None) -> None:
    """Submit a department's draft figures (they must pass the checks)."""
    _step("submit", region, period, department, None, db)


@submissions_app.command("approve")
@clean_errors
def approve(region: Region, period: Period, department: Dept, db: DbOption = None) -> None:
    """Approve a department's submitted figures: from now on they count."""
    _step("approve", region, period, department, None, db)


@submissions_app.command("return")
@clean_errors
def return_(
    region: Region,
    period: Period,
    department: Dept,
    comment: Annotated[str, typer.Option(help="What the department must correct.")],
    db: DbOption = None,
) -> None:
    """Return a department's submitted figures with a comment."""
    _step("return", region, period, department, comment, db)


@submissions_app.command("publish")
@clean_errors
def publish(region: Region, period: Period, department: Dept, db: DbOption = None) -> None:
    """Publish a department's approved figures (the public view shows them)."""
    _step("publish", region, period, department, None, db)


@tokens_app.command("add")
@clean_errors
def tokens_add(
    user: Annotated[str, typer.Argument(help="Login name of the token's user.")],
    name: Annotated[str, typer.Option(help="What uses the token, e.g. 'nightly import'.")],
    db: DbOption = None,
) -> None:
    """Create a token; it is printed once and stored only as its SHA-256."""
    with store_for(db).transaction(actor="cli") as session:
        row, token = add_token(session, user, name)
        typer.echo(f"token {row.id} for {user}: {token}")


@tokens_app.command("list")
@clean_errors
def tokens_list(db: DbOption = None) -> None:
    """List tokens (never the tokens themselves)."""
    with store_for(db).reading() as session:
        for row in tokens(session):
            typer.echo(f"{row.id}\t{row.user}\t{row.name}\t{row.created}")


@tokens_app.command("revoke")
@clean_errors
def tokens_revoke(
    token_id: Annotated[int, typer.Argument(help="The token's id from `tokens list`.")],
    db: DbOption = None,
) -> None:
    """Revoke a token: programs using it are refused at once."""
    with store_for(db).transaction(actor="cli") as session:
        revoke_token(session, token_id)
        typer.echo(f"revoked token {token_id}")


def register(app: typer.Typer) -> None:
    app.add_typer(departments_app, name="departments")
    app.add_typer(submissions_app, name="submissions")
    app.add_typer(tokens_app, name="tokens")
