"""Who reaches what: every route of the app × every kind of visitor, with the status each
must get. The table is checked against the app's own route table, so a new route without
an entry here fails this test until someone decides who may use it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from planwatch.demo import Demo
from planwatch.records.users import add_user
from tests.web.helpers import SignIn

# who asks: nobody, a viewer, 区统计局's reporter (the GDP items are theirs), 区发改委's
# reporter, a reporter of another district, the planning office, the administrator
VISITORS = ("anonymous", "viewer", "own", "other_dept", "other_region", "planner", "admin")
LOGINS = {
    "anonymous": None,
    "viewer": "viewer",
    "own": "reporter",
    "other_dept": "fagai",
    "other_region": "hongshan",
    "planner": "planner",
    "admin": "admin",
}
OTHER_REGION = "420111"  # 洪山区, a neighbour with its own plan in the demo


def _policy(*statuses: int) -> dict[str, int]:
    return dict(zip(VISITORS, statuses, strict=True))


#                 anon  viewer own  other_dept other_region planner admin
EVERYONE = _policy(200, 200, 200, 200, 200, 200, 200)
SIGNED_IN = _policy(401, 200, 200, 200, 200, 200, 200)
# a reporter reads another department's draft as if it did not exist
DRAFT_OF_OWN = _policy(401, 200, 200, 404, 404, 200, 200)
# entering a figure of 区统计局 (valid body): only its reporter and the office
ENTER_OWN = _policy(401, 403, 201, 403, 403, 201, 201)
# a form or body that is empty: the role check answers first, then the validation
EMPTY_ENTRY = _policy(401, 403, 422, 422, 422, 422, 422)
OFFICE_READ = _policy(401, 403, 403, 403, 403, 200, 200)
OFFICE_EMPTY = _policy(401, 403, 403, 403, 403, 422, 422)
OFFICE_INVALID = _policy(401, 403, 403, 403, 403, 400, 400)
# reviewing fact 1 with no body needed: accept / reject
REVIEW = _policy(401, 403, 403, 403, 403, 200, 200)
# approving 区统计局's 2017H1, which nobody submitted: the office may try (409)
APPROVE_DRAFT = _policy(401, 403, 403, 403, 403, 409, 409)
# adding a department named after the visitor
ADD_DEPARTMENT = _policy(401, 403, 403, 403, 403, 201, 201)
ADD_DEPARTMENT_FORM = _policy(401, 403, 403, 403, 403, 303, 303)
OFFICE_WRITES = _policy(401, 403, 403, 403, 403, 200, 200)
PUBLIC_REGION = EVERYONE  # 武昌区 is public: anonymous visitors read its published figures

FIGURE = {
    "region": "420106",
    "indicator": "地区生产总值",
    "period": "2017Q3",
    "measure": "value",
    "value": 780.5,
    "unit": "亿元",
    "reason": "季度快报修正",  # the office's entry is approved: a later change says why
}

# (method, path) → (expected status by visitor, how to ask: None, ("json", body), ("form", …))
Expectation = tuple[dict[str, int], tuple[str, Any] | None]
ROUTES: dict[tuple[str, str], Expectation] = {
    ("GET", "/"): (_policy(303, 303, 303, 303, 303, 303, 303), None),
    ("GET", "/docs"): (EVERYONE, None),
    ("GET", "/login"): (EVERYONE, None),
    ("POST", "/login"): (_policy(422, 422, 422, 422, 422, 422, 422), None),
    # without its token the one-time link is a bad request for everyone
    ("GET", "/login/once"): (_policy(422, 422, 422, 422, 422, 422, 422), None),
    ("POST", "/logout"): (_policy(303, 303, 303, 303, 303, 303, 303), None),
    ("GET", "/regions"): (SIGNED_IN, None),
    ("GET", "/regions.json"): (SIGNED_IN, None),
    ("GET", "/regions/{code}/{period}"): (PUBLIC_REGION, None),
    ("GET", "/regions/{code}/{period}.json"): (PUBLIC_REGION, None),
    ("GET", "/regions/{code}/{period}/indicators/{name}"): (PUBLIC_REGION, None),
    ("GET", "/regions/{code}/{period}/indicators/{name}.json"): (PUBLIC_REGION, None),
    ("GET", "/compare/{parent}/{level}/{period}"): (SIGNED_IN, None),
    ("GET", "/compare/{parent}/{level}/{period}.json"): (SIGNED_IN, None),
    ("GET", "/regions/{code}/{period}/board"): (SIGNED_IN, None),
    ("GET", "/regions/{code}/{period}/board.json"): (SIGNED_IN, None),
    ("GET", "/documents/{document_id}"): (SIGNED_IN, None),
    ("GET", "/documents/{document_id}.json"): (SIGNED_IN, None),
    ("POST", "/api/facts/{fact_id}/accept"): (REVIEW, None),
    ("POST", "/api/facts/{fact_id}/reject"): (REVIEW, None),
    ("POST", "/api/facts/{fact_id}/correct"): (REVIEW, None),  # nothing to correct: accepted
    ("POST", "/facts/{fact_id}/accept"): (REVIEW, None),
    ("POST", "/facts/{fact_id}/reject"): (REVIEW, None),
    ("POST", "/facts/{fact_id}/correct"): (REVIEW, None),
    ("POST", "/api/documents/{document_id}/accept"): (OFFICE_EMPTY, None),  # no scope: 422
    ("POST", "/documents/{document_id}/accept"): (OFFICE_EMPTY, None),
    ("GET", "/upload"): (OFFICE_READ, None),
    ("POST", "/upload"): (OFFICE_EMPTY, None),
    ("POST", "/api/documents"): (OFFICE_EMPTY, None),
    ("GET", "/regions/{code}/{period}/enter"): (_policy(401, 403, 200, 200, 403, 200, 200), None),
    # an empty entry form: nothing typed, said beside the form (400); another region's: 403
    ("POST", "/regions/{code}/{period}/enter"): (_policy(401, 403, 400, 400, 403, 400, 400), None),
    ("POST", "/regions/{code}/{period}/enter/excel"): (EMPTY_ENTRY, None),
    ("POST", "/api/observations"): (ENTER_OWN, ("json", FIGURE)),
    ("GET", "/observations/{observation_id}"): (DRAFT_OF_OWN, None),
    ("GET", "/observations/{observation_id}.json"): (DRAFT_OF_OWN, None),
    ("GET", "/regions/{code}/{period}/report"): (SIGNED_IN, None),
    ("GET", "/regions/{code}/{period}/report.json"): (SIGNED_IN, None),
    ("GET", "/regions/{code}/{period}/report.{fmt}"): (SIGNED_IN, None),
    ("POST", "/regions/{code}/{period}/report/narratives/{part}"): (OFFICE_EMPTY, None),
    ("GET", "/api/narratives/{code}/{period}/{part}"): (SIGNED_IN, None),
    ("PUT", "/api/narratives/{code}/{period}/{part}"): (OFFICE_EMPTY, None),
    ("GET", "/api/observations"): (SIGNED_IN, None),
    ("GET", "/api/facts"): (SIGNED_IN, None),
    ("GET", "/api/documents"): (SIGNED_IN, None),
    ("GET", "/api/regions"): (SIGNED_IN, None),
    ("GET", "/plans/{plan_id}"): (SIGNED_IN, None),
    ("GET", "/plans/{plan_id}.json"): (SIGNED_IN, None),
    ("GET", "/tasks/{task_id}"): (SIGNED_IN, None),
    ("GET", "/tasks/{task_id}.json"): (SIGNED_IN, None),
    ("GET", "/projects/{project_id}"): (SIGNED_IN, None),
    ("GET", "/projects/{project_id}.json"): (SIGNED_IN, None),
    ("GET", "/api/submissions/{code}/{period}"): (SIGNED_IN, None),
    ("POST", "/api/submissions/{code}/{period}/{step}"): (
        APPROVE_DRAFT,
        ("json", {"department": "区统计局"}),
    ),
    ("GET", "/regions/{code}/{period}/submissions"): (SIGNED_IN, None),
    ("GET", "/regions/{code}/{period}/submissions.json"): (SIGNED_IN, None),
    ("POST", "/regions/{code}/{period}/submissions/{step}"): (
        APPROVE_DRAFT,
        ("form", {"department": "区统计局", "version": "0"}),
    ),
    ("POST", "/api/departments/{code}"): (ADD_DEPARTMENT, ("json", {"name": "{who}局"})),
    ("GET", "/departments/{code}"): (SIGNED_IN, None),
    ("GET", "/departments/{code}.json"): (SIGNED_IN, None),
    ("POST", "/departments/{code}"): (ADD_DEPARTMENT_FORM, ("form", {"name": "{who}办"})),
    # the office sets a department's reminder addresses
    ("POST", "/departments/{code}/contact"): (
        ADD_DEPARTMENT_FORM,
        ("form", {"department": "区统计局", "email": "tongji@wuchang.example"}),
    ),
    ("GET", "/regions/{code}/{period}/projects"): (SIGNED_IN, None),
    ("GET", "/regions/{code}/{period}/projects.json"): (SIGNED_IN, None),
    ("GET", "/regions/{code}/{period}/projects.csv"): (SIGNED_IN, None),
    # project 1 is 区招商局's: neither demo reporter here leads it
    ("POST", "/api/projects/{project_id}/progress"): (
        OFFICE_WRITES,
        ("json", {"period": "2017M06", "investment_ytd": 1.5, "text": "主体施工"}),
    ),
    ("POST", "/api/projects/{project_id}/supervisions"): (
        OFFICE_WRITES,
        ("json", {"problem": "征收滞后", "department": "区住房局", "due": "2017-08-01"}),
    ),
    ("POST", "/api/supervisions/{item_id}/answer"): (  # item 1 is assigned to 区住房局
        OFFICE_WRITES,
        ("json", {"answer": "已协调"}),
    ),
    # the planner closes it; the admin then finds it closed
    ("POST", "/api/supervisions/{item_id}/close"): (
        _policy(401, 403, 403, 403, 403, 200, 409),
        None,
    ),
    # the month's progress form: 区统计局 leads no project (an empty form), 区发改委 three;
    # an empty form is refused as entering nothing (400, the form again)
    ("GET", "/regions/{code}/{period}/projects/progress"): (
        _policy(401, 403, 200, 200, 403, 200, 200),
        None,
    ),
    ("POST", "/regions/{code}/{period}/projects/progress"): (
        _policy(401, 403, 400, 400, 403, 400, 400),
        None,
    ),
    # the project list to and from Excel: the planning office only (an upload with no file: 422)
    ("GET", "/regions/{code}/{period}/projects/workbook.xlsx"): (OFFICE_READ, None),
    ("POST", "/regions/{code}/{period}/projects/workbook"): (OFFICE_EMPTY, None),
    ("GET", "/regions/{code}/{period}/projects/progress/template.xlsx"): (
        _policy(401, 403, 200, 200, 403, 200, 200),
        None,
    ),
    ("POST", "/regions/{code}/{period}/projects/progress/excel"): (EMPTY_ENTRY, None),
    # the office edits the ledger: an empty edit changes nothing (303 back to the project)
    ("POST", "/projects/{project_id}/edit"): (_policy(401, 403, 403, 403, 403, 303, 303), None),
    ("POST", "/projects/{project_id}/close"): (OFFICE_EMPTY, None),
    ("POST", "/regions/{code}/{period}/projects/add"): (OFFICE_EMPTY, None),
    # anyone who may enter figures passes the role check (the department is checked on a
    # filled form), then an empty form is 422
    ("POST", "/tasks/{task_id}/progress"): (EMPTY_ENTRY, None),
    ("GET", "/regions/{code}/{period}/completeness"): (SIGNED_IN, None),
    ("GET", "/regions/{code}/{period}/completeness.json"): (SIGNED_IN, None),
    ("GET", "/rules"): (SIGNED_IN, None),
    ("GET", "/rules.json"): (SIGNED_IN, None),
    # only the planning office changes a rule's thresholds
    ("POST", "/rules/{rule}"): (
        _policy(401, 403, 403, 403, 403, 303, 303),
        ("form", {"severity": "warning", "max": "70"}),
    ),
    # a reporter gets its department's template; the office must name one (400 without)
    ("GET", "/regions/{code}/{period}/enter/template"): (
        _policy(401, 403, 200, 200, 403, 400, 400),
        None,
    ),
    # the plan forms: the office only; an empty form names what is missing (400), and a
    # form without the plan's version saves nothing
    ("GET", "/plans/new"): (OFFICE_READ, None),
    ("POST", "/plans/new"): (OFFICE_INVALID, None),
    ("POST", "/plans/new/file"): (OFFICE_INVALID, None),
    ("GET", "/plans/new/template"): (OFFICE_READ, None),
    ("GET", "/plans/{plan_id}/edit"): (OFFICE_READ, None),
    ("POST", "/plans/{plan_id}/edit"): (OFFICE_INVALID, None),
    ("POST", "/plans/{plan_id}/file"): (OFFICE_INVALID, None),
    ("POST", "/plans/{plan_id}/{kind}"): (OFFICE_INVALID, None),
    ("POST", "/plans/{plan_id}/{kind}/{item_id}"): (OFFICE_INVALID, None),
    ("POST", "/plans/{plan_id}/{kind}/{item_id}/delete"): (OFFICE_INVALID, None),
    ("GET", "/audit"): (OFFICE_READ, None),
    ("GET", "/audit.json"): (OFFICE_READ, None),
    ("GET", "/audit.csv"): (OFFICE_READ, None),
    ("GET", "/audit.xlsx"): (OFFICE_READ, None),
}

PARAMETERS = {
    "code": "420106",
    "period": "2017H1",
    "name": "地区生产总值",
    "parent": "420100",
    "level": "county",
    "document_id": "1",
    "fact_id": "1",
    "fmt": "md",
    "part": "opening",
    "plan_id": "1",
    "task_id": "1",
    "project_id": "1",
    "step": "approve",
    "item_id": "1",
    "rule": "growth_band",
    "kind": "targets",
}


def app_routes(app: FastAPI) -> Iterator[tuple[str, str]]:
    """Every (method, path) the app answers, through the routers it includes."""

    def walk(routes: list[Any]) -> Iterator[APIRoute]:
        for route in routes:
            inner = getattr(route, "original_router", None)
            if inner is not None:
                yield from walk(inner.routes)
            elif isinstance(route, APIRoute):
                yield route

    for route in walk(list(app.routes)):
        for method in sorted(route.methods):
            yield method, route.path


def _with_exports(routes: dict[tuple[str, str], Expectation]) -> None:
    """A page's .xlsx and .csv answer to whoever its .json answers to (render.twin)."""
    for (method, path), expectation in list(routes.items()):
        if method == "GET" and path.endswith(".json"):
            for suffix in (".xlsx", ".csv"):
                routes.setdefault((method, path.removesuffix(".json") + suffix), expectation)


