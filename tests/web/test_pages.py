"""Each page's dict as JSON, and the same dict rendered as HTML."""

from __future__ import annotations

from urllib.parse import quote

from fastapi.testclient import TestClient

from tests.web.helpers import card

HTML = {"accept": "text/html"}
OVERVIEW = "/regions/420106/2017H1"


def test_overview_json_has_a_card_per_target_lagging_first(viewer: TestClient) -> None:
    data = viewer.get(f"{OVERVIEW}.json").json()
    assert data["region"] == {"code": "420106", "name": "武昌区", "level": "county"}
    assert len(data["cards"]) == 8
    order = ["behind", "slightly_behind", "unknown", "on_track", "achieved"]
    ranks = [order.index(c["status"]) for c in data["cards"]]
    assert ranks == sorted(ranks)
    assert data["cards"][0]["indicator"] == "地区生产总值"
    investment = card(data, "全社会固定资产投资", "value_at_least")
    assert investment["completion"] == 74.53
    assert investment["time_progress"] == 50.0
    assert investment["href"] == f"{OVERVIEW}/indicators/{quote('全社会固定资产投资')}"
    assert data["links"]["compare"] == "/compare/420100/county/2017H1"
    # the viewer reads 1-7月 too: 区发改委's figures wait for approval (marked 未审核)
    assert [p["code"] for p in data["periods"]] == ["2017Q1", "2017H1", "2017M07"]


def test_overview_html_renders_the_same_cards(viewer: TestClient) -> None:
    data = viewer.get(f"{OVERVIEW}.json").json()
    page = viewer.get(OVERVIEW, headers=HTML).text
    for item in data["cards"]:
        assert f'data-indicator="{item["indicator"]}" data-status="{item["status"]}"' in page
    assert 'class="bar status-on_track"' in page
    assert "left: 50.0%" in page  # the time-progress line of H1


def test_json_keeps_chinese_readable(viewer: TestClient) -> None:
    raw = viewer.get(f"{OVERVIEW}.json").content
    assert "武昌区".encode() in raw
    assert b"\\u" not in raw


def test_english_switch_sets_a_cookie(viewer: TestClient) -> None:
    english = viewer.get(f"{OVERVIEW}?lang=en", headers=HTML)
    assert "Lagging items first" in english.text
    assert english.cookies.get("planwatch_lang") == "en"
    assert "Lagging items first" in viewer.get(OVERVIEW, headers=HTML).text
    assert "滞后指标排在前面" in viewer.get(f"{OVERVIEW}?lang=zh", headers=HTML).text


def test_indicator_page_has_history_targets_and_sources(viewer: TestClient) -> None:
    data = viewer.get(f"{OVERVIEW}/indicators/地区生产总值.json").json()
    chart = data["chart"]
    assert chart["periods"] == ["2016Q1", "2016H1", "2016Q3", "2016", "2017Q1", "2017H1"]
    series = {(s["measure"], s["months"]): s["data"] for s in chart["series"]}
    assert series[("value", 6)][-1] == 525.69 and series[("yoy_growth", 6)][-1] == 8.1
    # last year's H1 from the growth, in the H1 series only
    assert series[("value", 6)][1] == round(525.69 / 1.081, 2)
    assert series[("value", 3)][1] is None and series[("value", 6)][0] is None
    assert chart["level_unit"] == "亿元"
    assert [t["kind"] for t in data["targets"]] == ["growth_at_least"]
    assert data["assessments"][0]["status"] == "slightly_behind"
    assert {s["measure"] for s in data["sources"]} == {"value", "yoy_growth"}
    page = viewer.get(f"{OVERVIEW}/indicators/地区生产总值", headers=HTML).text
    assert 'data-chart="history"' in page
    assert "/static/echarts.min.js" in page


def test_indicator_alias_finds_the_catalogue_entry(viewer: TestClient) -> None:
    data = viewer.get(f"{OVERVIEW}/indicators/GDP.json").json()
    assert data["indicator"]["name"] == "地区生产总值"


def test_comparison_ranks_the_districts(viewer: TestClient) -> None:
    answer = viewer.get("/compare/420100/county/2017H1.json?indicator=全社会固定资产投资")
    data = answer.json()
    completion = next(r for r in data["rankings"] if r["metric"] == "completion")
    names = [e["region"] for e in completion["entries"]]
    assert names == ["江岸区", "武昌区", "江汉区", "洪山区"]
    assert [e["rank"] for e in completion["entries"]] == [1, 2, 3, 4]
    assert completion["time_progress"] == 50.0
    assert {r["indicator"] for r in data["rankings"]} == {"全社会固定资产投资"}
    assert "汉阳区" in {s["region"] for s in data["skipped"]}


