"""workflow: submissions, figures' departments and reasons, public regions, API tokens

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02

- ``submissions``: one department's figures of one period in one region and where they
  stand (draft, submitted, returned, approved, published), with the planner's comment.
- ``observations.department_id`` (whose submission holds the figure) and
  ``observations.reason`` (why an approved figure was changed).
- ``regions.public``: anonymous visitors read the published figures of such regions.
- ``users.disabled``; ``api_tokens`` for programs (only the token's SHA-256 is kept).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


# a table SQLite rebuilds keeps AUTOINCREMENT (see 0002), so ids are still never reused
KEEP_IDS = {"sqlite_autoincrement": True}


def upgrade() -> None:
    with op.batch_alter_table("regions") as batch:
        batch.add_column(
            sa.Column("public", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("users") as batch:
        batch.add_column(
            sa.Column("disabled", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("observations", table_kwargs=KEEP_IDS) as batch:
        batch.add_column(sa.Column("department_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("reason", sa.Text(), nullable=True))
        batch.create_foreign_key(
            "fk_observations_department_id", "departments", ["department_id"], ["id"]
        )
        batch.create_index("ix_observations_department_id", ["department_id"])
    op.create_table(
        "submissions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("region_id", sa.Integer(), sa.ForeignKey("regions.id"), nullable=False),
        sa.Column("department_id", sa.Integer(), sa.ForeignKey("departments.id"), nullable=False),
        sa.Column("period", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("changed_by", sa.String(length=100), nullable=True),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("region_id", "department_id", "period"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_api_tokens_user_id", "api_tokens", ["user_id"])


def downgrade() -> None:
    op.drop_index("ix_api_tokens_user_id", table_name="api_tokens")
    op.drop_table("api_tokens")
    op.drop_table("submissions")
    with op.batch_alter_table("observations", table_kwargs=KEEP_IDS) as batch:
        batch.drop_index("ix_observations_department_id")
        batch.drop_constraint("fk_observations_department_id", type_="foreignkey")
        batch.drop_column("reason")
        batch.drop_column("department_id")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("disabled")
    with op.batch_alter_table("regions") as batch:
        batch.drop_column("public")
