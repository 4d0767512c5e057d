"""The plan forms: a planner creates a plan and edits its targets, tasks and projects in the
browser's forms or from a file; others are refused, stale forms answer 409, every change is
audited; the entry form offers the plan's items with inline messages for typos."""

from __future__ import annotations

import io
import re
from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from planwatch.demo import Demo
from planwatch.records.users import add_user
from tests.web.helpers import SignIn

SAMPLE = Path(__file__).parents[2] / "planwatch" / "sample" / "wuchang-2017-plan.yaml"
GDP_TARGET = {
    "indicator": "地区生产总值",
    "kind": "growth_at_least",
    "value": "7",
    "unit": "%",
    "qualifier": "at_least",
    "department": "区统计局",
    "text": "地区生产总值增长7%以上",
}


def _new_plan(client: TestClient, region: str = "420115", year: str = "2024") -> int:
    answer = client.post(
        "/plans/new", data={"region": region, "year": year, "title": ""}, follow_redirects=False
    )
    assert answer.status_code == 303, answer.text
    found = re.fullmatch(r"/plans/(\d+)/edit", answer.headers["location"])
    assert found, answer.headers["location"]
    return int(found.group(1))


def _version(client: TestClient, plan_id: int) -> str:
    return str(client.get(f"/plans/{plan_id}.json").json()["plan"]["version"])


