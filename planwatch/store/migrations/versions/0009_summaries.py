"""summaries: figures per (region, period, status), and a version per region

Revision ID: 0009
Revises: 0006
Create Date: 2026-12-03

- ``figure_periods``: how many figures (every version) each region holds for each period
  in each status, kept in the same transaction as every figure write; the start page reads
  its periods with counted figures here. Filled from the stored observations.
- ``region_versions``: a counter per region that every committed change to the region (or
  to a region below it) moves; region 0 moves for changes no region owns. Kept pages of a
  region stay valid while its counter and region 0's stand.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "figure_periods",
        sa.Column("region_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("figures", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["region_id"], ["regions.id"]),
        sa.PrimaryKeyConstraint("region_id", "period", "status"),
    )
    op.execute(
        "INSERT INTO figure_periods (region_id, period, status, figures) "
        "SELECT region_id, period, status, count(*) FROM observations "
        "GROUP BY region_id, period, status"
    )
    op.create_table(
        "region_versions",
        sa.Column("region_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("region_id"),
    )


def downgrade() -> None:
    op.drop_table("region_versions")
    op.drop_table("figure_periods")
