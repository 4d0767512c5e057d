"""Running the CLI in process, as a user would from a shell."""

from __future__ import annotations

from typer.testing import CliRunner

from planwatch.cli import build_app


def run(*args: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``planwatch ARGS...``."""
    result = CliRunner().invoke(build_app(), list(args))
    return result.exit_code, result.stdout, result.stderr
