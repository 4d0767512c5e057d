"""One plan target judged against the region's year-to-date figures, by kind of target.

- ``value_at_least``: a cumulative amount as a share of the annual target, against time
  progress (a level, for stock and rate indicators, against the target itself);
- ``growth_at_least``: year-to-date growth against the target rate;
- ``reduction_at_least``: the reduction (a negative growth of an intensity) against the
  target rate;
- ``value_at_most``: a cap; within it (and, for amounts, no faster than time) is on track;
- ``relation``: growth of the indicator against growth of the other one, same period.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from planwatch.assess import sentences as say
from planwatch.assess.findings import basis_finding, completion_finding
from planwatch.assess.model import Clause, Finding, Part, Ref, Status, Thresholds
from planwatch.assess.status import (
    Judgement,
    judge_amount,
    judge_cap_amount,
    judge_cap_level,
    judge_cap_rate,
    judge_level,
    judge_rate,
)
from planwatch.errors import InvalidInput
from planwatch.periods import Period
from planwatch.reads.figures import Figure, FigureBook
from planwatch.reads.plans import TargetLike
from planwatch.units import convert

_PERCENT_UNITS = ("%", "‰", "个百分点")


@dataclass(frozen=True)
class Context:
    target: TargetLike
    book: FigureBook
    period: Period
    thresholds: Thresholds

    @property
    def full_year(self) -> bool:
        return self.period.months >= 12

    @property
    def time_progress(self) -> float:
        return self.period.time_progress * 100

    @property
    def when(self) -> str:
        return say.period_phrase(self.period)

    @property
    def computed(self) -> Ref:
        """What a number this assessment worked out (a gap, a share) points at."""
        return Ref("assessment", self.target.id)

    def figure(self, measure: str, indicator_id: int | None = None) -> Figure | None:
        return self.book.get(indicator_id or self.target.indicator_id, self.period, measure)


@dataclass
class Outcome:
    """What a rule found; the region module turns it into an ``Assessment``."""

    status: Status
    reason: str
    actual: Figure | None = None
    growth: Figure | None = None
    other_growth: Figure | None = None
    completion: float | None = None
    gap: float | None = None
    gap_phrase: str | None = None
    said: tuple[Clause, ...] = ()
    judgement: tuple[Part, ...] = ()
    findings: list[Finding] = field(default_factory=list)
    wanted: str | None = None
    extra_sources: list[int] = field(default_factory=list)


def judge_target(ctx: Context) -> Outcome:
    return _RULES[ctx.target.kind](ctx)


def target_parts(target: TargetLike) -> tuple[Part, ...]:
    """全年…计划…: the target as the report states it; the first part names the subject."""
    name, value, unit = target.indicator.name, target.value, target.unit or ""
    subject = Part(f"全年{name}计划")
    shown = (
        Part(say.figure_text(value, unit), value, Ref("target", target.id))
        if value is not None
        else Part("?")
    )
    if target.kind == "relation":
        other = say.short_name(target.other_indicator.name) if target.other_indicator else "?"
        if say.relation_operator(target.qualifier) == "=":
            return (subject, Part(f"增长与{other}增长同步"))
        margin = (shown, Part("个百分点")) if value else ()
        compared = "不低于" if say.relation_operator(target.qualifier) == ">=" else "高于"
        return (subject, Part(f"增长速度{compared}{other}增速"), *margin)
    qualifier = say.qualifier_word(target.qualifier)
    if target.kind == "growth_at_least":
        return (subject, Part(f"{say.basis_word(target.basis)}增长"), shown, Part(f"%{qualifier}"))
    if target.kind == "reduction_at_least":
        return (subject, Part("降低"), shown, Part(f"%{qualifier}"))
    if target.kind == "value_at_most":
        return (subject, Part("控制在"), shown, Part(f"{unit}{qualifier or '以内'}"))
    return (subject, Part("完成"), shown, Part(f"{unit}{qualifier}"))


def target_phrase(target: TargetLike) -> str:
    return say.text_of(target_parts(target))


# what a missing figure is called where the draft asks for it (【待填写：上半年…增速】)
_WANTED = {"value": "完成值", "growth rate": "增速", "reduction figure": "降低率"}


def _no_figure(ctx: Context, what: str, name: str | None = None) -> Outcome:
    indicator = name or ctx.target.indicator.name
    return Outcome(
        "unknown",
        f"no {ctx.period.code} {what} for {indicator}",
        judgement=(Part(f"{ctx.when}暂无{indicator}数据,无法判断"),),
        wanted=f"{ctx.when}{indicator}{_WANTED[what]}",
    )


def _level_clauses(
    ctx: Context, actual: Figure | None, growth: Figure | None
) -> tuple[Clause, ...]:
    """上半年完成525.69亿元 / 同比增长8.1%: the period's word opens the first clause."""
    clauses = []
    if actual is not None:
        verb = "完成" if ctx.target.indicator.kind == "flow" else f"{ctx.target.indicator.name}为"
        clauses.append(Clause("level", (Part(ctx.when), Part(verb), *say.figure_amount(actual))))
    if growth is not None:
        lead = () if clauses else (Part(ctx.when),)
        clauses.append(Clause("rate", (*lead, *say.growth_parts(growth))))
    return tuple(clauses)


