"""The major-projects part of the drafted report, from the ledger in the report's phrasing.

``绿地国际金融城、武汉华邑酒店等2个在建项目进展顺利,帝斯曼国际中心、汇通新长江等2个项目
基本完工;5个拟开工项目中联投中心裕大华地块、融创中心等2个项目已实现开工`` — counts by stage
with named examples, the investment completed and its share of the annual plan against
time progress, then the lagging projects. Every number links to the ledger page.
"""

from __future__ import annotations

from collections.abc import Sequence

from planwatch import links
from planwatch.assess.projects import (
    LedgerSummary,
    ProjectJudgement,
    lagging_first,
    time_phrase,
)
from planwatch.assess.sentences import period_phrase
from planwatch.numberformat import figure as figure_text
from planwatch.numberformat import one_decimal
from planwatch.periods import Period
from planwatch.report.model import Paragraph, Piece, Source

EXAMPLES = 2  # the report names two projects of a group, then counts it: 甲、乙等N个


def projects_paragraph(
    region: str, period: Period, judged: Sequence[ProjectJudgement], summary: LedgerSummary
) -> Paragraph | None:
    """One paragraph on the plan's major projects; None if the ledger is empty."""
    if not judged:
        return None
    page = links.region(region, period.code, "projects")
    source = Source("project", page, f"ledger-{region}-{period.code}")
    pieces: list[Piece] = []

    unit = next((j.project.unit for j in judged if j.project.unit), "") or ""

    def number(value: float, text: str | None = None) -> None:
        pieces.append(Piece(text or figure_text(value, unit), source, value))

    def text(words: str) -> None:
        pieces.append(Piece(words))

    if summary.year_investment:
        text(f"{period_phrase(period)},")
        number(summary.total, str(summary.total))
        text("个重大项目累计完成投资")
        number(summary.investment_ytd)
        text(f"{unit},占年度投资计划的")
        share = summary.investment_share or 0.0
        number(share, one_decimal(share))
        text("%,")
        _time_gap(share - period.time_progress * 100, number, text)
        text("。")
    clauses = _stage_clauses(judged, summary, number, text)
    lagging = lagging_first(judged)
    if lagging:
        text(f"{_names(lagging)}等")
        number(len(lagging), str(len(lagging)))
        text("个项目投资进度滞后")
        overdue = [j for j in lagging if j.overdue]
        if overdue:
            text(f",其中{_names(overdue)}节点逾期")
        text("。")
    return Paragraph(pieces) if pieces or clauses else None


def _time_gap(gap, number, text) -> None:  # type: ignore[no-untyped-def]
    """超过 / 低于序时进度X个百分点, the points a number of their own (与序时进度持平 at 0)."""
    gap = round(gap, 2)
    words = time_phrase(gap)
    if round(gap, 1) == 0:
        text(words)
        return
    text(words[: words.index("序时进度") + 4])
    number(abs(gap), one_decimal(abs(gap)))
    text("个百分点")


def _stage_clauses(judged, summary, number, text) -> bool:  # type: ignore[no-untyped-def]
    going = [j for j in judged if j.stage in ("continuing", "new_start")]
    done = [j for j in judged if j.stage in ("basically_done", "finished")]
    new = [j for j in judged if j.stage == "new_start"]
    parts = []
    if going:
        parts.append((going, "个在建项目进展顺利"))
    if done:
        parts.append((done, "个项目基本完工"))
    for index, (group, words) in enumerate(parts):
        text(("," if index else "") + f"{_names(group)}等")
        number(len(group), str(len(group)))
        text(words)
    if summary.planned_starts:
        text(";" if parts else "")
        number(summary.planned_starts, str(summary.planned_starts))
        text("个拟开工项目中" + (f"{_names(new)}等" if new else ""))
        number(summary.started, str(summary.started))
        text("个项目已实现开工")
    if parts or summary.planned_starts:
        text("。")
    return bool(parts or summary.planned_starts)


def _names(group: Sequence[ProjectJudgement]) -> str:
    return "、".join(j.project.name for j in group[:EXAMPLES])
