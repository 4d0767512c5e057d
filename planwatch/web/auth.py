"""Signing in: a login form setting a signed session cookie, or a token or HTTP Basic
for programs.

Every page and API route needs a signed-in user (data of a government office is not
public, even on its intranet), except the dashboard's public view (``Visitor``): the
published figures of regions a planner made public. Each action checks the role through
``planwatch.records.users.check_allowed``. The reader decides which figures count for
the request (``reading_as``); a form posted with the session cookie must carry the
session's CSRF token (field ``csrf`` or header ``X-CSRF-Token``).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Annotated
from urllib.parse import urlparse

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from planwatch.errors import Forbidden, Unauthorized
from planwatch.reads.figures import Counting, set_counting
from planwatch.reads.regions import stored_region
from planwatch.reads.users import has_users
from planwatch.records.signins import (
    end_sign_in,
    exchange_sign_in,
    signed_in_account,
    start_sign_in,
)
from planwatch.records.tokens import token_account
from planwatch.records.users import (
    ANONYMOUS,
    Account,
    Action,
    authenticate,
    check_allowed,
    require_role,
)
from planwatch.store import Store
from planwatch.web.render import html
from planwatch.web.throttle import Throttle, sign_in_keys

router = APIRouter(tags=["auth"])
TOKEN = "sign_in"  # the session cookie's key for the server-side sign-in token


def app_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


class RecentAccounts:
    """Sign-ins looked up in the last ``seconds``, so reading a page costs no sign-in query.

    A changed role or a removed user takes effect within that time; signing out in this
    process at once (``forget``). At most ``size`` are kept, the oldest dropped first.
    """

    def __init__(self, seconds: float = 30.0, size: int = 10_000) -> None:
        self.seconds = seconds
        self.size = size
        self._seen: OrderedDict[str, tuple[float, Account | None]] = OrderedDict()

    def get(self, token: str) -> tuple[bool, Account | None]:
        kept = self._seen.get(token)
        if kept is None or time.monotonic() - kept[0] > self.seconds:
            return False, None
        return True, kept[1]

    def put(self, token: str, user: Account | None) -> None:
        self._seen[token] = (time.monotonic(), user)
        self._seen.move_to_end(token)
        while len(self._seen) > self.size:
            self._seen.popitem(last=False)

    def forget(self, token: str) -> None:
        self._seen.pop(token, None)


async def signed_in(request: Request) -> Account:
    """The user of this request, from the session cookie or an Authorization header."""
    user = await _identified(request)
    if user is None:
        raise Unauthorized("web.auth.not_signed_in")
    return user


async def visitor(request: Request) -> Account:
    """The signed-in user, or the anonymous visitor of the public view."""
    user = await _identified(request)
    if user is not None:
        return user
    request.state.user = None
    set_counting("published")
    return ANONYMOUS


async def _identified(request: Request) -> Account | None:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("basic "):
        # argon2 is slow by design: verify off the event loop
        user: Account | None = await run_in_threadpool(_from_basic, request, header)
    elif header.lower().startswith("bearer "):
        user = await run_in_threadpool(_from_token, request, header[7:].strip())
    else:
        user = await _from_session(request)
        if user is not None and request.method not in SAFE_METHODS:
            await _check_csrf(request)
    if user is not None:
        request.state.user = user
        set_counting(reading_as(user, request.query_params.get("preview")))
    return user


SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSRF = "csrf"  # the session's key, the form field's name


def reading_as(user: Account, preview: str | None) -> Counting:
    """Which figures count for this reader: a reporter sees what is published, the office
    what is approved, and a planner's preview (``?preview=submitted``) also what waits; a
    viewer reads what waits too, marked 未审核 like the preview."""
    if user.role == "reporter":
        return "published"
    if user.role == "viewer" or (preview == "submitted" and user.may("approve")):
        return "submitted"
    return "approved"


async def _check_csrf(request: Request) -> None:
    expected = request.session.get(CSRF)
    sent: object = request.headers.get("x-csrf-token")
    if sent is None and "form" in request.headers.get("content-type", ""):
        sent = (await request.form()).get(CSRF)  # Starlette keeps the parsed form
    if not isinstance(expected, str) or not isinstance(sent, str):
        raise Forbidden("web.auth.csrf_missing")
    if not hmac.compare_digest(expected, sent):
        raise Forbidden("web.auth.csrf_stale")


def reporter_scope(user: Account) -> int | None:
    """The department whose unpublished figures a reporter may see (-1: none); None for
    every other role, which sees every figure."""
    if user.role != "reporter":
        return None
    return user.department_id if user.department_id is not None else -1


def check_visitor(request: Request, user: Account, code: str) -> None:
    """Anonymous visitors reach only public regions (401 elsewhere); users every region."""
    if user is ANONYMOUS:
        with app_store(request).reading() as session:
            check_allowed(session, user, "read", stored_region(session, code))


def _from_token(request: Request, token: str) -> Account:
    with app_store(request).reading() as session:
        user = token_account(session, token)
    if user is None:
        raise Unauthorized("web.auth.token_unknown")
    return user


async def _from_session(request: Request) -> Account | None:
    token = request.session.get(TOKEN)
    if not isinstance(token, str):
        return None
    recent: RecentAccounts = request.app.state.recent_accounts
    known, user = recent.get(token)
    if not known:
        user = await run_in_threadpool(_look_up, app_store(request), token)
        recent.put(token, user)
    return user


def _look_up(store: Store, token: str) -> Account | None:
    with store.reading() as session:
        return signed_in_account(session, token)


def _from_basic(request: Request, header: str) -> Account:
    try:
        name, _, password = base64.b64decode(header[6:]).decode("utf-8").partition(":")
    except (binascii.Error, UnicodeDecodeError) as err:
        raise Unauthorized("web.auth.bad_basic") from err
    recent: RecentAccounts = request.app.state.recent_accounts
    key = _basic_key(header)
    known, user = recent.get(key)
    if known and user is not None:
        return user  # verified in the last seconds: no argon2 hash per request
    user = _checked_password(request, name, password)
    if user is None:
        raise Unauthorized("web.auth.wrong_password")
    recent.put(key, user)
    return user


# the process's own key: the cache holds a keyed digest of the credentials, never them
_BASIC_KEY = secrets.token_bytes(32)


def _basic_key(header: str) -> str:
    """Only right credentials are kept, so wrong ones still count towards the throttle."""
    return "basic:" + hmac.new(_BASIC_KEY, header.encode("utf-8"), hashlib.sha256).hexdigest()


def _checked_password(request: Request, name: str, password: str) -> Account | None:
    """The account if the password is right; wrong ones count towards the throttle."""
    throttle: Throttle = request.app.state.throttle
    keys = sign_in_keys(name, request.client.host if request.client else None)
    throttle.attempt(*keys)
    with app_store(request).reading() as session:
        user = authenticate(session, name, password)
    if user is not None:
        throttle.succeeded(*keys)
    return user


def allowed(action: Action) -> Callable[[Request], Awaitable[Account]]:
    """A dependency: the signed-in user, refused unless the role allows ``action``.

    Region limits are checked where the region is known, with ``check_allowed``.
    """

    async def dependency(request: Request) -> Account:
        user = await signed_in(request)
        require_role(user, action)
        return user

    return dependency


Viewer = Annotated[Account, Depends(allowed("read"))]
Visitor = Annotated[Account, Depends(visitor)]


@router.get("/login", include_in_schema=False)
def login_form(request: Request, next_page: Annotated[str, Query(alias="next")] = "/") -> Response:
    return html(request, "login.html", _login_page(request, next_page, failed=False))


def _login_page(request: Request, next_page: str, *, failed: bool) -> dict[str, object]:
    """The form's data; ``no_users``: a new database, where nobody can sign in yet."""
    with app_store(request).reading() as session:
        no_users = not has_users(session)
    return {"next": _safe_next(next_page), "failed": failed, "no_users": no_users}


