"""scale: the index the figure queries read by

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03

- ``ix_observations_region_period`` on ``observations (region_id, period, status)``: a region's
  figures of one or two years (the overview, the indicator page, the comparison, the
  report) are read by a range of period codes inside the region instead of the region's
  whole history, and the start page's periods with counted figures come from the index
  alone (the status is the last column).
- ``ix_observations_region_id`` goes: the new index starts with the same column.
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_observations_region_period", "observations", ["region_id", "period", "status"]
    )
    op.drop_index("ix_observations_region_id", table_name="observations")


def downgrade() -> None:
    op.create_index("ix_observations_region_id", "observations", ["region_id"])
    op.drop_index("ix_observations_region_period", table_name="observations")