_with_exports(ROUTES)


def test_every_route_has_an_entry(app: FastAPI) -> None:
    missing = [route for route in app_routes(app) if route not in ROUTES]
    assert not missing, f"say who may use these routes in ROUTES: {missing}"
    stale = set(ROUTES) - set(app_routes(app))
    assert not stale, f"these routes are gone: {stale}"


@pytest.fixture
def visitors(app: FastAPI, demo: Demo, client_as: SignIn) -> dict[str, TestClient]:
    with app.state.store.transaction(actor="test") as session:
        # the neighbour's plan, a copy of 武昌区's, names its 区统计局 already
        demo.passwords["hongshan"] = "a-long-test-password"
        add_user(
            session,
            "hongshan",
            "reporter",
            demo.passwords["hongshan"],
            region=OTHER_REGION,
            department="区统计局",
        )
    return {who: client_as(login) for who, login in LOGINS.items()}


def _ask(client: TestClient, method: str, path: str, how: tuple[str, Any] | None, who: str) -> int:
    kwargs: dict[str, Any] = {"follow_redirects": False}
    if how is not None:
        kind, body = how
        filled = {k: v.replace("{who}", who) if isinstance(v, str) else v for k, v in body.items()}
        kwargs["json" if kind == "json" else "data"] = filled
    return client.request(method, path, **kwargs).status_code


