"""The ``planwatch`` command: one Typer app; each family of commands lives in its own module."""

from __future__ import annotations

import importlib

import typer

COMMAND_MODULES = (
    "store",
    "extract",
    "ingest",
    "assess",
    "report",
    "web",
    "workflow",
    "scale",
    "collection",
)


def build_app() -> typer.Typer:
    """A new app with every command family attached (each module defines ``register(app)``)."""
    app = typer.Typer(
        name="planwatch",
        help="planwatch: 计划执行监测 — read plan reports, track targets, judge progress, "
        "draft reports.",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        add_completion=False,
    )
    for name in COMMAND_MODULES:
        importlib.import_module(f"planwatch.cli.{name}").register(app)
    return app


def main() -> None:
    build_app()()
