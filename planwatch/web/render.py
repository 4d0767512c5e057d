"""One dict per page, rendered as HTML or as JSON: the dashboard and the API cannot disagree.

A page is registered twice: ``/path`` (HTML, hidden from OpenAPI) and ``/path.json``
(documented); both call the same endpoint, which builds the dict and hands it to
``respond``. The suffix of the request path decides the rendering.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from planwatch import jsondata, links, numberformat, units
from planwatch.vocabulary import MEASURES
from planwatch.web.export import EXPORTS, export_suffix, rendered
from planwatch.web.i18n import COOKIE, LANGUAGES, language, translator

TEMPLATES = Path(__file__).parent / "templates"


class ChineseJSONResponse(JSONResponse):
    """JSON with Chinese left readable, dates as ISO strings, never NaN (``planwatch.jsondata``)."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return jsondata.dumps(content).encode("utf-8")


def template_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=jinja2.select_autoescape(["html"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # figures by the one rule of planwatch.numberformat: ``{{ value|num(unit) }}``
    env.filters["num"] = numberformat.grouped
    env.filters["exact"] = exact_number
    env.filters["unit"] = unit_word
    env.filters["pct"] = lambda v: "—" if v is None else f"{numberformat.one_decimal(v)}%"
    env.filters["beijing"] = beijing_time
    env.globals["MEASURES"] = MEASURES
    env.globals["links"] = links  # templates link to objects by the one module that builds URLs
    return env


CHINA_STANDARD_TIME = timezone(timedelta(hours=8), "CST")


def beijing_time(value: datetime | None, seconds: bool = False) -> str:
    """Stored times are UTC (SQLite drops the zone); offices read Beijing time."""
    if value is None:
        return ""
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return aware.astimezone(CHINA_STANDARD_TIME).strftime(
        "%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M"
    )


@jinja2.pass_context
def unit_word(context: jinja2.runtime.Context, unit: str | None) -> str:
    """A figure's unit in the page's language: 亿元 on a Chinese page, 100 million yuan
    (after a space) on an English one."""
    if context.get("lang") != "en" or not unit:
        return unit or ""
    named = units.english(unit)
    return named if named in ("%", "‰") else f" {named}"


def exact_number(value: float | None) -> str:
    """A number as it was read or stored, every digit kept (a fact under review)."""
    return "—" if value is None else numberformat.number(value, numberformat.MOST_PLACES)


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.endswith(".json") or path.startswith("/api/")


def request_language(request: Request) -> str:
    return language(request.query_params.get("lang"), request.cookies.get(COOKIE))


def respond(
    request: Request, template: str, data: dict[str, Any], *, status: int = 200
) -> Response:
    suffix = export_suffix(request.url.path)
    if suffix is not None:
        return _exported(request, data, suffix)
    if wants_json(request):
        return ChineseJSONResponse(data, status_code=status)
    return html(request, template, data, status=status)


def _exported(request: Request, data: dict[str, Any], suffix: str) -> Response:
    """The page's main table as a spreadsheet, its headers in the reader's language."""
    t = translator(request_language(request))
    name = request.url.path.rstrip("/").rsplit("/", 1)[-1]
    return Response(
        rendered(data, suffix, lambda column: t(column.rsplit(".", 1)[-1])),
        media_type=EXPORTS[suffix],
        headers={"content-disposition": f"attachment; filename*=UTF-8''{quote(name)}"},
    )


def html(request: Request, template: str, data: dict[str, Any], *, status: int = 200) -> Response:
    lang = request_language(request)
    env: jinja2.Environment = request.app.state.templates
    body = env.get_template(template).render(
        page=data,
        t=translator(lang),
        lang=lang,
        user=getattr(request.state, "user", None),
        csrf=_csrf(request),
        path=request.url.path,
        json_href=_json_href(request),
        export_href={s[1:]: _json_href(request).replace(".json", s, 1) for s in EXPORTS},
        lang_href={other: _with_query(request, lang=other) for other in LANGUAGES},
    )
    response = HTMLResponse(body, status_code=status)
    if request.query_params.get("lang") in LANGUAGES:
        response.set_cookie(COOKIE, lang, max_age=365 * 24 * 3600, samesite="lax")
    return response


def _csrf(request: Request) -> str | None:
    """The session's CSRF token, which every form and htmx request of the page sends."""
    token = request.session.get("csrf") if "session" in request.scope else None
    return token if isinstance(token, str) else None


def _json_href(request: Request) -> str:
    path = request.url.path.rstrip("/") or "/"
    query = f"?{request.url.query}" if request.url.query else ""
    return f"{path}.json{query}"


def _with_query(request: Request, **changes: str) -> str:
    params = dict(request.query_params)
    params.update(changes)
    return f"{request.url.path}?{urlencode(params)}"


def twin(
    router: APIRouter,
    path: str,
    endpoint: Callable[..., Any],
    *,
    summary: str,
    methods: Sequence[str] = ("GET",),
    tags: Sequence[str] = ("pages",),
    response_model: Any = None,
) -> None:
    """Register ``endpoint`` at ``path.json`` (in OpenAPI) and at ``path`` (the HTML page).

    The JSON route goes first so that ``{param}.json`` is never read as a parameter value.
    ``response_model`` describes the page's data in OpenAPI; the endpoint answers a built
    response, so FastAPI documents the model without serialising through it again.
    """
    router.add_api_route(
        f"{path}.json",
        endpoint,
        methods=list(methods),
        summary=summary,
        tags=list(tags),
        response_class=ChineseJSONResponse,
        response_model=response_model,
    )
    for suffix in EXPORTS:  # the page's table as a spreadsheet (planwatch.web.export)
        router.add_api_route(f"{path}{suffix}", endpoint, methods=["GET"], include_in_schema=False)
    router.add_api_route(
        path, endpoint, methods=list(methods), include_in_schema=False, response_class=HTMLResponse
    )
