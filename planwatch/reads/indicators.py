"""Catalogue indicators as stored, by any alias or by id."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from planwatch import catalog
from planwatch.reads.plans import read
from planwatch.store.models import Indicator
from planwatch.store.reference import indicator_row


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    id: int
    name: str
    english: str
    unit: str | None
    kind: str
    direction: str
    category: str | None


_COLUMNS = (
    Indicator.id,
    Indicator.name,
    Indicator.english,
    Indicator.unit,
    Indicator.kind,
    Indicator.direction,
    Indicator.category,
)
_BY_NAME = select(*_COLUMNS).where(Indicator.name == bindparam("name"))
_BY_IDS = select(*_COLUMNS).where(Indicator.id.in_(bindparam("ids", expanding=True)))


def indicator_named(session: Session, name: str) -> IndicatorRow:
    """The stored indicator for any alias, read by a statement built once."""
    entry = catalog.lookup(name)
    found = read(session, _BY_NAME, name=entry.name if entry else name)
    if not found:
        indicator_row(session, name)  # unknown: the store's own lookup says so, with its advice
    return IndicatorRow(*found[0])


def indicators_by_id(session: Session, ids: Collection[int]) -> dict[int, IndicatorRow]:
    if not ids:
        return {}
    return {row.id: IndicatorRow(*row) for row in read(session, _BY_IDS, ids=list(ids))}
