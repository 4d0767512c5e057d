"""ledger: the major-project ledger (重点项目调度)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03

- ``projects``: category, level (省/市/区重点), responsible person, location and
  coordinates, the year's planned investment, planned and actual start and completion
  dates. ``investment`` stays the total investment, ``department_id`` the lead department.
- ``project_milestones``: a project's 节点 with planned and done dates.
- ``project_progress``: per period the investment completed year to date and the
  形象进度 text, with who entered it and where it stands (like observations).
- ``project_supervisions``: 督办 items: the problem, the department that must solve it by
  the due date, its answer, and who closed it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

KEEP_IDS = {"sqlite_autoincrement": True}
PROJECT_COLUMNS = (
    ("category", sa.String(length=24)),
    ("level", sa.String(length=16)),
    ("responsible", sa.String(length=100)),
    ("location", sa.String(length=200)),
    ("lat", sa.Float()),
    ("lon", sa.Float()),
    ("year_investment", sa.Float()),
    ("planned_start", sa.Date()),
    ("actual_start", sa.Date()),
    ("planned_completion", sa.Date()),
    ("actual_completion", sa.Date()),
)


def upgrade() -> None:
    with op.batch_alter_table("projects", table_kwargs=KEEP_IDS) as batch:
        for name, kind in PROJECT_COLUMNS:
            batch.add_column(sa.Column(name, kind, nullable=True))
    op.create_table(
        "project_milestones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False, server_default="other"),
        sa.Column("planned", sa.Date(), nullable=False),
        sa.Column("done", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_project_milestones_project_id", "project_milestones", ["project_id"])
    op.create_table(
        "project_progress",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=8), nullable=False),
        sa.Column("investment_ytd", sa.Float(), nullable=True),
        sa.Column("progress_text", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False, server_default="draft"),
        sa.Column("entered_by", sa.String(length=100), nullable=True),
        sa.Column("entered_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("project_id", "period"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "project_supervisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.Column("department_id", sa.Integer(), sa.ForeignKey("departments.id"), nullable=False),
        sa.Column("due", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False, server_default="open"),
        sa.Column("raised_by", sa.String(length=100), nullable=True),
        sa.Column("raised_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("answered_by", sa.String(length=100), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.String(length=100), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_project_supervisions_project_id", "project_supervisions", ["project_id"])


def downgrade() -> None:
    op.drop_index("ix_project_supervisions_project_id", table_name="project_supervisions")
    op.drop_table("project_supervisions")
    op.drop_table("project_progress")
    op.drop_index("ix_project_milestones_project_id", table_name="project_milestones")
    op.drop_table("project_milestones")
    with op.batch_alter_table("projects", table_kwargs=KEEP_IDS) as batch:
        for name, _ in reversed(PROJECT_COLUMNS):
            batch.drop_column(name)
