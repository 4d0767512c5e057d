"""hardening: optimistic versions, server-side sign-ins, ids never reused

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02

- ``facts.version`` and ``narratives.version``: bumped on every update, so a decision or
  an edit made on a stale copy is refused (HTTP 409 on ``If-Match``).
- ``sign_ins``: a signed-in browser; signing out deletes its row.
- SQLite tables are rebuilt with AUTOINCREMENT: without it SQLite hands the id of a
  deleted last row to the next insert, and the audit log would name two rows by one id.
  ``planwatch.store.migrate`` runs this with foreign keys off, so rebuilding a parent
  table cascades nothing.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# parents before children, as 0001 created them
TABLES = (
    "audit_log",
    "indicators",
    "regions",
    "departments",
    "documents",
    "narratives",
    "plans",
    "projects",
    "targets",
    "tasks",
    "users",
    "facts",
    "observations",
    "task_progress",
)
VERSIONED = ("facts", "narratives")


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in TABLES:
        with op.batch_alter_table(
            table,
            recreate="always" if sqlite else "auto",
            table_kwargs={"sqlite_autoincrement": True} if sqlite else {},
        ) as batch:
            if table in VERSIONED:
                batch.add_column(
                    sa.Column("version", sa.Integer(), nullable=False, server_default="1")
                )
    op.create_table(
        "sign_ins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_sign_ins_user_id", "sign_ins", ["user_id"])


def downgrade() -> None:
    op.drop_index("ix_sign_ins_user_id", table_name="sign_ins")
    op.drop_table("sign_ins")
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
