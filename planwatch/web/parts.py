"""Parts several pages show: an assessment's card.

Pages import these instead of each other, so each page module stays a leaf.
"""

from __future__ import annotations

from typing import Any

from planwatch import links
from planwatch.assess.english import english_judgement
from planwatch.assess.model import Assessment
from planwatch.vocabulary import REVIEWED

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
        # the numbers shown that are not approved yet (a preview's, a viewer's): 未审核
        "unreviewed": [
            name
            for name, figure in (("value", a.actual), ("growth", a.growth))
            if figure is not None and figure.status not in REVIEWED
        ],
    }
