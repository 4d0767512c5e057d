"""An assessment's judgement in English, for the dashboard's English interface.

The Chinese sentences follow the reports' own phrasing; these say the same numbers plainly.
"""

from __future__ import annotations

from planwatch.assess.model import Assessment


def english_judgement(a: Assessment) -> str:
    if a.status == "unknown":
        return f"Cannot judge: {a.reason}."
    if a.completion is not None:
        return _completion(a)
    if a.kind == "relation" and a.growth and a.other_growth and a.gap is not None:
        side = "above" if a.gap >= 0 else "below"
        return (
            f"Growth {_num(a.growth.value)}%, {_num(abs(a.gap))} points {side} "
            f"the {_num(a.other_growth.value)}% growth of {a.other_indicator}."
        )
    if a.kind == "growth_at_least" and a.growth and a.gap is not None:
        side = "above" if a.gap >= 0 else "below"
        return (
            f"Growth {_num(a.growth.value)}% against a target of {_num(a.target_value)}%: "
            f"{_num(abs(a.gap))} points {side} it."
        )
    return f"{a.reason[:1].upper()}{a.reason[1:]}."


def _completion(a: Assessment) -> str:
    # one decimal, as the reports state completion shares (完成全年目标的74.5%)
    done = f"{a.completion:.1f}% of the annual target"
    if a.gap is None:
        return f"{done}."
    side = "ahead of" if a.gap >= 0 else "behind"
    return f"{done}, {abs(a.gap):.1f} points {side} time progress ({_num(a.time_progress)}%)."


def _num(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.2f}".rstrip("0").rstrip(".")
