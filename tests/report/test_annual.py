"""The annual report: the year's results, then next year's targets from next year's plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from planwatch.records.observations import read_observation_file, store_observations
from planwatch.records.plans import read_plan_file, store_plan
from planwatch.report import render_markdown
from planwatch.report.selfcheck import check_file, check_report
from planwatch.store import Store
from tests.report.conftest import drafted

ANNUAL = Path(__file__).resolve().parent.parent / "data" / "annual"


@pytest.fixture
def year_store(sample_store: Store) -> Store:
    """The sample with the whole year 2017's GDP figures."""
    with sample_store.transaction() as session:
        store_observations(session, read_observation_file(ANNUAL / "wuchang-2017-figures.csv"))
    return sample_store


def test_without_next_years_plan_its_targets_are_a_placeholder(year_store: Store) -> None:
    report = drafted(year_store, period="2017")
    text = render_markdown(report)
    assert text.startswith("# 关于武昌区2017年国民经济和社会发展计划执行情况与2018年计划草案的报告")
    assert "## 一、2017年计划执行情况" in text
    assert "——全年地区生产总值计划增长9%以上。全年完成1100.5亿元，同比增长8.6%。" in text
    part = text.split("## 二、2018年国民经济和社会发展计划草案")[1]
    targets = part.split("### （一）主要预期目标")[1].split("### （二）主要任务")[0]
    assert targets.strip() == "【待填写：2018年主要预期目标】"
    assert report.has_placeholders
    assert any("no 2018 plan" in w and "planwatch plan load" in w for w in report.warnings)
    assert any("尚未导入2018年计划" in w for w in report.warnings_zh)
    assert "【待填写：2018年工作安排】" in part.split("### （二）主要任务")[1]


def test_next_years_targets_come_from_its_plan(year_store: Store) -> None:
    with year_store.transaction() as session:
        store_plan(session, read_plan_file(ANNUAL / "wuchang-2018-plan.yaml"))
    report = drafted(year_store, period="2017")
    lines = [p.text for p in report.next_targets]
    assert lines == [
        "——全年地区生产总值计划增长8.5%以上。",
        "——全年全社会固定资产投资计划完成245亿元以上。",
        "——全年居民收入增长与经济增长同步。",
    ]
    assert not any("2018 plan" in w for w in report.warnings)
    linked = [p for p in report.next_targets[1].pieces if p.source is not None]
    assert [(p.text, p.value) for p in linked] == [("245", 245.0)]
    assert linked[0].source is not None and linked[0].source.href.startswith("/plans/")
    text = render_markdown(report)
    assert "### （一）主要预期目标\n\n——全年地区生产总值计划增长8.5%以上。" in text
    with year_store.reading() as session:
        checked = check_report(session, report, "md")
    assert checked.mismatches == []
    stated = {(c.indicator, c.printed) for c in checked.consistent}
    assert {("2018年计划", "8.5"), ("2018年计划", "245")} <= stated


def test_an_annual_report_renders_in_every_format(year_store: Store, tmp_path: Path) -> None:
    from planwatch.report import write_report

    report = drafted(year_store, period="2017")
    for fmt in ("html", "docx", "pdf"):
        path = write_report(report, fmt, tmp_path / f"annual.{fmt}")
        with year_store.reading() as session:
            checked = check_file(session, report, path, fmt)
        assert checked.ok and "2018年国民经济和社会发展计划草案" in _text(path, fmt)


def _text(path: Path, fmt: str) -> str:
    from planwatch.extract.formats import docx_text, pdf_text

    if fmt == "html":
        return path.read_text(encoding="utf-8")
    return docx_text(path) if fmt == "docx" else pdf_text(path)
