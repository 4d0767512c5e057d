"""Which facts state a total of the project group, and when a reported total is a finding."""

from __future__ import annotations

import pytest

from planwatch.assess.ledger_totals import Computed, beside
from planwatch.periods import Period
from planwatch.reads.facts import SourceFact
from planwatch.reads.ledger_totals import ReportedTotal
from planwatch.records.ledger_totals import stated_total

# the subjects and measures `planwatch extract` reads from the sentences
READ = [
    ("项目累计完成投资", "value", "亿元", "investment"),
    ("重点项目累计完成投资", "value", "亿元", "investment"),
    ("重大项目完成投资", "value", "万元", "investment"),
    ("项目累计完成投资", "completion", "%", "investment_share"),
    ("开工项目", "target_value", "项", "planned_starts"),  # 计划开工项目255项
    ("拟开工项目", "value", "个", "planned_starts"),
    ("开工项目开工", "value", "项", "started"),  # 已开工206项
    ("项目已实现开工", "value", "个", "started"),
    ("新开工项目", "value", "个", "new_starts"),
    ("在建项目进展顺利", "value", "个", "under_construction"),
    ("项目基本完工", "value", "个", "basically_done"),
    ("全区竣工项目", "value", "个", "finished"),
    # not the group's totals
    ("时间进度", "pp_change", "个百分点", None),
    ("工业项目完成投资", "value", "亿元", None),  # a part of the projects, not all
    ("项目累计完成投资", "value", "个", None),  # an investment is an amount
    ("开工项目开工", "value", "亿元", None),  # a count is counted
    ("项目累计完成投资", "yoy_growth", "%", None),
    ("固定资产投资", "value", "亿元", None),
]


@pytest.mark.parametrize(("subject", "measure", "unit", "total"), READ)
def test_the_subject_measure_and_unit_say_which_total(
    subject: str, measure: str, unit: str, total: str | None
) -> None:
    assert stated_total(subject, measure, unit) == total


def _reported(value: float, unit: str = "个") -> ReportedTotal:
    return ReportedTotal("started", value, unit, SourceFact(1, 7, "已开工9个", 0, 5))


def test_a_count_that_differs_by_one_is_a_finding() -> None:
    june = Period.parse("2017H1")
    assert beside(_reported(9), Computed(9.0), june).finding is None
    finding = beside(_reported(10), Computed(9.0), june).finding
    assert finding is not None and finding.kind == "ledger_mismatch"
    assert (finding.reported, finding.computed, finding.difference) == (10, 9.0, 1.0)
    assert finding.chinese.startswith("已开工项目：报告为10个") and finding.sources == [7]


def test_rounding_hides_no_finding_and_a_partial_sum_is_not_judged() -> None:
    june = Period.parse("2017H1")
    # 629.2 (±0.05) against 629.16 (±0.005 from the projects' own rounding); a stored 629.0
    # keeps no decimal, so it may hide half a unit
    assert beside(_reported(629.2, "亿元"), Computed(629.16, 0.005), june).finding is None
    assert beside(_reported(629.2, "亿元"), Computed(629.1, 0.005), june).finding is not None
    assert beside(_reported(629.0, "亿元"), Computed(628.6, 0.0), june).finding is None
    partial = beside(_reported(629.0, "亿元"), Computed(300.0, 0.0, False), june)
    assert partial.finding is None and not partial.complete and partial.computed == 300.0
