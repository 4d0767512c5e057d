"""one stage vocabulary: a project's stated stage in the ledger's six stages

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04

- ``projects.stage``: the older four stages (planned, started, under_construction,
  completed) become the ledger's (preliminary, new_start, continuing, finished), the
  words ``vocabulary/words.yaml`` lists under ``stage_aliases``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

RENAMED = {
    "planned": "preliminary",
    "started": "new_start",
    "under_construction": "continuing",
    "completed": "finished",
}
PROJECTS = sa.table("projects", sa.column("stage", sa.String))


def _rename(pairs: dict[str, str]) -> None:
    for old, new in pairs.items():
        op.execute(PROJECTS.update().where(PROJECTS.c.stage == old).values(stage=new))


def upgrade() -> None:
    _rename(RENAMED)


def downgrade() -> None:
    # to_start and basically_done had no older word: the nearest one
    _rename({new: old for old, new in RENAMED.items()})
    _rename({"to_start": "planned", "basically_done": "under_construction"})
