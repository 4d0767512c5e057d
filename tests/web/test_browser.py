"""The dashboard in a real browser: Chromium driven by Playwright against a live server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi import FastAPI
from playwright.sync_api import Browser, Locator, Page, expect

from planwatch.demo import Demo
from tests.web.live import CHROMIUM, serving

OVERVIEW = "/regions/420106/2017H1"

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"needs {CHROMIUM}")


@pytest.fixture
def base_url(app: FastAPI) -> Iterator[str]:
    with serving(app) as url:
        yield url


@pytest.fixture
def page(browser: Browser, base_url: str, demo: Demo) -> Iterator[Page]:
    """A planner signed in through the login form."""
    context = browser.new_context(
        base_url=base_url, viewport={"width": 1366, "height": 900}, accept_downloads=True
    )
    opened = context.new_page()
    outside: list[str] = []  # intranets have no internet: every file must come from us
    opened.on("request", lambda r: None if r.url.startswith(base_url) else outside.append(r.url))
    opened.goto("/regions/420102/2017H1")  # not public: a visitor is sent to sign in
    expect(opened).to_have_url(f"{base_url}/login?next=/regions/420102/2017H1")
    opened.goto(f"/login?next={OVERVIEW}")  # 武昌区 is public: sign in to act on it
    opened.fill("input[name=username]", "planner")
    opened.fill("input[name=password]", demo.passwords["planner"])
    opened.click("button[type=submit]")
    expect(opened).to_have_url(f"{base_url}{OVERVIEW}")
    yield opened
    context.close()
    assert outside == []


def _card(page: Page, indicator: str, status: str | None = None) -> Locator:
    selector = f'a.card[data-indicator="{indicator}"]'
    return page.locator(selector + (f'[data-status="{status}"]' if status else "")).first


def _fact_id(page: Page, indicator: str, measure: str) -> int:
    facts = page.request.get("/api/facts?document=1&limit=500").json()["items"]
    found: int = next(
        f["id"] for f in facts if f["indicator"] == indicator and f["measure"] == measure
    )
    return found


PAINTED = """c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                   let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }"""


def test_card_leads_to_indicator_page_with_a_drawn_chart(page: Page) -> None:
    expect(page.locator("a.card")).to_have_count(8)
    _card(page, "地区生产总值").click()
    expect(page.locator("h1")).to_contain_text("地区生产总值")
    canvas = page.locator("#history-chart canvas")
    expect(canvas).to_have_count(1)
    assert canvas.evaluate(PAINTED) > 1000  # bars, axes and labels, not a blank canvas


def test_comparison_draws_a_bar_chart_per_ranking(page: Page) -> None:
    page.get_by_role("main").get_by_role("link", name="地区比较").click()
    expect(page.locator("h1")).to_contain_text("武汉市")
    charts = page.locator("[data-chart=ranking] canvas")
    expect(charts.first).to_be_visible()
    assert charts.count() == page.locator("table.grid").count() > 1
    assert charts.first.evaluate(PAINTED) > 1000


def test_accepting_a_fact_changes_the_overview(page: Page) -> None:
    expect(_card(page, "招商引资", "unknown")).to_be_visible()
    fact_id = _fact_id(page, "招商引资", "value")
    page.goto("/documents/1")
    row = page.locator(f"#fact-{fact_id}")
    row.get_by_role("button", name="确认").click()
    expect(page.locator(f'#fact-{fact_id}[data-status="accepted"]')).to_be_visible()
    expect(page.locator(f'mark[data-fact="{fact_id}"]')).to_have_class("accepted")
    page.goto(OVERVIEW)
    card = _card(page, "招商引资", "on_track")
    expect(card).to_be_visible()
    expect(card.locator(".figure")).to_contain_text("426.4")


def test_correcting_a_fact_value(page: Page) -> None:
    fact_id = _fact_id(page, "招商引资", "value")
    page.goto(f"/documents/1#fact-{fact_id}")
    row = page.locator(f"#fact-{fact_id}")
    row.locator("summary").click()
    row.locator("input[name=value]").fill("300")
    row.get_by_role("button", name="保存").click()
    corrected = page.locator(f'#fact-{fact_id}[data-status="corrected"]')
    expect(corrected.locator(".value")).to_have_text("300")
    page.goto(OVERVIEW)
    expect(_card(page, "招商引资").locator(".figure")).to_contain_text("300")


def test_review_error_is_shown_to_the_user(page: Page) -> None:
    fact_id = _fact_id(page, "招商引资", "value")
    page.goto(f"/documents/1#fact-{fact_id}")
    row = page.locator(f"#fact-{fact_id}")
    row.locator("summary").click()
    row.locator("input[name=value]").fill("四百")
    row.get_by_role("button", name="保存").click()
    expect(page.locator("#flash [role=alert]")).to_contain_text("数值“四百”不是数字")


def test_upload_a_document(page: Page, tmp_path: Path) -> None:
    report = tmp_path / "武昌区2017年前三季度.txt"
    report.write_text(
        "关于武昌区2017年前三季度经济运行情况的报告\n前三季度地区生产总值完成800亿元,同比增长8.5%。\n",
        encoding="utf-8",
    )
    page.goto("/upload")
    page.set_input_files("input[type=file]", str(report))
    page.get_by_role("button", name="上传文件").click()
    result = page.locator("#upload-result")
    expect(result).to_contain_text("已上传")
    expect(result).to_contain_text("提取事实数")
    result.get_by_role("link", name="去审核").click()
    expect(page.locator("h1")).to_contain_text("前三季度")
    expect(page.locator(".fact")).not_to_have_count(0)


@pytest.mark.parametrize(
    ("fmt", "magic"), [("md", b"# "), ("html", b"<!"), ("docx", b"PK"), ("pdf", b"%PDF")]
)
def test_download_each_report_format(page: Page, tmp_path: Path, fmt: str, magic: bytes) -> None:
    page.goto(f"{OVERVIEW}/report")
    expect(page.locator("iframe#report-preview")).to_be_visible()
    with page.expect_download() as waiting:
        page.get_by_role("link", name=fmt.upper(), exact=True).click()
    download = waiting.value
    assert download.suggested_filename.endswith(f".{fmt}")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert saved.read_bytes().startswith(magic)


def test_narrative_saved_in_place_shows_in_the_preview(page: Page) -> None:
    page.goto(f"{OVERVIEW}/report")
    form = page.locator("form", has=page.locator("textarea[name=text]")).first
    form.locator("textarea").fill("上半年，全区经济运行总体平稳，稳中有进。")
    form.get_by_role("button", name="保存").click()
    expect(page.locator("#saved-opening")).to_contain_text("已保存")
    preview = page.frame_locator("iframe#report-preview")
    expect(preview.locator("body")).to_contain_text("全区经济运行总体平稳")


def test_upload_of_a_wrong_file_says_what_to_send(page: Page, tmp_path: Path) -> None:
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n0000")
    page.goto("/upload")
    page.set_input_files("input[type=file]", str(picture))
    page.get_by_role("button", name="上传文件").click()
    expect(page.locator("#flash [role=alert]")).to_contain_text("扩展名.png不受支持")


def test_api_docs_render_without_internet(page: Page) -> None:
    page.goto("/docs")
    expect(page.locator(".swagger-ui .title")).to_contain_text("planwatch")
    expect(page.locator(".opblock-summary-path").first).to_be_visible()


def test_review_page_filters_fact_rows(page: Page) -> None:
    page.goto("/documents/1")
    rows = page.locator(".fact")
    total = rows.count()
    page.get_by_role("button", name="仅指标").click()
    visible = page.locator(".fact:visible")
    expect(visible.first).to_be_visible()
    assert 0 < visible.count() < total
    assert page.locator(".fact.indicator").count() == visible.count()


# the points ECharts drew: a data item with a graphic element (a null draws none)
DRAWN_POINTS = """node => { let n = 0;
  echarts.getInstanceByDom(node).getModel().eachSeries(s => {
    const d = s.getData(); for (let i = 0; i < d.count(); i++) if (d.getItemGraphicEl(i)) n++; });
  return n; }"""


def test_a_share_indicator_chart_draws_its_points(page: Page) -> None:
    page.goto(f"{OVERVIEW}/indicators/{quote('城镇登记失业率')}")
    chart = page.locator("#history-chart")
    expect(chart.locator("canvas")).to_have_count(1)
    page.wait_for_function("document.querySelector('#history-chart canvas')")
    assert chart.evaluate(DRAWN_POINTS) >= 1
    assert chart.locator("canvas").evaluate(PAINTED) > 1000
