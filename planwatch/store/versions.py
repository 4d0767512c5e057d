"""A version per region, moved by each committed change, so kept pages of other regions
stay valid.

Every change the ORM flushes is owned by a region where its row says which (its
``region_id``, or its plan's, task's, project's or document's region); the bulk loader
names its regions with ``touch``. At commit the owners and every region above them (a
city's overview sums its districts, a comparison ranks the regions below its parent) get
their counter moved, in id order, so two writers never wait for each other in a circle.
A change no region owns (a document of no region, a plan-less row) moves region 0, which
every kept page also checks. Sign-ins, tokens and accounts change no page and move none.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, select, text
from sqlalchemy.orm import Session

from planwatch.store.models import Document, Plan, Project, Region, Task

EVERYTHING = 0  # the counter of changes no region owns
TOUCHED = "regions_touched"
MOVING = "regions_moving"  # touched, with the regions above, for after the commit
NO_PAGE = {"sign_ins", "api_tokens", "users", "audit_log", "figure_periods"}
# a row's owner through the row it points at: (column, table it points to)
_THROUGH = (
    ("plan_id", Plan),
    ("task_id", Task),
    ("project_id", Project),
    ("document_id", Document),
)

_MOVE = text(
    "INSERT INTO region_versions (region_id, version) VALUES (:region, 1) "
    "ON CONFLICT (region_id) DO UPDATE SET version = region_versions.version + 1"
)


def touch(session: Session, region_ids: Iterable[int | None]) -> None:
    """Regions whose pages this transaction changes (None: no region owns the change)."""
    found: set[int] = session.info.setdefault(TOUCHED, set())
    found.update(EVERYTHING if r is None else r for r in region_ids)


def note_flushed(session: Session, _context: Any) -> None:
    """After a flush: the owners of what it wrote."""
    owners = []
    changed = [o for o in session.dirty if session.is_modified(o, include_collections=False)]
    for obj in (*session.new, *changed, *session.deleted):
        table = getattr(obj, "__tablename__", None)
        if table is None or table in NO_PAGE:
            continue
        owners.append(_owner(session, obj))
    touch(session, owners)


def note_committing(session: Session) -> None:
    """Before commit: the touched regions and those above them, to move once the
    transaction has committed (``move_versions``)."""
    if session.in_nested_transaction():
        return  # a savepoint's changes count at the outer commit
    session.flush()  # the last changes' owners are noted by this flush
    touched: set[int] = session.info.pop(TOUCHED, set())
    if touched:
        session.info.setdefault(MOVING, set()).update(_with_parents(session, touched))


def move_versions(connection: Connection, regions: set[int]) -> None:
    """Move the regions' counters in a short transaction of their own, after the change
    committed: the counters' row locks are never held while a change waits for other
    locks (a figure's version, a unique key), so writers cannot wait in a circle. A page
    read in between is kept under the old counter and rebuilt at the next request."""
    connection.execute(_MOVE, [{"region": r} for r in sorted(regions)])


def _owner(session: Session, obj: Any) -> int | None:
    if isinstance(obj, Region):
        return obj.parent_id if obj.parent_id is not None else obj.id
    if hasattr(obj, "region_id"):
        return obj.region_id  # type: ignore[no-any-return]
    for column, table in _THROUGH:
        pointed = getattr(obj, column, None)
        if pointed is not None:
            known: dict[tuple[str, int], int | None] = session.info.setdefault("owners", {})
            key = (table.__tablename__, pointed)
            if key not in known:
                row = session.connection().execute(select(table).where(table.id == pointed))
                found = row.first()
                known[key] = _owner(session, found) if found is not None else None
            return known[key]
    return None


def _with_parents(session: Session, regions: set[int]) -> set[int]:
    found, frontier = set(regions), {r for r in regions if r != EVERYTHING}
    while frontier:
        rows = session.connection().execute(
            select(Region.parent_id).where(Region.id.in_(frontier), Region.parent_id.is_not(None))
        )
        frontier = {parent for (parent,) in rows if parent is not None} - found
        found |= frontier
    return found
