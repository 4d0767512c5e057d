"""(一)主要指标完成情况 and the list of lagging indicators, from the assessments' phrases.

The office writes one line per indicator even when the plan sets it two targets
(投资完成220亿元以上, 增长10%以上): consecutive targets of one indicator share a line,
the second target without the indicator's name and the period's figures said once.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from planwatch.assess.model import STATUS_ORDER, Assessment, RegionAssessment, TaskAssessment
from planwatch.report.model import IndicatorLine, Paragraph, Piece, ReportOptions, Source
from planwatch.report.related import RelatedBook
from planwatch.report.sources import SourceBook, linked

LAGGING = ("behind", "slightly_behind")
_ORDINALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class Drafting:
    """What every line of the section reads besides its own assessments."""

    assessed: RegionAssessment
    sources: SourceBook
    options: ReportOptions
    related: RelatedBook | None = None


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
    sources, assessed = drafting.sources, drafting.assessed
    target_words = ",".join(
        [targets[0].target_phrase] + [_without_subject(a.target_phrase) for a in targets[1:]]
    )
    pieces = [Piece("——")]
    pieces += linked(
        target_words, [(a.target_value or 0.0, sources.target(a.target_id)) for a in targets]
    )
    pieces.append(Piece("。"))
    reported, candidates = _reported(targets, drafting)
    said = [reported]
    if drafting.options.details:
        said += [a.judgement_phrase for a in targets]
    computed = sources.assessment(assessed.region_code, assessed.period, targets[0].target_id)
    for number, words in enumerate(w for w in said if w):
        pieces += [Piece(",")] if number else []
        # the first clause states reported figures; later ones are the assessment's own
        pieces += linked(words, candidates, computed if number else None)
    if any(said):
        pieces.append(Piece("。"))
    return Paragraph(_joined(pieces))


def _reported(
    targets: list[Assessment], drafting: Drafting
) -> tuple[str, list[tuple[float, Source | None]]]:
    """The period's figures as the assessments phrased them, or a narrower indicator's."""
    candidates = _figure_sources(targets, drafting.sources)
    if candidates or drafting.related is None:
        return _merged_clauses([a.actual_phrase for a in targets]), candidates
    found = drafting.related.for_indicator(targets[0].indicator)
    if found is None:
        return "", []
    drafting.sources.load([], [f.observation_id for f in found.figures])
    return found.phrase, [
        (f.value, drafting.sources.observation(f.observation_id)) for f in found.figures
    ]


def lagging_paragraphs(assessed: RegionAssessment, sources: SourceBook) -> list[Paragraph]:
    """一是…;二是…: the targets and tasks the assessment judged behind time or target."""
    items: list[list[Piece]] = []
    for a in assessed.assessments:
        if a.status in LAGGING:
            computed = sources.assessment(assessed.region_code, assessed.period, a.target_id)
            text = _lagging_words(a, assessed.period_phrase)
            items.append(linked(text, _figure_sources([a], sources), computed))
    items += [
        linked(_task_words(t), [], sources.task(t.task_id))
        for t in assessed.tasks
        if t.status in LAGGING
    ]
    if not items:
        if not any(a.status != "unknown" for a in assessed.assessments):
            return []
        return [
            Paragraph.plain("从监测情况看,各项主要指标和重点任务均达到序时进度或全年目标要求。")
        ]
    pieces = [Piece(f"从监测情况看,有{len(items)}项指标或任务进度滞后:")]
    for number, item in enumerate(items):
        pieces.append(Piece(f"{_ordinal(number)}是"))
        pieces += item
        pieces.append(Piece("。" if number == len(items) - 1 else ";"))
    return [Paragraph(_joined(pieces))]


def _lagging_words(a: Assessment, period_phrase: str) -> str:
    """地区生产总值同比增长8.1%,低于全年目标0.9个百分点: the figure judged, then the judgement."""
    clauses = a.actual_phrase.removeprefix(period_phrase).split(",")
    rates = a.kind in ("growth_at_least", "reduction_at_least", "relation")
    judged = [c for c in clauses if rates == any(w in c for w in ("同比", "降低", "上升"))]
    figure = (judged or clauses)[0]
    lead = figure if figure.startswith(a.indicator) else f"{a.indicator}{figure}"
    return ",".join(w for w in (lead, a.judgement_phrase) if w)


def _task_words(t: TaskAssessment) -> str:
    return ",".join(w for w in (t.title, t.gap_phrase) if w)


def _figure_sources(
    targets: list[Assessment], sources: SourceBook
) -> list[tuple[float, Source | None]]:
    found = []
    for a in targets:
        for figure in (a.actual, a.growth, a.other_growth):
            if figure is not None:
                found.append((figure.value, sources.observation(figure.observation_id)))
    return found


def _without_subject(phrase: str) -> str:
    """全年全社会固定资产投资计划增长10%以上 → 增长10%以上, for a second target of one line."""
    _, marker, rest = phrase.partition("计划")
    return rest if marker and rest else phrase


def _merged_clauses(phrases: list[str]) -> str:
    """The clauses of several actual phrases, each said once, in order of first mention."""
    clauses: list[str] = []
    for phrase in phrases:
        for clause in phrase.split(","):
            if clause and clause not in clauses:
                clauses.append(clause)
    return ",".join(clauses)


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
