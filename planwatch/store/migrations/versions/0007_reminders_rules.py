"""reminders sent with their outcome, departments' addresses, rule settings

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03

- ``reminders.outcome`` (sent or failed) and ``reminders.error``: a channel that failed is
  recorded with what went wrong, beside the channels that worked.
- ``departments.email`` and ``departments.webhook``: where a department's reminders go.
- ``rule_settings``: a planner's thresholds and severities of a validation rule, which
  override the shipped ``planwatch/data/rules.yaml``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

KEEP_IDS = {"sqlite_autoincrement": True}


def upgrade() -> None:
    with op.batch_alter_table("reminders", table_kwargs=KEEP_IDS) as batch:
        batch.add_column(
            sa.Column("outcome", sa.String(length=8), nullable=False, server_default="sent")
        )
        batch.add_column(sa.Column("error", sa.Text(), nullable=True))
    with op.batch_alter_table("departments", table_kwargs=KEEP_IDS) as batch:
        batch.add_column(sa.Column("email", sa.String(length=300), nullable=True))
        batch.add_column(sa.Column("webhook", sa.String(length=500), nullable=True))
    op.create_table(
        "rule_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("changed_by", sa.String(length=100), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
        sqlite_autoincrement=True,
    )


def downgrade() -> None:
    op.drop_table("rule_settings")
    with op.batch_alter_table("departments", table_kwargs=KEEP_IDS) as batch:
        batch.drop_column("webhook")
        batch.drop_column("email")
    with op.batch_alter_table("reminders", table_kwargs=KEEP_IDS) as batch:
        batch.drop_column("error")
        batch.drop_column("outcome")