def _share_of_target(ctx: Context, actual: Figure) -> float:
    """Year-to-date as a percentage of the target, in the target's unit."""
    assert ctx.target.value is not None
    return convert(actual.value, actual.unit, ctx.target.unit) / ctx.target.value * 100


def _value_at_least(ctx: Context) -> Outcome:
    actual, growth = _level_figure(ctx), ctx.figure("yoy_growth")
    reported = ctx.figure("completion")
    if ctx.target.value is None or ctx.target.value <= 0:
        return Outcome("unknown", "the target has no value", actual, growth)
    if actual is None:
        return _reported_completion(ctx, reported) if reported else _no_figure(ctx, "value")
    if ctx.target.indicator.kind == "rate":
        return _rate_level(ctx, actual)
    try:
        completion = _share_of_target(ctx, actual)
    except InvalidInput as err:
        return Outcome("unknown", err.message, actual, growth)
    outcome = _amount_outcome(ctx, completion)
    outcome.actual, outcome.growth = actual, growth
    outcome.said = _level_clauses(ctx, actual, growth)
    if reported is not None:
        finding = completion_finding(
            reported.indicator,
            reported.value,
            completion,
            [reported.observation_id, actual.observation_id],
            ctx.period,
            ctx.thresholds,
        )
        outcome.findings = [finding] if finding else []
    return outcome


def _level_figure(ctx: Context) -> Figure | None:
    """The period's level; for a rate, the first stored figure that is the rate itself.

    A rate (优良天数比例, 失业率) is often stored as a share; a value without a percent
    unit is an index (居民消费价格指数102.0), not the rate; a price target (CPI涨幅控制在3%)
    is about the rise, which reports give as a year-on-year growth.
    """
    indicator = ctx.target.indicator
    value = ctx.figure("value")
    if indicator.kind != "rate":
        return value
    if value is not None and value.unit in _PERCENT_UNITS:
        return value
    share = ctx.figure("share")
    if share is not None:
        return share
    if "价格" in indicator.name:
        return ctx.figure("yoy_growth")
    return value


def _reported_completion(ctx: Context, reported: Figure) -> Outcome:
    """No amount stored, but the department reported its share of the target."""
    outcome = _amount_outcome(ctx, reported.value)
    outcome.reason = f"reported completion share ({outcome.reason})"
    outcome.extra_sources = [reported.observation_id]
    return outcome


