"""Page dicts kept until the data changes, so leaders' dashboards answer in a millisecond.

Building a page still costs a few milliseconds (its six or so queries, the assessment's
Python, the framework) where a kept one costs well under one, and the dashboard is read
far more often than the data changes. A page of a region (overview, indicator, board,
comparison under a parent) is kept while the region's version stands: every commit moves
the counters of the regions it changed and of those above them
(``planwatch.store.versions``), so a write to one district leaves the other districts'
pages kept, while its city's overview and comparisons are rebuilt. Other pages follow
the newest audit id, which every change made through ``Store.transaction`` moves. Both
are read in one query, so a change by another process (the CLI) shows at once.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from fastapi import Request
from sqlalchemy.orm import Session

from planwatch.reads.changes import data_version, region_version
from planwatch.reads.figures import current_counting
from planwatch.store import Store

PageData = dict[str, Any]


def cached_page(
    request: Request,
    key: Hashable,
    build: Callable[[Session], PageData],
    region: str | None = None,
) -> PageData:
    """The page for ``key`` as this reader sees it (which figures count is part of the key);
    a page of ``region`` (its code) stays kept while that region and those below it are
    unchanged, whatever is written elsewhere."""
    cache: PageCache = request.app.state.page_cache
    return cache.page(request.app.state.store, (key, current_counting()), build, region)


class PageCache:
    """The most recently used page dicts, each valid for one data version.

    Callers must treat the returned dicts as read-only: they are shared between requests.
    Errors raised while building (an unknown region, say) are not kept.
    """

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._entries: OrderedDict[Hashable, tuple[tuple[int, ...], PageData]] = OrderedDict()
        self._lock = threading.Lock()

    def __contains__(self, key: Hashable) -> bool:
        return key in self._entries

    def page(
        self,
        store: Store,
        key: Hashable,
        build: Callable[[Session], PageData],
        region: str | None = None,
    ) -> PageData:
        """The kept dict for ``key`` if its data has not changed (``region``'s, when given;
        else any), else ``build(session)``."""
        if self.size <= 0:
            return self._build(store, build)
        version = data_version(store) if region is None else region_version(store, region)
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
