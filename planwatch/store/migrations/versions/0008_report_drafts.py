"""report drafts: each draft sent out of planwatch and the figures it stated

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-03

- ``report_drafts``: a region's report for a period, downloaded (docx, pdf, md, html) or
  written as final, with who made it, when, and the figures it stated (JSON), so the
  review panel can list the figures whose value changed since the last draft.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_drafts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("region_id", sa.Integer(), sa.ForeignKey("regions.id"), nullable=False),
        sa.Column("period", sa.String(length=8), nullable=False),
        sa.Column("format", sa.String(length=8), nullable=False),
        sa.Column("final", sa.Boolean(), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_report_drafts_region_id", "report_drafts", ["region_id"])


def downgrade() -> None:
    op.drop_index("ix_report_drafts_region_id", table_name="report_drafts")
    op.drop_table("report_drafts")
