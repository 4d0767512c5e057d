"""Drafting a plan-execution report from the store: assessments, task progress, narratives."""

from __future__ import annotations

from sqlalchemy.orm import Session

from planwatch.assess import assess_region
from planwatch.assess.model import Assessment
from planwatch.assess.projects import ProjectJudgement, judged_ledger, summarize
from planwatch.assess.sentences import period_phrase, rest_phrase
from planwatch.periods import Period
from planwatch.reads.narratives import narratives, paragraphs
from planwatch.reads.reports import target_texts
from planwatch.report.history import draft_figures
from planwatch.report.indicators import Drafting, indicator_lines, lagging_paragraphs
from planwatch.report.model import Notice, Paragraph, Report, ReportOptions
from planwatch.report.next_year import next_year_targets
from planwatch.report.projects import projects_paragraph
from planwatch.report.related import RelatedBook
from planwatch.report.sources import SourceBook
from planwatch.report.tasks import task_sections
from planwatch.store.reference import region_row
from planwatch.vocabulary import NARRATIVE_PARTS, word


def draft_report(
    session: Session, region: str, period: str, options: ReportOptions | None = None
) -> Report:
    """The report of ``region`` for ``period``, drafted from what the store holds.

    Raises NotFound for an unknown region, a year with no plan or a period with no
    figures (the assessment's errors, which say what to load); a narrative
    nobody wrote yet becomes a placeholder and a warning, never an error.
    """
    chosen = options or ReportOptions()
    span = Period.parse(period)
    row = region_row(session, region)
    assessed = assess_region(session, row.code, span.code)
    sources = SourceBook(session, chosen.link_base, row.code, span.code)
    sources.load([a.target_id for a in assessed.assessments], _figure_ids(assessed.assessments))
    sections, task_warnings = task_sections(session, assessed, sources, chosen)
    drafting = Drafting(
        assessed,
        sources,
        chosen,
        RelatedBook(session, assessed),
        target_texts(session, [a.target_id for a in assessed.assessments]),
    )
    lines = indicator_lines(drafting)
    judged = judged_ledger(session, row.id, span)
    report = Report(
        title=report_title(row.name, span),
        region=row.name,
        region_code=row.code,
        year=span.year,
        period=span.code,
        period_phrase=period_phrase(span),
        rest_phrase=_rest_words(span),
        opening=[],
        indicators=lines,
        task_sections=sections,
        lagging=lagging_paragraphs(assessed, sources) if chosen.list_lagging else [],
        problems=[],
        next_steps=[],
        options=chosen,
        projects=_projects(row.code, span, judged),
        figures=draft_figures(assessed, judged),
    )
    if report.annual:
        report.next_targets, next_warnings = next_year_targets(
            session, row.id, row.code, report.next_year, chosen.link_base
        )
        report.warn(next_warnings)
    report.warn(drafting.warnings + task_warnings)
    _add_narratives(report, narratives(session, row, span.code))
    return report


def _projects(code: str, span: Period, judged: list[ProjectJudgement]) -> list[Paragraph]:
    paragraph = projects_paragraph(code, span, judged, summarize(judged, span.year))
    return [paragraph] if paragraph else []


def report_title(region: str, period: Period) -> str:
    """关于武昌区2017年上半年国民经济和社会发展计划执行情况的报告; a year's report:
    关于武昌区2017年国民经济和社会发展计划执行情况与2018年计划草案的报告."""
    if period.months == 12:
        return (
            f"关于{region}{period.year}年国民经济和社会发展计划执行情况"
            f"与{period.year + 1}年计划草案的报告"
        )
    return f"关于{region}{period.year}年{period_phrase(period)}国民经济和社会发展计划执行情况的报告"


def _rest_words(period: Period) -> str:
    """下半年, 四季度, 6-12月; after a whole year, the next year (2018年)."""
    return f"{period.year + 1}年" if period.months == 12 else rest_phrase(period)


def _figure_ids(assessments: list[Assessment]) -> list[int]:
    figures = [f for a in assessments for f in (a.actual, a.growth, a.other_growth)]
    return [f.observation_id for f in figures if f is not None]


def _add_narratives(report: Report, texts: dict[str, str]) -> None:
    words: dict[str, str] = {part: word("narrative_parts", part).zh for part in NARRATIVE_PARTS}
    words["next_steps"] = f"{report.rest_phrase}工作安排"
    for part, target in (
        ("opening", report.opening),
        ("problems", report.problems),
        ("next_steps", report.next_steps),
    ):
        if part in texts:
            target.extend(Paragraph.plain(text) for text in paragraphs(texts[part]))
            continue
        target.append(Paragraph.plain(f"【待填写：{words[part]}】", placeholder=True))
        en = (
            f"no {part} text for {report.region} {report.period}: the draft shows "
            f"【待填写：{words[part]}】; write it with `planwatch narrative set "
            f"--region {report.region_code} --period {report.period} --part {part}`"
        )
        zh = f"尚未填写{words[part]}，稿中显示【待填写：{words[part]}】；请在“文字部分”填写并保存"
        report.warn([Notice(en, zh)])
