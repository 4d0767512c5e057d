"""Uploading documents, entering figures by form and Excel sheet, downloading reports."""

from __future__ import annotations

import io

import pytest
from fastapi.testclient import TestClient
from openpyxl import Workbook

from planwatch.config import Settings
from planwatch.demo import REPORT_FILE, Demo
from planwatch.records.users import add_user
from planwatch.store import open_store
from tests.web.helpers import SignIn, error_of

REPORT = "/regions/420106/2017H1/report"
SHORT_REPORT = (
    "关于武昌区2017年前三季度经济运行情况的报告\n前三季度地区生产总值完成800亿元,同比增长8.5%。\n"
)


def test_upload_stores_the_document_with_facts_pending(planner: TestClient) -> None:
    files = {"file": ("q3.txt", SHORT_REPORT.encode("utf-8"), "text/plain")}
    answer = planner.post("/api/documents", files=files)
    assert answer.status_code == 201
    result = answer.json()
    assert result["created"] is True
    assert result["facts"] >= 2
    facts = planner.get(f"/api/facts?document={result['document_id']}").json()
    assert {f["review_status"] for f in facts["items"]} == {"pending"}
    assert {f["value"] for f in facts["items"]} >= {800.0, 8.5}


def test_uploading_the_same_file_again_stores_nothing_new(planner: TestClient) -> None:
    files = {"file": ("again.txt", REPORT_FILE.read_bytes(), "text/plain")}
    answer = planner.post("/api/documents", files=files)
    assert answer.status_code == 200
    assert answer.json()["created"] is False
    assert answer.json()["document_id"] == 1
    assert planner.get("/api/documents").json()["total"] == 1


def test_upload_of_something_not_a_document_says_what_to_send(planner: TestClient) -> None:
    files = {"file": ("photo.png", b"\x89PNG\r\n\x1a\n0000", "image/png")}
    error = error_of(planner.post("/api/documents", files=files), 400)
    assert "unsupported extension .png" in error["message"]
    empty = error_of(planner.post("/api/documents", files={"file": ("a.txt", b"")}), 400)
    assert empty["message"] == "a.txt is empty"


def test_upload_page_answers_htmx_with_the_result(planner: TestClient) -> None:
    files = {"file": ("q3.txt", SHORT_REPORT.encode("utf-8"), "text/plain")}
    answer = planner.post("/upload", files=files, headers={"hx-request": "true"})
    assert 'id="upload-result"' in answer.text
    assert "<html" not in answer.text


def _sheet(rows: list[list[object]]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)  # type: ignore[union-attr]  # a new workbook has a sheet
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_reporter_uploads_figures_from_excel(reporter: TestClient) -> None:
    sheet = _sheet(
        [
            ["指标", "口径", "数值", "单位"],
            ["地区生产总值", "总量", 830, "亿元"],
            ["地区生产总值", "增速", 8.2, "%"],
        ]
    )
    files = {"file": ("figures.xlsx", sheet)}
    answer = reporter.post("/regions/420106/2017Q3/enter/excel", files=files)
    assert answer.status_code == 200, answer.text
    assert "已保存条数: 2" in answer.text
    stored = reporter.get("/api/observations?indicator=地区生产总值&region=420106").json()
    assert {(o["measure"], o["value"], o["status"]) for o in stored["items"]} >= {
        ("value", 830.0, "draft"),
        ("yoy_growth", 8.2, "draft"),
    }


def test_excel_without_headers_says_which_to_write(reporter: TestClient) -> None:
    files = {"file": ("figures.xlsx", _sheet([["a", "b"], [1, 2]]))}
    answer = reporter.post(
        "/regions/420106/2017H1/enter/excel", files=files, headers={"accept": "application/json"}
    )
    error = error_of(answer, 400)
    assert error["message"] == (
        "figures.xlsx: no header row with an indicator and a figure column in the first 20 rows"
    )
    assert "指标" in error["hint"]


