"""The synthetic country: the same seed makes the same country, another seed another."""

from __future__ import annotations

import io

from planwatch.records.synth import Country, plan_of, write_figures
from tests.cli.runner import run


def figures(country: Country) -> str:
    out = io.StringIO()
    write_figures(country, out)
    return out.getvalue()


def test_the_same_seed_makes_the_same_country() -> None:
    first, again = Country(12, 6, 2, seed=7), Country(12, 6, 2, seed=7)
    assert figures(first) == figures(again)
    assert first.places == again.places
    assert [plan_of(first, p, 2022) for p in first.places] == [
        plan_of(again, p, 2022) for p in again.places
    ]


def test_another_seed_makes_another_country() -> None:
    assert figures(Country(12, 6, 2, seed=7)) != figures(Country(12, 6, 2, seed=8))


def test_a_parents_flow_is_its_childrens_sum_but_now_and_then() -> None:
    country = Country(200, 3, 3, seed=1)
    flow = country.chosen[0]
    parents = {p.parent for p in country.places if p.parent}
    sums = own = 0
    for code in parents:
        for year in country.year_list:
            reported = country.reported(code, flow, year)
            if abs(reported - country.annual(code, flow, year)) < 1e-9:
                sums += 1
            else:
                own += 1
    assert sums > 0 and own > 0  # mostly sums; a few reported figures of their own


def test_synth_loads_a_country_through_the_bulk_loader(tmp_path: object) -> None:
    db = str(tmp_path) + "/synth.db"  # type: ignore[operator]
    code, out, err = run("synth", "--regions", "8", "--indicators", "4", "--years", "1", "--db", db)
    assert code == 0, err
    assert "stored 8 regions, 8 plans, 384 observations" in out


def test_bad_sizes_are_refused_with_a_hint() -> None:
    code, _out, err = run("synth", "--regions", "0")
    assert code == 1 and "give at least one region" in err
