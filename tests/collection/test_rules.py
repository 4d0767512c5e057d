"""Validation rules as data: errors refuse a figure with a message naming the rule (in
Chinese and English); a warning lets a figure through only with a comment, kept with it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from planwatch.errors import InvalidInput
from planwatch.records import checks
from planwatch.records.checks import Figure, check_figures, load_rules
from planwatch.vocabulary.messages import say
from tests.web.helpers import error_of

INVESTMENT = "全社会固定资产投资"
BASE = {"region": "420106", "indicator": INVESTMENT, "period": "2017H1"}


def _figure(indicator: str, value: float, unit: str | None = "亿元", **kw: object) -> Figure:
    return Figure(
        indicator,
        "亿元",
        "flow",
        str(kw.get("measure", "value")),
        value,
        unit,
        period=str(kw.get("period", "2017H1")),
    )


@pytest.mark.parametrize(
    ("fields", "rule", "zh"),
    [
        ({"measure": "yoy_growth", "value": 9999, "unit": "%"}, "growth_limit", "增速9999%超出"),
        ({"value": 163.97, "unit": "人"}, "unit_dimension", "单位人不是全社会固定资产投资的单位"),
        ({"value": -50, "unit": "亿元"}, "level_not_negative", "不能为负数"),
    ],
)
def test_the_api_and_the_form_refuse_what_no_figure_can_be(
    planner: TestClient,
    client_as,
    fields: dict[str, object],
    rule: str,
    zh: str,  # type: ignore[no-untyped-def]
) -> None:
    before = planner.get("/api/observations?limit=500").json()["total"]
    error = error_of(planner.post("/api/observations", json={**BASE, **fields}), 400)
    assert rule in error["message"] and zh in error["zh"]["message"]
    # each language on its own: the rule's Chinese name only in Chinese, and its English
    # name only in English
    title = load_rules()[rule]
    assert f"【{title.zh}，错误】" in error["zh"]["message"]
    assert title.en in error["message"] and title.zh not in error["message"]
    assert zh not in error["message"] and title.en not in error["zh"]["message"]
    page = planner.post(
        "/api/observations", json={**BASE, **fields}, headers={"accept": "text/html"}
    )
    assert zh in page.text  # the page leads in the reader's language (Chinese by default)
    form = {"indicator": INVESTMENT, **{k: str(v) for k, v in fields.items()}}
    fagai = client_as("fagai")
    answer = fagai.post(
        "/regions/420106/2017H1/enter", data=form, headers={"accept": "application/json"}
    )
    assert rule in error_of(answer, 400)["message"]
    assert planner.get("/api/observations?limit=500").json()["total"] == before


def test_a_warning_needs_a_comment_which_is_kept(planner: TestClient) -> None:
    figure = {**BASE, "measure": "yoy_growth", "value": 75, "unit": "%", "reason": "更正"}
    error = error_of(planner.post("/api/observations", json=figure), 400)
    assert "growth_band" in error["message"] and "warning" in error["message"]
    assert "growth_consistent" in error["message"]  # 75% against 163.97 and last year's
    stored = planner.post("/api/observations", json={**figure, "comment": "重大项目集中入统"})
    assert stored.status_code == 201, stored.text
    assert stored.json()["comment"] == "重大项目集中入统"
    page = planner.get(f"/observations/{stored.json()['id']}.json").json()
    assert page["observation"]["comment"] == "重大项目集中入统"


def test_a_departments_draft_with_a_warning_submits_only_with_a_comment(client_as) -> None:  # type: ignore[no-untyped-def]
    fagai = client_as("fagai")
    figure = {**BASE, "measure": "yoy_growth", "value": 75, "unit": "%", "reason": "更正"}
    assert fagai.post("/api/observations", json=figure).status_code == 201  # a draft
    step = {"department": "区发改委"}
    error = error_of(fagai.post("/api/submissions/420106/2017H1/submit", json=step), 400)
    assert "growth_band" in error["message"]
    commented = {**figure, "comment": "重大项目集中入统"}
    assert fagai.post("/api/observations", json=commented).status_code == 201
    assert fagai.post("/api/submissions/420106/2017H1/submit", json=step).status_code == 200


def test_parts_must_add_up_to_the_whole() -> None:
    parts = [
        _figure("地区生产总值", 525.69),
        _figure("第一产业增加值", 0.5),
        _figure("第二产业增加值", 120),
        _figure("第三产业增加值", 300),
    ]
    problems = check_figures(parts)
    assert [(p.rule, p.figure) for p in problems] == [("parts_sum", 0)]
    assert "各分项之和420.5与地区生产总值525.69不符" in problems[0].zh
    fixed = [*parts[:3], _figure("第三产业增加值", 405.19)]
    assert check_figures(fixed) == []
    in_wan = [*parts[:3], _figure("第三产业增加值", 4051900, "万元")]  # 万元 converts
    assert check_figures(in_wan) == []


def test_growth_against_values_and_jumps() -> None:
    class LastYear:
        def get(self, indicator: str, period: str, measure: str) -> tuple[float, str] | None:
            return (100.0, "亿元") if period == "2016H1" and measure == "value" else None

    level = _figure(INVESTMENT, 110)
    growth = _figure(INVESTMENT, 10.4, "%", measure="yoy_growth")
    assert check_figures([level, growth], LastYear()) == []
    wrong = _figure(INVESTMENT, 14, "%", measure="yoy_growth")
    assert [p.rule for p in check_figures([level, wrong], LastYear())] == ["growth_consistent"]
    assert [p.rule for p in check_figures([_figure(INVESTMENT, 250)], LastYear())] == ["jump"]


def test_shares_and_units_of_rates() -> None:
    share = Figure("城镇登记失业率", "%", "rate", "share", 130, "%")
    assert [p.rule for p in check_figures([share])] == ["share_range"]
    growth = Figure(INVESTMENT, "亿元", "flow", "yoy_growth", 10, "亿元")
    assert [p.rule for p in check_figures([growth])] == ["unit_dimension"]


def test_the_shipped_rules_load_and_a_broken_file_says_what_is_wrong(tmp_path: Path) -> None:
    rules = load_rules()
    assert rules["growth_limit"].severity == "error"
    assert rules["growth_band"].severity == "warning"
    broken = tmp_path / "rules.yaml"
    broken.write_text("growth_band: {severity: fatal, zh: x, en: y}\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="severity"):
        load_rules(broken)
    unknown = tmp_path / "unknown.yaml"
    unknown.write_text("colour: {severity: error, zh: x, en: y}\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="colour"):
        load_rules(unknown)


def test_the_rules_page_lists_the_rules(viewer: TestClient) -> None:
    page = viewer.get("/rules.json").json()
    names = [r["name"] for r in page["rules"]]
    assert names[:3] == ["unit_dimension", "level_not_negative", "share_range"]
    assert "增速在合理范围内" in viewer.get("/rules").text


def test_what_a_rule_says_is_worded_in_the_catalogue_not_in_the_code() -> None:
    """Each rule's texts live in one place, messages.yaml (records.checks.*), beside its
    name in rules.yaml: the checks' module holds no Chinese and no English sentence."""
    source = Path(checks.__file__).read_text(encoding="utf-8")
    code = ast.parse(source)
    strings = [
        node.value
        for node in ast.walk(code)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]
    texts = [
        s for s in strings if re.search(r"[\u4e00-\u9fff]", s) or re.search(r"\w+ \w+ \w+ ", s)
    ]
    words = {ast.get_docstring(n, clean=False) for n in ast.walk(code) if _documented(n)}
    words |= set(checks.RATE_UNITS)  # units, not sentences
    assert [t for t in texts if t not in words and not t.startswith("records.")] == []
    (problem,) = check_figures([Figure("城镇登记失业率", "%", "rate", "share", 130, "%")])
    assert (problem.text_zh, problem.text_en) == (
        say("records.checks.share_outside", low=0.0, high=100.0).zh,
        say("records.checks.share_outside", low=0.0, high=100.0).en,
    )


def _documented(node: ast.AST) -> bool:
    return isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