def test_form_entry_makes_a_new_version(reporter: TestClient, planner: TestClient) -> None:
    """Changing an approved figure needs a reason; the reporter's new version is a draft,
    so the overview keeps the approved one until the planning office approves."""
    form = {"indicator": "地区生产总值", "measure": "value", "value": "526", "unit": "亿元"}
    refused = reporter.post("/regions/420106/2017H1/enter", data=form)
    assert refused.status_code == 400 and "reason" in refused.text
    answer = reporter.post("/regions/420106/2017H1/enter", data={**form, "reason": "统计局反馈"})
    assert answer.status_code == 200
    overview = planner.get("/regions/420106/2017H1.json").json()
    gdp = next(c for c in overview["cards"] if c["indicator"] == "地区生产总值")
    assert gdp["value"] == 525.69
    versions = planner.get(f"{gdp['sources'][0]}.json").json()["versions"]
    assert [(v["value"], v["status"]) for v in versions] == [
        (525.69, "published"),
        (526.0, "draft"),
    ]


@pytest.mark.parametrize(
    ("fmt", "media", "magic"),
    [
        ("md", "text/markdown", "# 关于武昌区".encode()),
        ("html", "text/html", b"<!"),
        ("docx", "application/vnd.openxmlformats", b"PK"),
        ("pdf", "application/pdf", b"%PDF"),
    ],
)
def test_report_downloads(viewer: TestClient, fmt: str, media: str, magic: bytes) -> None:
    answer = viewer.get(f"{REPORT}.{fmt}")
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith(media)
    assert answer.content.startswith(magic)
    assert "attachment" in answer.headers["content-disposition"]


def test_planner_edits_a_narrative_and_the_report_shows_it(planner: TestClient) -> None:
    text = "上半年，全区经济运行总体平稳。"
    answer = planner.post(
        f"{REPORT}/narratives/opening", data={"text": text}, headers={"hx-request": "true"}
    )
    assert answer.status_code == 200
    data = planner.get(f"{REPORT}.json").json()
    assert next(n for n in data["narratives"] if n["part"] == "opening")["text"] == text
    assert text in data["markdown"]


def test_a_narrative_form_read_before_another_save_is_refused(planner: TestClient) -> None:
    """Two planners open the report; the second to save, from the page as first read,
    gets 409 and the first planner's text stays."""
    page = planner.get(f"{REPORT}.json").json()
    read_at = next(n for n in page["narratives"] if n["part"] == "problems")["version"]
    url, hx = f"{REPORT}/narratives/problems", {"hx-request": "true"}
    first = planner.post(url, data={"text": "一是投资增速回落。", "version": read_at}, headers=hx)
    assert first.status_code == 200
    assert 'id="version-problems"' in first.text and 'hx-swap-oob="true"' in first.text
    stale = planner.post(url, data={"text": "一是……", "version": read_at}, headers=hx)
    assert stale.status_code == 409
    now = next(
        n for n in planner.get(f"{REPORT}.json").json()["narratives"] if n["part"] == "problems"
    )
    assert now["text"] == "一是投资增速回落。" and now["version"] > read_at
    fresh = planner.post(url, data={"text": "一是……", "version": now["version"]}, headers=hx)
    assert fresh.status_code == 200
    assert f'value="{now["version"] + 1}"' in fresh.text


def test_form_entry_with_an_unknown_measure_says_what_to_choose(reporter: TestClient) -> None:
    form = {"indicator": "地区生产总值", "measure": "level", "value": "526"}
    answer = reporter.post(
        "/regions/420106/2017H1/enter", data=form, headers={"accept": "application/json"}
    )
    error = error_of(answer, 400)
    assert error["message"].startswith("measure must be one of 'value'")
    assert error["zh"]["message"].startswith("口径只能是'value'")


def test_a_planner_of_one_region_cannot_upload_another_regions_report(
    client_as: SignIn, demo: Demo
) -> None:
    store = open_store(Settings(database_url=demo.database_url, secret_key="test"))
    with store.transaction(actor="test") as session:
        add_user(session, "wuchang-planner", "planner", "secret-pass", region="420106")
    store.dispose()
    demo.passwords["wuchang-planner"] = "secret-pass"
    planner = client_as("wuchang-planner")
    before = planner.get("/api/documents").json()["total"]
    other = SHORT_REPORT.replace("武昌区", "江岸区").encode("utf-8")
    error = error_of(planner.post("/api/documents", files={"file": ("q3.txt", other)}), 403)
    assert error["message"].startswith("you may upload documents only for region 420106")
    assert planner.get("/api/documents").json()["total"] == before
    own = planner.post("/api/documents", files={"file": ("q3.txt", SHORT_REPORT.encode())})
    assert own.status_code == 201
