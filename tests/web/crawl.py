"""Following every same-site link of the app, as a reader would: what answers, what is missing.

A page is read for the links (``href``) and the element ids it holds; a JSON twin for the
site paths among its values. Every link is fetched once; an ``#anchor`` must be an id on
the HTML page it points at. Static files, signing out and addresses only posted to are
left alone.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import unquote, urldefrag, urlsplit

from fastapi import FastAPI
from fastapi.testclient import TestClient
from starlette.routing import Match

SKIPPED = ("/static/", "/logout")


class _Page(HTMLParser):
    """The hrefs and ids of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()
        self.repeated: set[str] = set()  # an id twice on a page: an anchor would be ambiguous

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "href" and value:
                self.hrefs.append(value)
            elif name == "id" and value:
                if value in self.ids:
                    self.repeated.add(value)
                self.ids.add(value)


def read_page(text: str) -> _Page:
    page = _Page()
    page.feed(text)
    return page


def html_links(text: str) -> tuple[list[str], set[str]]:
    page = read_page(text)
    return page.hrefs, page.ids


def json_links(data: Any) -> Iterator[str]:
    """Site paths among a JSON page's values (``href``, ``sources``, ``links`` …)."""
    if isinstance(data, dict):
        for value in data.values():
            yield from json_links(value)
    elif isinstance(data, list):
        for value in data:
            yield from json_links(value)
    elif isinstance(data, str) and data.startswith("/") and " " not in data:
        yield data


@dataclass
class Crawl:
    """What a crawl found: every link fetched, the broken ones, anchors missing."""

    app: FastAPI
    client: TestClient
    fetched: dict[str, int] = field(default_factory=dict)
    ids: dict[str, set[str]] = field(default_factory=dict)
    anchors_checked: int = 0
    broken: list[tuple[str, int, str]] = field(default_factory=list)  # (url, status, found on)
    missing: list[tuple[str, str]] = field(default_factory=list)  # (url#anchor, found on)
    repeated_ids: dict[str, set[str]] = field(default_factory=dict)  # page: ids found twice

    def run(self, starts: Iterable[str]) -> Crawl:
        queue: deque[tuple[str, str]] = deque((start, "(start)") for start in starts)
        anchored: list[tuple[str, str]] = []
        while queue:
            link, origin = queue.popleft()
            page, anchor = urldefrag(link)
            if anchor:
                anchored.append((link, origin))
            if page and page not in self.fetched and self._followed(page):
                queue.extend((found, page) for found in self._visit(page, origin))
        for link, origin in anchored:
            self._check_anchor(link, origin)
        return self

    def _followed(self, page: str) -> bool:
        path = urlsplit(page).path
        return not path.startswith(SKIPPED) and not _posted_only(self.app, unquote(path))

    def _visit(self, page: str, origin: str) -> list[str]:
        answer = self.client.get(page)
        self.fetched[page] = answer.status_code
        if answer.status_code != 200:
            self.broken.append((page, answer.status_code, origin))
            return []
        kind = answer.headers.get("content-type", "")
        if kind.startswith("text/html"):
            hrefs, self.ids[page] = html_links(answer.text)
            # a bare "#anchor" points into the page itself
            return [
                page + href if href.startswith("#") else href for href in hrefs if _same_site(href)
            ]
        if kind.startswith("application/json"):
            return [href for href in json_links(json.loads(answer.text)) if _same_site(href)]
        return []  # a download: nothing to follow

    def _check_anchor(self, link: str, origin: str) -> None:
        page, anchor = urldefrag(link)
        if page not in self.ids:
            return  # not an HTML page (a JSON twin, a skipped address): no ids to check
        self.anchors_checked += 1
        if anchor not in self.ids[page]:
            self.missing.append((link, origin))


def _same_site(href: str) -> bool:
    return href.startswith(("/", "#")) and not href.startswith("//")


def _posted_only(app: FastAPI, path: str) -> bool:
    """Whether routes at ``path`` take other methods but none answers GET (a form's address).

    An address no route knows is followed, so that it is counted as broken.
    """
    scope = {"type": "http", "path": path, "method": "GET", "root_path": "", "headers": []}
    matches = {route.matches(scope)[0] for route in app.routes}
    return Match.PARTIAL in matches and Match.FULL not in matches
