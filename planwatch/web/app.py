"""The app factory: settings in, a FastAPI app out; nothing is built at import time."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from planwatch.config import Settings
from planwatch.store import Store, open_store
from planwatch.web import (
    api,
    auth,
    compare,
    documents,
    entry,
    indicator,
    overview,
    report,
    upload,
)
from planwatch.web.errors import install_error_handlers
from planwatch.web.render import ChineseJSONResponse, template_environment

STATIC = Path(__file__).parent / "static"
SESSION_COOKIE = "planwatch_session"
SESSION_HOURS = 10  # a working day; then sign in again


def create_app(settings: Settings, *, store: Store | None = None) -> FastAPI:
    """The web app on ``settings.database_url``; pass ``store`` to share an open one."""
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
    )
    app.state.store = opened
    app.state.settings = settings
    app.state.templates = template_environment()
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key,
        session_cookie=SESSION_COOKIE,
        max_age=SESSION_HOURS * 3600,
        same_site="lax",  # forms posted from other sites carry no session
    )
    app.middleware("http")(_server_timing)
    install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (auth, overview, indicator, compare, documents, upload, entry, report, api):
        app.include_router(module.router)
    app.add_api_route("/", _home, include_in_schema=False)
    return app


def _home() -> Response:
    return RedirectResponse("/regions", status_code=303)


async def _server_timing(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    """Report the app's own time, so benchmarks can tell it from the client's."""
    started = time.perf_counter()
    response = await call_next(request)
    elapsed = (time.perf_counter() - started) * 1000
    response.headers["Server-Timing"] = f"app;dur={elapsed:.2f}"
    return response
