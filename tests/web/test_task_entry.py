"""A key task's progress entered on its page by the responsible department."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.web.helpers import SignIn

BOARD = "/regions/420106/2017H1/board.json"


def _tasks(client: TestClient) -> dict[str, dict[str, Any]]:
    board = client.get(BOARD).json()
    return {t["title"]: t for s in board["sections"] for t in s["tasks"]}


def _fagai_task(client: TestClient) -> dict[str, Any]:
    return next(t for t in _tasks(client).values() if t["department"] == "区发改委")


def test_the_department_records_a_period_and_the_pages_show_it(
    client_as: SignIn, planner: TestClient
) -> None:
    fagai = client_as("fagai")
    task = _fagai_task(planner)
    page = fagai.get(f"/tasks/{task['id']}").text
    assert 'id="task-progress"' in page
    answer = fagai.post(
        f"/tasks/{task['id']}/progress",
        data={"period": "2017H1", "status": "behind", "note": "两个项目审批延后"},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    entry_id = int(answer.headers["location"].rsplit("-", 1)[1])
    stored = planner.get(f"/tasks/{task['id']}.json").json()["task"]["progress"]
    july = next(p for p in stored if p["id"] == entry_id)
    assert (july["period"], july["status"], july["note"]) == (
        "2017H1",
        "behind",
        "两个项目审批延后",
    )
    shown = _tasks(planner)[task["title"]]
    assert (shown["status"], shown["note"]) == ("behind", "两个项目审批延后")
    again = fagai.post(
        f"/tasks/{task['id']}/progress",
        data={"period": "2017H1", "status": "on_track", "completion": "62", "note": "已追回"},
        follow_redirects=False,
    )
    assert again.headers["location"].endswith(f"#progress-{entry_id}")  # the period's one entry
    shown = _tasks(planner)[task["title"]]
    assert (shown["completion"], shown["note"]) == (62.0, "已追回")
    log = planner.get(f"/audit.json?table=task_progress&row={entry_id}").json()["entries"]
    actors = [e["actor"] for e in log]  # newest first: the department's two entries, then
    assert actors[:2] == ["fagai", "fagai"] and set(actors[2:]) == {"demo"}  # the demo's


def test_wrong_input_and_other_departments_are_refused(
    client_as: SignIn, planner: TestClient
) -> None:
    task = _fagai_task(planner)
    before = planner.get(f"/tasks/{task['id']}.json").json()
    fagai = client_as("fagai")
    bad = fagai.post(
        f"/tasks/{task['id']}/progress",
        data={"period": "2017H1", "status": "on_track", "completion": "abc", "note": "x"},
    )
    assert bad.status_code == 400 and "不是数字" in bad.json()["error"]["zh"]["message"]
    unknown = fagai.post(
        f"/tasks/{task['id']}/progress", data={"period": "2017H1", "status": "fine", "note": "x"}
    )
    assert unknown.status_code == 400
    other = client_as("reporter")  # 区统计局
    refused = other.post(
        f"/tasks/{task['id']}/progress", data={"period": "2017H1", "status": "behind", "note": "x"}
    )
    assert refused.status_code == 403
    assert 'id="task-progress"' not in other.get(f"/tasks/{task['id']}").text
    assert planner.get(f"/tasks/{task['id']}.json").json() == before
