"""collection: the reporting calendar, reminders sent, comments on warned figures

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03

- ``reporting_items``: which department reports which indicator of a plan, how often
  (monthly, quarterly, half_yearly, yearly) and by when (a due rule such as 次月5日).
- ``reminders``: each reminder sent to a department (channel, address, what it listed).
- ``observations.comment``: the reporter's explanation of a figure a warning rule flagged.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

KEEP_IDS = {"sqlite_autoincrement": True}


def upgrade() -> None:
    op.create_table(
        "reporting_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("department_id", sa.Integer(), sa.ForeignKey("departments.id"), nullable=False),
        sa.Column("indicator_id", sa.Integer(), sa.ForeignKey("indicators.id"), nullable=False),
        sa.Column("frequency", sa.String(length=12), nullable=False),
        sa.Column("due", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plans.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("plan_id", "department_id", "indicator_id"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_reporting_items_plan_id", "reporting_items", ["plan_id"])
    op.create_table(
        "reminders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("region_id", sa.Integer(), sa.ForeignKey("regions.id"), nullable=False),
        sa.Column("department_id", sa.Integer(), sa.ForeignKey("departments.id"), nullable=False),
        sa.Column("period", sa.String(length=8), nullable=False),
        sa.Column("channel", sa.String(length=8), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("observations", table_kwargs=KEEP_IDS) as batch:
        batch.add_column(sa.Column("comment", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("observations", table_kwargs=KEEP_IDS) as batch:
        batch.drop_column("comment")
    op.drop_table("reminders")
    op.drop_index("ix_reporting_items_plan_id", table_name="reporting_items")
    op.drop_table("reporting_items")
