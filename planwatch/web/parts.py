"""Parts several pages show: an assessment's card, where a figure came from, documents.

Pages import these instead of each other, so each page module stays a leaf.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from planwatch import links
from planwatch.assess.english import english_judgement
from planwatch.assess.model import Assessment
from planwatch.reads.figures import FigureVersion

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
        },
        "completion": a.completion,
        "time_progress": a.time_progress,
        "gap": a.gap,
        "gap_phrase": a.gap_phrase,
        "headline": "value" if a.kind in VALUE_KINDS else "growth",
        "judgement": a.judgement_phrase,
        "judgement_en": english_judgement(a),
        "outlook": a.rest_of_year.chinese if a.rest_of_year else None,
        "sentence": a.sentence,
        "department": a.department,
        "sources": [links.observation(i) for i in a.sources],
        "href": links.indicator(code, period, judged_on(a)),
    }


def figure_source(version: FigureVersion) -> dict[str, Any]:
    """Where a number came from: a span of a reviewed document, a user, or a loaded file."""
    span = None
    if version.fact_id is not None:
        assert version.document_id is not None and version.fact_text is not None
        assert version.span_start is not None and version.span_end is not None
        span = FactSpan(
            version.document_id,
            version.fact_id,
            version.fact_text,
            version.span_start,
            version.span_end,
        )
    return source_dict(span, version.user_name)


@dataclass(frozen=True, slots=True)
class FactSpan:
    document_id: int
    fact_id: int
    text: str
    start: int
    end: int


def source_dict(fact: FactSpan | None, user_name: str | None) -> dict[str, Any]:
    if fact is not None:
        return {
            "kind": "document",
            "document_id": fact.document_id,
            "fact_id": fact.fact_id,
            "text": fact.text,
            "span": [fact.start, fact.end],
            "href": links.document_span(fact.document_id, fact.start, fact.end),
        }
    if user_name is not None:
        return {"kind": "user", "user": user_name, "href": None}
    return {"kind": "import", "href": None}
