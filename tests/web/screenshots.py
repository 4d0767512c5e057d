"""Screenshots of the main pages for docs/screenshots/, taken from a fresh demo database.

    python -m tests.web.screenshots [--out docs/screenshots]

Not a test: pytest collects only test_*.py. A planner signs in, accepts three facts of
the H1 report (so the review page shows both states) and the pages are shot at 1366 px.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from urllib.parse import quote

from playwright.sync_api import Page, sync_playwright

from planwatch.config import Settings
from planwatch.demo import build_demo
from planwatch.web import create_app
from tests.web.live import CHROMIUM, CHROMIUM_ARGS, serving

OVERVIEW = "/regions/420106/2017H1"
SHOTS = {
    "overview.png": (OVERVIEW, True),
    "overview-en.png": (f"{OVERVIEW}?lang=en", True),
    "indicator.png": (f"{OVERVIEW}/indicators/{quote('全社会固定资产投资')}?lang=zh", True),
    "indicator-gdp-en.png": (f"{OVERVIEW}/indicators/{quote('地区生产总值')}?lang=en", True),
    "compare.png": (f"/compare/420100/county/2017H1?indicator={quote('全社会固定资产投资')}", True),
    "board.png": (f"{OVERVIEW}/board", True),
    "review.png": ("/documents/1", False),
    "report.png": (f"{OVERVIEW}/report", False),
    "upload.png": ("/upload", False),
    "observation.png": ("/observations/1", True),
    "submissions.png": ("/regions/420106/2017M07/submissions", True),
    "departments.png": ("/departments/420106?lang=en", True),
    "departments-zh.png": ("/departments/420106?lang=zh", True),
    "enter-en.png": (f"{OVERVIEW}/enter?lang=en", True),
    "audit.png": ("/audit?table=submissions", False),
    "ledger.png": (f"{OVERVIEW}/projects", True),
    "ledger-en.png": (f"{OVERVIEW}/projects?lang=en", True),
    "project.png": ("/projects/2", True),  # 武汉华邑酒店: an overdue milestone and 督办 item
}
# pages also shown as a phone sees them (390 px wide)
PHONE_SHOTS = {
    "ledger-phone.png": f"{OVERVIEW}/projects",
    "project-phone.png": "/projects/2?lang=en",
    "submissions-phone.png": "/regions/420106/2017M07/submissions",
    "overview-phone.png": f"{OVERVIEW}?lang=zh",
    "board-phone.png": f"{OVERVIEW}/board?lang=zh",
    "report-phone.png": f"{OVERVIEW}/report?lang=zh",
    "departments-phone.png": "/departments/420106?lang=zh",
    "indicator-rate-phone.png": f"{OVERVIEW}/indicators/{quote('城镇登记失业率')}?lang=en",
}


def accept_some(page: Page) -> None:
    facts = page.request.get("/api/facts?document=1&limit=500").json()["items"]
    wanted = {("招商引资", "value"), ("招商引资", "yoy_growth"), ("地区生产总值", "value")}
    for fact in facts:
        if (fact["indicator"], fact["measure"]) in wanted:
            page.request.post(f"/api/facts/{fact['id']}/accept").json()
            wanted.discard((fact["indicator"], fact["measure"]))


def shoot_phone(page: Page, out: Path, shots: dict[str, str]) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    for name, path in shots.items():
        page.goto(path)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(600)
        page.screenshot(path=str(out / name), full_page=True)


def take(out: Path, only: set[str] | None = None) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="planwatch-shots-") as folder:
        demo = build_demo(Path(folder) / "demo.db")
        app = create_app(Settings(database_url=demo.database_url, secret_key="shots"))
        with serving(app) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            page = browser.new_page(base_url=base, viewport={"width": 1366, "height": 900})
            page.goto("/login")
            page.screenshot(path=str(out / "login.png"))
            page.fill("input[name=username]", "planner")
            page.fill("input[name=password]", demo.passwords["planner"])
            page.click("button[type=submit]")
            accept_some(page)
            for name, (path, full) in SHOTS.items():
                if only and name not in only:
                    continue
                page.goto(path)
                page.wait_for_load_state("networkidle")
                page.wait_for_timeout(600)  # ECharts animates its first drawing
                page.screenshot(path=str(out / name), full_page=full)
            shoot_phone(page, out, {n: p for n, p in PHONE_SHOTS.items() if not only or n in only})
            browser.close()
        app.state.store.dispose()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--only", nargs="*", help="the file names to retake (default: all)")
    arguments = parser.parse_args()
    take(arguments.out, set(arguments.only) if arguments.only else None)