def _add(client: TestClient, plan_id: int, kind: str, fields: dict[str, str]) -> int:
    data = {**fields, "version": _version(client, plan_id)}
    answer = client.post(f"/plans/{plan_id}/{kind}", data=data, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    return int(answer.headers["location"].rsplit("-", 1)[1])


def test_a_plan_made_in_the_forms_is_listed_and_its_overview_shows_every_target(
    planner: TestClient,
) -> None:
    plan_id = _new_plan(planner)
    _add(planner, plan_id, "targets", GDP_TARGET)
    cap = {
        "indicator": "城镇登记失业率",
        "kind": "value_at_most",
        "value": "4",
        "unit": "%",
        "qualifier": "at_most",
        "department": "区人社局",
        "text": "城镇登记失业率控制在4%以内",
    }
    _add(planner, plan_id, "targets", cap)
    in_step = {
        "indicator": "居民人均可支配收入",
        "kind": "relation",
        "other": "地区生产总值",
        "qualifier": "approx",
        "department": "区统计局",
        "text": "居民收入增长与经济增长同步",
    }
    _add(planner, plan_id, "targets", in_step)
    _add(planner, plan_id, "tasks", {"title": "推进政务服务一网通办", "department": "区政务局"})
    _add(
        planner,
        plan_id,
        "projects",
        {"name": "江夏产业园", "stage": "started", "investment": "12.5"},
    )
    plan = planner.get(f"/plans/{plan_id}.json").json()
    assert [(t["indicator"], t["kind"], t["text"]) for t in plan["targets"]] == [
        ("地区生产总值", "growth_at_least", "地区生产总值增长7%以上"),
        ("城镇登记失业率", "value_at_most", "城镇登记失业率控制在4%以内"),
        ("居民人均可支配收入", "relation", "居民收入增长与经济增长同步"),
    ]
    assert plan["targets"][2]["other_indicator"] == "地区生产总值"
    assert plan["tasks"][0]["department"] == "区政务局"
    assert plan["projects"][0]["investment"] == 12.5
    home = planner.get("/regions.json?limit=500").json()
    listed = next(p for p in home["plans"] if p["region"]["code"] == "420115")
    assert listed["href"] == f"/plans/{plan_id}" and listed["year_href"] == "/regions/420115/2024"
    overview = planner.get("/regions/420115/2024.json").json()
    assert len(overview["cards"]) == 3
    assert {c["status"] for c in overview["cards"]} == {"unknown"}
    assert planner.get("/regions/420115/2024").text.count("暂无") >= 3
    # the calendar follows the targets: 区统计局 reports GDP and income, 区人社局 the rate
    assert planner.get("/departments/420115.json").status_code == 200


def test_only_the_office_of_the_region_edits_and_every_change_is_audited(
    client_as: SignIn, app: FastAPI, planner: TestClient
) -> None:
    plan_id = _new_plan(planner)
    with app.state.store.transaction(actor="test") as session:
        add_user(session, "wuchang-office", "planner", "a-long-password", region="420106")
    for name in ("reporter", "viewer"):
        client = client_as(name)
        assert client.get(f"/plans/{plan_id}/edit").status_code == 403
        refused = client.post(f"/plans/{plan_id}/targets", data={**GDP_TARGET, "version": "1"})
        assert refused.status_code == 403
    other = TestClient(app)
    other.post("/login", data={"username": "wuchang-office", "password": "a-long-password"})
    other.headers["X-CSRF-Token"] = re.search(
        r'name="csrf-token" content="([^"]+)"', other.get("/regions").text
    ).group(1)  # type: ignore[union-attr]
    answer = other.post(f"/plans/{plan_id}/targets", data={**GDP_TARGET, "version": "1"})
    assert answer.status_code == 403 and "江夏区" in answer.text
    target_id = _add(planner, plan_id, "targets", GDP_TARGET)
    audit = planner.get(f"/audit.json?table=targets&row={target_id}").json()["entries"]
    assert [(e["actor"], e["action"]) for e in audit] == [("planner", "insert")]


def test_a_stale_form_answers_409_and_changes_nothing(planner: TestClient) -> None:
    plan_id = _new_plan(planner)
    read_at = _version(planner, plan_id)
    target_id = _add(planner, plan_id, "targets", GDP_TARGET)
    stale = planner.post(
        f"/plans/{plan_id}/targets/{target_id}",
        data={**GDP_TARGET, "value": "9", "version": read_at},
    )
    assert stale.status_code == 409
    assert planner.get(f"/plans/{plan_id}.json").json()["targets"][0]["value"] == 7
    fresh = {**GDP_TARGET, "value": "8", "version": _version(planner, plan_id)}
    kept = planner.post(f"/plans/{plan_id}/targets/{target_id}", data=fresh, follow_redirects=False)
    assert kept.status_code == 303
    target = planner.get(f"/plans/{plan_id}.json").json()["targets"][0]
    assert (target["id"], target["value"]) == (target_id, 8)  # changed in place: same id


def test_a_typo_in_a_plan_form_is_said_beside_the_field_and_kept(planner: TestClient) -> None:
    plan_id = _new_plan(planner)
    data = {**GDP_TARGET, "value": "7,5", "version": _version(planner, plan_id)}
    answer = planner.post(f"/plans/{plan_id}/targets", data=data)
    assert answer.status_code == 400
    assert "小数点请用" in answer.text and "7.5" in answer.text
    assert 'value="7,5"' in answer.text and 'value="地区生产总值增长7%以上"' in answer.text
    english = planner.post(f"/plans/{plan_id}/targets?lang=en", data={**data, "value": "abc"})
    assert "Write a number with digits" in english.text
    assert planner.get(f"/plans/{plan_id}.json").json()["targets"] == []


def test_removing_a_target_renumbers_and_keeps_the_others(planner: TestClient) -> None:
    plan_id = _new_plan(planner)
    first = _add(planner, plan_id, "targets", GDP_TARGET)
    second = _add(planner, plan_id, "targets", {**GDP_TARGET, "indicator": "全社会固定资产投资"})
    data = {"version": _version(planner, plan_id)}
    gone = planner.post(
        f"/plans/{plan_id}/targets/{first}/delete", data=data, follow_redirects=False
    )
    assert gone.status_code == 303
    assert [t["id"] for t in planner.get(f"/plans/{plan_id}.json").json()["targets"]] == [second]


def test_an_uploaded_yaml_plan_is_created_but_never_overwrites_unasked(planner: TestClient) -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace("region: 武昌区", "region: 江夏区")
    files = {"file": ("plan.yaml", text.encode("utf-8"), "application/x-yaml")}
    answer = planner.post("/plans/new/file", files=files, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    plan_id = int(answer.headers["location"].split("/")[2])
    assert len(planner.get(f"/plans/{plan_id}.json").json()["targets"]) == 8
    again = planner.post("/plans/new/file", files=files)
    assert again.status_code == 409 and "从文件替换" in again.text
    replaced = planner.post(
        f"/plans/{plan_id}/file",
        files=files,
        data={"version": _version(planner, plan_id)},
        follow_redirects=False,
    )
    assert replaced.status_code == 303


def test_the_excel_template_filled_in_becomes_a_plan(planner: TestClient) -> None:
    template = planner.get("/plans/new/template")
    assert template.status_code == 200
    book = load_workbook(io.BytesIO(template.content))
    assert book.sheetnames == ["计划", "目标", "重点任务", "重大项目"]
    head = book["计划"]
    head["B1"], head["B3"], head["B4"] = "420115", 2025, "江夏区2025年计划"
    book["目标"].append(
        ["城镇登记失业率", "上限目标", 4.5, "%", "以内", "", "", "区人社局", "控制在4.5%以内"]
    )
    out = io.BytesIO()
    book.save(out)
    files = {"file": ("plan.xlsx", out.getvalue(), "application/octet-stream")}
    answer = planner.post("/plans/new/file", files=files, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    plan = planner.get(answer.headers["location"].replace("/edit", ".json")).json()
    assert plan["plan"]["title"] == "江夏区2025年计划"
    assert [(t["indicator"], t["kind"], t["qualifier"]) for t in plan["targets"]] == [
        ("地区生产总值", "growth_at_least", "at_least"),
        ("城镇登记失业率", "value_at_most", "at_most"),
    ]
    assert plan["projects"][0]["stage"] == "continuing"  # the sheet's older word 在建


def test_the_entry_form_offers_the_departments_items_with_units(
    client_as: SignIn, demo: Demo
) -> None:
    page = client_as("fagai").get("/regions/420106/2017H1/enter").text
    assert "全社会固定资产投资" in page and "单位生产总值能耗" in page
    assert "地区生产总值</strong>" not in page  # 区统计局's, not 区发改委's
    assert "亿元" in page and 'name="unit"' not in page  # the unit is shown, not typed
    office = client_as("planner").get("/regions/420106/2017H1/enter").text
    assert office.index("区统计局") < office.index("区发改委") < office.index("区财政局")
    assert "entered" in office and "已发布" in office  # the period's figures with status


def test_a_typo_in_the_entry_form_is_said_inline_and_nothing_is_stored(
    client_as: SignIn,
) -> None:
    fagai = client_as("fagai")
    before = fagai.get("/api/observations?limit=1").json()["total"]
    form = {"fig:全社会固定资产投资:value": "6,2", "fig:全社会固定资产投资:yoy_growth": "9.5"}
    answer = fagai.post("/regions/420106/2017Q3/enter", data=form)
    assert answer.status_code == 400
    assert "小数点请用" in answer.text and "6.2" in answer.text
    assert 'value="6,2"' in answer.text and 'value="9.5"' in answer.text
    english = fagai.post(
        "/regions/420106/2017Q3/enter?lang=en", data={**form, "fig:全社会固定资产投资:value": "abc"}
    )
    assert "Write a number with digits" in english.text and 'value="abc"' in english.text
    assert fagai.get("/api/observations?limit=1").json()["total"] == before
    form["fig:全社会固定资产投资:value"] = "162.5"
    stored = fagai.post("/regions/420106/2017Q3/enter?lang=zh", data=form)
    assert stored.status_code == 200 and "草稿" in stored.text
    assert fagai.get("/api/observations?limit=1").json()["total"] == before + 2
