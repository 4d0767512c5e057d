"""`planwatch assess` as a user runs it: table and JSON output, one-line errors."""

from __future__ import annotations

import json

import pytest

from planwatch.store import Store
from tests.assess.helpers import add_figures, add_plan
from tests.cli.runner import run


def test_table_shows_statuses_sentences_tasks_and_projects(sample_store: Store) -> None:
    code, out, _ = run(
        "assess", "--region", "武昌区", "--period", "2017H1", "--db", sample_store.url
    )
    assert code == 0
    assert out.startswith("武昌区 (420106) 2017H1 上半年 · time progress 50%\n")
    assert "behind 0 · slightly_behind 1 · on_track 5 · achieved 0 · unknown 2" in out
    [gdp_row] = [line for line in out.splitlines() if line.startswith("slightly_behind")]
    assert "地区生产总值" in gdp_row and gdp_row.endswith("-0.9 pt")
    assert (
        "全年全社会固定资产投资计划完成220亿元以上;上半年完成163.97亿元,同比增长15.61%,"
        "完成全年目标的74.5%,超序时进度24.5个百分点。"
    ) in out
    assert "单位生产总值能耗: no 2017H1 reduction figure for 单位生产总值能耗" in out
    assert "下半年需完成56.03亿元;需要2016年全年全社会固定资产投资" in out
    assert "on_track  加快重点功能区建设(房屋征收)    51.8%" in out
    assert out.rstrip().endswith(
        "projects: 计划内重大项目9个,其中基本完工2个、续建在建2个、新开工2个、拟开工3个"
    )


def test_json_keeps_chinese_readable(sample_store: Store) -> None:
    code, out, _ = run(
        "assess",
        "--region",
        "420106",
        "--period",
        "2017H1",
        "--format",
        "json",
        "--db",
        sample_store.url,
    )
    assert code == 0
    assert "地区生产总值" in out  # ensure_ascii=False
    data = json.loads(out)
    statuses = {(a["indicator"], a["kind"]): a["status"] for a in data["assessments"]}
    assert statuses[("地区生产总值", "growth_at_least")] == "slightly_behind"
    assert statuses[("单位生产总值能耗", "reduction_at_least")] == "unknown"
    assert len(data["tasks"]) == 9 and data["projects"]["total"] == 9


def test_threshold_options(sample_store: Store) -> None:
    code, out, _ = run(
        "assess",
        "--region",
        "武昌区",
        "--period",
        "2017H1",
        "--format",
        "json",
        "--growth-points",
        "0.5",
        "--db",
        sample_store.url,
    )
    assert code == 0
    data = json.loads(out)
    assert data["thresholds"]["growth_points"] == 0.5
    assert data["assessments"][0]["status"] == "behind"


def test_compare_districts(sample_store: Store) -> None:
    add_plan(
        sample_store,
        {
            "region": "江岸区",
            "parent": "武汉市",
            "year": 2017,
            "targets": [
                {"indicator": "地区生产总值", "kind": "growth_at_least", "value": 8, "unit": "%"}
            ],
        },
    )
    add_figures(sample_store, ("江岸区", "地区生产总值", "2017H1", "yoy_growth", 8.6, "%"))
    code, out, _ = run(
        "assess",
        "--parent",
        "武汉市",
        "--level",
        "county",
        "--period",
        "2017H1",
        "--indicator",
        "地区生产总值",
        "--db",
        sample_store.url,
    )
    assert code == 0
    assert out.startswith("武汉市 (420100) · county · 2017H1 · 地区生产总值\n")
    lines = out.splitlines()
    first = lines.index("地区生产总值 growth_at_least (by growth):")
    assert lines[first + 2].split() == ["1", "江岸区", "8.6", "on_track"]
    assert lines[first + 3].split() == ["2", "武昌区", "8.1", "slightly_behind"]
    assert "  洪山区 (420111): 洪山区 has no plan for 2017" in lines

    code, out, _ = run(
        "assess",
        "--parent",
        "武汉市",
        "--period",
        "2017H1",
        "--format",
        "json",
        "--db",
        sample_store.url,
    )
    assert code == 0 and [r["region"] for r in json.loads(out)["regions"]] == ["江岸区", "武昌区"]


def test_parent_tells_apart_regions_of_the_same_name(sample_store: Store) -> None:
    code, _, err = run(
        "assess", "--region", "鼓楼区", "--period", "2017H1", "--db", sample_store.url
    )
    assert code == 1 and "pass the parent, e.g. --parent 南京市" in err
    code, _, err = run(
        "assess",
        "--region",
        "鼓楼区",
        "--parent",
        "南京市",
        "--period",
        "2017H1",
        "--db",
        sample_store.url,
    )
    assert err.strip() == "error: 鼓楼区 has no plan for 2017: load one with `planwatch plan load`"
    code, out, _ = run(
        "assess",
        "--region",
        "武昌区",
        "--parent",
        "武汉市",
        "--period",
        "2017H1",
        "--db",
        sample_store.url,
    )
    assert code == 0 and out.startswith("武昌区 (420106)")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--region", "武昌区", "--period", "2017Q3"),
            "error: no figures for 武昌区 in 2017Q3: load observations for that period",
        ),
        (
            ("--region", "武昌区", "--period", "2018"),
            "error: 武昌区 has no plan for 2018: load one with `planwatch plan load`",
        ),
        (
            ("--region", "武昌区", "--period", "2017H3"),
            "error: period '2017H3' is not valid: use 2017, 2017H1, 2017H2, 2017Q1..2017Q4 or "
            "2017M01..2017M12",
        ),
        (
            ("--period", "2017H1"),
            "error: give --region or --parent: --region 武昌区 assesses one region; "
            "--parent 武汉市 compares many",
        ),
        (
            ("--region", "武昌区", "--period", "2017H1", "--format", "xml"),
            "error: unknown format 'xml': use --format table or --format json",
        ),
        (
            ("--region", "武昌区", "--period", "2017H1", "--indicator", "GDP"),
            "error: --indicator works with --parent: drop it, or compare with --parent",
        ),
    ],
)
def test_errors_are_one_line(sample_store: Store, args: tuple[str, ...], message: str) -> None:
    code, out, err = run("assess", *args, "--db", sample_store.url)
    assert code == 1 and out == ""
    assert err.strip() == message
    assert "Traceback" not in err
