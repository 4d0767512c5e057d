"""Stale writes answer 409, partial corrections keep what they leave out, withdrawals are audited."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.helpers import card, error_of, fact

OVERVIEW = "/regions/420106/2017H1.json"
NARRATIVE = "/api/narratives/420106/2017H1/opening"


def test_a_fact_decision_on_a_stale_version_is_refused(planner: TestClient) -> None:
    value = fact(planner, "招商引资", "value")
    seen = value["version"]
    first = planner.post(f"/api/facts/{value['id']}/accept", headers={"If-Match": f'"{seen}"'})
    assert first.status_code == 200
    assert first.headers["etag"] == f'"{seen + 1}"'
    stale = planner.post(f"/api/facts/{value['id']}/reject", headers={"If-Match": f'"{seen}"'})
    error = error_of(stale, 409)
    assert error["code"] == "conflict"
    assert f"version {seen}, now {seen + 1}" in error["message"]
    assert fact(planner, "招商引资", "value")["review_status"] == "accepted"
    fresh = planner.post(
        f"/api/facts/{value['id']}/reject", headers={"If-Match": f'W/"{seen + 1}"'}
    )
    assert fresh.status_code == 200


def test_if_match_must_name_a_version(planner: TestClient) -> None:
    value = fact(planner, "招商引资", "value")
    answer = planner.post(f"/api/facts/{value['id']}/accept", headers={"If-Match": "yesterday"})
    assert "names no version" in error_of(answer, 400)["message"]


def test_a_partial_correction_keeps_the_fields_it_leaves_out(planner: TestClient) -> None:
    value = fact(planner, "招商引资", "value")
    answer = planner.post(f"/api/facts/{value['id']}/correct", data={"value": "300"})
    assert answer.status_code == 200, answer.text
    corrected = answer.json()["fact"]
    for kept in ("subject", "unit", "period", "measure", "indicator"):
        assert corrected[kept] == value[kept], kept
    assert corrected["value"] == 300.0
    assert answer.json()["stored"] == 1
    assert card(planner.get(OVERVIEW).json(), "招商引资", "value_at_least")["value"] == 300.0


def test_an_empty_field_still_clears_on_purpose(planner: TestClient) -> None:
    value = fact(planner, "招商引资", "value")
    answer = planner.post(f"/api/facts/{value['id']}/correct", data={"unit": ""})
    assert answer.json()["fact"]["unit"] is None
    assert answer.json()["fact"]["value"] == value["value"]


def test_openapi_says_left_out_fields_are_kept(planner: TestClient) -> None:
    operation = planner.get("/openapi.json").json()["paths"]["/api/facts/{fact_id}/correct"]["post"]
    assert "partial update" in operation["description"]
    schema_ref = operation["requestBody"]["content"]["application/x-www-form-urlencoded"]["schema"]
    name = schema_ref["$ref"].rsplit("/", 1)[-1]
    schema = planner.get("/openapi.json").json()["components"]["schemas"][name]
    assert not schema.get("required")
    assert all("kept" in field["description"] for field in schema["properties"].values())


def test_withdrawing_a_figure_is_audited(planner: TestClient) -> None:
    value = fact(planner, "招商引资", "value")
    accepted = planner.post(f"/api/facts/{value['id']}/accept").json()
    observation = accepted["observations"][0]
    planner.post(f"/api/facts/{value['id']}/reject")
    assert planner.get(f"{observation}.json").status_code == 404
    page = planner.get(f"/observations/{observation.rsplit('/', 1)[-1]}.json")
    assert page.status_code == 404
    # the audit trail of a deleted row stays readable from the store
    from sqlalchemy import select

    from planwatch.store.models import AuditEntry

    store = planner.app.state.store  # type: ignore[attr-defined]  # the FastAPI app of the client
    row_id = int(observation.rsplit("/", 1)[-1])
    with store.reading() as session:
        actions = list(
            session.execute(
                select(AuditEntry.action, AuditEntry.actor).where(
                    AuditEntry.table_name == "observations", AuditEntry.row_id == row_id
                )
            )
        )
    assert actions == [("insert", "planner"), ("delete", "planner")]


def test_narratives_are_written_with_if_match(planner: TestClient) -> None:
    empty = planner.get(NARRATIVE)
    assert empty.json()["version"] == 0 and empty.headers["etag"] == '"0"'
    first = planner.put(NARRATIVE, json={"text": "上半年开局良好。"}, headers={"If-Match": '"0"'})
    assert first.status_code == 200 and first.json()["version"] == 1
    stale = planner.put(NARRATIVE, json={"text": "另一稿"}, headers={"If-Match": '"0"'})
    assert "changed since you read it" in error_of(stale, 409)["message"]
    assert planner.get(NARRATIVE).json()["text"] == "上半年开局良好。"
    anyway = planner.put(NARRATIVE, json={"text": "覆盖稿"})
    assert anyway.json()["version"] == 2
    report = planner.get("/regions/420106/2017H1/report.json").json()
    assert "覆盖稿" in str(report)


def test_viewers_may_not_write_narratives(viewer: TestClient) -> None:
    error_of(viewer.put(NARRATIVE, json={"text": "x"}), 403)
