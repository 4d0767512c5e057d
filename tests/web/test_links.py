"""Every link answers and every anchor exists: in the demo's pages and its drafted report.

The demo's facts are all accepted first, so targets and figures link to their spans, as
they will in an office that has reviewed its report.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from urllib.parse import quote

from fastapi import FastAPI
from fastapi.testclient import TestClient

from planwatch.demo import Demo
from tests.web.crawl import Crawl, html_links

KINDS = ("/regions/", "/plans/", "/tasks/", "/projects/", "/observations/", "/documents/")


def _accept_every_fact(client: TestClient) -> int:
    pending = client.get("/api/facts?status=pending&limit=500").json()["items"]
    for item in pending:
        assert client.post(f"/api/facts/{item['id']}/accept").status_code == 200
    return len(pending)


def test_every_link_answers_and_every_anchor_exists(
    app: FastAPI, admin: TestClient, demo: Demo
) -> None:
    assert _accept_every_fact(admin) > 100
    report = f"{demo.overview_path}/report.html"
    drafted = admin.get(report)
    assert drafted.status_code == 200
    in_report, _ = html_links(drafted.text)
    assert len(in_report) > 20

    started = time.perf_counter()
    crawl = Crawl(app, admin).run(["/regions", report, *in_report])
    seconds = time.perf_counter() - started
    kinds = Counter("/" + url.split("/")[1] for url in crawl.fetched)
    print(
        f"\n{len(crawl.fetched)} addresses fetched, {crawl.anchors_checked} anchors checked, "
        f"{len(crawl.broken)} broken, {len(crawl.missing)} anchors missing, in {seconds:.1f}s; "
        f"{dict(kinds)}"
    )

    assert crawl.broken == [], "\n".join(map(str, crawl.broken))
    assert crawl.missing == [], "\n".join(map(str, crawl.missing[:40]))
    assert crawl.repeated_ids == {}
    assert all(href.split("#")[0] in crawl.fetched for href in in_report)
    for kind in KINDS:
        assert any(url.startswith(kind) for url in crawl.fetched), kind
    assert any(re.fullmatch(r"/tasks/\d+#progress-\d+", h) for h in in_report)
    assert any(re.fullmatch(r"/documents/\d+#span-\d+-\d+", h) for h in in_report)


def test_report_links_targets_to_their_plan_before_review(admin: TestClient, demo: Demo) -> None:
    """Before review the report links targets to the plan they were loaded from."""
    drafted = admin.get(f"{demo.overview_path}/report.html").text
    in_report, _ = html_links(drafted)
    targets = [h for h in in_report if re.fullmatch(r"/plans/\d+#target-\d+", h)]
    assert targets
    for href in targets:
        page, anchor = href.split("#")
        answer = admin.get(page)
        assert answer.status_code == 200, href
        assert f'id="{anchor}"' in answer.text, href


def test_indicator_page_of_a_year_without_a_plan_links_only_what_answers(
    admin: TestClient,
) -> None:
    page = f"/regions/420106/2016H1/indicators/{quote('地区生产总值')}"
    hrefs, _ = html_links(admin.get(page).text)
    for href in hrefs:
        if href.startswith("/regions/"):
            assert admin.get(href.split("#")[0]).status_code == 200, href
