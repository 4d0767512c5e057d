"""The pages of the app, from its own route table, filled with the demo's parameters.

A new HTML route joins every test that walks these pages (phone width, language) by
existing; ``MORE`` adds addresses the parameters alone do not reach.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import quote

from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.web.test_access import PARAMETERS, app_routes

OVERVIEW = "/regions/420106/2017H1"
MORE = (
    "/regions/420106/2017M07/submissions",  # a returned and a submitted department
    f"{OVERVIEW}/indicators/{quote('城镇登记失业率')}",  # a rate: a share chart
    f"{OVERVIEW}/indicators/{quote('城镇新增就业')}",  # figures in 人, the catalogue in 万人
    "/regions/999999/2017H1",  # the error page
)


def html_templates(app: FastAPI) -> list[str]:
    """The GET routes that answer a page (not a twin, a download or the API)."""
    return sorted(
        path
        for method, path in set(app_routes(app))
        if method == "GET"
        and not path.startswith("/api/")
        and not re.search(r"\.(json|csv|xlsx|\{fmt\})$", path)
    )


VALUES = {**PARAMETERS, "observation_id": "1"}


def filled(template: str) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: quote(VALUES[m.group(1)]), template)


def pages_of(client: TestClient, addresses: Iterable[str]) -> list[str]:
    """The addresses that answer this client with an HTML page (downloads are left out;
    the error page of ``MORE`` is kept)."""
    found = []
    for address in addresses:
        answer = client.get(address, follow_redirects=False)
        if answer.headers.get("content-type", "").startswith("text/html") and (
            answer.status_code == 200 or address in MORE
        ):
            found.append(address)
    return found


def every_page(app: FastAPI, client: TestClient) -> list[str]:
    return pages_of(client, [*map(filled, html_templates(app)), *MORE])


def in_language(address: str, lang: str) -> str:
    return f"{address}{'&' if '?' in address else '?'}lang={lang}"
