"""Signing in: a login form setting a signed session cookie, or HTTP Basic for scripts.

Every page and API route needs a signed-in user (data of a government office is not
public, even on its intranet); ``/login``, ``/static`` and the OpenAPI pages do not.
Each action checks the role through ``planwatch.users.check_allowed``.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from typing import Annotated
from urllib.parse import urlparse

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from planwatch.errors import Unauthorized
from planwatch.store import Store
from planwatch.users import Account, Action, account, authenticate, check_allowed
from planwatch.web.render import html

router = APIRouter(tags=["auth"])


def app_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def signed_in(request: Request) -> Account:
    """The user of this request, from the session cookie or an Authorization header."""
    user = _from_basic(request) or _from_session(request)
    if user is None:
        raise Unauthorized(
            "you are not signed in",
            "sign in at /login, or send HTTP Basic credentials with API requests",
        )
    request.state.user = user
    return user


def _from_session(request: Request) -> Account | None:
    user_id = request.session.get("user_id")
    if not isinstance(user_id, int):
        return None
    with app_store(request).reading() as session:
        return account(session, user_id)


def _from_basic(request: Request) -> Account | None:
    header = request.headers.get("authorization", "")
    if not header.lower().startswith("basic "):
        return None
    try:
        name, _, password = base64.b64decode(header[6:]).decode("utf-8").partition(":")
    except (binascii.Error, UnicodeDecodeError) as err:
        raise Unauthorized(
            "the Authorization header is not valid Basic credentials",
            "send base64 of 'name:password'",
        ) from err
    with app_store(request).reading() as session:
        user = authenticate(session, name, password)
    if user is None:
        raise Unauthorized("wrong user name or password", "check both and try again")
    return user


def allowed(action: Action) -> Callable[[Request], Account]:
    """A dependency: the signed-in user, refused unless the role allows ``action``.

    Region limits are checked where the region is known, with ``check_allowed``.
    """

    def dependency(request: Request) -> Account:
        user = signed_in(request)
        with app_store(request).reading() as session:
            check_allowed(session, user, action)
        return user

    return dependency


Viewer = Annotated[Account, Depends(allowed("read"))]


@router.get("/login", include_in_schema=False)
def login_form(request: Request, next_page: Annotated[str, Query(alias="next")] = "/") -> Response:
    return html(request, "login.html", {"next": _safe_next(next_page), "failed": False})


@router.post("/login", include_in_schema=False)
def login(
    request: Request,
    username: Annotated[str, Form()],
    password: Annotated[str, Form()],
    next_page: Annotated[str, Form(alias="next")] = "/",
) -> Response:
    with app_store(request).reading() as session:
        user = authenticate(session, username.strip(), password)
    if user is None:
        data = {"next": _safe_next(next_page), "failed": True, "username": username}
        return html(request, "login.html", data, status=401)
    request.session.clear()
    request.session["user_id"] = user.id
    return RedirectResponse(_safe_next(next_page), status_code=303)


@router.post("/logout", include_in_schema=False)
def logout(request: Request) -> Response:
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


def _safe_next(target: str) -> str:
    """Only paths on this site, so the login form cannot send anyone elsewhere."""
    parsed = urlparse(target)
    if parsed.scheme or parsed.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


__all__ = ["Viewer", "allowed", "app_store", "check_allowed", "router", "signed_in"]