def _logout_last(item: tuple[tuple[str, str], Expectation]) -> bool:
    return item[0] == ("POST", "/logout")


def test_each_visitor_gets_what_its_role_allows(
    app: FastAPI, visitors: dict[str, TestClient]
) -> None:
    draft = visitors["own"].post("/api/observations", json={**FIGURE, "period": "2017M08"})
    assert draft.status_code == 201, draft.text
    values = {**PARAMETERS, "observation_id": str(draft.json()["id"])}
    wrong = []
    # signing out goes last: it ends the visitor's session
    for (method, template), (expected, how) in sorted(ROUTES.items(), key=_logout_last):
        path = template.format(**values)
        for who in VISITORS:
            got = _ask(visitors[who], method, path, how, who)
            if got != expected[who]:
                wrong.append(f"{method} {template} as {who}: {got}, expected {expected[who]}")
    assert not wrong, "\n".join(wrong)


SQL_META = ("1' OR '1'='1", "420106; DROP TABLE users;--", "%", "_", '"', "\\", "0x00")


def test_sql_meta_characters_in_any_parameter_change_nothing(
    app: FastAPI, visitors: dict[str, TestClient]
) -> None:
    """Every address part and the common query parameters, as the planner: 4xx or an empty
    answer, never a 5xx, and the stored data stays as it was."""
    planner = visitors["planner"]
    before = planner.get("/api/observations?limit=1").json()["total"]
    users_before = planner.get("/audit.json?table=users").json()["total"]
    failures = []
    for (method, template), _expected in ROUTES.items():
        if method != "GET" or "{" not in template:
            continue
        for meta in SQL_META:
            path = template.format(**{key: meta for key in PARAMETERS} | {"observation_id": meta})
            for query in ("", f"?indicator={meta}&actor={meta}&table={meta}&q={meta}"):
                got = planner.get(path.replace("?", "%3F").replace("#", "%23") + query)
                if got.status_code >= 500:
                    failures.append(f"{path}{query}: {got.status_code}")
    assert not failures, failures
    assert planner.get("/api/observations?limit=1").json()["total"] == before
    assert planner.get("/audit.json?table=users").json()["total"] == users_before
