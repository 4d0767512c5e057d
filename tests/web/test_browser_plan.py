"""A planning office's year in the browser: the district's planner creates the 江夏区 2024
plan in the forms, finds it listed and its overview showing every target 暂无数据; the
district's 区统计局 reporter enters two figures (one typo corrected after the inline
message), submits them, the office approves and publishes, and the overview shows them.

Screenshots of each step go to ``PLANWATCH_SCREENSHOTS`` if set (docs/screenshots/plan-flow
holds the committed ones), else to the test's own folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from playwright.sync_api import Browser, Page, expect, sync_playwright

from planwatch.records.users import add_user
from tests.web.live import CHROMIUM, CHROMIUM_ARGS, serving

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"needs {CHROMIUM}")

PASSWORD = "a-long-test-password"
# the plan's targets, one of each kind, with the plan's own wording
TARGETS = [
    ("地区生产总值", "growth_at_least", "7", "%", "at_least", "", "区统计局", "地区生产总值增长7%以上"),
    ("全社会固定资产投资", "value_at_least", "300", "亿元", "at_least", "", "区发改委",
     "全社会固定资产投资完成300亿元以上"),
    ("居民人均可支配收入", "relation", "", "", "approx", "地区生产总值", "区统计局",
     "居民收入增长与经济增长同步"),
    ("城镇登记失业率", "value_at_most", "4", "%", "at_most", "", "区人社局",
     "城镇登记失业率控制在4%以内"),
    ("单位生产总值能耗", "reduction_at_least", "3.8", "%", "", "", "区发改委",
     "单位生产总值能耗下降3.8%"),
]  # fmt: skip


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("PLANWATCH_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _signed_in(browser: Browser, base: str, name: str) -> Page:
    context = browser.new_context(base_url=base, viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto("/login")
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    expect(page).to_have_url(f"{base}/regions")
    return page


def _shot(page: Page, folder: Path, name: str) -> None:
    page.wait_for_timeout(300)
    page.screenshot(path=str(folder / name), full_page=True)


def _open(page: Page, form_id: str) -> None:
    """Open the folded ``details`` that holds the form, if it is folded."""
    if not page.locator(form_id).is_visible():
        page.locator(f"details.add:has({form_id}) > summary").click()


def _fill_target(page: Page, row: tuple[str, ...]) -> None:
    indicator, kind, value, unit, qualifier, other, department, text = row
    _open(page, "#target-new")
    form = page.locator("#target-new")
    form.locator("input[name=indicator]").fill(indicator)
    form.locator("select[name=kind]").select_option(kind)
    form.locator("input[name=value]").fill(value)
    form.locator("input[name=unit]").fill(unit)
    form.locator("select[name=qualifier]").select_option(qualifier)
    form.locator("input[name=other]").fill(other)
    form.locator("input[name=department]").fill(department)
    form.locator("input[name=text]").fill(text)
    form.locator("button[type=submit]").click()


def _fill(page: Page, form_id: str, fields: dict[str, str]) -> None:
    _open(page, form_id)
    form = page.locator(form_id)
    for name, value in fields.items():
        field = form.locator(f"[name={name}]")
        if field.evaluate("node => node.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    form.locator("button[type=submit]").click()


def _targets_row(page: Page, text: str) -> None:
    expect(page.locator("tr[id^=target-]", has_text=text)).to_be_visible()


def _planner_makes_the_plan(page: Page, shots: Path) -> None:
    # the navigation leads the office to its plans
    page.locator("header nav a", has_text="计划管理").click()
    page.fill("input[name=region]", "420115")
    page.fill("input[name=year]", "2024")
    page.fill("input[name=title]", "江夏区2024年国民经济和社会发展计划")
    _shot(page, shots, "1-new-plan.png")
    page.click("#plan-new button[type=submit]")
    expect(page.locator("h1")).to_contain_text("江夏区2024年国民经济和社会发展计划")
    # a typo in a target's value: said beside the field, everything typed kept
    gdp = TARGETS[0]
    _fill_target(page, (*gdp[:2], "7,5", *gdp[3:]))
    message = page.locator("#target-new .field-error")
    expect(message).to_contain_text("小数点请用")
    expect(message).to_contain_text("7.5")
    expect(page.locator("#target-new input[name=text]")).to_have_value(gdp[7])
    _shot(page, shots, "2-plan-typo.png")
    page.locator("#target-new input[name=value]").fill("7")
    page.locator("#target-new button[type=submit]").click()
    _targets_row(page, gdp[7])
    for row in TARGETS[1:]:
        _fill_target(page, row)
        _targets_row(page, row[7])
    _fill(page, "#task-new", {"title": "推进政务服务一网通办", "department": "区政务服务局"})
    expect(page.locator("tr[id^=task-]", has_text="一网通办")).to_be_visible()
    project = {"name": "江夏智能制造产业园", "stage": "new_start", "investment": "12.5"}
    _fill(page, "#project-new", {**project, "department": "区发改委"})
    expect(page.locator("tr[id^=project-]", has_text="产业园")).to_be_visible()
    _shot(page, shots, "3-plan-edited.png")


def _listed_with_every_target_without_data(page: Page, shots: Path) -> None:
    page.goto("/regions")
    row = page.locator("tr", has_text="江夏区")
    expect(row.locator("a", has_text="江夏区2024年国民经济和社会发展计划")).to_be_visible()
    _shot(page, shots, "4-listed.png")
    row.locator("a.button", has_text="2024").click()
    cards = page.locator("a.card")
    expect(cards).to_have_count(len(TARGETS))
    for index in range(len(TARGETS)):
        expect(cards.nth(index)).to_contain_text("暂无")
    _shot(page, shots, "5-overview-no-data.png")


def _reporter_enters_two_figures(page: Page, shots: Path) -> None:
    row = page.locator("tr", has_text="江夏区")
    row.locator("a", has_text="填报数据").click()
    page.locator(".toolbar a", has_text="2024H1").click()
    items = page.locator(".entry-item")
    # only 区统计局's items of the plan, in plan order; units shown, not typed
    expect(items).to_have_count(2)
    expect(items.nth(0)).to_contain_text("地区生产总值")
    expect(items.nth(1)).to_contain_text("居民人均可支配收入")
    expect(items.nth(0).locator(".unit").first).to_have_text("亿元")
    page.fill("#entry-search", "收入")
    expect(items.nth(0)).to_be_hidden()
    page.fill("#entry-search", "")
    gdp = page.locator("input[name='fig:地区生产总值:yoy_growth']")
    income = page.locator("input[name='fig:居民人均可支配收入:yoy_growth']")
    gdp.fill("6,2")
    income.fill("6.5")
    page.click("#entry-form button[type=submit]")
    message = page.locator(".entry-field.has-error .field-error")
    expect(message).to_contain_text("小数点请用")
    expect(message).to_contain_text("6.2")
    expect(gdp).to_have_value("6,2")
    expect(income).to_have_value("6.5")
    _shot(page, shots, "6-entry-typo.png")
    gdp.fill("6.2")
    page.click("#entry-form button[type=submit]")
    expect(page.locator(".notice")).to_contain_text("2")
    entered = page.locator("#entered tr", has_text="草稿")
    expect(entered).to_have_count(2)
    _shot(page, shots, "7-entry-stored.png")


def _step(page: Page, department: str, step: str) -> None:
    row = page.locator("tr", has_text=department)
    row.locator("button", has_text=step).click()
    page.wait_for_load_state()


def test_a_plan_made_in_the_browser_and_its_first_figures(
    app: FastAPI, browser: Browser, shots: Path
) -> None:
    with app.state.store.transaction(actor="test") as session:
        add_user(session, "jiangxia", "planner", PASSWORD, region="420115")
    with serving(app) as base:
        planner = _signed_in(browser, base, "jiangxia")
        _planner_makes_the_plan(planner, shots)
        _listed_with_every_target_without_data(planner, shots)
        with app.state.store.transaction(actor="test") as session:
            add_user(session, "jx-tongji", "reporter", PASSWORD, "420115", "区统计局")
        reporter = _signed_in(browser, base, "jx-tongji")
        _reporter_enters_two_figures(reporter, shots)
        # the reporter submits; the office approves and publishes; the overview changes
        reporter.goto("/regions/420115/2024H1/submissions")
        _step(reporter, "区统计局", "报送")
        planner.goto("/regions/420115/2024H1/submissions")
        _step(planner, "区统计局", "审核通过")
        _step(planner, "区统计局", "发布")
        reporter.goto("/regions/420115/2024H1")
        gdp_card = reporter.locator('a.card[data-indicator="地区生产总值"]')
        expect(gdp_card.locator(".figure")).to_contain_text("6.2")
        income_card = reporter.locator('a.card[data-indicator="居民人均可支配收入"]')
        expect(income_card.locator(".figure")).to_contain_text("6.5")
        expect(reporter.locator('a.card[data-indicator="城镇登记失业率"]')).to_contain_text("暂无")
        _shot(reporter, shots, "8-overview-changed.png")
