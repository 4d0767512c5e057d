"""One JSON shape per resource: OpenAPI names each, and every route emitting it agrees."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import TypeAdapter

from planwatch.web import shapes
from tests.web.helpers import fact
from tests.web.schema import problems

RESOURCES = ("Observation", "Fact", "Target", "Task", "Progress", "Project", "Document", "Region")


def _schema_ref(paths: dict[str, Any], path: str) -> str:
    content = paths[path]["get"]["responses"]["200"]["content"]["application/json"]
    return str(content["schema"].get("$ref", ""))


def test_openapi_describes_each_resource(viewer: TestClient) -> None:
    schema = viewer.get("/openapi.json").json()
    components = schema["components"]["schemas"]
    for name in RESOURCES:
        assert name in components, name
    observation = components["Observation"]["properties"]
    assert {"id", "href", "region", "indicator", "period", "measure", "source"} <= set(observation)
    paths = schema["paths"]
    for path in ("/api/observations", "/api/facts", "/api/documents", "/api/regions"):
        assert _schema_ref(paths, path).startswith("#/components/schemas/Paged_"), path
    for path in (
        "/observations/{observation_id}.json",
        "/documents/{document_id}.json",
        "/plans/{plan_id}.json",
        "/tasks/{task_id}.json",
        "/projects/{project_id}.json",
    ):
        assert _schema_ref(paths, path).startswith("#/components/schemas/"), path


@pytest.fixture
def components(viewer: TestClient) -> dict[str, Any]:
    schemas: dict[str, Any] = viewer.get("/openapi.json").json()["components"]["schemas"]
    return schemas


def _valid(components: dict[str, Any], name: str, data: Any) -> None:
    """``data`` fits the OpenAPI component ``name``: no field missing, none it lacks."""
    found = problems(data, {"$ref": f"#/components/schemas/{name}"}, components)
    assert found == [], found


def test_lists_answer_their_shapes(viewer: TestClient, components: dict[str, Any]) -> None:
    for path, name in (
        ("/api/observations?limit=20", "Observation"),
        ("/api/facts?limit=20", "Fact"),
        ("/api/documents", "Document"),
        ("/api/regions", "Region"),
    ):
        answer = viewer.get(path).json()
        assert answer["items"], path
        _valid(components, f"Paged_{name}_", answer)


def test_an_observation_is_the_same_object_wherever_it_appears(
    planner: TestClient, components: dict[str, Any]
) -> None:
    value = fact(planner, "招商引资", "value")
    reviewed = planner.post(f"/api/facts/{value['id']}/accept").json()
    _valid(components, "Reviewed", reviewed)
    href = reviewed["observations"][0]
    page = planner.get(f"{href}.json").json()
    listed = planner.get("/api/observations?indicator=招商引资&period=2017H1").json()["items"]
    same = next(o for o in listed if o["href"] == href)
    assert page["observation"] == same
    assert any(v == same for v in page["versions"])
    _valid(components, "ObservationPage", page)


def test_a_fact_is_the_same_object_in_the_list_and_on_its_document(
    viewer: TestClient, components: dict[str, Any]
) -> None:
    listed = viewer.get("/api/facts?document=1&limit=500").json()["items"]
    page = viewer.get("/documents/1.json").json()
    assert page["facts"] == listed
    assert page["document"] == viewer.get("/api/documents").json()["items"][0]
    _valid(components, "DocumentPage", page)


def test_object_pages_answer_their_shapes(viewer: TestClient, components: dict[str, Any]) -> None:
    plan = viewer.get("/plans/1.json").json()
    _valid(components, "PlanPage", plan)
    task = viewer.get("/tasks/1.json").json()
    _valid(components, "TaskPage", task)
    assert task["task"] == plan["tasks"][0] and task["task"]["progress"]
    project = viewer.get("/projects/1.json").json()
    _valid(components, "ProjectPage", project)
    assert project["project"] == plan["projects"][0]


def test_the_indicator_page_and_the_overview_show_the_one_observation_shape(
    app: Any, viewer: TestClient
) -> None:
    """The indicator page's sources and the overview's other figures are observations in
    the shape the API gives them, key for key."""
    from planwatch.reads.indicators import indicator_named
    from planwatch.reads.observations import observations_by_id, observations_of
    from planwatch.reads.regions import stored_region

    history = viewer.get("/regions/420106/2017H1/indicators/地区生产总值.json").json()
    with app.state.store.reading() as session:
        region = stored_region(session, "420106")
        rows = observations_of(session, region.id, indicator_named(session, "GDP").id)
        by_id = observations_by_id(session, [row.id for row in rows])
    shaped = {row.id: shapes.observation(row) for row in rows}
    assert set(by_id) == set(shaped)
    assert history["sources"]
    for figure in history["sources"]:
        same = TypeAdapter(shapes.Observation).dump_python(shaped[figure["id"]], mode="json")
        assert figure == same
    overview = viewer.get("/regions/420106/2017H1.json").json()
    api = {o["id"]: o for o in viewer.get("/api/observations?limit=500").json()["items"]}
    others = [m for f in overview["other_figures"] for m in f["measures"].values()]
    assert others and all(m == api[m["id"]] for m in others)


def test_the_schema_check_finds_a_wrong_shape(
    viewer: TestClient, components: dict[str, Any]
) -> None:
    item = viewer.get("/api/observations?limit=1").json()["items"][0]
    ref = {"$ref": "#/components/schemas/Observation"}
    assert problems(item, ref, components) == []
    assert problems({**item, "source_fact_id": 1}, ref, components) == [
        "$.source_fact_id: not in the schema"
    ]
    assert problems({k: v for k, v in item.items() if k != "href"}, ref, components) == [
        "$.href: missing"
    ]
    assert problems({**item, "value": "5"}, ref, components) == ["$.value: '5' is not number"]
