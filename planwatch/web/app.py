"""The app factory: settings in, a FastAPI app out; nothing is built at import time."""

from __future__ import annotations

import re
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from anyio import CapacityLimiter
from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.middleware.sessions import SessionMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from planwatch.config import Settings
from planwatch.records.signins import SESSION_HOURS
from planwatch.store import Store, open_store
from planwatch.web import (
    api,
    audit,
    auth,
    collection,
    compare,
    departments,
    documents,
    entry,
    indicator,
    ledger,
    ledger_api,
    ledger_edit,
    ledger_entry,
    ledger_workbook,
    narratives,
    objects,
    overview,
    plans,
    report,
    rules,
    submissions,
    task_entry,
    upload,
)
from planwatch.web.auth import RecentAccounts
from planwatch.web.cache import PageCache
from planwatch.web.errors import install_error_handlers
from planwatch.web.limits import BodyLimit
from planwatch.web.render import ChineseJSONResponse, template_environment
from planwatch.web.throttle import Throttle

STATIC = Path(__file__).parent / "static"
HEAVY_WORK = 2
SESSION_COOKIE = "planwatch_session"


def app_from_env() -> FastAPI:
    """The app as a server process of ``planwatch serve --workers N`` builds it: the
    database and secret key from ``PLANWATCH_DATABASE_URL`` and ``PLANWATCH_SECRET_KEY``."""
    return create_app(Settings.from_env())


def create_app(
    settings: Settings, *, store: Store | None = None, page_cache_size: int = 256
) -> FastAPI:
    """The web app on ``settings.database_url``; pass ``store`` to share an open one.

    ``page_cache_size`` page dicts are kept until the data changes (0 keeps none).
    """
    owned = store is None
    opened = store if store is not None else open_store(settings, create=True)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            opened.dispose()

    app = FastAPI(
        title="planwatch 计划执行监测",
        description="Plan targets, figures, assessments and extracted facts of district "
        "development plans. Every page at `/path` has its data at `/path.json`.",
        version="0.1.0",
        default_response_class=ChineseJSONResponse,
        lifespan=lifespan,
        docs_url=None,  # served below from vendored files: FastAPI's default loads a CDN
        redoc_url=None,
    )
    app.state.store = opened
    app.state.settings = settings
    app.state.templates = template_environment()
    app.state.page_cache = PageCache(page_cache_size)
    app.state.recent_accounts = RecentAccounts()
    app.state.throttle = Throttle()
    # extraction is CPU-bound: two documents at a time leave the other threads to pages
    app.state.heavy_work = CapacityLimiter(HEAVY_WORK)
    _add_middleware(app, settings)
    install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (
        auth,
        overview,
        indicator,
        compare,
        documents,
        upload,
        entry,
        report,
        narratives,
        api,
        plans,  # before objects: /plans/new is no plan id
        objects,
        submissions,
        departments,
        audit,
        ledger,
        ledger_api,
        ledger_edit,
        ledger_entry,
        ledger_workbook,
        collection,
        rules,
        task_entry,
    ):
        app.include_router(module.router)
    _declare_security(app)
    app.add_api_route("/", _home, include_in_schema=False)
    app.add_api_route("/docs", _api_docs, include_in_schema=False)
    return app


# how programs sign in, as the OpenAPI schema tells /docs (its Authorize button) and clients
SECURITY_SCHEMES = {
    "token": {"type": "http", "scheme": "bearer", "description": "planwatch tokens add"},
    "basic": {"type": "http", "scheme": "basic"},
    "session": {"type": "apiKey", "in": "cookie", "name": SESSION_COOKIE},
}


def _declare_security(app: FastAPI) -> None:
    plain = app.openapi

    def openapi() -> dict[str, Any]:
        fresh = app.openapi_schema is None
        schema = plain()  # FastAPI builds it once and keeps it in app.openapi_schema
        if fresh:
            schema.setdefault("components", {})["securitySchemes"] = SECURITY_SCHEMES
            schema["security"] = [{name: []} for name in SECURITY_SCHEMES]
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def _api_docs() -> Response:

    return get_swagger_ui_html(
        openapi_url="/openapi.json",
        title="planwatch API",
        swagger_js_url="/static/swagger/swagger-ui-bundle.js",
        swagger_css_url="/static/swagger/swagger-ui.css",
        swagger_favicon_url="/static/swagger/favicon-32x32.png",
    )


def _add_middleware(app: FastAPI, settings: Settings) -> None:
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key,
        session_cookie=SESSION_COOKIE,
        max_age=SESSION_HOURS * 3600,
        same_site="lax",  # forms posted from other sites carry no session
        https_only=settings.https_only,
    )
    app.add_middleware(BodyLimit)  # before sessions: a refused body costs no cookie check
    app.add_middleware(SecurityHeaders)
    app.add_middleware(ServerTiming)  # added last, so it runs first and times everything


def _home() -> Response:
    return RedirectResponse("/regions", status_code=303)


# No page may be framed (clickjacking), no answer sniffed into another type, and no
# address of this intranet leaves in a Referer header to another site.
SECURITY_HEADERS = (
    ("X-Frame-Options", "DENY"),
    ("Content-Security-Policy", "frame-ancestors 'none'"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "same-origin"),
)


# The report page shows the drafted report in a frame of its own page: that one document
# may be framed by this origin, and by no other.
SAME_ORIGIN_FRAMES = (
    ("X-Frame-Options", "SAMEORIGIN"),
    ("Content-Security-Policy", "frame-ancestors 'self'"),
)
FRAMED = re.compile(r"^/regions/[^/]+/[^/]+/report\.html$")


class SecurityHeaders:
    """Adds ``SECURITY_HEADERS`` to every answer, errors and static files included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        framed = dict(SAME_ORIGIN_FRAMES) if FRAMED.match(scope["path"]) else {}

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS:
                    headers.setdefault(name, framed.get(name, value))
            await send(message)

        await self.app(scope, receive, with_headers)


class ServerTiming:
    """Adds ``Server-Timing: app;dur=…`` so benchmarks can tell the app's time from the client's.

    A plain ASGI wrapper: Starlette's ``@app.middleware("http")`` would itself add a good
    part of a millisecond to every request.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()

        async def timed_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                elapsed = (time.perf_counter() - started) * 1000
                headers = MutableHeaders(scope=message)
                headers.append("Server-Timing", f"app;dur={elapsed:.2f}")
            await send(message)

        await self.app(scope, receive, timed_send)
