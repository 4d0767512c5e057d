"""Every change to stored data leaves an audit entry, written in the same transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from planwatch.store.models import AuditEntry, Base

# Bulk reference data loaded by the system is not user activity worth auditing row by row.
NOT_AUDITED = {"audit_log", "indicators", "regions"}


def collect_changes(session: Session, _context: Any) -> None:
    """After a flush rows have ids, while history still shows what changed."""
    actor = str(session.info.get("actor", "system"))
    entries: list[AuditEntry] = session.info.setdefault("audit_pending", [])
    for action, objects in (
        ("insert", session.new),
        ("update", session.dirty),
        ("delete", session.deleted),
    ):
        for obj in list(objects):
            if not isinstance(obj, Base) or obj.__tablename__ in NOT_AUDITED:
                continue
            if action == "update" and not session.is_modified(obj, include_collections=False):
                continue
            entries.append(
                AuditEntry(
                    actor=actor,
                    action=action,
                    table_name=obj.__tablename__,
                    row_id=getattr(obj, "id", None),
                    changes=_changes(obj, action),
                )
            )


def write_changes(session: Session, _context: Any) -> None:
    """Adding rows is allowed only once the flush is over; the commit flushes them too."""
    entries = session.info.pop("audit_pending", [])
    if entries:
        session.add_all(entries)


# Written instead of a secret column's value: the log says it changed, never what to.
SECRET = "(secret)"


def _changes(obj: Base, action: str) -> dict[str, Any]:
    state = inspect(obj)
    out: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        hist = state.attrs[attr.key].history
        secret = any(column.info.get("secret") for column in attr.columns)
        if action == "update":
            if hist.has_changes():
                before = hist.deleted[0] if hist.deleted else None
                after = hist.added[0] if hist.added else None
                out[attr.key] = [_shown(before, secret), _shown(after, secret)]
        else:
            out[attr.key] = _shown(getattr(obj, attr.key), secret)
    return out


def _shown(value: Any, secret: bool) -> Any:
    return SECRET if secret and value is not None else _plain(value)


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool | list | dict):
        return value
    return str(value)
