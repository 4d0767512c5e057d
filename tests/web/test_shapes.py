"""One JSON shape per resource: OpenAPI names each, and every route emitting it agrees."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from pydantic import TypeAdapter

from planwatch.web import shapes
from tests.web.helpers import fact

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


def _valid(model: type[Any], data: Any) -> None:
    """``data`` validates against the shape and names no field the shape's schema lacks."""
    adapter = TypeAdapter(model)
    adapter.validate_python(data)
    named = set(adapter.json_schema()["properties"])
    assert set(data) <= named, set(data) - named


def test_lists_answer_their_shapes(viewer: TestClient) -> None:
    for path, model in (
        ("/api/observations?limit=20", shapes.Observation),
        ("/api/facts?limit=20", shapes.Fact),
        ("/api/documents", shapes.Document),
        ("/api/regions", shapes.Region),
    ):
        items = viewer.get(path).json()["items"]
        assert items, path
        for item in items:
            _valid(model, item)


def test_an_observation_is_the_same_object_wherever_it_appears(planner: TestClient) -> None:
    value = fact(planner, "招商引资", "value")
    reviewed = planner.post(f"/api/facts/{value['id']}/accept").json()
    _valid(shapes.Fact, reviewed["fact"])
    href = reviewed["observations"][0]
    page = planner.get(f"{href}.json").json()
    listed = planner.get("/api/observations?indicator=招商引资&period=2017H1").json()["items"]
    same = next(o for o in listed if o["href"] == href)
    assert page["observation"] == same
    assert any(v == same for v in page["versions"])
    _valid(shapes.Observation, same)


def test_a_fact_is_the_same_object_in_the_list_and_on_its_document(viewer: TestClient) -> None:
    listed = viewer.get("/api/facts?document=1&limit=500").json()["items"]
    page = viewer.get("/documents/1.json").json()
    assert page["facts"] == listed
    assert page["document"] == viewer.get("/api/documents").json()["items"][0]
    TypeAdapter(list[shapes.Fact]).validate_python(page["facts"])


def test_object_pages_answer_their_shapes(viewer: TestClient) -> None:
    plan = viewer.get("/plans/1.json").json()
    for key, model in (("targets", shapes.Target), ("tasks", shapes.Task)):
        for item in plan[key]:
            _valid(model, item)
    for item in plan["projects"]:
        _valid(shapes.Project, item)
    task = viewer.get("/tasks/1.json").json()["task"]
    assert task == plan["tasks"][0]
    for entry in task["progress"]:
        _valid(shapes.Progress, entry)
    assert viewer.get("/projects/1.json").json()["project"] == plan["projects"][0]


def test_reads_serve_the_pages_still_shaping_observations_themselves(
    app: Any, viewer: TestClient
) -> None:
    """The indicator page's history and the overview's other figures can take the one
    shape from these reads (web/indicator.py and web/overview.py are to switch to them)."""
    from planwatch.reads.observations import observations_by_id, observations_of
    from planwatch.web.params import indicator_named, stored_region

    history = viewer.get("/regions/420106/2017H1/indicators/地区生产总值.json").json()
    with app.state.store.reading() as session:
        region = stored_region(session, "420106")
        rows = observations_of(session, region.id, indicator_named(session, "GDP").id)
        by_id = observations_by_id(session, [row.id for row in rows])
    shaped = {row.id: shapes.observation(row) for row in rows}
    assert set(by_id) == set(shaped)
    for figure in history["sources"]:
        same = shaped[figure["id"]].model_dump(mode="json")
        assert {key: same[key] for key in figure} == figure
