"""What the drafted report reads besides the assessment: the plan's own wording of targets."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from planwatch.reads.plans import read
from planwatch.store.models import Target

_TEXTS = select(Target.id, Target.text).where(
    Target.id.in_(bindparam("ids", expanding=True)), Target.text.is_not(None)
)


def target_texts(session: Session, ids: Collection[int]) -> dict[int, str]:
    """Each target's text as the plan states it (全年…计划…), for targets that have one."""
    if not ids:
        return {}
    return {row[0]: row[1] for row in read(session, _TEXTS, ids=list(ids)) if row[1].strip()}
