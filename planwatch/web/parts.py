"""Parts several pages show: an assessment's card, a project's ledger part.

Pages import these instead of each other, so each page module stays a leaf.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from planwatch import links
from planwatch.assess.english import english_judgement, english_outlook, english_target
from planwatch.assess.model import Assessment
from planwatch.assess.projects import investment_in, judge_project
from planwatch.periods import Period, period_end
from planwatch.reads import Session
from planwatch.reads.ledger import ledger_project
from planwatch.records.ledger import CODES
from planwatch.records.ledger_workbook import COLUMNS
from planwatch.vocabulary import REVIEWED
from planwatch.web import shapes

# Targets on an amount lead with the amount; rate targets lead with the growth rate.
VALUE_KINDS = ("value_at_least", "value_at_most")


def judged_on(a: Assessment) -> str:
    """The indicator whose figures judged the target (居民收入 may be judged on 城镇居民收入)."""
    figure = a.actual or a.growth
    return figure.indicator if figure else a.indicator


def card(code: str, period: str, a: Assessment) -> dict[str, Any]:
    return {
        "target_id": a.target_id,
        "indicator": a.indicator,
        "english": a.indicator_english,
        "kind": a.kind,
        "status": a.status,
        "value": a.actual.value if a.actual else None,
        "unit": a.actual.unit if a.actual else None,
        "growth": a.growth.value if a.growth else None,
        "other_indicator": a.other_indicator,
        "other_growth": a.other_growth.value if a.other_growth else None,
        "target": {
            "value": a.target_value,
            "unit": a.target_unit,
            "qualifier": a.qualifier,
            "phrase": a.target_phrase,
            "english": english_target(a),
        },
        "completion": a.completion,
        "time_progress": a.time_progress,
        "gap": a.gap,
        "gap_phrase": a.gap_phrase,
        "headline": "value" if a.kind in VALUE_KINDS else "growth",
        "judgement": a.judgement_phrase,
        "judgement_en": english_judgement(a),
        "outlook": a.rest_of_year.chinese if a.rest_of_year else None,
        "outlook_en": english_outlook(a.rest_of_year) if a.rest_of_year else None,
        "sentence": a.sentence,
        "department": a.department,
        "sources": [links.observation(i) for i in a.sources],
        "href": links.indicator(code, period, judged_on(a)),
        # the numbers shown that are not approved yet (a preview's, a viewer's): 未审核
        "unreviewed": [
            name
            for name, figure in (("value", a.actual), ("growth", a.growth))
            if figure is not None and figure.status not in REVIEWED
        ],
    }


# the ledger's names of two fields the sheet and the form call by the table's names
LEDGER_NAMES = {"investment": "total_investment", "investment_unit": "unit"}


def project_edit_fields(
    session: Session, project_id: int, note: str | None
) -> list[dict[str, Any]]:
    """The project page's edit form: each sheet column with its value (codes as codes)."""
    project = ledger_project(session, project_id)
    if project is None:
        return []
    fields = []
    for column in COLUMNS[1:]:
        if column.field == "note":
            value: Any = note
        else:
            value = getattr(project, LEDGER_NAMES.get(column.field, column.field))
        fields.append(
            {
                "field": column.field,
                "zh": column.zh,
                "en": column.en,
                "kind": column.kind,
                "value": value.isoformat() if isinstance(value, date) else value,
                "choices": list(CODES[column.field]) if column.field in CODES else [],
            }
        )
    return fields


def project_ledger(session: Session, project_id: int) -> shapes.ProjectLedger | None:
    """The project page's ledger part, judged in the latest period with progress."""
    project = ledger_project(session, project_id)
    if project is None:
        return None
    entered = sorted(
        (Period.parse(p.period) for p in project.progress), key=lambda p: (p.year, p.months)
    )
    when = entered[-1] if entered else None
    judged = judge_project(project, when) if when else None
    as_of = period_end(when) if when else None
    months = [p for p in entered if p.year == (when.year if when else 0)]
    plan = project.year_investment
    chart = shapes.InvestmentChart(
        periods=[f"{p.months}月" for p in months],
        completed=[investment_in(project, p) for p in months],
        planned=[round(plan * p.months / 12, 2) if plan else None for p in months],
        unit=project.unit,
    )
    return shapes.ProjectLedger(
        period=when.code if when else None,
        row=shapes.ledger_row(judged) if judged else None,
        chart=chart,
        milestones=[
            shapes.MilestoneShape(
                name=m.name,
                kind=m.kind,
                planned=m.planned.isoformat(),
                done=m.done.isoformat() if m.done else None,
                overdue=bool(judged and m in judged.overdue),
            )
            for m in project.milestones
        ],
        supervisions=[
            shapes.SupervisionShape(
                id=s.id,
                problem=s.problem,
                department=s.department,
                due=s.due.isoformat(),
                status=s.status,
                answer=s.answer,
                overdue=bool(as_of and s.status == "open" and s.due < as_of),
            )
            for s in project.supervisions
        ],
    )
