"""The submission workflow end to end: a draft never counts, an approved figure does."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.helpers import card, error_of

OVERVIEW = "/regions/420106/2017H1.json"
STEPS = "/api/submissions/420106/2017H1"
INVESTMENT = "全社会固定资产投资"


def _growth(client: TestClient) -> float | None:
    found = card(client.get(OVERVIEW).json(), INVESTMENT, "growth_at_least")["growth"]
    return None if found is None else float(found)


def _unreviewed(client: TestClient) -> list[str]:
    marks = card(client.get(OVERVIEW).json(), INVESTMENT, "growth_at_least")["unreviewed"]
    return list(marks)


COMPARISON = f"/compare/420100/county/2017H1.json?indicator={INVESTMENT}"
CHART = f"/regions/420106/2017H1/indicators/{INVESTMENT}.json"


def _department(client: TestClient, name: str) -> dict[str, object]:
    rows = client.get(STEPS).json()
    return next(row for row in rows if row["department"] == name)


def test_a_draft_counts_only_once_approved(
    client_as, planner: TestClient, viewer: TestClient
) -> None:  # type: ignore[no-untyped-def]
    fagai = client_as("fagai")  # 区发改委's reporter: investment is theirs
    before = _growth(viewer)
    report_before = viewer.get("/regions/420106/2017H1/report.md").text
    comparison_before = planner.get(COMPARISON).json()
    chart_before = planner.get(CHART).json()
    figure = {
        "region": "420106",
        "indicator": INVESTMENT,
        "period": "2017H1",
        "measure": "yoy_growth",
        "value": 45,
        "unit": "%",
        "status": "published",
        "reason": "按新口径",
        # 45% disagrees with the values (a warning): submitted only with a comment
        "comment": "按新统计口径计算",
    }
    stored = fagai.post("/api/observations", json=figure)
    assert stored.status_code == 201, stored.text
    assert stored.json()["status"] == "draft"
    assert _growth(viewer) == before and _growth(planner) == before

    step = {"department": "区发改委"}
    assert fagai.post(f"{STEPS}/submit", json=step).status_code == 200
    assert _growth(planner) == before  # submitted, not approved: still nothing counts
    assert planner.get(COMPARISON).json() == comparison_before
    assert planner.get(CHART).json() == chart_before
    assert viewer.get("/regions/420106/2017H1/report.md").text == report_before
    assert planner.get("/regions/420106/2017H1/report.md").text == report_before
    # a viewer (and the planner's preview) read it, marked 未审核
    assert _growth(viewer) == 45 and _unreviewed(viewer) == ["growth"]
    preview = planner.get(f"{OVERVIEW}?preview=submitted").json()
    assert card(preview, INVESTMENT, "growth_at_least")["unreviewed"] == ["growth"]
    assert preview["preview"] is True
    error_of(fagai.post(f"{STEPS}/approve", json=step), 403)  # reporters never approve
    error_of(planner.post(f"{STEPS}/return", json=step), 400)  # a return needs a comment

    version = _department(planner, "区发改委")["version"]
    returned = planner.post(
        f"{STEPS}/return", json={**step, "comment": "增速明显有误，请核实", "version": version}
    )
    assert returned.status_code == 200 and returned.json()["status"] == "returned"
    stale = planner.post(f"{STEPS}/approve", json={**step, "version": version})
    error_of(stale, 409)
    assert _department(fagai, "区发改委")["comment"] == "增速明显有误，请核实"

    corrected = fagai.post("/api/observations", json={**figure, "value": 12.5})
    assert corrected.status_code == 201, corrected.text
    assert fagai.post(f"{STEPS}/submit", json=step).status_code == 200
    assert _growth(planner) == before
    approved = planner.post(f"{STEPS}/approve", json=step)
    assert approved.status_code == 200 and approved.json()["status"] == "approved"
    assert _growth(planner) == 12.5 and _growth(viewer) == 12.5
    assert _unreviewed(viewer) == []
    assert planner.get(COMPARISON).json() != comparison_before
    assert "12.5%" in viewer.get("/regions/420106/2017H1/report.md").text


def test_a_failing_check_is_refused_on_entry(client_as) -> None:  # type: ignore[no-untyped-def]
    fagai = client_as("fagai")
    figure = {
        "region": "420106",
        "indicator": INVESTMENT,
        "period": "2017Q3",
        "value": -50,
        "unit": "亿元",
    }
    error = error_of(fagai.post("/api/observations", json=figure), 400)
    assert "level_not_negative" in error["message"] and "cannot be negative" in error["message"]
    assert "不能为负数" in error["zh"]["message"]
    error = error_of(
        fagai.post("/api/submissions/420106/2017Q3/submit", json={"department": "区发改委"}), 400
    )
    assert "no draft figures" in error["message"]  # nothing was stored


def test_a_reporter_may_not_submit_another_department(client_as) -> None:  # type: ignore[no-untyped-def]
    reporter = client_as("reporter")  # 区统计局
    answer = reporter.post(f"{STEPS}/submit", json={"department": "区发改委"})
    assert "区统计局" in error_of(answer, 403)["message"]


def test_a_form_without_its_csrf_token_is_refused(client_as) -> None:  # type: ignore[no-untyped-def]
    planner = client_as("planner")
    del planner.headers["X-CSRF-Token"]
    answer = planner.post(
        "/regions/420106/2017H1/report/narratives/opening",
        data={"text": "x"},
        headers={"accept": "application/json"},
    )
    assert "CSRF" in error_of(answer, 403)["message"]


def test_programs_sign_in_with_a_token(app, demo) -> None:  # type: ignore[no-untyped-def]
    from planwatch.records.tokens import add_token

    with app.state.store.transaction(actor="test") as session:
        _row, token = add_token(session, "viewer", "dashboard script")
    client = TestClient(app)
    assert client.get(OVERVIEW, headers={"authorization": f"Bearer {token}"}).status_code == 200
    wrong = client.get(OVERVIEW, headers={"authorization": "Bearer pw_nothing"})
    assert error_of(wrong, 401)["message"] == "the API token is unknown or revoked"


def test_anonymous_visitors_read_public_regions_published_figures_only(
    client_as,  # type: ignore[no-untyped-def]
) -> None:
    anonymous = client_as(None)
    public = anonymous.get(OVERVIEW)
    assert public.status_code == 200, public.text
    assert _growth(anonymous) is not None
    assert anonymous.get("/regions/420102/2017H1.json").status_code == 401  # not public
    assert anonymous.get("/api/observations").status_code == 401
    fagai = client_as("fagai")
    figure = {
        "region": "420106",
        "indicator": INVESTMENT,
        "period": "2017H1",
        "measure": "yoy_growth",
        "value": 30,
        "reason": "更正",
        "comment": "含新入统项目",
    }
    assert fagai.post("/api/observations", json=figure).status_code == 201
    assert fagai.post(f"{STEPS}/submit", json={"department": "区发改委"}).status_code == 200
    planner = client_as("planner")
    assert planner.post(f"{STEPS}/approve", json={"department": "区发改委"}).status_code == 200
    assert _growth(planner) == 30  # approved counts for the office
    assert _growth(anonymous) != 30  # the public sees it once published
    assert planner.post(f"{STEPS}/publish", json={"department": "区发改委"}).status_code == 200
    assert _growth(anonymous) == 30


def test_the_api_description_declares_how_to_sign_in(client_as) -> None:  # type: ignore[no-untyped-def]
    schema = client_as(None).get("/openapi.json").json()
    assert set(schema["components"]["securitySchemes"]) == {"token", "basic", "session"}
    assert {"token": []} in schema["security"]


def test_a_reporter_cannot_see_another_departments_drafts(client_as) -> None:  # type: ignore[no-untyped-def]
    fagai = client_as("fagai")
    figure = {"region": "420106", "indicator": INVESTMENT, "period": "2017Q3", "value": 180}
    draft = fagai.post("/api/observations", json=figure).json()
    assert fagai.get(f"/observations/{draft['id']}.json").status_code == 200  # its own
    statistics = client_as("reporter")  # 区统计局
    error_of(statistics.get(f"/observations/{draft['id']}.json"), 404)
    listed = statistics.get("/api/observations?limit=500").json()["items"]
    assert draft["id"] not in {o["id"] for o in listed}
    assert {o["status"] for o in listed} == {"published"}
    planner = client_as("planner")
    assert draft["id"] in {
        o["id"] for o in planner.get("/api/observations?limit=500").json()["items"]
    }
