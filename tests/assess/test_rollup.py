"""Roll-up: a city's additive figures beside its districts' sum, rates never summed."""

from __future__ import annotations

from planwatch import catalog
from planwatch.assess.rollup import roll_up
from planwatch.periods import Period
from planwatch.reads.regions import stored_region
from planwatch.records.observations import ObservationIn, store_observations
from planwatch.store import Store

H1 = Period.parse("2017H1")


def _store(target: Store, rows: list[tuple[str, str, float, str]]) -> None:
    items = [
        ObservationIn(region=r, indicator=i, period="2017H1", value=v, unit=u, status="approved")
        for r, i, v, u in rows
    ]
    with target.transaction() as session:
        store_observations(session, items)


def rolled(s: Store, code: str = "420100") -> dict[str, object]:
    with s.reading() as session:
        return {r.sum.indicator: r for r in roll_up(session, stored_region(session, code), H1)}


DISTRICTS = [
    ("420102", "全社会固定资产投资", 100.0, "亿元"),
    ("420106", "全社会固定资产投资", 639700.0, "万元"),  # 63.97 亿元
    ("420102", "城镇调查失业率", 3.1, "%"),
    ("420106", "城镇调查失业率", 4.2, "%"),
    ("420102", "居民人均可支配收入", 30000.0, "元"),
    ("420106", "居民人均可支配收入", 35000.0, "元"),
]


def test_only_additive_indicators_are_summed(sqlite_store: Store) -> None:
    _store(sqlite_store, DISTRICTS)
    found = rolled(sqlite_store)
    assert set(found) == {"全社会固定资产投资"}
    summed = found["全社会固定资产投资"].sum  # type: ignore[attr-defined]
    assert (round(summed.total, 6), summed.children, summed.complete) == (163.97, 2, True)
    assert not catalog.additive("城镇调查失业率", "rate", "%")
    assert not catalog.additive("居民人均可支配收入", "flow", "元")
    assert catalog.additive("社会消费品零售总额", "flow", "亿元")


def test_a_figure_equal_to_the_sum_within_rounding_is_no_finding(store: Store) -> None:
    _store(store, [*DISTRICTS, ("420100", "全社会固定资产投资", 163.97, "亿元")])
    (entry,) = rolled(store).values()
    assert entry.own is not None and entry.finding is None  # type: ignore[attr-defined]


def test_a_figure_beyond_rounding_is_a_finding(store: Store) -> None:
    _store(store, [*DISTRICTS, ("420100", "全社会固定资产投资", 170.0, "亿元")])
    (entry,) = rolled(store).values()
    finding = entry.finding  # type: ignore[attr-defined]
    assert finding is not None and finding.kind == "rollup_mismatch"
    assert round(finding.difference, 2) == 6.03
    assert "170亿元" in finding.chinese and "2个下级合计163.97亿元" in finding.chinese
    # the rate the city reports differently is not judged at all
    _store(store, [("420100", "城镇调查失业率", 9.9, "%")])
    assert set(rolled(store)) == {"全社会固定资产投资"}


def test_a_partial_sum_is_shown_never_judged(sqlite_store: Store) -> None:
    _store(sqlite_store, [DISTRICTS[0], ("420106", "城镇调查失业率", 4.2, "%")])
    _store(sqlite_store, [("420100", "全社会固定资产投资", 500.0, "亿元")])
    (entry,) = rolled(sqlite_store).values()
    assert not entry.sum.complete and entry.finding is None  # type: ignore[attr-defined]
