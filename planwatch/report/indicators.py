"""(一)主要指标完成情况 and the list of lagging indicators, from the assessments' phrases.

The office writes one line per indicator even when the plan sets it two targets
(投资完成220亿元以上, 增长10%以上): consecutive targets of one indicator share a line,
the second target without the indicator's name and the period's figures said once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby

from planwatch.assess.model import (
    STATUS_ORDER,
    Assessment,
    Clause,
    Part,
    RegionAssessment,
    TaskAssessment,
)
from planwatch.report.model import IndicatorLine, Notice, Paragraph, Piece, ReportOptions
from planwatch.report.related import RelatedBook
from planwatch.report.sources import SourceBook
from planwatch.report.wording import line_wording, plan_worded

LAGGING = ("behind", "slightly_behind")
_ORDINALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class Drafting:
    """What every line of the section reads besides its own assessments."""

    assessed: RegionAssessment
    sources: SourceBook
    options: ReportOptions
    related: RelatedBook | None = None
    # the plan's own wording of each target, by target id
    texts: dict[int, str] = field(default_factory=dict)
    # what the draft still asks for, said on stderr and on the report page
    warnings: list[Notice] = field(default_factory=list)


def indicator_lines(drafting: Drafting) -> list[IndicatorLine]:
    lines = []
    for indicator, group in groupby(drafting.assessed.assessments, key=lambda a: a.indicator):
        targets = list(group)
        lines.append(
            IndicatorLine(
                indicator=indicator,
                status=_worst(targets),
                target_ids=[a.target_id for a in targets],
                paragraph=_line(targets, drafting),
            )
        )
    return lines


def _line(targets: list[Assessment], drafting: Drafting) -> Paragraph:
    sources = drafting.sources
    worded = [plan_worded(a.target_parts, drafting.texts.get(a.target_id)) for a in targets]
    wording = line_wording(worded)
    pieces = [Piece("——"), *sources.pieces(wording), Piece("。")]
    said = [_reported(targets, drafting)]
    if drafting.options.details:
        # an assessment that could not judge says so on the review side, not here
        said += [a.judgement_parts for a in targets if a.status != "unknown"]
    for number, parts in enumerate(p for p in said if p):
        pieces += [Piece(",")] if number else []
        pieces += sources.pieces(parts)
    if any(said):
        pieces.append(Piece("。"))
        return Paragraph(_joined(pieces))
    return _asking(pieces, targets[0], drafting)


def _asking(pieces: list[Piece], a: Assessment, drafting: Drafting) -> Paragraph:
    """A line whose period brought no figure: a visible 【待填写】 naming the figure."""
    wanted = a.wanted_figure or f"{drafting.assessed.period_phrase}{a.indicator}完成情况"
    placeholder = f"【待填写：{wanted}】"
    stated = "".join(p.text for p in pieces).removeprefix("——").removesuffix("。")
    drafting.warnings.append(
        Notice(
            f"no {drafting.assessed.period} figure for the target '{stated}': the draft "
            f"shows {placeholder}; load it with `planwatch observations load` or enter it "
            "on the web",
            f"“{stated}”缺少{wanted}，稿中显示{placeholder}；请导入或填报该数据",
        )
    )
    return Paragraph(_joined([*pieces, Piece(placeholder)]), placeholder=True)


def _reported(targets: list[Assessment], drafting: Drafting) -> tuple[Part, ...]:
    """The period's figures as the assessments phrased them, or a narrower indicator's."""
    has_figures = any(f for a in targets for f in (a.actual, a.growth, a.other_growth))
    if has_figures or drafting.related is None:
        return _merged_clauses([a.actual_clauses for a in targets])
    found = drafting.related.for_indicator(targets[0].indicator)
    if found is None:
        return ()
    drafting.sources.load([], [f.observation_id for f in found.figures])
    return found.parts


def lagging_paragraphs(assessed: RegionAssessment, sources: SourceBook) -> list[Paragraph]:
    """一是…;二是…: the targets and tasks the assessment judged behind time or target."""
    items = [
        sources.pieces(_lagging_words(a, assessed.period_phrase))
        for a in assessed.assessments
        if a.status in LAGGING
    ]
    items += [sources.pieces(_task_words(t)) for t in assessed.tasks if t.status in LAGGING]
    if not items:
        if not any(a.status != "unknown" for a in assessed.assessments):
            return []
        return [
            Paragraph.plain("从监测情况看,各项主要指标和重点任务均达到序时进度或全年目标要求。")
        ]
    pieces = [Piece(f"从监测情况看,有{len(items)}项指标或任务进度滞后:")]
    for number, item in enumerate(items):
        # 一是 only where a 二是 follows: a single item is said plainly
        pieces += [Piece(f"{_ordinal(number)}是")] if len(items) > 1 else []
        pieces += item
        pieces.append(Piece("。" if number == len(items) - 1 else ";"))
    return [Paragraph(_joined(pieces))]


def _lagging_words(a: Assessment, period_phrase: str) -> tuple[Part, ...]:
    """地区生产总值同比增长8.1%,低于全年目标0.9个百分点: the figure judged, then the judgement."""
    rates = a.kind in ("growth_at_least", "reduction_at_least", "relation")
    judged = [c for c in a.actual_clauses if rates == (c.says == "rate")]
    chosen = (judged or list(a.actual_clauses))[:1]
    figure = list(chosen[0].parts) if chosen else []
    if figure and figure[0].source is None and figure[0].text == period_phrase:
        figure = figure[1:]  # the period is the paragraph's, not the item's
    if not "".join(p.text for p in figure).startswith(a.indicator):
        figure.insert(0, Part(a.indicator))
    tail = (Part(","), *a.judgement_parts) if a.judgement_parts else ()
    return (*figure, *tail)


def _task_words(t: TaskAssessment) -> tuple[Part, ...]:
    return (Part(t.title), Part(","), *t.gap_parts) if t.gap_parts else (Part(t.title),)


def _merged_clauses(said: list[tuple[Clause, ...]]) -> tuple[Part, ...]:
    """The clauses of several targets' figures, each said once, in order of first mention."""
    clauses: list[Clause] = []
    for target_clauses in said:
        clauses += [c for c in target_clauses if c.parts and c not in clauses]
    return tuple(part for clause in clauses for part in (Part(","), *clause.parts))[1:]


def _worst(targets: list[Assessment]) -> str:
    known = [a.status for a in targets if a.status in STATUS_ORDER]
    return min(known, key=STATUS_ORDER.index) if known else "unknown"


def _ordinal(index: int) -> str:
    return _ORDINALS[index] if index < len(_ORDINALS) else f"第{index + 1}"


def _joined(pieces: list[Piece]) -> list[Piece]:
    """Adjacent plain runs merged, so renderers and tests see whole words."""
    merged: list[Piece] = []
    for piece in pieces:
        if merged and piece.source is None and merged[-1].source is None:
            merged[-1] = Piece(merged[-1].text + piece.text)
        elif piece.text:
            merged.append(piece)
    return merged
