"""Plans, key tasks and projects on pages of their own, with the anchors the report links."""

from __future__ import annotations

from fastapi.testclient import TestClient

from planwatch.config import Settings
from planwatch.demo import Demo
from planwatch.records.users import add_user
from planwatch.store import open_store
from tests.web.helpers import SignIn, error_of, fact

HTML = {"accept": "text/html"}


def test_plan_page_anchors_every_target_task_and_project(viewer: TestClient) -> None:
    data = viewer.get("/plans/1.json").json()
    assert data["plan"]["region"] == "420106" and data["plan"]["year"] == 2017
    assert len(data["targets"]) == 8 and len(data["tasks"]) == 9 and len(data["projects"]) == 9
    page = viewer.get("/plans/1", headers=HTML).text
    for kind in ("target", "task", "project"):
        for item in data[f"{kind}s"]:
            assert f'id="{kind}-{item["id"]}"' in page, item
    assert data["targets"][0]["href"] == f"/plans/1#target-{data['targets'][0]['id']}"
    assert data["targets"][0]["source"] is None  # loaded from the plan file
    assert "重大项目" in page
    assert "Major projects" in viewer.get("/plans/1?lang=en", headers=HTML).text


def test_task_page_anchors_each_progress_entry(viewer: TestClient) -> None:
    data = viewer.get("/tasks/1.json").json()
    assert data["plan"]["href"] == "/plans/1"
    progress = data["task"]["progress"]
    assert progress and progress[0]["href"] == f"/tasks/1#progress-{progress[0]['id']}"
    page = viewer.get("/tasks/1", headers=HTML).text
    for entry in progress:
        assert f'id="progress-{entry["id"]}"' in page
        assert entry["note"] in page


def test_project_page_and_its_board_link(viewer: TestClient) -> None:
    data = viewer.get("/projects/1.json").json()
    assert data["project"]["name"] == "绿地国际金融城"
    assert data["project"]["stage"] == "continuing"
    assert "在建" in viewer.get("/projects/1", headers=HTML).text
    board = viewer.get("/regions/420106/2017H1/board", headers=HTML).text
    assert 'href="/projects/1"' in board and 'href="/tasks/1"' in board


def test_an_accepted_target_links_its_span(planner: TestClient) -> None:
    target = fact(planner, "地区生产总值", "target_growth")
    planner.post(f"/api/facts/{target['id']}/accept")
    targets = planner.get("/plans/1.json").json()["targets"]
    gdp = next(t for t in targets if t["indicator"] == "地区生产总值")
    assert gdp["source"]["href"] == target["href"]


def test_unknown_objects_say_where_to_find_one(viewer: TestClient) -> None:
    assert "plan 999" in error_of(viewer.get("/plans/999.json"), 404)["message"]
    assert "task 999" in error_of(viewer.get("/tasks/999.json"), 404)["message"]
    assert "project 999" in error_of(viewer.get("/projects/999.json"), 404)["message"]


def _limited_planner(client_as: SignIn, demo: Demo, region: str) -> TestClient:
    store = open_store(Settings(database_url=demo.database_url, secret_key="test"))
    with store.transaction(actor="test") as session:
        add_user(session, "jiangan-planner", "planner", "secret-pass", region=region)
    store.dispose()
    demo.passwords["jiangan-planner"] = "secret-pass"
    return client_as("jiangan-planner")


def test_a_guessed_id_reaches_no_further_than_the_region_would(
    client_as: SignIn, demo: Demo, viewer: TestClient
) -> None:
    """A user of 江岸区 acts on another region's fact only as on that region: not at all.

    Reading is open to every reader (leaders compare regions); an object found by its id
    follows the same rule as its region's pages, checked on the object's own region.
    """
    jiangan = _limited_planner(client_as, demo, "420102")
    wuchang_fact = fact(viewer, "招商引资", "value")
    for action in ("accept", "reject"):
        error = error_of(jiangan.post(f"/api/facts/{wuchang_fact['id']}/{action}"), 403)
        assert error["message"].startswith("you may review extracted facts only for region 420102")
    assert fact(viewer, "招商引资", "value")["review_status"] == "pending"
    observation = viewer.get("/api/observations?region=420106&limit=1").json()["items"][0]
    overview = jiangan.get("/regions/420106/2017H1.json").status_code
    pages = ("/plans/1", "/tasks/1", "/projects/1", "/documents/1", observation["href"])
    for page in pages:
        assert jiangan.get(f"{page}.json").status_code == overview, page


def test_plan_and_project_pages_show_the_stage_the_dates_give(
    planner: TestClient, viewer: TestClient
) -> None:
    """Not the stage the plan file states: 绿地国际金融城 is 续建在建 in the plan, and once the
    office records its completion both pages say 竣工, as of the plan year's last day."""
    before = {p["name"]: p for p in viewer.get("/plans/1.json").json()["projects"]}
    green = before["绿地国际金融城"]
    assert (green["stage"], green["stated_stage"]) == ("continuing", "continuing")
    assert green["stage_as_of"] == "2017-12-31"
    closed = planner.post(
        f"/projects/{green['id']}/close", data={"completed": "2017-11-30"}, follow_redirects=False
    )
    assert closed.status_code == 303
    after = {p["name"]: p for p in viewer.get("/plans/1.json").json()["projects"]}
    assert (after["绿地国际金融城"]["stage"], after["绿地国际金融城"]["stated_stage"]) == (
        "finished",
        "continuing",
    )
    assert after["武汉华邑酒店"]["stage"] == before["武汉华邑酒店"]["stage"]
    page = viewer.get(f"/projects/{green['id']}.json").json()["project"]
    assert (page["stage"], page["stage_as_of"]) == ("finished", "2017-12-31")
    html = viewer.get(f"/projects/{green['id']}", headers=HTML).text
    header = html[html.index('id="project-stage"') :][:300]
    assert "竣工" in header and "计划所列 续建在建" in header
    plan_row = viewer.get("/plans/1", headers=HTML).text
    row = plan_row[plan_row.index(f'id="project-{green["id"]}"') :][:400]
    assert "竣工" in row and "2017-12-31" in row
