"""Assessments as terminal text: an aligned table, then the sentences, findings and outlook.

Columns are padded by display width (a Chinese character takes two cells), so the table
lines up in a terminal without a table library wrapping long names.
"""

from __future__ import annotations

import unicodedata

from planwatch.assess.model import (
    Assessment,
    RegionAssessment,
    RegionComparison,
    TaskAssessment,
)
from planwatch.assess.sentences import relation_operator
from planwatch.numberformat import number

_KIND_SIGNS = {
    "growth_at_least": "growth ≥",
    "value_at_least": "≥",
    "reduction_at_least": "reduction ≥",
    "value_at_most": "≤",
}


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def table(rows: list[list[str]]) -> list[str]:
    """Rows padded to their column's display width; the first row is the header."""
    widths = [max(width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [cell + " " * (widths[i] - width(cell)) for i, cell in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
    return lines


def _target(a: Assessment) -> str:
    if a.kind == "relation":
        return f"growth {relation_operator(a.qualifier)} {a.other_indicator} growth"
    unit = "%" if a.kind in ("growth_at_least", "reduction_at_least") else (a.target_unit or "")
    value = number(a.target_value, 4) if a.target_value is not None else "?"
    return f"{_KIND_SIGNS[a.kind]} {value}{unit}"


def _actual(a: Assessment) -> str:
    parts = []
    if a.actual is not None:
        parts.append(f"{number(a.actual.value, 4)}{a.actual.unit or ''}")
    if a.growth is not None:
        parts.append(f"{number(a.growth.value)}%")
    return ", ".join(parts) or "—"


def _optional(value: float | None, suffix: str) -> str:
    return f"{number(value)}{suffix}" if value is not None else "—"


def render_region(result: RegionAssessment) -> str:
    lines = [
        f"{result.region} ({result.region_code}) {result.period} {result.period_phrase}"
        f" · time progress {number(result.time_progress, 1)}%",
        " · ".join(f"{status} {count}" for status, count in result.status_counts.items()),
        "",
    ]
    rows = [["status", "indicator", "target", "actual", "completion", "gap"]]
    rows += [
        [
            a.status,
            a.indicator,
            _target(a),
            _actual(a),
            _optional(a.completion, "%"),
            _optional(a.gap, " pt"),
        ]
        for a in result.assessments
    ]
    lines += table(rows)
    lines += ["", "sentences:"] + [f"  {a.sentence}" for a in result.assessments]
    lines += _reasons(result.assessments)
    lines += _outlook(result.assessments)
    if result.findings:
        lines += ["", "findings:"] + [f"  {f.message}" for f in result.findings]
    lines += _tasks(result.tasks)
    lines += ["", f"projects: {result.projects.chinese}"]
    return "\n".join(lines)


def _reasons(assessments: list[Assessment]) -> list[str]:
    unknown = [a for a in assessments if a.status == "unknown"]
    if not unknown:
        return []
    return ["", "unknown:"] + [f"  {a.indicator}: {a.reason}" for a in unknown]


def _outlook(assessments: list[Assessment]) -> list[str]:
    rows = [(a, a.rest_of_year) for a in assessments if a.rest_of_year is not None]
    if not rows:
        return []
    lines = ["", "rest of year:"]
    for a, outlook in rows:
        assert outlook is not None
        lines.append(f"  {a.indicator} ({_target(a)}): {outlook.chinese}")
    return lines


def _tasks(tasks: list[TaskAssessment]) -> list[str]:
    if not tasks:
        return []
    rows = [["status", "task", "completion", "gap"]]
    rows += [
        [t.status, t.title, _optional(t.completion, "%"), _optional(t.gap, " pt")] for t in tasks
    ]
    return ["", "tasks:", *("  " + line for line in table(rows))]


def render_comparison(result: RegionComparison) -> str:
    scope = f" · {result.indicator}" if result.indicator else ""
    lines = [f"{result.parent} ({result.parent_code}) · {result.level} · {result.period}{scope}"]
    for ranking in result.rankings:
        lines += ["", f"{ranking.indicator} {ranking.kind} (by {ranking.metric}):"]
        rows = [["rank", "region", ranking.metric, "status"]]
        rows += [[str(e.rank), e.region, number(e.value), e.status] for e in ranking.entries]
        lines += ["  " + line for line in table(rows)]
    for region in result.regions:
        lines += ["", f"{region.region}:"] + [f"  {a.sentence}" for a in region.assessments]
    if result.skipped:
        lines += ["", "skipped:"] + [
            f"  {s.region} ({s.region_code}): {s.reason}" for s in result.skipped
        ]
    return "\n".join(lines)
