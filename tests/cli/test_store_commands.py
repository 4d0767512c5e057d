"""The store commands as a user runs them, and the one-line errors bad input gets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.runner import run
from tests.conftest import SAMPLE


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "planwatch.db")
    assert run("init", "--db", path)[0] == 0
    return path


def loaded(db: str) -> str:
    assert run("plan", "load", str(SAMPLE / "wuchang-2017-plan.yaml"), "--db", db)[0] == 0
    code, out, _ = run(
        "observations", "load", str(SAMPLE / "wuchang-2017h1-observations.csv"), "--db", db
    )
    assert code == 0 and out.strip() == "loaded 19 observations"
    return db


def snapshot(db: str) -> str:
    return run("show", "--json", "--db", db)[1]


def test_sample_loads_and_shows(db: str) -> None:
    loaded(db)
    code, out, _ = run("show", "--db", db)
    assert code == 0
    assert "武昌区 (420106) 2017 年计划目标" in out
    assert "地区生产总值 增长不低于 9%" in out
    assert "武昌区 2017H1 地区生产总值 value 525.69亿元" in out
    data = json.loads(snapshot(db))
    assert len(data["observations"]) == 19 and data["plans"][0]["projects"] == 9


def test_json_observations_and_custom_region(db: str, tmp_path: Path) -> None:
    code, out, _ = run(
        "regions", "add", "420106001", "中华路街道", "--parent", "武昌区", "--db", db
    )
    assert (code, out.strip()) == (0, "added region 420106001 中华路街道")
    path = tmp_path / "obs.json"
    path.write_text(
        json.dumps(
            {
                "observations": [
                    {
                        "region": "中华路街道",
                        "indicator": "城镇新增就业",
                        "period": "2017M05",
                        "value": 1200,
                        "unit": "人",
                    }
                ]
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    assert run("observations", "load", str(path), "--db", db)[0] == 0
    assert "中华路街道 2017M05 城镇新增就业 value 1200人" in run("show", "--db", db)[1]


def write(tmp_path: Path, name: str, content: str) -> str:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return str(path)


BAD_INPUTS = [
    ("plan.yaml", "region: 武昌区\nyear: 2017\ntargets: [\n", "error: plan.yaml is not valid YAML"),
    (
        "plan.yaml",
        "region: 武昌区\nyear: 2017\ntargets:\n  - indicator: 幸福指数\n"
        "    kind: value_at_least\n    value: 1\n",
        "error: unknown indicator '幸福指数': use a name or alias from `planwatch indicators`",
    ),
    (
        "plan.yaml",
        "region: 武昌区\nyear: 2017\ntargets:\n  - indicator: GDP\n"
        "    kind: growth_above\n    value: 1\n",
        "error: plan.yaml: kind (targets.0.kind) must be one of 'growth_at_least'",
    ),
    (
        "obs.csv",
        "region,indicator,period,measure,value\n武昌区,地区生产总值,2017H3,value,1\n",
        "error: observation 1: period '2017H3' is not valid: use 2017, 2017H1, 2017H2",
    ),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_INPUTS)
def test_bad_files_leave_the_database_unchanged(
    db: str, tmp_path: Path, name: str, content: str, message: str
) -> None:
    loaded(db)
    before = snapshot(db)
    command = "plan" if name.startswith("plan") else "observations"
    code, _, err = run(command, "load", write(tmp_path, name, content), "--db", db)
    assert code == 1
    assert err.startswith(message), err
    assert len(err.strip().splitlines()) == 1
    assert snapshot(db) == before


def test_duplicate_region_code(db: str) -> None:
    assert run("regions", "add", "420106001", "中华路街道", "--db", db)[0] == 0
    code, _, err = run("regions", "add", "420106001", "另一个", "--db", db)
    assert code == 1
    assert err.strip() == (
        "error: region code '420106001' already exists: choose another code; "
        "`planwatch show` lists stored regions"
    )


def test_database_in_missing_folder(tmp_path: Path) -> None:
    code, _, err = run("init", "--db", str(tmp_path / "nowhere" / "x.db"))
    assert code == 1
    assert "database folder" in err and "does not exist: create it first" in err
    assert not (tmp_path / "nowhere").exists()


def test_postgres_that_cannot_connect() -> None:
    code, _, err = run("init", "--db", "postgresql://nobody@127.0.0.1:1/none")
    assert code == 1
    assert err.startswith("error: cannot connect to database postgresql+psycopg://nobody@")
    assert err.strip().endswith("check that the server runs and the URL is right")


def test_uninitialised_database(tmp_path: Path) -> None:
    code, _, err = run("show", "--db", str(tmp_path / "empty.db"))
    assert code == 1 and "run `planwatch init` first" in err


def test_excel_sheet_with_region_and_period_given_on_the_command_line(
    db: str, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has a sheet
    for row in (
        ["指标", "口径", "数值", "单位"],
        ["地区生产总值", "总量", 525.69, "亿元"],
        ["地区生产总值", "增速", 8.1, "%"],
    ):
        sheet.append(row)
    path = tmp_path / "figures.xlsx"
    book.save(path)
    code, _, err = run("observations", "load", str(path), "--db", db)
    assert code == 1
    said = err.strip().splitlines()
    assert said[0] == (
        "error: figures.xlsx有2处问题，未导入任何数据 / figures.xlsx: 2 problem(s), nothing was stored"
    )
    assert said[1].startswith("  工作表「Sheet」第2行A列：没有地区（此行及以下各行）")
    assert said[2].startswith(
        "  Sheet Sheet, row 2, column A: no region (this row and those below)"
    )
    assert "command line: --region" in said[2] and "command line: --period" in said[4]
    code, out, _ = run(
        "observations", "load", str(path), "--region", "武昌区", "--period", "2017H1", "--db", db
    )
    assert (code, out.strip()) == (0, "loaded 2 observations")
    shown = run("show", "--db", db)[1]
    assert "武昌区 2017H1 地区生产总值 yoy_growth 8.1% [submitted v1]" in shown


def test_backup_and_restore_commands(db: str, tmp_path: Path) -> None:
    backup = tmp_path / "backup.db"
    assert run("backup", str(backup), "--db", db) == (0, f"backed up to {backup}\n", "")
    shown = run("show", "--db", db)[1]
    extra = tmp_path / "extra.csv"
    extra.write_text(
        "region,indicator,period,measure,value,unit\n420106,地区生产总值,2017M08,value,600,亿元\n",
        encoding="utf-8",
    )
    assert run("observations", "load", str(extra), "--db", db)[0] == 0
    assert run("show", "--db", db)[1] != shown
    code, _, err = run("restore", str(backup), "--db", db)
    assert code == 1 and "--yes" in err
    assert run("restore", str(backup), "--yes", "--db", db)[0] == 0
    assert run("show", "--db", db)[1] == shown
    code, _, err = run("backup", str(backup), "--db", db)
    assert code == 1 and "exists already" in err
