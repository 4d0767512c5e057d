"""The per-(region, period, status) count of stored figures, kept with every figure write.

The start page lists each plan's periods with counted figures; counting them from the
observations reads every figure of every listed region. ``figure_periods`` holds the
counts instead, changed in the same transaction as the figures: ``count_flushed`` (an
``after_flush`` hook) sees the figures the ORM adds, deletes or moves to another status
(single entry, review, the workflow's steps), ``add_counts`` the bulk loader's batches.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from sqlalchemy import inspect, text
from sqlalchemy.orm import Session

from planwatch.store.models import Observation

_Key = tuple[int, str, str]  # region id, period code, status
PENDING = "figure_counts_pending"

_ADD = text(
    "INSERT INTO figure_periods (region_id, period, status, figures) "
    "VALUES (:region_id, :period, :status, :figures) "
    "ON CONFLICT (region_id, period, status) "
    "DO UPDATE SET figures = figure_periods.figures + excluded.figures"
)


def count_flushed(session: Session, _context: Any) -> None:
    """After a flush, while history still shows what changed: the counts it moves."""
    changes: Counter[_Key] = session.info.setdefault(PENDING, Counter())
    for obj in session.new:
        if isinstance(obj, Observation):
            changes[(obj.region_id, obj.period, obj.status)] += 1
    for obj in session.deleted:
        if isinstance(obj, Observation):
            changes[_before(obj)] -= 1
    for obj in session.dirty:
        if isinstance(obj, Observation):
            before, after = _before(obj), (obj.region_id, obj.period, obj.status)
            if before != after:
                changes[before] -= 1
                changes[after] += 1


def write_counts(session: Session, _context: Any) -> None:
    """After the flush is over: the moved counts written, in the flush's transaction."""
    changes: Counter[_Key] = session.info.pop(PENDING, Counter())
    add_counts(session, changes.items())


def add_counts(session: Session, counts: Iterable[tuple[_Key, int]]) -> None:
    rows = [
        {"region_id": r, "period": p, "status": s, "figures": n}
        for (r, p, s), n in sorted(counts)
        if n
    ]
    if rows:
        session.connection().execute(_ADD, rows)


def _before(obj: Observation) -> _Key:
    state = inspect(obj)
    values = []
    for name in ("region_id", "period", "status"):
        history = state.attrs[name].history
        values.append(history.deleted[0] if history.deleted else getattr(obj, name))
    return (values[0], values[1], values[2])