@router.get("/login/once", include_in_schema=False)
def login_once(
    request: Request,
    token: Annotated[str, Query(max_length=100)],
    next_page: Annotated[str, Query(alias="next")] = "/",
) -> Response:
    """A one-time sign-in link (the demo prints one): it signs in once, then stops working."""
    with app_store(request).transaction(actor="sign-in link") as session:
        exchanged = exchange_sign_in(session, token)
    if exchanged is None:
        page = {**_login_page(request, next_page, failed=False), "link_used": True}
        return html(request, "login.html", page, status=401)
    request.app.state.recent_accounts.forget(token)
    _signed_in(request, exchanged[1])
    return RedirectResponse(_safe_next(next_page), status_code=303)


def _signed_in(request: Request, token: str) -> None:
    request.session.clear()
    request.session[TOKEN] = token
    request.session[CSRF] = secrets.token_urlsafe(32)


@router.post("/login", include_in_schema=False)
def login(
    request: Request,
    username: Annotated[str, Form()],
    password: Annotated[str, Form()],
    next_page: Annotated[str, Form(alias="next")] = "/",
) -> Response:
    user = _checked_password(request, username.strip(), password)
    if user is None:
        data = {**_login_page(request, next_page, failed=True), "username": username}
        return html(request, "login.html", data, status=401)
    with app_store(request).transaction(actor=user.name) as session:
        token = start_sign_in(session, user.id)
    _signed_in(request, token)
    return RedirectResponse(_safe_next(next_page), status_code=303)


@router.post("/logout", include_in_schema=False)
async def logout(request: Request) -> Response:
    """Ends the sign-in on the server: the cookie, even a copy of it, no longer works."""
    if request.session.get(TOKEN) is not None:
        await _check_csrf(request)  # no other site may sign anyone out
    token = request.session.get(TOKEN)
    if isinstance(token, str):
        await run_in_threadpool(_end_sign_in, request, token)
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


def _end_sign_in(request: Request, token: str) -> None:
    with app_store(request).transaction(actor="logout") as session:
        end_sign_in(session, token)
    request.app.state.recent_accounts.forget(token)


def _safe_next(target: str) -> str:
    """Only paths on this site, so the login form cannot send anyone elsewhere."""
    parsed = urlparse(target)
    if parsed.scheme or parsed.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


__all__ = [
    "Viewer",
    "Visitor",
    "allowed",
    "app_store",
    "check_allowed",
    "check_visitor",
    "reporter_scope",
    "router",
    "signed_in",
]