def _rate_level(ctx: Context, actual: Figure) -> Outcome:
    """A rate that must reach a level (优良天数比例70%以上): compared in points."""
    assert ctx.target.value is not None
    judged = judge_rate(actual.value, ctx.target.value, ctx.thresholds, full_year=ctx.full_year)
    gap = say.target_gap_parts(judged.gap, ctx.computed)
    outcome = _judged(judged, "level against the target", gap)
    outcome.actual = actual
    outcome.said = _level_clauses(ctx, actual, None)
    return outcome


def _amount_outcome(ctx: Context, completion: float) -> Outcome:
    share = say.share_parts("完成全年目标的", completion, ctx.computed)
    if ctx.target.indicator.kind != "flow":
        judged = judge_level(completion, ctx.thresholds, full_year=ctx.full_year)
        reached = say.share_parts("达到目标的", completion, ctx.computed)
        return _judged(judged, "level against the target", reached)
    judged = judge_amount(completion, ctx.time_progress, ctx.thresholds, full_year=ctx.full_year)
    if ctx.full_year:
        return _judged(judged, "annual amount against the target", share)
    gap = say.time_gap_parts(judged.gap, ctx.computed)
    outcome = _judged(judged, "completion against time progress", (*share, Part(","), *gap))
    outcome.gap_phrase = say.text_of(gap)
    return outcome


def _judged(judged: Judgement, reason: str, judgement: tuple[Part, ...]) -> Outcome:
    return Outcome(
        judged.status,
        reason,
        completion=_rounded(judged.completion),
        gap=_rounded(judged.gap),
        judgement=judgement,
    )


def _rounded(value: float | None) -> float | None:
    return round(value, 2) if value is not None else None


def _growth_at_least(ctx: Context) -> Outcome:
    actual, growth = ctx.figure("value"), ctx.figure("yoy_growth")
    if ctx.target.value is None:
        return Outcome("unknown", "the target has no value", actual, growth)
    if growth is None:
        outcome = _no_figure(ctx, "growth rate")
        outcome.actual = actual
        return outcome
    judged = judge_rate(growth.value, ctx.target.value, ctx.thresholds, full_year=ctx.full_year)
    gap = say.target_gap_parts(judged.gap, ctx.computed)
    outcome = _judged(judged, "growth against the target rate", gap)
    outcome.gap_phrase = say.text_of(gap)
    outcome.actual, outcome.growth = actual, growth
    outcome.said = _level_clauses(ctx, actual, growth)
    finding = basis_finding(growth, ctx.target.basis, ctx.period)
    outcome.findings = [finding] if finding else []
    return outcome


def _reduction_at_least(ctx: Context) -> Outcome:
    growth = ctx.figure("yoy_growth")
    if ctx.target.value is None:
        return Outcome("unknown", "the target has no value", growth=growth)
    if growth is None:
        return _no_figure(ctx, "reduction figure")
    reduction = -growth.value
    judged = judge_rate(reduction, ctx.target.value, ctx.thresholds, full_year=ctx.full_year)
    gap = say.target_gap_parts(judged.gap, ctx.computed)
    outcome = _judged(judged, "reduction against the target rate", gap)
    outcome.gap_phrase = say.text_of(gap)
    outcome.growth = growth
    verb = "降低" if reduction >= 0 else "上升"
    printed = say.observed(growth, say.number(abs(reduction)))
    words = (Part(ctx.when), Part(f"{ctx.target.indicator.name}{verb}"), printed, Part("%"))
    outcome.said = (Clause("rate", words),)
    return outcome


def _value_at_most(ctx: Context) -> Outcome:
    actual = _level_figure(ctx)
    if ctx.target.value is None or ctx.target.value <= 0:
        return Outcome("unknown", "the target has no value", actual)
    if actual is None:
        return _no_figure(ctx, "value")
    try:
        level = convert(actual.value, actual.unit, ctx.target.unit)
    except InvalidInput as err:
        return Outcome("unknown", err.message, actual)
    outcome = _cap_outcome(ctx, level)
    outcome.actual = actual
    outcome.said = _level_clauses(ctx, actual, None)
    return outcome


