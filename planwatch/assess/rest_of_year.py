"""Rest of the year: the growth the remaining months need, and a projection from last year.

With last year's annual value ``A`` and its same-period value ``P``, this year's
year-to-date ``v`` and annual target ``T``:

- the remaining months must bring ``T − v``; last year they brought ``A − P``, so they
  need to grow by ``(T − v) ÷ (A − P) − 1``;
- if this year's period holds the share ``P ÷ A`` of the year that last year's did, the
  year ends at ``v ÷ (P ÷ A)``.

``P`` is stored or derived from this year's value and growth, ``v ÷ (1 + g)``; a growth
target sets ``T = A × (1 + target)``. Only flow indicators add up over the year.
"""

from __future__ import annotations

from planwatch.assess.model import Missing, RestOfYear
from planwatch.assess.sentences import amount, change_phrase, period_phrase, rest_phrase
from planwatch.errors import InvalidInput
from planwatch.periods import Period
from planwatch.reads.figures import Figure, FigureBook
from planwatch.reads.plans import TargetLike
from planwatch.units import convert


def required_growth(
    annual_target: float, year_to_date: float, last_year_annual: float, last_year_same_period: float
) -> float | None:
    """Percent growth the rest of the year needs over last year's rest; None if it had none."""
    last_rest = last_year_annual - last_year_same_period
    if last_rest <= 0:
        return None
    return ((annual_target - year_to_date) / last_rest - 1) * 100


def projected_annual(
    year_to_date: float, last_year_same_period: float, last_year_annual: float
) -> float | None:
    """The year's total if this year follows last year's seasonal pattern."""
    if last_year_same_period <= 0 or last_year_annual <= 0:
        return None
    return year_to_date / (last_year_same_period / last_year_annual)


def rest_of_year(target: TargetLike, book: FigureBook, period: Period) -> RestOfYear | None:
    """The outlook for an annual amount or growth target of a flow indicator; None if n/a."""
    indicator = target.indicator
    if (
        period.months >= 12
        or indicator.kind != "flow"
        or target.value is None
        or target.kind not in ("value_at_least", "growth_at_least")
    ):
        return None
    actual = book.get(indicator.id, period, "value")
    if actual is None:
        return None
    unit = target.unit if target.kind == "value_at_least" else actual.unit
    try:
        return _outlook(target, book, period, actual, unit)
    except InvalidInput:
        return None  # units that do not compare: the assessment already says so


def _outlook(
    target: TargetLike, book: FigureBook, period: Period, actual: Figure, unit: str | None
) -> RestOfYear:
    indicator_id = target.indicator.id
    ytd = convert(actual.value, actual.unit, unit)
    same, derived = _last_year_same_period(book, indicator_id, period, ytd, unit)
    annual_figure = book.get(indicator_id, Period(period.year - 1, "Y"), "value")
    last_annual = convert(annual_figure.value, annual_figure.unit, unit) if annual_figure else None
    annual_target = _annual_target(target, last_annual)
    required = projection = share = projected_growth = None
    if annual_target is not None and last_annual is not None and same is not None:
        required = required_growth(annual_target, ytd, last_annual, same)
    if last_annual is not None and same is not None:
        projection = projected_annual(ytd, same, last_annual)
        share = same / last_annual * 100 if last_annual else None
        projected_growth = (projection / last_annual - 1) * 100 if projection else None
    missing = _missing(target, period, same is None, last_annual is None)
    remaining = _tidy(annual_target - ytd) if annual_target is not None else None
    projection, projected_growth = _tidy(projection), _tidy(projected_growth)
    return RestOfYear(
        unit=unit,
        annual_target=_tidy(annual_target),
        year_to_date=ytd,
        remaining=remaining,
        last_year_same_period=_tidy(same),
        last_year_same_period_derived=derived,
        last_year_annual=_tidy(last_annual),
        # kept exact, so applying it reproduces the target to the last digit
        required_growth=required,
        seasonal_share=_tidy(share),
        projection=projection,
        projected_growth=projected_growth,
        missing=missing,
        chinese=_chinese(
            rest_phrase(period), unit, remaining, required, projection, projected_growth, missing
        ),
    )


def _last_year_same_period(
    book: FigureBook, indicator_id: int, period: Period, ytd: float, unit: str | None
) -> tuple[float | None, bool]:
    stored = book.get(indicator_id, period.same_period_last_year(), "value")
    if stored is not None:
        return convert(stored.value, stored.unit, unit), False
    growth = book.get(indicator_id, period, "yoy_growth")
    if growth is not None and growth.value > -100:
        return ytd / (1 + growth.value / 100), True
    return None, False


def _annual_target(target: TargetLike, last_annual: float | None) -> float | None:
    assert target.value is not None
    if target.kind == "value_at_least":
        return target.value
    return last_annual * (1 + target.value / 100) if last_annual is not None else None


def _missing(target: TargetLike, period: Period, no_same: bool, no_annual: bool) -> list[Missing]:
    name = target.indicator.name
    last_year = period.same_period_last_year()
    missing = []
    if no_annual:
        missing.append(
            Missing(
                name,
                str(last_year.year),
                "value",
                f"the {last_year.year} annual value of {name}",
                f"需要{last_year.year}年全年{name}",
            )
        )
    if no_same:
        missing.append(
            Missing(
                name,
                last_year.code,
                "value",
                f"the {last_year.code} value of {name} (or its {period.code} growth rate)",
                f"需要{last_year.year}年{period_phrase(last_year)}{name}"
                f"(或{period.year}年{period_phrase(period)}增速)",
            )
        )
    return missing


def _chinese(
    rest: str,
    unit: str | None,
    remaining: float | None,
    required: float | None,
    projection: float | None,
    projected_growth: float | None,
    missing: list[Missing],
) -> str:
    parts = []
    if remaining is not None and remaining > 0:
        parts.append(f"{rest}需完成{amount(remaining, unit)}")
    if required is not None:
        parts.append(f"{rest}需同比{change_phrase(required)}方能完成全年目标")
    if projection is not None and projected_growth is not None:
        projected = amount(round(projection, 2), unit)
        parts.append(f"按上年进度推算,全年预计完成{projected},{change_phrase(projected_growth)}")
    parts.extend(item.chinese for item in missing)
    return ";".join(parts)


def _tidy(value: float | None) -> float | None:
    """Four decimals: enough for 亿元 amounts and percentages, without float noise in JSON."""
    return round(value, 4) if value is not None else None
