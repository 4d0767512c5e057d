"""plan version: a plan edited in the browser refuses a stale save

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03

- ``plans.version``: bumped by every change to a plan or to one of its targets, tasks or
  projects made in the plan's forms; a form saved on an older version answers 409.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("plans") as batch:
        batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    with op.batch_alter_table("plans") as batch:
        batch.drop_column("version")
