"""The README's CLI tour runs as written, from the clone, command by command."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planwatch.cli import build_app

ROOT = Path(__file__).resolve().parent.parent


def tour() -> list[list[str]]:
    text = (ROOT / "README.md").read_text("utf-8")
    block = re.search(r"## A tour of the CLI.*?```sh\n(.*?)```", text, re.DOTALL)
    assert block, "the README lost its tour"
    lines = [line.split("  #")[0].strip() for line in block.group(1).splitlines()]
    return [shlex.split(line) for line in lines if line]


def test_the_tour_runs_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "planwatch").symlink_to(ROOT / "planwatch")  # the clone's sample paths
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PLANWATCH_DATABASE_URL", raising=False)
    commands = tour()
    assert commands[0][:2] == ["planwatch", "init"] and commands[-1] == ["planwatch", "serve"]
    for command in commands[:-1]:  # all but serve, which would not return
        assert command[0] == "planwatch"
        result = CliRunner().invoke(build_app(), command[1:], input="\n")
        assert result.exit_code == 0, f"{shlex.join(command)}: {result.output}"
    assert (tmp_path / "planwatch.db").exists() and (tmp_path / "report.pdf").stat().st_size
