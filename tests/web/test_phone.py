"""Every page on a phone: at 390 px wide nothing makes the page scroll sideways.

The pages are the app's own HTML routes (the route table that ``test_access`` checks),
each filled with the demo's parameters, so a new page joins this test by existing. Each
is opened in Chinese and in English by a signed-in planner, and the public ones by an
anonymous visitor; one browser and one tab do it all.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from playwright.sync_api import Page, sync_playwright

from planwatch.demo import Demo
from tests.web.live import CHROMIUM, CHROMIUM_ARGS, serving
from tests.web.pages import MORE, every_page, filled, html_templates, in_language

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"needs {CHROMIUM}")

PHONE = {"width": 390, "height": 844}
OVERFLOW = "() => [document.documentElement.scrollWidth, window.innerWidth]"


def overflowing(page: Page, addresses: list[str], langs: tuple[str, ...]) -> list[str]:
    wide = []
    for address in addresses:
        for lang in langs:
            answer = page.goto(in_language(address, lang), wait_until="load")
            assert answer is not None and (answer.ok or address in MORE), address
            width, inner = page.evaluate(OVERFLOW)
            if width > inner:
                wide.append(f"{in_language(address, lang)}: {width} px in a {inner} px window")
    return wide


def test_every_page_fits_a_phone(app: FastAPI, demo: Demo, planner: TestClient) -> None:
    templates = html_templates(app)
    assert len(templates) >= 20  # the route table was read, not an empty list
    signed_in = every_page(app, planner)
    assert len(signed_in) >= len(templates) - 4  # the parameters reach nearly every page
    with TestClient(app) as anonymous:
        public = every_page(app, anonymous)
    assert "/login" in public and filled("/regions/{code}/{period}") in public

    with serving(app) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(base_url=base, viewport=PHONE)
        page = context.new_page()
        wide = overflowing(page, public, ("zh", "en"))
        page.goto("/login")
        page.fill("input[name=username]", "planner")
        page.fill("input[name=password]", demo.passwords["planner"])
        page.click("button[type=submit]")
        page.wait_for_url(lambda url: "/login" not in url)
        wide += overflowing(page, signed_in, ("zh", "en"))
        # the header folds into a menu; opened, it still fits and shows the links
        page.goto(in_language(filled("/regions/{code}/{period}"), "zh"))
        toggle = page.locator("header .menu-toggle")
        assert toggle.is_visible() and not page.locator("header nav").is_visible()
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "true"
        assert page.locator("header nav a", has_text="指标总览").is_visible()
        width, inner = page.evaluate(OVERFLOW)
        # the board's project stages stack, each as wide as the page, not 80 px columns
        page.goto(filled("/regions/{code}/{period}/board"))
        stages = page.locator(".stages > .panel")
        widths = [stages.nth(i).bounding_box()["width"] for i in range(stages.count())]  # type: ignore[index]
        browser.close()
    assert width <= inner, "the opened menu widens the page"
    assert len(widths) >= 2 and min(widths) > 300, widths
    assert wide == [], "\n".join(wide)
    print(f"\n{len(public)} public and {len(signed_in)} signed-in pages, each in zh and en")


def test_the_overview_lines_fit_a_phone(app: FastAPI) -> None:
    """The task and project lines wrap on a 390 px phone (the overview alone, both languages)."""
    overview = filled("/regions/{code}/{period}")
    with serving(app) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        page = browser.new_context(base_url=base, viewport=PHONE).new_page()
        wide = overflowing(page, [overview], ("zh", "en"))
        boxes = [page.locator(f"#{line}").bounding_box() for line in ("task-line", "project-line")]
        browser.close()
    assert wide == [], "\n".join(wide)
    assert all(box and box["width"] <= PHONE["width"] for box in boxes), boxes
