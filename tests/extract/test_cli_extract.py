"""``planwatch extract``: the spec's JSON on stdout, clean one-line errors on stderr."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.cli.runner import run as run_cli

SAMPLE = Path(__file__).resolve().parents[2] / "planwatch" / "sample"
REPORT = SAMPLE / "wuchang-2017h1-plan-execution.txt"
TABLE_REPORT = (
    "2025年某市国民经济和社会发展统计公报\n"
    "全年地区生产总值15244.6亿元，比上年增长5.4%。\n"
    "表1 2025年年末常住人口\n指标\t年末数（万人）\t比重（%）\n全市常住人口\t1313.8\t100.0\n"
)


def run(*args: str) -> tuple[int, str, str]:
    return run_cli("extract", *args)


def test_one_file_prints_the_spec_object(tmp_path: Path) -> None:
    code, out, _ = run(str(REPORT))
    assert code == 0
    data = json.loads(out)
    assert set(data) >= {"document", "facts"}
    assert data["document"]["title"] == "关于武昌区2017年上半年国民经济和社会发展计划执行情况的报告"
    assert data["document"]["chars"] == 9091
    text = REPORT.read_text(encoding="utf-8")
    assert data["facts"], "the sample report has facts"
    for fact in data["facts"]:
        start, end = fact["span"]
        assert text[start:end] == fact["text"]
    assert "\u5730\u533a" in out  # ensure_ascii=False: Chinese stays readable
    assert out.startswith('{\n  "document": {')  # indent=2


def test_several_files_print_a_list_with_file_names(tmp_path: Path) -> None:
    other = tmp_path / "table.txt"
    other.write_text(TABLE_REPORT, encoding="utf-8")
    code, out, _ = run(str(REPORT), str(other))
    assert code == 0
    data = json.loads(out)
    assert [item["file"] for item in data] == [str(REPORT), str(other)]
    table_facts = [f for f in data[1]["facts"] if f["subject"] == "全市常住人口"]
    assert [(f["measure"], f["value"], f["unit"]) for f in table_facts] == [
        ("value", 1313.8, "万人"),
        ("share", 100.0, "%"),
    ]


def test_folder_reads_every_supported_file_with_progress_on_stderr(tmp_path: Path) -> None:
    for index in range(5):
        (tmp_path / f"r{index}.txt").write_text(TABLE_REPORT, encoding="utf-8")
    (tmp_path / "notes.xlsx").write_bytes(b"PK\x03\x04")  # not a report: skipped
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    code, out, _ = run(str(tmp_path))
    assert code == 0
    data = json.loads(out)
    assert [Path(item["file"]).name for item in data] == [f"r{i}.txt" for i in range(5)]


def test_csv_rows_carry_the_file(tmp_path: Path) -> None:
    path = tmp_path / "table.txt"
    path.write_text(TABLE_REPORT, encoding="utf-8")
    code, out, _ = run(str(path), "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and all(row["file"] == str(path) for row in rows)
    population = [row for row in rows if row["subject"] == "全市常住人口"]
    assert [(row["measure"], row["value"], row["unit"]) for row in population] == [
        ("value", "1313.8", "万人"),
        ("share", "100.0", "%"),
    ]


def test_table_format(tmp_path: Path) -> None:
    path = tmp_path / "table.txt"
    path.write_text(TABLE_REPORT, encoding="utf-8")
    code, out, _ = run(str(path), "-f", "table")
    assert code == 0
    assert "table.txt" in out and "1313.8" in out


def test_gb18030_file_with_and_without_encoding(tmp_path: Path) -> None:
    path = tmp_path / "gb.txt"
    path.write_bytes(REPORT.read_text(encoding="utf-8").encode("gb18030"))
    detected = json.loads(run(str(path))[1])
    named = json.loads(run(str(path), "--encoding", "gb18030")[1])
    assert detected["document"]["publisher"] == named["document"]["publisher"] == "区发改委"
    assert detected["facts"] == named["facts"]


def test_bad_file_is_one_error_line_and_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "chart.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    code, out, err = run(str(path))
    assert code == 1
    assert out == ""
    assert err.startswith("error: chart.txt is a PNG image, not a text document: ")
    assert err.count("\n") == 1


def test_one_bad_file_among_several_still_prints_the_others(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(TABLE_REPORT, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, err = run(str(good), str(empty))
    assert code == 1
    assert [item["file"] for item in json.loads(out)] == [str(good)]
    assert (
        err
        == f"error: {empty}: empty.txt is empty: check that the file was saved or downloaded completely\n"
    )


def test_missing_file_and_empty_folder(tmp_path: Path) -> None:
    code, _, err = run(str(tmp_path / "nowhere.txt"))
    assert code == 1 and "nowhere.txt does not exist" in err
    code, _, err = run(str(tmp_path))
    assert code == 1 and err.startswith(f"error: {tmp_path} holds no report files")


def test_unknown_format_is_a_usage_error() -> None:
    code, _, err = run(str(REPORT), "--format", "xml")
    assert code == 2
    assert "xml" in err
