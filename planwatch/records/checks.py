"""The validation rules a figure passes: on entry (form, API, Excel) and on submission.

The rules are data, ``planwatch/data/rules.yaml``, which an administrator may edit: the
unit belongs to the indicator's dimension, amounts are not negative, a share lies within
0–100%, a growth within a possible range and (a warning) a usual band, a reported growth
agrees with this and last year's values, parts add up to their whole, a value does not
jump against last year's. Each rule is an ``error`` (the figure is refused; a submission
holding it is blocked) or a ``warning`` (the figure needs a comment, kept with it, saying
why it is right). Each message names the rule (its ``zh`` and ``en`` names in the file)
and is said separately in Chinese and in English: the error's ``zh`` and its message.

Checks look at the figures being entered together (an Excel sheet's rows) and, through
``Known``, at figures already stored: last year's value, this period's other measures,
the other parts of a whole.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal, NamedTuple, Protocol

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from planwatch import units
from planwatch.errors import InvalidInput
from planwatch.numberformat import rounding_of
from planwatch.periods import Period, span_of
from planwatch.store.models import Indicator, Observation
from planwatch.vocabulary.messages import Both, listing, phrase

RULES_FILE = Path(__file__).resolve().parent.parent / "data" / "rules.yaml"
Severity = Literal["error", "warning"]
RATE_MEASURES = ("yoy_growth", "share", "completion", "pp_change")
RATE_UNITS = ("%", "％", "个百分点")  # the units a rate may be written in


class Rule(BaseModel):
    """One rule as the file gives it: severity, names, and the rule's own numbers."""

    model_config = ConfigDict(extra="allow")
    severity: Severity
    zh: str
    en: str

    def number(self, key: str, default: float) -> float:
        return float((self.__pydantic_extra__ or {}).get(key, default))

    def setting(self, key: str, default: Any) -> Any:
        return (self.model_extra or {}).get(key, default)


@cache
def load_rules(path: Path = RULES_FILE) -> dict[str, Rule]:
    """The rules of ``path`` by name; InvalidInput saying what is wrong with the file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        rules = {str(name): Rule.model_validate(entry) for name, entry in data.items()}
    except (OSError, yaml.YAMLError, AttributeError, ValidationError) as err:
        raise InvalidInput("records.checks.unreadable", path=path.name, err=err) from err
    unknown = sorted(set(rules) - set(CHECKS))
    if unknown:
        raise InvalidInput(
            "records.checks.unknown_rules",
            path=path.name,
            unknown=", ".join(unknown),
            known=", ".join(CHECKS),
        )
    return rules


class Figure(NamedTuple):
    """What the checks look at: the indicator as the catalogue holds it, and the number.

    A tuple, not a dataclass: a bulk file makes one per row, and a tuple is made in a
    fraction of the time."""

    indicator: str
    indicator_unit: str | None
    kind: str  # flow, stock or rate (planwatch.catalog.KINDS)
    measure: str
    value: float
    unit: str | None
    period: str = ""
    comment: str | None = None
    basis: str | None = None


@dataclass(frozen=True)
class Problem:
    """A rule a figure fails: which figure (its index among those checked) and field."""

    rule: str
    severity: Severity
    figure: int
    field: str  # value, unit or measure: the cell to correct
    zh: str
    en: str
    title_zh: str = ""
    title_en: str = ""
    text_zh: str = ""  # what is wrong, without the figure's label (an upload names the cell)
    text_en: str = ""

    @property
    def said(self) -> Both:
        """The problem in either language: ``[unit 单位不符, error] …``."""
        severity = (
            phrase("records.checks.severity_error")
            if self.severity == "error"
            else phrase("records.checks.severity_warning")
        )
        title = Both(self.title_en, self.title_zh)
        text = Both(self.en, self.zh)
        return phrase(
            "records.checks.problem", rule=self.rule, title=title, severity=severity, text=text
        )


class Known(Protocol):
    """Figures already known: (value, unit) of an indicator's measure in a period, if any."""

    def get(self, indicator: str, period: str, measure: str) -> tuple[float, str | None] | None: ...


