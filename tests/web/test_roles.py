"""Nobody reaches an action their role does not allow: each refusal is a 403 in the shape."""

from __future__ import annotations

import base64

from fastapi.testclient import TestClient

from planwatch.config import Settings
from planwatch.demo import Demo
from planwatch.web.app import create_app
from tests.web.helpers import SignIn, error_of, fact

FIGURE = {
    "region": "420106",
    "indicator": "招商引资",
    "period": "2017H1",
    "measure": "value",
    "value": 430,
    "unit": "亿元",
}


def test_viewer_reads_but_may_not_review(viewer: TestClient) -> None:
    assert viewer.get("/regions/420106/2017H1.json").status_code == 200
    target = fact(viewer, "招商引资", "value")
    error = error_of(viewer.post(f"/api/facts/{target['id']}/accept"), 403)
    assert error["message"] == "your role 'viewer' may not review extracted facts"
    assert "admin or planner" in error["hint"]


def test_viewer_may_not_enter_figures_upload_or_edit_narratives(viewer: TestClient) -> None:
    error_of(viewer.post("/api/observations", json=FIGURE), 403)
    error_of(viewer.post("/api/documents", files={"file": ("a.txt", "上半年完成5亿元")}), 403)
    narrative = "/regions/420106/2017H1/report/narratives/opening"
    error_of(
        viewer.post(narrative, data={"text": "x"}, headers={"accept": "application/json"}), 403
    )


def test_reporter_enters_drafts_for_their_department_only(reporter: TestClient) -> None:
    """The demo's reporter is 区统计局's: GDP is theirs, 招商引资 is 区招商局's."""
    own = {**FIGURE, "indicator": "地区生产总值", "period": "2017Q3", "status": "published"}
    answer = reporter.post("/api/observations", json=own)
    assert answer.status_code == 201, answer.text
    stored = answer.json()
    assert stored["source"] == {"kind": "user", "user": "reporter", "href": None}
    assert stored["status"] == "draft"  # the status a reporter sends is ignored
    error = error_of(reporter.post("/api/observations", json=FIGURE), 403)
    assert "区招商局" in error["message"]
    elsewhere = {**own, "region": "420102"}
    error = error_of(reporter.post("/api/observations", json=elsewhere), 403)
    assert "only for region 420106" in error["message"]


def test_reporter_may_not_review_or_upload(reporter: TestClient) -> None:
    target = fact(reporter, "招商引资", "value")
    error_of(reporter.post(f"/api/facts/{target['id']}/accept"), 403)
    error_of(reporter.post("/api/documents", files={"file": ("a.txt", "上半年完成5亿元")}), 403)


def test_planner_reviews(planner: TestClient) -> None:
    target = fact(planner, "地区生产总值", "value")
    assert planner.post(f"/api/facts/{target['id']}/accept").status_code == 200


def test_html_refusal_is_readable(viewer: TestClient) -> None:
    answer = viewer.get("/upload", headers={"accept": "text/html"})
    assert answer.status_code == 403
    assert "当前角色（查看者）无权上传文件" in answer.text  # in the page's language
    english = viewer.get("/upload?lang=en", headers={"accept": "text/html"})
    assert "your role &#39;viewer&#39; may not upload documents" in english.text


def test_basic_auth_works_for_scripts(client_as: SignIn, demo: Demo) -> None:
    anonymous = client_as(None)
    token = base64.b64encode(f"viewer:{demo.passwords['viewer']}".encode()).decode()
    answer = anonymous.get("/api/regions", headers={"authorization": f"Basic {token}"})
    assert answer.status_code == 200
    wrong = base64.b64encode(b"viewer:wrong-password").decode()
    error = error_of(
        anonymous.get("/api/regions", headers={"authorization": f"Basic {wrong}"}), 401
    )
    assert error["message"] == "wrong user name or password"


def test_login_form_rejects_a_wrong_password(client_as: SignIn) -> None:
    anonymous = client_as(None)
    answer = anonymous.post("/login", data={"username": "admin", "password": "nope"})
    assert answer.status_code == 401
    assert "用户名或密码错误" in answer.text
    assert "planwatch_session" not in answer.cookies


def test_login_never_redirects_off_site(client_as: SignIn, demo: Demo) -> None:
    anonymous = client_as(None)
    form = {
        "username": "viewer",
        "password": demo.passwords["viewer"],
        "next": "https://elsewhere.example/",
    }
    answer = anonymous.post("/login", data=form, follow_redirects=False)
    assert answer.headers["location"] == "/"


def test_logout_ends_the_session(viewer: TestClient) -> None:
    viewer.post("/logout")
    error_of(viewer.get("/api/regions"), 401)


def test_session_cookie_is_secure_when_https_only(demo: Demo) -> None:
    settings = Settings(database_url=demo.database_url, secret_key="t", https_only=True)
    app = create_app(settings)
    try:
        answer = TestClient(app).post(
            "/login",
            data={"username": "viewer", "password": demo.passwords["viewer"], "next": "/"},
            follow_redirects=False,
        )
        assert answer.status_code == 303
        assert "secure" in answer.headers["set-cookie"].lower()
    finally:
        app.state.store.dispose()
