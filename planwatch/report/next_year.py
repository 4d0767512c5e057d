"""The annual report's second part: next year's main targets, from next year's plan.

An annual report (关于2017年…计划执行情况与2018年计划草案的报告) sets out the coming
year's targets after the year's results. They are the stored plan's targets, in the
plan's own words where it has them, each number linked to the plan; without a stored
plan for that year the part is a visible 【待填写】 and a warning.
"""

from __future__ import annotations

from itertools import groupby

from sqlalchemy.orm import Session

from planwatch.assess.targets import target_parts
from planwatch.reads.plans import load_plans
from planwatch.reads.reports import target_texts
from planwatch.report.model import Notice, Paragraph, Piece
from planwatch.report.sources import SourceBook
from planwatch.report.wording import line_wording, plan_worded


def next_year_targets(
    session: Session, region_id: int, region_code: str, year: int, link_base: str = ""
) -> tuple[list[Paragraph], list[Notice]]:
    """One line per indicator of ``year``'s plan (——…), or a placeholder and its warning."""
    plan = load_plans(session, [region_id], year, tasks=False, projects=False).get(region_id)
    if plan is None or not plan.targets:
        placeholder = f"【待填写：{year}年主要预期目标】"
        notice = Notice(
            f"no {year} plan with targets for {region_code}: the draft shows {placeholder}; "
            f"load it with `planwatch plan load` (year: {year})",
            f"尚未导入{year}年计划的目标，稿中显示{placeholder}；请导入{year}年计划后重新生成",
        )
        return [Paragraph.plain(placeholder, placeholder=True)], [notice]
    ids = [t.id for t in plan.targets]
    texts = target_texts(session, ids)
    sources = SourceBook(session, link_base, region_code, str(year))
    sources.load(ids, [])
    lines = []
    for _, group in groupby(plan.targets, key=lambda t: t.indicator.name):
        worded = [plan_worded(target_parts(t), texts.get(t.id)) for t in group]
        lines.append(Paragraph([Piece("——"), *sources.pieces(line_wording(worded)), Piece("。")]))
    return lines, []
