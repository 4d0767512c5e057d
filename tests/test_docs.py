"""Every command has --help text and a section in the user guide under docs/."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import typer

from planwatch.cli import build_app

DOCS = Path(__file__).resolve().parent.parent / "docs"


def leaf_commands(command: Any, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any]]:
    # Typer ships its own fork of click, so groups are recognised by their subcommands.
    subcommands = getattr(command, "commands", None)
    if subcommands is not None:
        out = []
        for name, sub in subcommands.items():
            out.extend(leaf_commands(sub, (*path, name)))
        return out
    return [(path, command)]


def documented_commands() -> set[str]:
    heading = re.compile(r"^#{2,3}\s+`?planwatch ([a-z -]+?)`?\s*$", re.MULTILINE)
    found: set[str] = set()
    for page in DOCS.glob("*.md"):
        found.update(m.group(1).strip() for m in heading.finditer(page.read_text("utf-8")))
    return found


def test_every_command_has_help_and_a_guide_section() -> None:
    commands = leaf_commands(typer.main.get_command(build_app()))
    assert len(commands) >= 10
    documented = documented_commands()
    missing_help = [" ".join(p) for p, c in commands if not (c.help or "").strip()]
    missing_docs = [" ".join(p) for p, _ in commands if " ".join(p) not in documented]
    assert missing_help == [], f"commands without --help text: {missing_help}"
    assert missing_docs == [], f"commands without a section in docs/: {missing_docs}"
