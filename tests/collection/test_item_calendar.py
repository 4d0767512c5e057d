"""A key task's and a major project's own reporting frequency and due rule: set in the plan
file, the plan workbook and the plan forms; the calendar owes what they say, and an item
that sets none keeps the defaults (a task quarterly by 次月10日, a project monthly by 次月5日)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import Workbook

from planwatch.config import Settings
from planwatch.demo import Demo
from planwatch.errors import InvalidInput
from planwatch.reads.collection import calendar_items
from planwatch.reads.regions import stored_region
from planwatch.records.plan_workbook import read_plan_workbook
from planwatch.records.plans import PlanIn, store_plan
from planwatch.store import open_store
from planwatch.store.db import Store

PLAN_2018: dict[str, Any] = {
    "region": "420106",
    "year": 2018,
    "tasks": [
        {"title": "优化营商环境", "department": "区发改委"},
        {"title": "推进老旧小区改造", "department": "区住房局", "frequency": "半年报"},
    ],
    "projects": [
        {"name": "某产业园", "department": "区招商局", "frequency": "季报", "due": "期末后20天"},
        {"name": "某安置房", "department": "区住房局", "due": "次月8日"},
    ],
}


def _calendar(demo: Demo, plan: dict[str, Any]) -> dict[str, tuple[str, str, str]]:
    store = open_store(Settings(database_url=demo.database_url, secret_key="x"))
    try:
        with store.transaction("test") as session:
            store_plan(session, PlanIn.model_validate(plan))
        with store.reading() as session:
            items = calendar_items(session, stored_region(session, "420106"), plan["year"])
    finally:
        store.dispose()
    return {i.indicator: (i.kind, i.frequency, i.due) for i in items}


def test_a_plan_file_sets_each_task_and_project_its_own_calendar(demo: Demo) -> None:
    assert _calendar(demo, PLAN_2018) == {
        "优化营商环境": ("task", "quarterly", "次月10日"),  # the defaults
        "推进老旧小区改造": ("task", "half_yearly", "次月15日"),  # the frequency's due rule
        "某产业园": ("project", "quarterly", "期末后20天"),
        "某安置房": ("project", "monthly", "次月8日"),
    }


def test_an_items_calendar_is_stored_on_sqlite_and_postgresql(store: Store) -> None:
    with store.transaction("test") as session:
        store_plan(session, PlanIn.model_validate(PLAN_2018))
    with store.reading() as session:
        items = calendar_items(session, stored_region(session, "420106"), 2018)
    assert [(i.indicator, i.frequency, i.due) for i in items] == [
        ("优化营商环境", "quarterly", "次月10日"),
        ("推进老旧小区改造", "half_yearly", "次月15日"),
        ("某产业园", "quarterly", "期末后20天"),
        ("某安置房", "monthly", "次月8日"),
    ]


@pytest.mark.parametrize(
    ("part", "change", "place", "word"),
    [
        ("tasks", {"frequency": "周报"}, "task 1", "月报"),
        ("projects", {"due": "月底"}, "project 1", "次月5日"),
    ],
)
def test_a_bad_frequency_or_due_rule_of_an_item_is_refused(
    demo: Demo, part: str, change: dict[str, str], place: str, word: str
) -> None:
    item = {"title": "优化营商环境"} if part == "tasks" else {"name": "某产业园"}
    plan = {"region": "420106", "year": 2018, part: [item | change]}
    with pytest.raises(InvalidInput, match=place) as err:
        _calendar(demo, plan)
    assert word in str(err.value)


def test_the_plan_workbook_reads_an_items_frequency_and_due_rule() -> None:
    book = Workbook()
    head = book.active
    head.title = "计划"
    head.append(["地区", "420106"])
    head.append(["年度", 2018])
    tasks = book.create_sheet("重点任务")
    tasks.append(["任务", "责任部门", "报送频率", "报送时限"])
    tasks.append(["优化营商环境", "区发改委", "半年报", "次月20日"])
    projects = book.create_sheet("重大项目")
    projects.append(["项目名称", "责任部门", "报送频率"])
    projects.append(["某产业园", "区招商局", "季报"])
    out = io.BytesIO()
    book.save(out)
    plan = read_plan_workbook(out.getvalue(), "plan.xlsx")
    assert (plan.tasks[0].frequency, plan.tasks[0].due) == ("半年报", "次月20日")
    assert (plan.projects[0].frequency, plan.projects[0].due) == ("季报", None)


def _housing_task(planner: TestClient) -> tuple[int, dict[str, Any]]:
    home = planner.get("/regions.json?limit=500").json()
    listed = next(p for p in home["plans"] if p["year_href"] == "/regions/420106/2017")
    plan = planner.get(listed["href"] + ".json").json()
    return plan["plan"]["id"], next(t for t in plan["tasks"] if t["department"] == "区住房局")


def _rows(planner: TestClient, period: str, title: str) -> list[dict[str, Any]]:
    page = planner.get(f"/regions/420106/{period}/completeness.json?as_of=2017-07-20").json()
    return [r for r in page["rows"] if r["indicator"] == title]


def test_the_plan_form_changes_a_tasks_calendar(planner: TestClient) -> None:
    plan_id, task = _housing_task(planner)
    assert [r["frequency"] for r in _rows(planner, "2017Q1", task["title"])] == ["quarterly"]
    version = str(planner.get(f"/plans/{plan_id}.json").json()["plan"]["version"])
    fields = {"title": task["title"], "department": "区住房局", "version": version}
    bad = planner.post(f"/plans/{plan_id}/tasks/{task['id']}", data={**fields, "due": "月底"})
    assert bad.status_code == 400 and "次月5日" in bad.text
    saved = planner.post(
        f"/plans/{plan_id}/tasks/{task['id']}",
        data={**fields, "frequency": "half_yearly", "due": "次月20日"},
        follow_redirects=False,
    )
    assert saved.status_code == 303, saved.text
    assert _rows(planner, "2017Q1", task["title"]) == []  # a half-yearly task owes no Q1
    (row,) = _rows(planner, "2017H1", task["title"])
    assert (row["kind"], row["frequency"], row["due"]) == ("task", "half_yearly", "2017-07-20")
    stored = planner.get(f"/plans/{plan_id}.json").json()["tasks"]
    assert next(t for t in stored if t["id"] == task["id"])["frequency"] == "half_yearly"
    form = planner.get(f"/plans/{plan_id}/edit").text
    assert '<option value="half_yearly" selected>' in form and 'value="次月20日"' in form


def test_the_plan_form_shows_and_changes_a_targets_calendar(planner: TestClient) -> None:
    plan_id, _ = _housing_task(planner)
    plan = planner.get(f"/plans/{plan_id}.json").json()
    target = next(t for t in plan["targets"] if t["indicator"] == "招商引资")
    assert (target["frequency"], target["due"]) == ("quarterly", "次月10日")
    fields = {
        "indicator": "招商引资",
        "kind": target["kind"],
        "value": str(target["value"]),
        "unit": target["unit"] or "",
        "department": "区招商局",
        "version": str(plan["plan"]["version"]),
        "frequency": "monthly",
        "due": "次月8日",
    }
    saved = planner.post(
        f"/plans/{plan_id}/targets/{target['id']}", data=fields, follow_redirects=False
    )
    assert saved.status_code == 303, saved.text
    (row,) = _rows(planner, "2017H1", "招商引资")
    assert (row["frequency"], row["due"]) == ("monthly", "2017-07-08")
    assert [r["period"] for r in _rows(planner, "2017M05", "招商引资")] == ["2017M05"]
    form = planner.get(f"/plans/{plan_id}/edit").text
    assert 'value="次月8日"' in form
