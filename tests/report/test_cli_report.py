"""`planwatch report` and `planwatch narrative` as a user runs them."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from tests.cli.runner import run
from tests.conftest import SAMPLE


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "planwatch.db")
    assert run("init", "--db", path)[0] == 0
    assert run("plan", "load", str(SAMPLE / "wuchang-2017-plan.yaml"), "--db", path)[0] == 0
    observations = str(SAMPLE / "wuchang-2017h1-observations.csv")
    assert run("observations", "load", observations, "--db", path)[0] == 0
    return path


WHERE = ("--region", "武昌区", "--period", "2017H1")


def test_markdown_to_stdout_with_warnings_on_stderr(db: str) -> None:
    code, out, err = run("report", *WHERE, "--db", db)
    assert code == 0
    assert out.startswith("# 关于武昌区2017年上半年国民经济和社会发展计划执行情况的报告\n")
    assert "【待填写：开篇段落】" in out
    warnings = err.strip().splitlines()
    # three narratives and the two lines whose figures the sample lacks (energy, CO2)
    assert len(warnings) == 5 and all(w.startswith("warning: no ") for w in warnings)
    assert sum("figure for the target" in w for w in warnings) == 2


def test_narratives_fill_the_placeholders(db: str, tmp_path: Path) -> None:
    steps = tmp_path / "steps.txt"
    steps.write_text("(一)加快实施创新驱动。\n(二)持续加强投资拉动。\n", encoding="utf-8")
    assert (
        run(
            "narrative", "set", *WHERE, "--part", "opening", "--text", "今年以来,我区……", "--db", db
        )[0]
        == 0
    )
    assert (
        run("narrative", "set", *WHERE, "--part", "problems", "--text", "一是……", "--db", db)[0]
        == 0
    )
    code, out, _ = run(
        "narrative", "set", *WHERE, "--part", "next_steps", "--file", str(steps), "--db", db
    )
    assert code == 0 and out.strip() == "stored next_steps (下阶段工作安排) for 武昌区 2017H1"
    code, out, err = run("report", *WHERE, "--db", db)
    # what is left asks for the two figures the sample lacks, and nothing else
    assert code == 0 and err.count("warning:") == 2 and "narrative" not in err
    assert out.count("【待填写") == 2 and "【待填写：上半年单位生产总值能耗降低率】" in out
    assert "今年以来，我区……" in out and "（二）持续加强投资拉动。" in out
    code, shown, _ = run("narrative", "show", *WHERE, "--db", db)
    assert "[opening] 开篇段落\n今年以来,我区……" in shown


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "pdf"])
def test_each_format_writes_a_file(db: str, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"report.{fmt}"
    code, _, err = run("report", *WHERE, "--format", fmt, "-o", str(path), "--db", db)
    assert code == 0 and f"wrote {path}" in err
    head = path.read_bytes()[:5]
    assert (
        head
        == {
            "md": "# 关于".encode()[:5],
            "html": b"<!DOC",
            "docx": b"PK\x03\x04\x14",
            "pdf": b"%PDF-",
        }[fmt]
    )


def test_docx_font_choice(db: str, tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    assert (
        run("report", *WHERE, "-f", "docx", "-o", str(path), "--docx-fonts", "noto", "--db", db)[0]
        == 0
    )
    assert docx.Document(str(path)).styles["Normal"].font.name == "Noto Serif CJK SC"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--region", "火星区", "--period", "2017H1"), "error: no region is named '火星区'"),
        (("--region", "武昌区", "--period", "2017Q3"), "error: no figures for 武昌区 in 2017Q3"),
        (("--region", "武昌区", "--period", "2017X"), "error: period '2017X' is not valid"),
        ((*WHERE, "--format", "odt"), "error: unknown report format 'odt'"),
        ((*WHERE, "--format", "pdf"), "error: a pdf report needs a file: pass -o report.pdf"),
    ],
)
def test_errors_are_one_line(db: str, args: tuple[str, ...], message: str) -> None:
    code, out, err = run("report", *args, "--db", db)
    assert code == 1 and out == ""
    assert err.startswith(message) and len(err.strip().splitlines()) == 1


def test_narrative_needs_text_once(db: str, tmp_path: Path) -> None:
    code, _, err = run("narrative", "set", *WHERE, "--part", "opening", "--db", db)
    assert code == 1 and err.strip() == "error: give the text once: pass either --text or --file"
    missing = str(tmp_path / "none.txt")
    code, _, err = run(
        "narrative", "set", *WHERE, "--part", "opening", "--file", missing, "--db", db
    )
    assert code == 1 and "does not exist" in err


@pytest.mark.parametrize(
    ("name", "head"), [("r.pdf", b"%PDF-"), ("r.htm", b"<!DOC"), ("r.txt", b"# ")]
)
def test_format_follows_the_output_suffix(db: str, tmp_path: Path, name: str, head: bytes) -> None:
    path = tmp_path / name
    assert run("report", *WHERE, "-o", str(path), "--db", db)[0] == 0
    assert path.read_bytes().startswith(head)
