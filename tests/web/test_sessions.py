"""Sessions that end, sign-in throttling in bounded memory, headers against framing."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select

from planwatch.demo import Demo
from planwatch.store.models import AuditEntry
from planwatch.web.throttle import Throttle
from tests.web.helpers import SignIn, error_of


def test_the_cookie_of_a_signed_out_session_no_longer_works(client_as: SignIn) -> None:
    client = client_as("viewer")
    assert client.get("/api/regions").status_code == 200
    cookie = dict(client.cookies)
    client.post("/logout", follow_redirects=False)
    client.cookies.clear()
    client.cookies.update(cookie)  # a copy of the cookie, kept by whoever took it
    error = error_of(client.get("/api/regions"), 401)
    assert error["message"] == "you are not signed in"


def test_sign_in_tokens_never_reach_the_audit_log(client_as: SignIn, app: object) -> None:
    client = client_as("viewer")
    token = client.cookies.get("planwatch_session")
    store = app.state.store  # type: ignore[attr-defined]  # a FastAPI app
    with store.reading() as session:
        changes = list(
            session.scalars(select(AuditEntry.changes).where(AuditEntry.table_name == "sign_ins"))
        )
    assert changes and all(c["token_hash"] == "(secret)" for c in changes)
    assert token and token not in str(changes)


def _login(client: TestClient, name: str, password: str) -> int:
    answer = client.post(
        "/login", data={"username": name, "password": password}, follow_redirects=False
    )
    return answer.status_code


def test_the_eleventh_wrong_password_within_a_minute_is_throttled(
    client_as: SignIn, demo: Demo
) -> None:
    client = client_as(None)
    assert [_login(client, "planner", "wrong") for _ in range(10)] == [401] * 10
    answer = client.post(
        "/login",
        data={"username": "planner", "password": demo.passwords["planner"]},
        headers={"accept": "application/json"},
        follow_redirects=False,
    )
    error = error_of(answer, 429)
    assert error["message"].startswith("too many wrong passwords; sign-in is paused for")
    assert answer.headers["retry-after"] == "60"


def test_throttling_counts_per_address_across_accounts(client_as: SignIn) -> None:
    client = client_as(None)
    assert {_login(client, f"guess{i}", "wrong") for i in range(10)} == {401}
    assert _login(client, "someone-else", "wrong") == 429


def test_basic_credentials_are_throttled_too(client_as: SignIn, demo: Demo) -> None:
    client = client_as(None)
    for _ in range(10):
        assert client.get("/api/regions", auth=("admin", "wrong")).status_code == 401
    error_of(client.get("/api/regions", auth=("admin", demo.passwords["admin"])), 429)


def test_a_right_password_does_not_count_as_a_failure(client_as: SignIn, demo: Demo) -> None:
    client = client_as(None)
    for _ in range(11):
        assert _login(client, "viewer", demo.passwords["viewer"]) == 303


def test_the_throttle_forgets_the_oldest_keys_under_a_flood() -> None:
    throttle = Throttle(keys=100)
    for i in range(20_000):
        throttle.attempt(f"account:{i}", f"address:{i}")
    assert len(throttle._seen) == 100


def test_pages_refuse_to_be_framed_or_sniffed(client_as: SignIn) -> None:
    client = client_as("viewer")
    for path in ("/regions", "/regions.json", "/login", "/api/nothing", "/static/planwatch.css"):
        headers = client.get(path).headers
        assert headers["x-frame-options"] == "DENY", path
        assert headers["content-security-policy"] == "frame-ancestors 'none'", path
        assert headers["x-content-type-options"] == "nosniff", path
        assert headers["referrer-policy"] == "same-origin", path


def test_every_error_code_is_named_in_both_languages() -> None:
    import planwatch.errors as errors
    import planwatch.web.errors as web_errors
    from planwatch.web.i18n import MESSAGES

    classes = [
        value
        for module in (errors, web_errors)
        for value in vars(module).values()
        if isinstance(value, type) and issubclass(value, errors.PlanwatchError)
    ]
    codes = {cls.code for cls in classes}
    assert {"too_large", "too_many_requests", "busy", "conflict"} <= codes
    assert sorted(c for c in codes if f"error_{c}" not in MESSAGES) == []


def test_the_error_page_leads_in_chinese_and_in_english(client_as: SignIn) -> None:
    client = client_as("viewer")
    page = client.get("/documents/999999", headers={"accept": "text/html"})
    assert page.status_code == 404 and "找不到该内容" in page.text
    english = client.get("/documents/999999?lang=en", headers={"accept": "text/html"})
    assert "Not found" in english.text


def test_only_the_report_preview_may_be_framed_and_only_by_this_site(
    client_as: SignIn,
) -> None:
    headers = client_as("viewer").get("/regions/420106/2017H1/report.html?inline=1").headers
    assert headers["x-frame-options"] == "SAMEORIGIN"
    assert headers["content-security-policy"] == "frame-ancestors 'self'"
    assert headers["x-content-type-options"] == "nosniff"


def test_basic_credentials_are_verified_once_then_kept_briefly(
    client_as: SignIn, demo: Demo, monkeypatch: object
) -> None:
    """Right credentials cost one password hash, not one per request; wrong ones are never
    kept, so each still fails and counts towards the throttle."""
    from planwatch.web import auth

    checks: list[str] = []
    real = auth.authenticate

    def counted(session: object, name: str, password: str) -> object:
        checks.append(name)
        return real(session, name, password)  # type: ignore[arg-type]

    monkeypatch.setattr(auth, "authenticate", counted)  # type: ignore[attr-defined]
    client = client_as(None)
    for _ in range(5):
        assert (
            client.get("/api/regions", auth=("viewer", demo.passwords["viewer"])).status_code == 200
        )
    assert checks == ["viewer"]
    for _ in range(3):
        assert client.get("/api/regions", auth=("viewer", "wrong")).status_code == 401
    assert checks == ["viewer"] * 4
