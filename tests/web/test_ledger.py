"""The major-project ledger page on the demo: nine projects judged in 2017H1, filters, twins."""

from __future__ import annotations

import csv
import io
from dataclasses import fields

from fastapi.testclient import TestClient

from planwatch.assess.projects import LedgerSummary

LEDGER = "/regions/420106/2017H1/projects"
# behind before slightly behind, each furthest below time progress first
LAGGING = [
    "万吨冷库地块",
    "华电研发中心",
    "滨江核心区地下空间",
    "联投中心裕大华地块",
    "武汉华邑酒店",
    "融创中心",
]


def test_ledger_json_shows_the_nine_projects_judged(planner: TestClient) -> None:
    page = planner.get(f"{LEDGER}.json").json()
    rows = {row["name"]: row for row in page["projects"]}
    assert len(rows) == 9
    assert {name: row["stage"] for name, row in rows.items()} == {
        "绿地国际金融城": "continuing",
        "武汉华邑酒店": "continuing",
        "帝斯曼国际中心": "basically_done",
        "汇通新长江": "basically_done",
        "联投中心裕大华地块": "new_start",
        "融创中心": "new_start",
        "滨江核心区地下空间": "to_start",
        "华电研发中心": "to_start",
        "万吨冷库地块": "to_start",
    }
    green = rows["绿地国际金融城"]
    assert (green["investment_ytd"], green["completion"], green["gap"], green["status"]) == (
        21.5,
        53.75,
        3.75,
        "on_track",
    )
    assert green["reason"] == "完成年度投资计划的53.8%,超过序时进度3.8个百分点"
    hotel = rows["武汉华邑酒店"]
    assert (hotel["status"], hotel["overdue_milestones"], hotel["open_supervisions"]) == (
        "behind",
        ["主体完工"],
        1,
    )
    assert rows["华电研发中心"]["overdue_milestones"] == ["开工"]
    totals = page["totals"]
    # 22个拟开工项目中…12个项目已实现开工: here 2 of the 5 planned to start this year
    assert (totals["planned_starts"], totals["started"], totals["start_rate"]) == (5, 2, 40.0)
    assert totals["stage_counts"]["basically_done"] == 2
    assert (totals["investment_ytd"], totals["year_investment"]) == (44.7, 88.5)
    assert totals["investment_share"] == 50.51
    assert totals["lagging"] == LAGGING


def test_the_totals_are_the_summary_itself(planner: TestClient) -> None:
    totals = planner.get(f"{LEDGER}.json").json()["totals"]
    assert list(totals) == [f.name for f in fields(LedgerSummary)]
    schemas = planner.get("/openapi.json").json()["components"]["schemas"]
    assert "LedgerSummary" in schemas and "LedgerTotals" not in schemas


def test_filters_narrow_the_list_and_the_totals(planner: TestClient) -> None:
    page = planner.get(f"{LEDGER}.json", params={"stage": "to_start"}).json()
    assert [row["name"] for row in page["projects"]] == [
        "滨江核心区地下空间",
        "华电研发中心",
        "万吨冷库地块",
    ]
    assert page["totals"]["total"] == 3
    by_department = planner.get(f"{LEDGER}.json", params={"department": "区发改委"}).json()
    assert {row["department"] for row in by_department["projects"]} == {"区发改委"}
    behind = planner.get(f"{LEDGER}.json", params={"status": "behind", "level": "city"}).json()
    assert all(r["status"] == "behind" and r["level"] == "city" for r in behind["projects"])


def test_csv_twin_keeps_the_filters(planner: TestClient) -> None:
    answer = planner.get(f"{LEDGER}.csv", params={"level": "district"})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(answer.text.lstrip("\ufeff"))))
    assert [r["name"] for r in rows] == ["汇通新长江", "华电研发中心", "万吨冷库地块"]


def test_ledger_page_in_both_languages_and_linked_from_the_board(planner: TestClient) -> None:
    zh = planner.get(LEDGER)
    assert zh.status_code == 200 and "重点项目调度" in zh.text and "节点逾期:主体完工" in zh.text
    en = planner.get(LEDGER, params={"lang": "en"})
    assert "Major-project ledger" in en.text and "Start rate" in en.text
    board = planner.get("/regions/420106/2017H1/board")
    assert f'href="{LEDGER}"' in board.text


def test_the_ledger_needs_a_signed_in_reader(client_as) -> None:  # type: ignore[no-untyped-def]
    # 武昌区 is public, but the ledger holds figures not yet approved: readers sign in
    assert client_as(None).get(f"{LEDGER}.json").status_code == 401
    assert client_as("viewer").get(f"{LEDGER}.json").status_code == 200


def test_project_page_shows_chart_milestones_and_supervisions(planner: TestClient) -> None:
    ledger = planner.get(f"{LEDGER}.json").json()
    hotel = next(row for row in ledger["projects"] if row["name"] == "武汉华邑酒店")
    page = planner.get(f"{hotel['href']}.json").json()["ledger"]
    assert page["period"] == "2017M06"
    assert page["chart"]["periods"] == ["1月", "2月", "3月", "4月", "5月", "6月"]
    assert page["chart"]["completed"][-1] == 2.4
    assert page["chart"]["planned"] == [0.5, 1.0, 1.5, 2.0, 2.5, 3.0]
    assert [(m["name"], m["overdue"]) for m in page["milestones"]] == [("主体完工", True)]
    [item] = page["supervisions"]
    assert (item["department"], item["status"], item["overdue"]) == ("区城建局", "open", True)
    html = planner.get(hotel["href"]).text
    assert 'data-chart="investment"' in html and "已逾期" in html
    english = planner.get(hotel["href"], params={"lang": "en"}).text
    assert "Milestones" in english and "Overdue" in english


def _project_id(client: TestClient, name: str) -> int:
    rows = client.get(f"{LEDGER}.json").json()["projects"]
    return int(next(row["id"] for row in rows if row["name"] == name))


def test_a_department_enters_progress_only_for_projects_it_leads(client_as) -> None:  # type: ignore[no-untyped-def]
    fagai = client_as("fagai")  # reporter of 区发改委
    ours, theirs = _project_id(fagai, "联投中心裕大华地块"), _project_id(fagai, "绿地国际金融城")
    answer = fagai.post(
        f"/api/projects/{ours}/progress", json={"period": "2017M07", "investment_ytd": 5.1}
    )
    assert answer.status_code == 200 and answer.json()["status"] == "draft"
    refused = fagai.post(
        f"/api/projects/{theirs}/progress", json={"period": "2017M07", "investment_ytd": 1}
    )
    assert refused.status_code == 403
    assert "led by 区招商局" in refused.json()["error"]["message"]


def test_the_supervision_cycle_through_the_api(planner: TestClient) -> None:
    project = _project_id(planner, "融创中心")
    raised = planner.post(
        f"/api/projects/{project}/supervisions",
        json={"problem": "施工用电接入滞后", "department": "区城建局", "due": "2017-07-20"},
    )
    assert raised.status_code == 200, raised.text
    item = raised.json()["id"]
    assert planner.post(f"/api/supervisions/{item}/close").status_code == 409
    answered = planner.post(f"/api/supervisions/{item}/answer", json={"answer": "已协调供电公司"})
    assert answered.json()["status"] == "answered"
    assert planner.post(f"/api/supervisions/{item}/close").json()["status"] == "closed"
    page = planner.get(f"/projects/{project}.json").json()["ledger"]
    assert [(s["problem"], s["status"]) for s in page["supervisions"]] == [
        ("施工用电接入滞后", "closed")
    ]
