"""The ``planwatch`` command: one Typer app; each family of commands lives in its own module."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="planwatch",
    help="planwatch: 计划执行监测 — read plan reports, track targets, judge progress, draft reports.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


def main() -> None:
    from planwatch.cli import register

    register.all_commands(app)
    app()
