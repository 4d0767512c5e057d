"""Commands for the dashboard: serve, demo, users."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from planwatch.cli.common import DbOption, clean_errors, fail, store_for
from planwatch.cli.reminding import schedule
from planwatch.config import ReminderSettings, Settings
from planwatch.errors import InvalidInput
from planwatch.reads.users import has_users, users
from planwatch.records.users import add_user, new_password, set_disabled, set_password
from planwatch.vocabulary import ROLES

users_app = typer.Typer(
    help="Users of the dashboard and API, with their roles.", no_args_is_help=True
)

HostOption = Annotated[str, typer.Option(help="Address to listen on; 0.0.0.0 for the network.")]
PortOption = Annotated[int, typer.Option(help="Port to listen on.")]


def _run(settings: Settings, host: str, port: int, workers: int = 1) -> None:
    import uvicorn

    from planwatch.web import create_app

    if workers == 1:
        uvicorn.run(create_app(settings), host=host, port=port, log_level="info")
        return
    # each worker process builds its app from the environment: the same database and the
    # same secret key, so a sign-in or a form made by one worker is good at every other
    os.environ["PLANWATCH_DATABASE_URL"] = settings.database_url
    os.environ["PLANWATCH_SECRET_KEY"] = settings.secret_key
    uvicorn.run(
        "planwatch.web.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
    )


@clean_errors
def serve(
    host: HostOption = "127.0.0.1",
    port: PortOption = 8000,
    db: DbOption = None,
    remind_every: Annotated[
        float | None,
        typer.Option(
            "--remind-every",
            help="Send reminders every HOURS (first at start) of every period due or soon due.",
        ),
    ] = None,
    remind_region: Annotated[
        list[str] | None, typer.Option("--remind-region", help="A region to remind (repeat).")
    ] = None,
    workers: Annotated[
        int, typer.Option(min=1, help="Server processes (a core each; see docs/deploy.md).")
    ] = 1,
) -> None:
    """Run the dashboard and JSON API (set PLANWATCH_SECRET_KEY to keep sessions across restarts)."""
    settings = Settings.from_env(db=db)
    store = store_for(db, create=True)
    with store.reading() as session:
        nobody = not has_users(session)
    if nobody:
        typer.echo(
            "note: this database has no users, so nobody can sign in yet; add an administrator "
            f"with `planwatch users add NAME --role admin{f' --db {db}' if db else ''}`"
        )
    if remind_every is not None:
        if remind_every <= 0 or not remind_region:
            raise InvalidInput("cli.web.remind_every_needs_positive")
        schedule(store, ReminderSettings.from_env(), remind_region, remind_every)
        typer.echo(f"reminders every {remind_every:g} h for {', '.join(remind_region)}")
    else:
        store.dispose()
    if not os.environ.get("PLANWATCH_SECRET_KEY"):
        typer.echo("note: PLANWATCH_SECRET_KEY is not set; sign-ins end when the server restarts")
    typer.echo(f"planwatch at http://{host}:{port}/  (API: http://{host}:{port}/docs)")
    _run(settings, host, port, workers)


@clean_errors
def demo(
    port: PortOption = 8000,
    db: Annotated[
        Path, typer.Option(help="Demo database file (kept across runs unless --fresh).")
    ] = Path("planwatch-demo.db"),
    fresh: Annotated[
        bool, typer.Option("--fresh", help="Rebuild the database, dropping what was tried.")
    ] = False,
    no_serve: Annotated[bool, typer.Option("--no-serve", help="Build the database only.")] = False,
) -> None:
    """Build a demo database (武昌区 2017 sample, a report to review, users) and serve it."""
    from planwatch.demo import open_demo

    built, new = open_demo(db, fresh=fresh)
    typer.echo(
        f"demo database: {db} "
        + ("(built now)" if new else "(kept from the last run: --fresh rebuilds it)")
    )
    site = f"http://127.0.0.1:{port}"
    if no_serve:
        typer.echo(f"serve it with: planwatch serve --db {db} --port {port}")
    typer.echo(f"open {site}{built.overview_path}")
    typer.echo("sign in as (new passwords each run):")
    for name, password in built.passwords.items():
        typer.echo(f"  user {name:<9} password {password}")
    if built.sign_in_link:
        typer.echo(f"or open once, as the planner: {site}{built.sign_in_link}")
    if not no_serve:
        _run(Settings.from_env(db=str(db)), "127.0.0.1", port)


@users_app.command("add")
@clean_errors
def users_add(
    name: Annotated[str, typer.Argument(help="Login name.")],
    role: Annotated[str, typer.Option(help=f"One of {', '.join(ROLES)}.")],
    region: Annotated[
        str | None, typer.Option(help="Region code the user acts for (required for reporters).")
    ] = None,
    password: Annotated[
        str | None, typer.Option(help="Password; asked for when omitted (blank: generate one).")
    ] = None,
    department: Annotated[
        str | None, typer.Option(help="Department a reporter reports for, e.g. 区统计局.")
    ] = None,
    db: DbOption = None,
) -> None:
    """Add a user; the password is stored as an argon2 hash."""
    chosen = password
    if chosen is None:
        chosen = typer.prompt(
            "password (blank: generate one)", default="", hide_input=True, show_default=False
        )
    shown = not chosen
    chosen = chosen or new_password()
    with store_for(db).transaction(actor="cli") as session:
        row = add_user(session, name, role, chosen, region=region, department=department)
        typer.echo(f"added user {row.name} ({row.role})")
    if shown:
        typer.echo(f"password: {chosen}")


@users_app.command("list")
@clean_errors
def users_list(db: DbOption = None) -> None:
    """List users and roles."""
    with store_for(db).reading() as session:
        rows = users(session)
        if not rows:
            raise fail("no users yet: add one with `planwatch users add NAME --role admin`")
        for row in rows:
            typer.echo(f"{row.name}\t{row.role}")


UserName = Annotated[str, typer.Argument(help="Login name.")]


@users_app.command("disable")
@clean_errors
def users_disable(name: UserName, db: DbOption = None) -> None:
    """Stop a user signing in; their sessions and API tokens end at once."""
    with store_for(db).transaction(actor="cli") as session:
        set_disabled(session, name, True)
    typer.echo(f"disabled {name}")


@users_app.command("enable")
@clean_errors
def users_enable(name: UserName, db: DbOption = None) -> None:
    """Let a disabled user sign in again."""
    with store_for(db).transaction(actor="cli") as session:
        set_disabled(session, name, False)
    typer.echo(f"enabled {name}")


@users_app.command("set-password")
@clean_errors
def users_set_password(
    name: UserName,
    password: Annotated[
        str | None, typer.Option(help="New password; asked for when omitted.")
    ] = None,
    db: DbOption = None,
) -> None:
    """Give a user a new password (stored as an argon2 hash)."""
    chosen = password or typer.prompt("new password", hide_input=True)
    with store_for(db).transaction(actor="cli") as session:
        set_password(session, name, chosen)
    typer.echo(f"new password set for {name}")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.command("demo")(demo)
    app.add_typer(users_app, name="users")