def test_board_lists_tasks_and_projects_by_stage(viewer: TestClient) -> None:
    data = viewer.get(f"{OVERVIEW}/board.json").json()
    titles = [t["title"] for s in data["sections"] for t in s["tasks"]]
    assert '开展"大孵化"行动' in titles
    assert sum(len(v) for v in data["projects"].values()) == 9
    assert data["project_counts"] == {k: len(v) for k, v in data["projects"].items()}


def test_board_groups_projects_by_the_ledger_stage(viewer: TestClient) -> None:
    board = viewer.get(f"{OVERVIEW}/board.json").json()
    ledger = viewer.get(f"{OVERVIEW}/projects.json").json()
    on_board = {p["name"]: stage for stage, ps in board["projects"].items() for p in ps}
    assert on_board == {row["name"]: row["stage"] for row in ledger["projects"]}
    assert on_board["帝斯曼国际中心"] == "basically_done"
    page = viewer.get(f"{OVERVIEW}/board", headers=HTML).text
    assert "基本完工 · 2" in page and "拟开工 · 3" in page


def test_document_page_marks_every_fact_at_its_span(viewer: TestClient) -> None:
    data = viewer.get("/documents/1.json").json()
    assert data["counts"]["pending"] == len(data["facts"]) > 100
    page = viewer.get("/documents/1", headers=HTML).text
    for item in data["facts"]:
        assert f'id="{item["anchor"]}"' in page
    gdp = next(f for f in data["facts"] if f["text"] == "上半年完成525.69亿元")
    assert f'<mark class="pending" data-fact="{gdp["id"]}">' in page


def test_home_lists_plans_periods_and_documents(viewer: TestClient, planner: TestClient) -> None:
    data = viewer.get("/regions.json").json()
    wuchang = next(p for p in data["plans"] if p["region"]["code"] == "420106")
    assert [p["code"] for p in wuchang["periods"]] == ["2017Q1", "2017H1", "2017M07"]
    office = planner.get("/regions.json").json()  # approved figures only
    wuchang = next(p for p in office["plans"] if p["region"]["code"] == "420106")
    assert [p["code"] for p in wuchang["periods"]] == ["2017Q1", "2017H1"]
    assert data["documents"][0]["pending"] == data["documents"][0]["facts"]
    assert viewer.get("/", follow_redirects=False).headers["location"] == "/regions"


def test_openapi_documents_the_json_twins_only(viewer: TestClient) -> None:
    paths = viewer.get("/openapi.json").json()["paths"]
    assert "/regions/{code}/{period}.json" in paths
    assert "/regions/{code}/{period}" not in paths
    assert "/api/observations" in paths
    docs = viewer.get("/docs").text
    assert "/static/swagger/swagger-ui-bundle.js" in docs
    assert "cdn." not in docs  # intranets have no internet
    assert viewer.get("/static/swagger/swagger-ui-bundle.js").status_code == 200


def test_each_card_with_a_figure_leads_to_its_history(viewer: TestClient) -> None:
    for item in viewer.get(f"{OVERVIEW}.json").json()["cards"]:
        if item["value"] is None and item["growth"] is None:
            continue
        page = viewer.get(f"{item['href']}.json").json()
        assert page["history"], item["indicator"]
        assert item["target_id"] in {a["target_id"] for a in page["assessments"]}


def test_overview_counts_key_tasks_and_major_projects(viewer: TestClient) -> None:
    data = viewer.get(f"{OVERVIEW}.json").json()
    board = viewer.get(f"{OVERVIEW}/board.json").json()
    statuses = [t["status"] for s in board["sections"] for t in s["tasks"]]
    line = data["task_line"]
    counts = {c["status"]: c["count"] for c in line["counts"]}
    assert line["total"] == len(statuses) == sum(counts.values())
    assert {"achieved", "on_track", "behind"} <= set(counts)
    assert counts == {s: statuses.count(s) for s in counts}
    assert line["href"] == f"{OVERVIEW}/board"
    projects = data["project_line"]
    assert (projects["total"], projects["started"], projects["planned_starts"]) == (9, 2, 5)
    assert (projects["investment_share"], projects["lagging"]) == (50.51, 6)
    zh = viewer.get(OVERVIEW, headers=HTML).text
    en = viewer.get(f"{OVERVIEW}?lang=en", headers=HTML).text
    assert f"重点任务</a> {line['total']}: 已完成 {counts['achieved']} · 正常推进" in zh
    assert f"Key tasks</a> {line['total']}: achieved {counts['achieved']} · on track" in en
    assert "开工率 40.0% (2/5) · 占年度计划 50.5% · 滞后项目 6" in zh
    assert "Start rate 40.0% (2/5) · Share of annual plan 50.5% · Lagging projects 6" in en
