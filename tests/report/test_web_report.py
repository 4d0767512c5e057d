"""The report page: the 时间过半 setting, the self-check line and the review panel."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import SECRET, admin, app, client_as, demo, demo_template, planner

__all__ = ["SECRET", "admin", "app", "client_as", "demo", "demo_template", "planner"]

PAGE = "/regions/420106/2017H1/report"


def test_the_page_shows_the_self_check_and_the_review_panel(planner: TestClient) -> None:
    data = planner.get(f"{PAGE}.json").json()
    assert data["check"]["mismatches"] == []
    assert data["check"]["summary"].startswith("本稿数字核对：")
    assert data["check"]["summary"].endswith("处一致，0 处不一致")
    kinds = {item["kind"] for item in data["review"]}
    assert "missing_figure" in kinds  # the demo has no H1 energy figure
    assert all(item["zh"] and item["en"] for item in data["review"])
    page = planner.get(PAGE).text
    assert 'id="self-check"' in page and "本稿数字核对：" in page and 'id="review"' in page
    # the panel is for the officer: none of it reaches the document
    document = planner.get(data["preview"]).text
    assert "本稿数字核对" not in document and "缺少数据" not in document


def test_a_wrong_narrative_figure_shows_on_the_page(planner: TestClient) -> None:
    text = "今年以来，我区经济稳中向好，上半年完成地区生产总值535.69亿元，同比增长8.1%。"
    answer = planner.post(f"{PAGE}/narratives/opening", data={"text": text})
    assert answer.status_code == 200
    data = planner.get(f"{PAGE}.json").json()
    [mismatch] = data["check"]["mismatches"]
    assert mismatch["message"] == "地区生产总值：稿中为535.69亿元，数据为525.69亿元"
    assert data["check"]["summary"].endswith("1 处不一致")
    assert any(i["kind"] == "number_mismatch" for i in data["review"])


def test_the_time_progress_setting(planner: TestClient) -> None:
    plain = planner.get(f"{PAGE}.json").json()
    detailed = planner.get(f"{PAGE}.json?details=1").json()
    assert plain["options"]["details"] is False and detailed["options"]["details"] is True
    assert "超序时进度" not in plain["markdown"] and "超序时进度" in detailed["markdown"]
    assert detailed["downloads"]["docx"].endswith("report.docx?details=1")
    assert detailed["preview"].endswith("?details=1&inline=1")
    preview = planner.get(detailed["preview"]).text
    assert "超序时进度" in preview
    assert 'name="details"' in planner.get(f"{PAGE}?details=1").text


def test_the_page_says_what_is_missing_in_chinese_and_english(planner: TestClient) -> None:
    data = planner.get(f"{PAGE}.json").json()
    assert len(data["warnings_zh"]) == len(data["warnings"]) > 0
    assert any("缺少上半年单位生产总值能耗降低率" in w for w in data["warnings_zh"])
    assert data["warnings_zh"][0] in planner.get(PAGE).text
    assert data["warnings"][0] in planner.get(f"{PAGE}?lang=en").text.replace("&#39;", "'")
