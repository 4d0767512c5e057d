"""item calendar: a key task's and a major project's own reporting frequency and due rule

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04

- ``tasks.frequency``, ``tasks.due``, ``projects.frequency``, ``projects.due``: how often
  the responsible department reports the item's progress and by when; empty, the item
  keeps the defaults (a task quarterly by 次月10日, a project monthly by 次月5日).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

KEEP_IDS = {"sqlite_autoincrement": True}


def upgrade() -> None:
    for table in ("tasks", "projects"):
        with op.batch_alter_table(table, table_kwargs=KEEP_IDS) as batch:
            batch.add_column(sa.Column("frequency", sa.String(length=12), nullable=True))
            batch.add_column(sa.Column("due", sa.String(length=16), nullable=True))


def downgrade() -> None:
    for table in ("tasks", "projects"):
        with op.batch_alter_table(table, table_kwargs=KEEP_IDS) as batch:
            batch.drop_column("due")
            batch.drop_column("frequency")
