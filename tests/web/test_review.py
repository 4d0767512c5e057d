"""Accepting, correcting and rejecting facts: the data changes at once."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.helpers import card, fact

OVERVIEW = "/regions/420106/2017H1.json"


def test_accepting_a_fact_fills_its_card(planner: TestClient) -> None:
    before = card(planner.get(OVERVIEW).json(), "招商引资", "value_at_least")
    assert before["status"] == "unknown" and before["value"] is None
    value = fact(planner, "招商引资", "value")
    answer = planner.post(f"/api/facts/{value['id']}/accept")
    assert answer.status_code == 200
    assert answer.json()["fact"]["review_status"] == "accepted"
    assert answer.json()["stored"] == 1
    assert len(answer.json()["observations"]) == 1
    after = card(planner.get(OVERVIEW).json(), "招商引资", "value_at_least")
    assert after["value"] == 426.4
    assert after["completion"] == 78.96
    assert after["status"] == "on_track"


def test_accepted_figure_points_back_at_its_span(planner: TestClient) -> None:
    value = fact(planner, "招商引资", "value")
    planner.post(f"/api/facts/{value['id']}/accept")
    source = card(planner.get(OVERVIEW).json(), "招商引资", "value_at_least")["sources"][0]
    page = planner.get(f"{source}.json").json()
    observation = page["observation"]  # the one observation shape, in the page's envelope
    assert observation["source"]["kind"] == "document"
    assert observation["source"]["href"] == f"/documents/1#{value['anchor']}"
    assert page["audit"][0]["actor"] == "planner"


def test_correcting_a_value_stores_the_corrected_number(planner: TestClient) -> None:
    value = fact(planner, "招商引资", "value")
    form = {
        "measure": "value",
        "value": "270",
        "unit": "亿元",
        "subject": "招商引资",
        "period": "2017H1",
    }
    answer = planner.post(f"/api/facts/{value['id']}/correct", data=form)
    assert answer.json()["fact"]["review_status"] == "corrected"
    assert answer.json()["fact"]["value"] == 270.0
    after = card(planner.get(OVERVIEW).json(), "招商引资", "value_at_least")
    assert after["value"] == 270.0
    assert after["completion"] == 50.0


def test_correction_with_a_bad_value_says_how_to_write_it(planner: TestClient) -> None:
    value = fact(planner, "招商引资", "value")
    form = {"measure": "value", "value": "四百", "unit": "亿元"}
    answer = planner.post(f"/api/facts/{value['id']}/correct", data=form)
    assert answer.status_code == 400
    assert answer.json()["error"]["message"] == "value '四百' is not a number"


def test_rejecting_an_accepted_fact_withdraws_its_figure(planner: TestClient) -> None:
    value = fact(planner, "招商引资", "value")
    planner.post(f"/api/facts/{value['id']}/accept")
    answer = planner.post(f"/api/facts/{value['id']}/reject")
    assert answer.json()["fact"]["review_status"] == "rejected"
    assert card(planner.get(OVERVIEW).json(), "招商引资", "value_at_least")["value"] is None


def test_htmx_review_answers_the_fact_row(planner: TestClient) -> None:
    value = fact(planner, "招商引资", "value")
    answer = planner.post(f"/facts/{value['id']}/accept", headers={"hx-request": "true"})
    assert answer.headers["content-type"].startswith("text/html")
    assert f'id="fact-{value["id"]}"' in answer.text
    assert 'data-status="accepted"' in answer.text
    assert '已入库: <a href="/observations/' in answer.text


def test_review_buttons_send_the_version_their_row_shows(planner: TestClient) -> None:
    """Each fact row tells htmx its version; a decision taken on a stale row is refused."""
    value = fact(planner, "招商引资", "value")
    page = planner.get(f"/documents/{value['document_id']}").text
    shown = f'id="fact-{value["id"]}" data-fact="{value["id"]}"'
    assert shown in page
    row = page[page.index(shown) :].split(">", 1)[0]
    assert f'hx-headers=\'{{"If-Match": "{value["version"]}"}}\'' in row
    hx = {"hx-request": "true", "If-Match": f'"{value["version"]}"'}
    answer = planner.post(f"/facts/{value['id']}/accept", headers=hx)
    assert answer.status_code == 200
    assert f'{{"If-Match": "{value["version"] + 1}"}}' in answer.text
    assert planner.post(f"/facts/{value['id']}/reject", headers=hx).status_code == 409
