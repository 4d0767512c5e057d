"""Page dicts kept until the data changes, so leaders' dashboards answer in a millisecond.

Building a page still costs a few milliseconds (its six or so queries, the assessment's
Python, the framework) where a kept one costs well under one, and the dashboard is read
far more often than the data changes. Every change made
through ``Store.transaction`` writes audit entries, so the newest audit id is the
data's version: one primary-key lookup tells whether a kept dict is still true, even
when another process (the CLI) changed the database.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from fastapi import Request
from sqlalchemy.orm import Session

from planwatch.reads.changes import data_version
from planwatch.reads.figures import current_counting
from planwatch.store import Store

PageData = dict[str, Any]


def cached_page(request: Request, key: Hashable, build: Callable[[Session], PageData]) -> PageData:
    """The page for ``key`` as this reader sees it (which figures count is part of the key)."""
    cache: PageCache = request.app.state.page_cache
    return cache.page(request.app.state.store, (key, current_counting()), build)


class PageCache:
    """The most recently used page dicts, each valid for one data version.

    Callers must treat the returned dicts as read-only: they are shared between requests.
    Errors raised while building (an unknown region, say) are not kept.
    """

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._entries: OrderedDict[Hashable, tuple[tuple[int, int], PageData]] = OrderedDict()
        self._lock = threading.Lock()

    def __contains__(self, key: Hashable) -> bool:
        return key in self._entries

    def page(self, store: Store, key: Hashable, build: Callable[[Session], PageData]) -> PageData:
        """The kept dict for ``key`` if the data has not changed, else ``build(session)``."""
        if self.size <= 0:
            return self._build(store, build)
        version = data_version(store)
        with self._lock:
            kept = self._entries.get(key)
            if kept is not None and kept[0] == version:
                self._entries.move_to_end(key)
                return kept[1]
        data = self._build(store, build)
        with self._lock:
            self._entries[key] = (version, data)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return data

    @staticmethod
    def _build(store: Store, build: Callable[[Session], PageData]) -> PageData:
        with store.reading() as session:
            return build(session)