def rules_with(overrides: dict[str, dict[str, Any]]) -> dict[str, Rule]:
    """The shipped rules with a planner's numbers and severities over them."""
    return {
        name: Rule.model_validate({**rule.model_dump(), **overrides.get(name, {})})
        for name, rule in load_rules().items()
    }


@dataclass
class Batch:
    """The figures being checked together, then ``stored`` for what they do not say."""

    figures: Sequence[Figure]
    stored: Known | None = None
    rules: dict[str, Rule] = field(default_factory=dict)
    _index: dict[tuple[str, tuple[int, int], str], int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for number, f in enumerate(self.figures):
            self._index.setdefault((f.indicator, span_of(f.period), f.measure), number)

    def position(self, indicator: str, period: str, measure: str) -> int | None:
        return self._index.get((indicator, span_of(period), measure))

    def get(self, indicator: str, period: str, measure: str) -> tuple[float, str | None] | None:
        found = self.position(indicator, period, measure)
        if found is not None:
            return self.figures[found].value, self.figures[found].unit
        return self.stored.get(indicator, period, measure) if self.stored else None


Failed = tuple[str, Both]  # the field to correct, what is wrong (messages.yaml)
Check = Callable[[Figure, int, Batch, Rule], Failed | None]


def check_figures(
    figures: Sequence[Figure], known: Known | None = None, rules: dict[str, Rule] | None = None
) -> list[Problem]:
    """Every rule each figure fails, in figure order."""
    rules = load_rules() if rules is None else rules
    batch = Batch(figures, known, rules)
    found = []
    checks = [(name, rule, CHECKS[name]) for name, rule in rules.items()]
    for number, figure in enumerate(figures):
        for name, rule, check in checks:
            failed = check(figure, number, batch, rule)
            if failed is not None:
                where, text = failed
                label = f"{figure.indicator} {figure.period} {figure.measure} {figure.value:g}"
                labelled = phrase("records.checks.of_figure", label=label, text=text)
                found.append(
                    Problem(
                        name,
                        rule.severity,
                        number,
                        where,
                        labelled.zh,
                        labelled.en,
                        rule.zh,
                        rule.en,
                        text.zh,
                        text.en,
                    )
                )
    return found


# the rules that look at other figures (the batch's or the stored ones); the rest judge a
# figure on its own
ACROSS = frozenset({"growth_consistent", "parts_sum", "jump"})


def own_errors(figures: Sequence[Figure], rules: dict[str, Rule] | None = None) -> list[Problem]:
    """The error rules (of ``rules``, the shipped ones by default) that judge each figure on
    its own, over many figures at once (a bulk file's batch): the same rules, and the same
    messages, as entering each alone."""
    alone = {
        name: rule
        for name, rule in (rules if rules is not None else load_rules()).items()
        if rule.severity == "error" and name not in ACROSS
    }
    return check_figures(figures, rules=alone)


def related_rules(rules: dict[str, Rule]) -> dict[str, Rule]:
    """The error rules that compare a figure with others (parts adding up to their whole;
    growth and jump rules where a planner made them errors): with ``own_errors``, every
    error rule entering a figure would apply, for a bulk file to check once it is written."""
    return {
        name: rule for name, rule in rules.items() if rule.severity == "error" and name in ACROSS
    }


def blocking(problems: Sequence[Problem], figures: Sequence[Figure]) -> list[Problem]:
    """The problems that stop a figure: errors, and warnings on a figure with no comment."""
    return [
        p
        for p in problems
        if p.severity == "error" or not (figures[p.figure].comment or "").strip()
    ]


def refuse_failing(
    figures: Sequence[Figure],
    known: Known | None = None,
    *,
    warnings: bool = True,
    rules: dict[str, Rule] | None = None,
) -> list[Problem]:
    """Raise InvalidInput naming every failed rule (errors, and warnings without a comment
    unless ``warnings`` is False); the warnings that pass with their comment otherwise."""
    problems = check_figures(figures, known, rules)
    stopping = [p for p in blocking(problems, figures) if warnings or p.severity == "error"]
    if stopping:
        raise InvalidInput(
            "records.checks.refused",
            count=len(stopping),
            problems=listing((_numbered(p, len(figures)) for p in stopping), "; ", "；"),
        )
    return problems


def _numbered(problem: Problem, count: int) -> Both:
    if count == 1:
        return problem.said
    return listing([phrase("part.figure", number=problem.figure + 1), problem.said], ": ", "：")


# --- the rules, one function each: None when the figure passes; what each says is worded
# in messages.yaml (records.checks.*), the rule's own name in rules.yaml ---


def _unit(f: Figure, _n: int, _b: Batch, _r: Rule) -> Failed | None:
    if f.measure in RATE_MEASURES:
        if f.unit and f.unit.strip() not in RATE_UNITS:
            return "unit", phrase("records.checks.rate_in_percent", measure=f.measure, unit=f.unit)
        return None
    if f.measure != "value" or units.comparable(f.unit, f.indicator_unit):
        return None
    return "unit", phrase(
        "records.checks.unit_of_indicator",
        unit=f.unit,
        indicator=f.indicator,
        indicator_unit=f.indicator_unit,
    )


def _level(f: Figure, _n: int, _b: Batch, rule: Rule) -> Failed | None:
    allowed = rule.setting("allow", [])
    if f.measure == "value" and f.kind in ("flow", "stock") and f.value < 0:
        if f.indicator not in allowed:
            return "value", phrase("records.checks.negative_level")
    return None


def _share(f: Figure, _n: int, _b: Batch, rule: Rule) -> Failed | None:
    low, high = rule.number("min", 0), rule.number("max", 100)
    if f.measure == "share" and not low <= f.value <= high:
        return "value", phrase("records.checks.share_outside", low=low, high=high)
    if f.measure == "completion" and f.value < 0:
        return "value", phrase("records.checks.negative_completion")
    return None


def _growth_within(low: float, high: float, f: Figure) -> Failed | None:
    if f.measure == "yoy_growth" and not low < f.value <= high:
        return "value", phrase("records.checks.growth_outside", value=f.value, low=low, high=high)
    return None


def _growth_limit(f: Figure, _n: int, _b: Batch, rule: Rule) -> Failed | None:
    return _growth_within(rule.number("min", -100), rule.number("max", 1000), f)


def _growth_band(f: Figure, _n: int, batch: Batch, rule: Rule) -> Failed | None:
    limit = (batch.rules or load_rules()).get("growth_limit")
    low, high = (limit.number("min", -100), limit.number("max", 1000)) if limit else (-100, 1e9)
    if _growth_within(low, high, f):
        return None  # the error says it already
    return _growth_within(rule.number("min", -30), rule.number("max", 60), f)


def _last_year(period: str) -> str:
    return Period.parse(period).same_period_last_year().code if period else ""


def _converted(found: tuple[float, str | None] | None, unit: str | None) -> float | None:
    if found is None:
        return None
    try:
        return units.convert(found[0], found[1], unit)
    except InvalidInput:
        return None


def _consistent(f: Figure, n: int, batch: Batch, rule: Rule) -> Failed | None:
    if f.basis == "comparable":
        return None  # a 同口径/可比价 rate may differ from the plain one legitimately
    if f.measure == "yoy_growth":
        reported, level = f.value, batch.get(f.indicator, f.period, "value")
    elif f.measure == "value" and batch.position(f.indicator, f.period, "yoy_growth") is None:
        growth = batch.get(f.indicator, f.period, "yoy_growth")
        if growth is None:
            return None
        reported, level = growth[0], (f.value, f.unit)
    else:
        return None  # the growth in the batch carries the finding
    if level is None:
        return None
    last = _converted(batch.get(f.indicator, _last_year(f.period), "value"), level[1])
    if not last or last <= 0:
        return None
    computed = (level[0] / last - 1) * 100
    if abs(reported - computed) <= rule.number("points", 1.0):
        return None
    return "value", phrase(
        "records.checks.growth_inconsistent",
        reported=reported,
        computed=computed,
        level=level[0],
        last=last,
    )


def _parts(f: Figure, n: int, batch: Batch, rule: Rule) -> Failed | None:
    if f.measure != "value":
        return None
    for group in rule.setting("groups", []):
        whole, parts = group["whole"], list(group["parts"])
        names = [whole, *parts]
        if f.indicator not in names:
            continue
        anchors = [batch.position(name, f.period, "value") for name in names]
        if n != min(a for a in anchors if a is not None):
            continue  # one finding per group: on its first figure being checked
        total = _converted(batch.get(whole, f.period, "value"), f.unit)
        values = [_converted(batch.get(part, f.period, "value"), f.unit) for part in parts]
        if total is None or any(v is None for v in values):
            continue
        found = [v for v in values if v is not None]
        return _parts_finding(group, whole, total, found, rule)
    return None


def _parts_finding(
    group: dict[str, Any], whole: str, total: float, values: list[float], rule: Rule
) -> Failed | None:
    if group.get("mode") == "between":
        if min(values) <= total <= max(values):
            return None
        return "value", phrase(
            "records.checks.parts_not_between",
            whole=whole,
            total=total,
            low=min(values),
            high=max(values),
        )
    added = sum(values)
    # within the rule's share of the whole, or within what the stated decimals' rounding
    # alone can make (1.57 against 0.39 + 0.61 + 0.58)
    allowed = max(abs(total) * rule.number("tolerance", 0.5) / 100, rounding_of([total, *values]))
    if abs(added - total) <= allowed:
        return None
    return "value", phrase("records.checks.parts_not_adding", added=added, whole=whole, total=total)


def _jump(f: Figure, _n: int, batch: Batch, rule: Rule) -> Failed | None:
    if f.measure != "value" or f.value <= 0:
        return None
    last = _converted(batch.get(f.indicator, _last_year(f.period), "value"), f.unit)
    if not last or last <= 0:
        return None
    change = (f.value / last - 1) * 100
    limit = rule.number("max_change", 100)
    if -limit / (1 + limit / 100) <= change <= limit:
        return None
    return "value", phrase("records.checks.jump", change=change, last=last)


CHECKS: dict[str, Check] = {
    "unit_dimension": _unit,
    "level_not_negative": _level,
    "share_range": _share,
    "growth_limit": _growth_limit,
    "growth_band": _growth_band,
    "growth_consistent": _consistent,
    "parts_sum": _parts,
    "jump": _jump,
}


class StoredFigures:
    """``Known`` from the database: the latest version of a region's figure, any status,
    the exact period code first, then another code of the same span."""

    def __init__(self, session: Session, region_id: int) -> None:
        self.session = session
        self.region_id = region_id

    def get(self, indicator: str, period: str, measure: str) -> tuple[float, str | None] | None:
        year, months = span_of(period)
        rows = self.session.execute(
            select(Observation.period, Observation.value, Observation.unit)
            .join(Indicator, Observation.indicator_id == Indicator.id)
            .where(
                Observation.region_id == self.region_id,
                Indicator.name == indicator,
                Observation.measure == measure,
                Observation.period.like(f"{year}%"),
            )
            .order_by(Observation.version.desc(), Observation.id.desc())
        ).all()
        same = [r for r in rows if span_of(r.period) == (year, months)]
        exact = [r for r in same if r.period == period] or same
        return (exact[0].value, exact[0].unit) if exact else None
