"""task progress entered on the web: the responsible department's status of a period

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03

- ``task_progress.status``: on_track, slightly_behind, behind or achieved, as the department
  that reports the task judged it (empty for entries loaded from a plan file).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

KEEP_IDS = {"sqlite_autoincrement": True}


def upgrade() -> None:
    with op.batch_alter_table("task_progress", table_kwargs=KEEP_IDS) as batch:
        batch.add_column(sa.Column("status", sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("task_progress", table_kwargs=KEEP_IDS) as batch:
        batch.drop_column("status")