def _cap_outcome(ctx: Context, level: float) -> Outcome:
    cap = ctx.target.value
    assert cap is not None
    kind, thresholds, full = ctx.target.indicator.kind, ctx.thresholds, ctx.full_year
    if kind == "rate":
        judged = judge_cap_rate(level, cap, thresholds, full_year=full)
        over = Part(say.number(judged.gap), judged.gap, ctx.computed)
        within = (
            (Part("控制在目标以内"),)
            if judged.gap <= 0
            else (Part("超出控制目标"), over, Part("个百分点"))
        )
        return _judged(judged, "level against the cap", within)
    completion = level / cap * 100
    share = say.share_parts("占全年控制目标的", completion, ctx.computed)
    if kind != "flow" or full:
        judged = judge_cap_level(completion, thresholds, full_year=full)
        return _judged(judged, "level against the cap", share)
    judged = judge_cap_amount(completion, ctx.time_progress, thresholds, full_year=full)
    gap = say.time_gap_parts(judged.gap, ctx.computed)
    outcome = _judged(judged, "cap used against time progress", (*share, Part(","), *gap))
    outcome.gap_phrase = say.text_of(gap)
    return outcome


def _relation(ctx: Context) -> Outcome:
    other = ctx.target.other_indicator
    actual, growth = ctx.figure("value"), ctx.figure("yoy_growth")
    if growth is None:
        name = ctx.target.indicator.name
        growth = ctx.book.narrower(name, ctx.period, "yoy_growth")
        if growth is not None:
            actual = ctx.book.narrower(name, ctx.period, "value")
    if other is None:
        return Outcome("unknown", "the target names no other indicator", actual, growth)
    if growth is None:
        return _no_figure(ctx, "growth rate")
    other_growth = ctx.figure("yoy_growth", other.id)
    if other_growth is None:
        outcome = _no_figure(ctx, "growth rate", other.name)
        outcome.reason += " (the other indicator of the relation)"
        outcome.actual, outcome.growth = actual, growth
        return outcome
    difference = growth.value - other_growth.value
    judged = judge_rate(
        difference, ctx.target.value or 0.0, ctx.thresholds, full_year=ctx.full_year
    )
    stand_in = (
        f" ({growth.indicator} stands in)" if growth.indicator != ctx.target.indicator.name else ""
    )
    outcome = _judged(
        judged,
        f"growth against the growth of {other.name}{stand_in}",
        _apart(ctx, other.name, other_growth, difference),
    )
    comparison = "高于" if difference > 0 else ("低于" if difference < 0 else "持平于")
    outcome.actual, outcome.growth, outcome.other_growth = actual, growth, other_growth
    compared = Clause("comparison", (Part(f"{comparison}{say.short_name(other.name)}增速"),))
    outcome.said = (*_relation_clauses(ctx, actual, growth), compared)
    return outcome


def _apart(ctx: Context, other: str, other_growth: Figure, difference: float) -> tuple[Part, ...]:
    """GDP同期增长8.1%,相差1.47个百分点."""
    return (
        Part(f"{say.short_name(other)}同期"),
        *say.change_parts(other_growth.value, 2, Ref("observation", other_growth.observation_id)),
        Part(",相差"),
        Part(say.number(abs(difference)), difference, ctx.computed),
        Part("个百分点"),
    )


def _relation_clauses(ctx: Context, actual: Figure | None, growth: Figure) -> tuple[Clause, ...]:
    lead = (Part(ctx.when), Part(growth.indicator))
    if actual is None:
        return (Clause("rate", (*lead, *say.growth_parts(growth))),)
    level = Clause("level", (*lead, *say.figure_amount(actual)))
    return (level, Clause("rate", say.growth_parts(growth)))


_RULES: dict[str, Callable[[Context], Outcome]] = {
    "value_at_least": _value_at_least,
    "growth_at_least": _growth_at_least,
    "reduction_at_least": _reduction_at_least,
    "value_at_most": _value_at_most,
    "relation": _relation,
}
