"""Every error leaves the app in one shape: ``PlanwatchError.as_dict()``.

Unknown routes, wrong methods and request validation become PlanwatchErrors too, so a
client parses one shape whatever went wrong. HTML pages show the same message and hint;
a browser that is not signed in is sent to the login form instead.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from planwatch import links
from planwatch.errors import InvalidInput, NotFound, PlanwatchError, Unauthorized
from planwatch.store.failures import KNOWN_FAILURES, known_failure
from planwatch.vocabulary.messages import described, listing
from planwatch.web.limits import BodyTooLarge
from planwatch.web.render import ChineseJSONResponse, html, wants_json

log = logging.getLogger(__name__)


class ValidationFailed(PlanwatchError):
    status = 422
    code = "validation_failed"


class MethodNotAllowed(PlanwatchError):
    status = 405
    code = "method_not_allowed"


class ServerError(PlanwatchError):
    status = 500
    code = "server_error"


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(PlanwatchError, _planwatch_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    # named here, not only under Exception: Starlette re-raises what reaches the catch-all
    for known in KNOWN_FAILURES:
        app.add_exception_handler(known, _unexpected_error)
    app.add_exception_handler(Exception, _unexpected_error)


def error_response(request: Request, error: PlanwatchError) -> Response:
    if isinstance(error, Unauthorized) and _is_browser_page(request):
        target = str(request.url.path) + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(links.login(target), status_code=303)
    response: Response
    if wants_json(request) or request.headers.get("hx-request") or not _accepts_html(request):
        response = ChineseJSONResponse(error.as_dict(), status_code=error.status)
    else:
        response = html(request, "error.html", error.as_dict(), status=error.status)
    if error.status in RETRY_AFTER:
        response.headers["Retry-After"] = RETRY_AFTER[error.status]
    return response


# seconds a client should wait: the sign-in throttle's window, a busy database's queue
RETRY_AFTER = {429: "60", 503: "5"}


def _is_browser_page(request: Request) -> bool:
    return request.method == "GET" and not wants_json(request) and _accepts_html(request)


def _accepts_html(request: Request) -> bool:
    return "text/html" in request.headers.get("accept", "")


async def _planwatch_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, PlanwatchError)
    return error_response(request, exc)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = [described(problem) for problem in exc.errors()]
    if not problems:
        return error_response(request, ValidationFailed("web.errors.validation_empty"))
    said = listing(problems, "; ", "；")
    return error_response(request, ValidationFailed("web.errors.validation", problems=said))


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    error: PlanwatchError
    if isinstance(exc, BodyTooLarge):
        error = exc.error
    elif exc.status_code == 404:
        error = NotFound("web.errors.not_found", path=request.url.path)
    elif exc.status_code == 400:  # FastAPI could not parse the body (JSON, form)
        error = InvalidInput("web.errors.body_unreadable")
    elif exc.status_code == 405:
        error = MethodNotAllowed(
            "web.errors.method_not_allowed", method=request.method, path=request.url.path
        )
    else:
        error = PlanwatchError("web.errors.http", status=exc.status_code)
        error.status = exc.status_code
    return error_response(request, error)


async def _unexpected_error(request: Request, exc: Exception) -> Response:
    known = known_failure(exc)
    if known is not None:
        log.info("%s on %s: %s", type(exc).__name__, request.url.path, known.message)
        return error_response(request, known)
    log.exception("unexpected error on %s", request.url.path, exc_info=exc)
    error = ServerError("web.errors.server_failed")
    return error_response(request, error)
