"""Stores for report tests: the sample plan and figures, or the sample report ingested."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planwatch.records.ingest import ingest_path
from planwatch.records.narratives import set_narrative
from planwatch.report import Report, ReportOptions, draft_report
from planwatch.store import Store
from tests.conftest import SAMPLE

SAMPLE_REPORT = SAMPLE / "wuchang-2017h1-plan-execution.txt"


def sample_text() -> str:
    return SAMPLE_REPORT.read_text(encoding="utf-8")


def between(text: str, start: str, end: str) -> str:
    """The text from ``start`` up to (not including) ``end``."""
    first = text.index(start)
    return text[first : text.index(end, first)]


def sample_section_one() -> str:
    return between(sample_text(), "(一)主要指标完成情况", "(二)主要任务完成情况")


def numbers_of_sample_section_one() -> list[str]:
    """The numbers of the sample's section (一) as printed, in order."""
    return re.findall(r"\d+(?:\.\d+)?", sample_section_one())


# the sample's H1 figures say nothing of energy and CO2 (the report wrote 预计…完成市级下达目标):
# those two lines ask for their figures, the only placeholders once the narratives are written
FIGURE_PLACEHOLDERS = (
    "【待填写：上半年单位生产总值能耗降低率】",
    "【待填写：上半年单位生产总值二氧化碳排放降低率】",
)


def figure_warnings(warnings: list[str]) -> list[str]:
    """The warnings of lines that ask for a figure, one per placeholder above."""
    return [w for w in warnings if w.startswith("no 2017H1 figure for the target")]


def write_sample_narratives(store: Store) -> None:
    """The planner's paragraphs of the sample report, stored as narratives."""
    text = sample_text()
    parts = {
        "opening": between(text, "今年以来", "一、上半年计划执行情况"),
        "problems": between(text, "上半年,全区国民经济和社会发展计划总体", "二、下半年工作安排"),
        "next_steps": between(text, "(一)加快实施创新驱动", "?打印本页"),
    }
    with store.transaction() as session:
        for part, words in parts.items():
            set_narrative(session, "武昌区", "2017H1", part, words)


def drafted(store: Store, period: str = "2017H1", options: ReportOptions | None = None) -> Report:
    with store.reading() as session:
        return draft_report(session, "武昌区", period, options)


@pytest.fixture
def ingested_store(sqlite_store: Store) -> Store:
    """The sample report ingested with every fact accepted: the plan and figures it states."""
    result = ingest_path(sqlite_store, SAMPLE_REPORT, accept=True)
    assert result.accepted > 20
    return sqlite_store


@pytest.fixture
def narrated_store(sample_store: Store) -> Store:
    write_sample_narratives(sample_store)
    return sample_store


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path
