"""The command line says each error in English with a hint that names the command.

The same errors on the web name the page or the button instead (tests/web); here the
message is the catalogue's English and the hint its command-line form, on one line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planwatch.vocabulary.messages import catalogue
from tests.cli.runner import run
from tests.conftest import SAMPLE

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "planwatch.db")
    assert run("init", "--db", path)[0] == 0
    assert run("plan", "load", str(SAMPLE / "wuchang-2017-plan.yaml"), "--db", path)[0] == 0
    return path


def _error(*args: str) -> str:
    code, _out, err = run(*args)
    assert code == 1 and err.startswith("error: "), err
    assert len(err.strip().splitlines()) == 1, err
    return err.strip().removeprefix("error: ")


def test_a_missing_plan_names_the_load_command(db: str) -> None:
    said = _error("assess", "--region", "武昌区", "--period", "2018H1", "--db", db)
    assert said == "武昌区 has no plan for 2018: load one with `planwatch plan load`"
    assert catalogue()["reads.lookup.no_plan"]["web_hint"] not in said


def test_an_empty_narrative_names_the_options(db: str) -> None:
    args = ("narrative", "set", "--region", "武昌区", "--period", "2017H1", "--part", "opening")
    said = _error(*args, "--text", " ", "--db", db)
    assert (
        said == "the opening text is empty: pass the text with --text or a UTF-8 file with --file"
    )


def test_an_unknown_department_names_the_departments_commands(db: str) -> None:
    said = _error("users", "add", "li", "--role", "reporter", "--region", "420106",
                  "--department", "区水务局", "--password", "long-enough-1", "--db", db)  # fmt: skip
    assert "has no department '区水务局'" in said
    assert "`planwatch departments add --region 420106 区水务局`" in said


def test_cli_errors_are_english_sentences(db: str, tmp_path: Path) -> None:
    """No Chinese sentence in what the command line says (names and examples aside)."""
    empty = tmp_path / "plan.yaml"
    empty.write_text("", encoding="utf-8")
    for args in (
        ("plan", "load", str(empty), "--db", db),
        ("assess", "--region", "武昌区", "--period", "2017X1", "--db", db),
        ("facts", "accept", "424242", "--db", db),
        ("report", "--region", "武昌区", "--period", "2017H1", "--format", "docx", "--db", db),
    ):
        said = _error(*args)
        assert not any(mark in said for mark in "，。；（）请"), said
        assert len(HAN.findall(said)) <= len(said) / 4, said
