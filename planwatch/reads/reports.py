"""What the drafted report reads besides the assessment: the plan's own wording of targets,
and the state of the figures it states (approved yet? revised?) for the review panel."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from planwatch.reads.plans import read
from planwatch.store.models import Observation, Target

_TEXTS = select(Target.id, Target.text).where(
    Target.id.in_(bindparam("ids", expanding=True)), Target.text.is_not(None)
)


def target_texts(session: Session, ids: Collection[int]) -> dict[int, str]:
    """Each target's text as the plan states it (全年…计划…), for targets that have one."""
    if not ids:
        return {}
    return {row[0]: row[1] for row in read(session, _TEXTS, ids=list(ids)) if row[1].strip()}


@dataclass(frozen=True, slots=True)
class FigureState:
    status: str
    version: int


_STATES = select(Observation.id, Observation.status, Observation.version).where(
    Observation.id.in_(bindparam("ids", expanding=True))
)


def figure_states(session: Session, ids: Collection[int]) -> dict[int, FigureState]:
    """The status and version of each stored figure, by observation id."""
    if not ids:
        return {}
    return {row[0]: FigureState(row[1], row[2]) for row in read(session, _STATES, ids=list(ids))}
