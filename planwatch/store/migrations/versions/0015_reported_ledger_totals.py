"""reported ledger totals: what a document states about a region's projects all together

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04

- ``reported_ledger_totals``: per region, period (closing month) and total (investment,
  investment_share, planned_starts, started …) the value an accepted fact states, with its
  unit and the fact (rejecting the fact withdraws the row; deleting it deletes the row).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reported_ledger_totals",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("region_id", sa.Integer(), sa.ForeignKey("regions.id"), nullable=False),
        sa.Column("period", sa.String(8), nullable=False),
        sa.Column("total", sa.String(24), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("unit", sa.String(32), nullable=True),
        sa.Column(
            "source_fact_id",
            sa.Integer(),
            sa.ForeignKey("facts.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.UniqueConstraint("region_id", "period", "total"),
        sqlite_autoincrement=True,
    )
    op.create_index(
        "ix_reported_ledger_totals_source_fact_id", "reported_ledger_totals", ["source_fact_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_reported_ledger_totals_source_fact_id", "reported_ledger_totals")
    op.drop_table("reported_ledger_totals")
