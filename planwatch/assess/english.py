"""An assessment's judgement in English, for the dashboard's English interface.

The Chinese sentences follow the reports' own phrasing; these say the same numbers plainly.
"""

from __future__ import annotations

from planwatch import units
from planwatch.assess.model import Assessment, RestOfYear
from planwatch.numberformat import figure, one_decimal


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
    done = f"{one_decimal(a.completion or 0.0)}% of the annual target"
    if a.gap is None:
        return f"{done}."
    side = "ahead of" if a.gap >= 0 else "behind"
    return (
        f"{done}, {one_decimal(abs(a.gap))} points {side} time progress ({_num(a.time_progress)}%)."
    )


_QUALIFIERS = {"at_least": "at least ", "at_most": "at most ", "approx": "about "}
_RELATIONS = {"at_least": "at least as fast as", "approx": "in step with"}


def english_target(a: Assessment) -> str:
    """The plan's target in English: Annual growth target: at least 9%."""
    q = _QUALIFIERS.get(a.qualifier or "", "")
    if a.kind == "relation":
        how = _RELATIONS.get(a.qualifier or "", "faster than")
        return f"Annual target: growth {how} {a.other_indicator or 'the other indicator'}"
    if a.target_value is None:
        return "Annual target"
    if a.kind in ("growth_at_least", "reduction_at_least"):
        what = "growth" if a.kind == "growth_at_least" else "reduction"
        return f"Annual {what} target: {q}{_num(a.target_value)}%"
    cap = "cap" if a.kind == "value_at_most" else "target"
    return f"Annual {cap}: {q}{amount(a.target_value, a.target_unit)}"


def english_outlook(rest: RestOfYear) -> str:
    """What the rest of the year must bring, in English (the Chinese is ``rest.chinese``)."""
    parts = []
    if rest.remaining is not None and rest.remaining > 0:
        parts.append(f"the rest of the year must bring {amount(rest.remaining, rest.unit)}")
    if rest.required_growth is not None:
        parts.append(f"growth of {_num(rest.required_growth)}% y/y in the months left")
    if rest.projection is not None and rest.projected_growth is not None:
        parts.append(
            f"at last year's pace the year ends at {amount(rest.projection, rest.unit)} "
            f"({_num(rest.projected_growth)}%)"
        )
    parts.extend(item.english for item in rest.missing)
    text = "; ".join(parts)
    return f"{text[:1].upper()}{text[1:]}." if text else ""


def english_project_reason(
    completion: float | None, gap: float | None, overdue: list[str], finished: bool, planned: bool
) -> str:
    """Why a project has its status, in English (its Chinese is the judgement's ``reason``)."""
    if completion is not None and gap is not None:
        side = "ahead of" if gap >= 0 else "behind"
        said = f"{one_decimal(completion)}% of the year's planned investment, "
        said += f"{one_decimal(abs(gap))} points {side} time progress"
    else:
        said = "no investment entered this year" if planned else "no investment planned this year"
    if finished and not overdue:
        return "completed"
    if overdue:
        late = f"overdue milestones: {', '.join(overdue)}"
        return f"{late}; {said}" if completion is not None else late
    return said


def amount(value: float, unit: str | None) -> str:
    named = units.english(unit)
    joiner = "" if named in ("%", "‰", "") else " "
    return f"{figure(value, unit)}{joiner}{named}"


def _num(value: float | None) -> str:
    return "—" if value is None else figure(value, "%")
