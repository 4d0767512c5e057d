"""The indicator chart's data: every measure drawn, spans kept apart, one unit per axis."""

from __future__ import annotations

from urllib.parse import quote

from fastapi.testclient import TestClient

from planwatch.periods import Period

OVERVIEW = "/regions/420106/2017H1"


def _chart(client: TestClient, indicator: str) -> dict:  # type: ignore[type-arg]
    answer = client.get(f"{OVERVIEW}/indicators/{quote(indicator)}.json")
    assert answer.status_code == 200, answer.text
    return answer.json()  # type: ignore[no-any-return]


def test_a_share_indicator_has_points_to_draw(planner: TestClient) -> None:
    for indicator in ("城镇登记失业率", "空气质量优良天数比例"):
        chart = _chart(planner, indicator)["chart"]
        shares = [s for s in chart["series"] if s["measure"] == "share"]
        assert shares, indicator
        assert any(v is not None for s in shares for v in s["data"]), indicator
        assert all(s["axis"] == 0 and s["type"] == "line" for s in shares)  # the level: a rate
        assert chart["level_unit"] == "%"


def test_year_to_date_spans_are_separate_series(planner: TestClient) -> None:
    chart = _chart(planner, "地区生产总值")["chart"]
    spans = set()
    for series in chart["series"]:
        drawn = [p for p, v in zip(chart["periods"], series["data"], strict=True) if v is not None]
        months = {Period.parse(p).months for p in drawn}
        assert months == {series["months"]}, (series["measure"], drawn)
        spans.add(series["months"])
    assert len(spans) > 1  # the demo's history has several spans: otherwise nothing is shown


def test_the_unit_heading_agrees_with_the_figures(planner: TestClient) -> None:
    """城镇新增就业 is 万人 in the catalogue and 24400人 in the sample: the heading goes,
    each row shows its own unit, and the chart draws 2.44 on a 万人 axis."""
    page = _chart(planner, "城镇新增就业")
    stated = {v["unit"] for v in page["sources"] if v["measure"] == "value"}
    assert stated == {"人"}
    assert page["unit"] is None
    chart = page["chart"]
    assert chart["level_unit"] == "万人"
    values = [v for s in chart["series"] if s["measure"] == "value" for v in s["data"] if v]
    assert 2.44 in values and 24400 not in values
    html = planner.get(f"{OVERVIEW}/indicators/{quote('城镇新增就业')}").text
    assert "单位 万人" not in html and "24,400人" in html


def test_an_indicator_without_figures_says_why(planner: TestClient) -> None:
    zh = planner.get(f"{OVERVIEW}/indicators/{quote('社会消费品零售总额')}?lang=zh").text
    en = planner.get(f"{OVERVIEW}/indicators/{quote('社会消费品零售总额')}?lang=en").text
    assert "暂无图表" in zh and "No chart" in en
