"""The review panel beside the draft: what the officer should look at before sending it.

None of it is printed in the document. Each item links to the figure or assessment it is
about: disagreements between stored figures (the assessment's findings), figures not yet
approved, figures revised since first entered, targets with no figure for the period,
numbers of the draft that disagree with the data (the self-check), and figures whose
value changed since the last draft that left planwatch (the draft history).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy.orm import Session

from planwatch import links
from planwatch.assess import assess_region
from planwatch.assess.model import RegionAssessment
from planwatch.assess.sentences import figure_text
from planwatch.reads.drafts import last_draft
from planwatch.reads.regions import stored_region
from planwatch.reads.reports import figure_states
from planwatch.report.history import changed_since
from planwatch.report.model import Report
from planwatch.report.selfcheck import SelfCheck
from planwatch.vocabulary import word

_APPROVED = ("approved", "published")


@dataclass(frozen=True)
class ReviewItem:
    kind: str
    zh: str
    en: str
    href: str | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def review_items(session: Session, report: Report, checked: SelfCheck) -> list[ReviewItem]:
    """Everything the officer should look at, most serious first."""
    assessed = assess_region(session, report.region_code, report.period)
    return [
        *_number_mismatches(checked, report),
        *_findings(assessed),
        *_missing(assessed),
        *_changed_since_last_draft(session, report),
        *_figure_states(session, assessed),
    ]


def _changed_since_last_draft(session: Session, report: Report) -> list[ReviewItem]:
    """Figures whose value is not the one the last draft sent out stated."""
    last = last_draft(session, stored_region(session, report.region_code), report.period)
    if last is None:
        return []
    day = last.created_at.strftime("%Y-%m-%d")
    items = []
    for figure, before in changed_since(report.figures, last.figures):
        unit = figure.unit or ""
        then, now = (
            figure_text(before, figure.unit) + unit,
            figure_text(figure.value, figure.unit) + unit,
        )
        items.append(
            ReviewItem(
                "changed_since_draft",
                f"{figure.label}自上次出稿（{day}）以来有变化：由{then}改为{now}",
                f"{figure.label} changed since the last draft ({day}): {then} → {now}",
                figure.href,
            )
        )
    return items


def _number_mismatches(checked: SelfCheck, report: Report) -> list[ReviewItem]:
    page = links.region(report.region_code, report.period)
    return [
        ReviewItem(
            "number_mismatch",
            f"稿中数字与数据不一致：{m.message}",
            f"The draft says {m.printed}{m.unit or ''} for {m.indicator}; the data hold "
            f"{m.expected:g}{m.expected_unit or ''}",
            page,
        )
        for m in checked.mismatches
    ]


def _findings(assessed: RegionAssessment) -> list[ReviewItem]:
    return [
        ReviewItem(
            f.kind, f.chinese, f.message, links.observation(f.sources[0]) if f.sources else None
        )
        for f in assessed.findings
    ]


def _missing(assessed: RegionAssessment) -> list[ReviewItem]:
    return [
        ReviewItem(
            "missing_figure",
            f"缺少数据：{a.wanted_figure}（稿中留有待填写）",
            f"Missing figure: {a.reason} (the draft leaves a placeholder)",
            links.assessment(assessed.region_code, assessed.period, a.target_id),
        )
        for a in assessed.assessments
        if a.wanted_figure
    ]


def _figure_states(session: Session, assessed: RegionAssessment) -> list[ReviewItem]:
    """Figures the draft states that are not approved yet, or were revised."""
    figures = {
        f.observation_id: f
        for a in assessed.assessments
        for f in (a.actual, a.growth, a.other_growth)
        if f is not None
    }
    items = []
    for observation_id, state in sorted(figure_states(session, figures).items()):
        figure, href = figures[observation_id], links.observation(observation_id)
        if state.status not in _APPROVED:
            status = word("observation_statuses", state.status)
            items.append(
                ReviewItem(
                    "unapproved",
                    f"{figure.indicator}{figure.period}数据尚未审核通过（{status.zh}）",
                    f"{figure.indicator} {figure.period} is not approved yet ({status.en})",
                    href,
                )
            )
        if state.version > 1:
            items.append(
                ReviewItem(
                    "revised",
                    f"{figure.indicator}{figure.period}数据已修订（第{state.version}版）",
                    f"{figure.indicator} {figure.period} was revised (version {state.version})",
                    href,
                )
            )
    return items
