"""ledger facts: a project's investment read from a document and accepted on review

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04

- ``project_progress.source_fact_id``: the accepted fact the period's investment came
  from; rejecting the fact later withdraws the figure.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None
KEEP_IDS = {"sqlite_autoincrement": True}  # SQLite rebuilds the table: ids still never reused


def upgrade() -> None:
    with op.batch_alter_table("project_progress", table_kwargs=KEEP_IDS) as batch:
        batch.add_column(sa.Column("source_fact_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_project_progress_source_fact", "facts", ["source_fact_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("project_progress", table_kwargs=KEEP_IDS) as batch:
        batch.drop_constraint("fk_project_progress_source_fact", type_="foreignkey")
        batch.drop_column("source_fact_id")
