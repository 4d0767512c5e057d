"""A department's reminder addresses set on the departments page: the planning office of
the region only (with the session's CSRF token), audited with the robot's key kept out,
a bad e-mail or a webhook that is not http(s) refused in Chinese and English."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select

from planwatch.records.users import add_user
from planwatch.store.models import Department, Region
from tests.web.helpers import SignIn

ROBOT = "https://qyapi.example/cgi-bin/webhook/send?key=robot-secret-key"
PAGE = "/departments/420106"


def _set(client: TestClient, **fields: str) -> Any:
    data = {"department": "区统计局", **fields}
    return client.post(f"{PAGE}/contact", data=data, follow_redirects=False)


def _stored(app: FastAPI) -> tuple[str | None, str | None]:
    with app.state.store.reading() as session:
        row = session.scalars(
            select(Department)
            .join(Region, Department.region_id == Region.id)
            .where(Region.code == "420106", Department.name == "区统计局")
        ).one()
        return row.email, row.webhook


def _tongji(page: dict[str, Any]) -> dict[str, Any]:
    return next(d for d in page["departments"] if d["name"] == "区统计局")


def test_the_office_sets_a_departments_addresses_on_the_page(
    planner: TestClient, app: FastAPI
) -> None:
    html = planner.get(PAGE).text
    assert 'action="/departments/420106/contact"' in html and "提醒地址" in html
    answer = _set(planner, email="tongji@wuchang.example", webhook=ROBOT)
    assert answer.status_code == 303
    assert answer.headers["location"].startswith(f"{PAGE}#department-")
    assert _stored(app) == ("tongji@wuchang.example", ROBOT)
    page = planner.get(f"{PAGE}.json").json()
    # the office sees the robot's address, never its key
    assert _tongji(page)["contact"] == {
        "email": "tongji@wuchang.example",
        "webhook": "https://qyapi.example/cgi-bin/webhook/send?…",
    }
    assert "robot-secret-key" not in planner.get(PAGE).text
    # an empty webhook field keeps the robot; the box clears it; an emptied e-mail clears
    assert _set(planner, email="tj@wuchang.example", webhook="").status_code == 303
    assert _stored(app) == ("tj@wuchang.example", ROBOT)
    assert _set(planner, email="", clear_webhook="1").status_code == 303
    assert _stored(app) == (None, None)


def test_the_change_is_audited_without_the_robots_key(planner: TestClient) -> None:
    assert _set(planner, email="tongji@wuchang.example", webhook=ROBOT).status_code == 303
    audit = planner.get("/audit.json?table=departments").json()
    entry = audit["entries"][0]
    assert entry["actor"] == "planner"
    assert entry["changes"]["email"] == [None, "tongji@wuchang.example"]
    assert entry["changes"]["webhook"] == [None, "(secret)"]
    assert "robot-secret-key" not in str(audit)


@pytest.mark.parametrize(
    ("fields", "zh", "en"),
    [
        ({"email": "tongji.wuchang"}, "不是电子邮件地址", "is not an e-mail address"),
        ({"email": "tj@wuchang"}, "不是电子邮件地址", "is not an e-mail address"),
        ({"webhook": "ftp://robot.example/send"}, "不是网址", "is not a web address"),
        ({"webhook": "javascript:alert(1)"}, "不是网址", "is not a web address"),
        ({"webhook": "https://"}, "不是网址", "is not a web address"),
    ],
)
def test_a_bad_address_is_refused_in_both_languages(
    planner: TestClient, app: FastAPI, fields: dict[str, str], zh: str, en: str
) -> None:
    answer = _set(planner, **fields)
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert zh in error["zh"]["message"] and en in error["message"]
    assert error["zh"]["hint"] and error["hint"]
    shown = planner.post(
        f"{PAGE}/contact?lang=en",
        data={"department": "区统计局", **fields},
        headers={"accept": "text/html"},
    )
    assert shown.status_code == 400 and en in shown.text
    assert _stored(app) == (None, None)


@pytest.mark.parametrize("who", ["viewer", "reporter"])
def test_a_reporter_or_viewer_neither_sets_nor_sees_the_addresses(
    client_as: SignIn, planner: TestClient, app: FastAPI, who: str
) -> None:
    assert _set(planner, email="tongji@wuchang.example").status_code == 303
    client = client_as(who)
    assert _set(client, email="evil@example.com").status_code == 403
    assert _stored(app) == ("tongji@wuchang.example", None)
    page = client.get(f"{PAGE}.json").json()
    assert "contact" not in _tongji(page) and page["contact_action"] is None
    html = client.get(PAGE).text
    assert "tongji@wuchang.example" not in html and "/contact" not in html


def test_the_office_of_another_region_is_refused(app: FastAPI, demo: Any) -> None:
    with app.state.store.transaction(actor="test") as session:
        add_user(session, "hongshan-office", "planner", "a-long-password", region="420111")
    other = TestClient(app)
    other.post("/login", data={"username": "hongshan-office", "password": "a-long-password"})
    token = re.search(r'name="csrf-token" content="([^"]+)"', other.get("/regions").text)
    assert token is not None
    other.headers["X-CSRF-Token"] = token.group(1)
    assert _set(other, email="evil@example.com").status_code == 403
    assert "contact" not in _tongji(other.get(f"{PAGE}.json").json())
    assert _stored(app) == (None, None)


def test_a_form_without_the_sessions_token_is_refused(planner: TestClient, app: FastAPI) -> None:
    del planner.headers["X-CSRF-Token"]
    answer = _set(planner, email="tongji@wuchang.example")
    assert answer.status_code == 403
    assert _stored(app) == (None, None)
