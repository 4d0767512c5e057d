"""The figures a draft states, kept with each draft sent out, and what changed since.

When a draft leaves planwatch (a download, a ``--final`` file) its figures are stored
(``records/drafts.py``); the review panel of the next draft lists each figure whose
value differs from the last stored draft's, linked to the figure as it is now.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from planwatch import links
from planwatch.assess.model import RegionAssessment
from planwatch.assess.projects import ProjectJudgement
from planwatch.assess.sentences import figure_text, period_phrase
from planwatch.errors import InvalidInput
from planwatch.periods import Period
from planwatch.report.model import DraftFigure
from planwatch.vocabulary import word


def draft_figures(
    assessed: RegionAssessment, judged: Sequence[ProjectJudgement]
) -> list[DraftFigure]:
    """The indicators' figures, the tasks' reported values and the projects' investment."""
    found: dict[str, DraftFigure] = {}
    for a in assessed.assessments:
        for f in (a.actual, a.growth, a.other_growth):
            if f is None:
                continue
            key = f"{f.indicator}|{f.measure}|{f.period}"
            label = f"{f.indicator}{_phrase(f.period)}{word('measures', f.measure).zh}"
            found[key] = DraftFigure(
                key, label, f.value, f.unit, links.observation(f.observation_id)
            )
    for t in assessed.tasks:
        if t.value is not None:
            key = f"task:{t.task_id}|value|{t.period}"
            found[key] = DraftFigure(key, t.title, t.value, t.unit, links.task(t.task_id))
    for j in judged:
        if j.investment_ytd is not None:
            key = f"project:{j.project.id}|investment_ytd|{assessed.period}"
            label = f"{j.project.name}累计完成投资"
            found[key] = DraftFigure(
                key, label, j.investment_ytd, j.project.unit, links.project(j.project.id)
            )
    return list(found.values())


def stored_figures(figures: Sequence[DraftFigure]) -> list[dict[str, Any]]:
    """The figures as the draft history stores them (JSON)."""
    return [asdict(f) for f in figures]


def changed_since(
    figures: Sequence[DraftFigure], last: Sequence[dict[str, Any]]
) -> list[tuple[DraftFigure, float]]:
    """Each figure whose value differs from the last draft's, with the value it had then."""
    before = {f["key"]: f for f in last if isinstance(f.get("value"), int | float)}
    changed = []
    for figure in figures:
        old = before.get(figure.key)
        if old is not None and figure_text(old["value"], figure.unit) != figure_text(
            figure.value, figure.unit
        ):
            changed.append((figure, float(old["value"])))
    return changed


def _phrase(period: str) -> str:
    try:
        return period_phrase(Period.parse(period))
    except InvalidInput:
        return period
