"""One JSON error shape for every error the app can give, pinned."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.helpers import SignIn, error_of


def test_unknown_route_is_a_404_in_the_error_shape(viewer: TestClient) -> None:
    error = error_of(viewer.get("/api/nothing-here"), 404)
    assert error == {
        "code": "not_found",
        "status": 404,
        "key": "web.errors.not_found",
        "message": "nothing at /api/nothing-here",
        "hint": "check the address; the API is described at /docs",
        "zh": {"message": "找不到页面 /api/nothing-here", "hint": "请检查地址，或从首页重新进入"},
    }


def test_validation_error_is_a_422_naming_the_field(viewer: TestClient) -> None:
    error = error_of(viewer.get("/api/facts?limit=0"), 422)
    assert error["code"] == "validation_failed"
    assert error["message"] == "limit must be at least 1"
    assert error["zh"]["message"] == "填写的内容不符合要求：每页条数不能小于1"


def test_malformed_period_says_which_codes_are_valid(viewer: TestClient) -> None:
    error = error_of(viewer.get("/regions/420106/2017X1.json"), 400)
    assert error["message"] == "period '2017X1' is not valid"
    assert "2017H1" in error["hint"]


def test_unknown_region_is_404_with_an_example_code(viewer: TestClient) -> None:
    error = error_of(viewer.get("/regions/999999/2017H1.json"), 404)
    assert "999999" in error["message"]
    assert "/api/regions" in error["hint"]


def test_unknown_indicator_is_400(viewer: TestClient) -> None:
    error = error_of(viewer.get("/regions/420106/2017H1/indicators/不存在的指标.json"), 400)
    assert error["message"] == "unknown indicator '不存在的指标'"


def test_missing_fact_is_404(planner: TestClient) -> None:
    error = error_of(planner.post("/api/facts/99999/accept"), 404)
    assert error["message"] == "fact 99999 does not exist"


def test_missing_document_and_observation_are_404(viewer: TestClient) -> None:
    assert "document 4242" in error_of(viewer.get("/documents/4242.json"), 404)["message"]
    assert "observation 4242" in error_of(viewer.get("/observations/4242.json"), 404)["message"]


def test_wrong_method_is_405_in_the_error_shape(viewer: TestClient) -> None:
    error = error_of(viewer.delete("/api/facts"), 405)
    assert error["code"] == "method_not_allowed"


def test_not_signed_in_is_401_for_the_api(client_as: SignIn) -> None:
    anonymous = client_as(None)
    error = error_of(anonymous.get("/api/observations"), 401)
    assert error["code"] == "unauthorized"


def test_html_pages_show_the_error_readably(viewer: TestClient) -> None:
    answer = viewer.get("/regions/999999/2017H1", headers={"accept": "text/html"})
    assert answer.status_code == 404
    assert answer.headers["content-type"].startswith("text/html")
    assert "没有代码为“999999”的地区" in answer.text and "出错了" in answer.text
    assert "no region with code" not in answer.text  # a Chinese page says it in Chinese only
    english = viewer.get("/regions/999999/2017H1?lang=en", headers={"accept": "text/html"})
    assert "no region with code &#39;999999&#39;" in english.text and "地区" not in english.text


def test_browser_without_session_is_sent_to_login(client_as: SignIn) -> None:
    anonymous = client_as(None)
    answer = anonymous.get(
        "/regions/420102/2017H1", headers={"accept": "text/html"}, follow_redirects=False
    )
    assert answer.status_code == 303
    assert answer.headers["location"] == "/login?next=/regions/420102/2017H1"


def test_errors_are_said_in_chinese_on_chinese_pages(client_as: SignIn) -> None:
    caizheng = client_as("caizheng")  # 区财政局 may not enter 区发改委's investment
    figure = {"region": "420106", "indicator": "全社会固定资产投资", "period": "2017Q3", "value": 1}
    error = error_of(caizheng.post("/api/observations", json=figure), 403)
    assert error["zh"]["message"] == "区财政局不负责填报全社会固定资产投资（由区发改委填报）"
    page = caizheng.get("/audit", headers={"accept": "text/html"})
    assert page.status_code == 403
    assert "当前角色（填报单位）无权查看操作日志" in page.text and "reporter" not in page.text
    english = caizheng.get("/audit?lang=en", headers={"accept": "text/html"}).text
    assert "may not read the audit log" in english and "无权" not in english
