"""Attach every command family to the app. Each module defines ``register(app)``."""

from __future__ import annotations

import importlib

import typer

MODULES = ("store", "extract", "assess", "report", "web")


def all_commands(app: typer.Typer) -> None:
    for name in MODULES:
        try:
            module = importlib.import_module(f"planwatch.cli.{name}")
        except ModuleNotFoundError as err:
            if err.name == f"planwatch.cli.{name}":
                continue  # that command family is not built yet
            raise
        module.register(app)
