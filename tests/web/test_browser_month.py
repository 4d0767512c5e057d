"""A month's project progress in a real browser: 区发改委's reporter enters July for two of
its projects, is told what is wrong first, and then sees the ledger and the overview's
project line change.

Screenshots of the form (Chinese, English, 390 px) go to ``PLANWATCH_SCREENSHOTS`` when
set (docs/screenshots), else to the test's own folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from playwright.sync_api import Browser, Page, expect

from planwatch.demo import Demo
from tests.web.live import CHROMIUM, serving

LEDGER = "/regions/420106/2017M07/projects"
OVERVIEW = "/regions/420106/2017M07"

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"needs {CHROMIUM}")


@pytest.fixture
def reporter(browser: Browser, app: FastAPI, demo: Demo) -> Iterator[Page]:
    """区发改委's reporter signed in through the login form."""
    with serving(app) as base_url:
        context = browser.new_context(base_url=base_url, viewport={"width": 1366, "height": 900})
        page = context.new_page()
        page.goto(f"/login?next={LEDGER}")
        page.fill("input[name=username]", "fagai")
        page.fill("input[name=password]", demo.passwords["fagai"])
        page.click("button[type=submit]")
        expect(page).to_have_url(f"{base_url}{LEDGER}")
        yield page
        context.close()


def _row(page: Page, name: str) -> tuple[str, str]:
    """A ledger row's stage and investment cells."""
    row = page.locator("#ledger tr", has_text=name)
    return row.locator("td").nth(1).inner_text(), row.locator("td").nth(3).inner_text()


def test_reporter_enters_july_and_the_ledger_changes(reporter: Page, tmp_path: Path) -> None:
    shots = Path(os.environ.get("PLANWATCH_SCREENSHOTS") or tmp_path)
    page = reporter
    page.goto(OVERVIEW)
    line_before = page.locator("#project-line").inner_text()
    page.goto(LEDGER)
    assert _row(page, "联投中心裕大华地块")[1].startswith("4.2")
    assert _row(page, "华电研发中心")[0] == "拟开工"
    page.click("#month-entry-link")
    expect(page.locator("h1")).to_contain_text("区发改委")
    expect(page.locator("fieldset.month-row")).to_have_count(3)
    lianto = page.locator("fieldset.month-row", has_text="联投中心裕大华地块")
    huadian = page.locator("fieldset.month-row", has_text="华电研发中心")
    expect(lianto.locator(".last-month")).to_contain_text("4.2")
    lianto.locator("input[name^=ytd-]").fill("五点六")
    lianto.locator("textarea").fill("基坑开挖完成,主体结构施工准备")
    huadian.locator("input[name^=ytd-]").fill("0.9")
    huadian.locator("input[type=date]").fill("2017-08-03")
    page.get_by_role("button", name="保存").click()
    error = lianto.locator(".field-error")
    expect(error).to_contain_text("「五点六」不是数字")
    expect(huadian.locator(".field-error")).to_contain_text("晚于本月末")
    expect(lianto.locator("textarea")).to_have_value("基坑开挖完成,主体结构施工准备")
    expect(huadian.locator("input[name^=ytd-]")).to_have_value("0.9")
    page.screenshot(path=str(shots / "month-entry.png"), full_page=True)
    page.goto(f"{page.url.split('?')[0]}?lang=en")
    lianto.locator("input[name^=ytd-]").fill("-1")
    page.get_by_role("button", name="Save").click()
    expect(lianto.locator(".field-error")).to_contain_text("cannot be negative")
    page.screenshot(path=str(shots / "month-entry-en.png"), full_page=True)
    page.goto(f"{page.url.split('?')[0]}?lang=zh")
    lianto.locator("input[name^=ytd-]").fill("5.6")
    lianto.locator("textarea").fill("基坑开挖完成,主体结构施工准备")
    huadian.locator("input[name^=ytd-]").fill("0.9")
    huadian.locator("input[type=date]").fill("2017-07-12")
    page.get_by_role("button", name="保存").click()
    expect(page.locator("#month-saved")).to_contain_text("2")
    page.set_viewport_size({"width": 390, "height": 844})
    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= 390, f"the form is {wide} px wide on a phone"
    page.screenshot(path=str(shots / "month-entry-phone.png"), full_page=True)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(LEDGER)
    assert _row(page, "联投中心裕大华地块")[1].startswith("5.6")
    assert _row(page, "华电研发中心") == ("新开工", _row(page, "华电研发中心")[1])
    assert _row(page, "华电研发中心")[1].startswith("0.9")
    # the overview's project line: 华电 started in July, so 3 of the 5 due to start this year
    page.goto(OVERVIEW)
    assert "开工率 40.0% (2/5)" in line_before
    assert "开工率 60.0% (3/5)" in page.locator("#project-line").inner_text()
