"""The tables. One class per domain word; relationships only where code walks them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy import false as sa_false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


def utcnow() -> datetime:
    return datetime.now(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """A UTC time, read back with its zone: SQLite keeps none, and RFC 3339 (the API's
    ``date-time``) needs one."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON}


class Region(Base):
    __tablename__ = "regions"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100), index=True)
    level: Mapped[str] = mapped_column(String(16))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"), index=True)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    # set by a planner: anonymous visitors read this region's published figures
    public: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    parent: Mapped[Region | None] = relationship(remote_side=[id])


class Department(Base):
    __tablename__ = "departments"
    __table_args__ = (UniqueConstraint("region_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("regions.id"))
    name: Mapped[str] = mapped_column(String(100))
    # where the department's reminders go (planwatch remind): an address, a chat robot
    email: Mapped[str | None] = mapped_column(String(300))
    webhook: Mapped[str | None] = mapped_column(String(500), info={"secret": True})  # a key


class Indicator(Base):
    __tablename__ = "indicators"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    english: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str | None] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(8))
    direction: Mapped[str] = mapped_column(String(8))
    category: Mapped[str] = mapped_column(String(32))
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)


class Plan(Base):
    __tablename__ = "plans"
    __table_args__ = (UniqueConstraint("region_id", "year"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("regions.id"))
    year: Mapped[int] = mapped_column(Integer)
    title: Mapped[str | None] = mapped_column(String(200))
    # bumped by every save of the plan's forms: a form saved on an older one answers 409
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    region: Mapped[Region] = relationship()
    targets: Mapped[list[Target]] = relationship(
        back_populates="plan", order_by="Target.position", cascade="all, delete-orphan"
    )
    tasks: Mapped[list[Task]] = relationship(
        back_populates="plan", order_by="Task.position", cascade="all, delete-orphan"
    )
    projects: Mapped[list[Project]] = relationship(
        back_populates="plan", order_by="Project.position", cascade="all, delete-orphan"
    )
    reporting_items: Mapped[list[ReportingItem]] = relationship(
        order_by="ReportingItem.position", cascade="all, delete-orphan"
    )
    __mapper_args__ = {"version_id_col": version}


class Target(Base):
    __tablename__ = "targets"
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id"))
    kind: Mapped[str] = mapped_column(String(24))
    value: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(32))
    qualifier: Mapped[str | None] = mapped_column(String(16))
    basis: Mapped[str | None] = mapped_column(String(16))
    other_indicator_id: Mapped[int | None] = mapped_column(ForeignKey("indicators.id"))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    source_fact_id: Mapped[int | None] = mapped_column(ForeignKey("facts.id"))
    text: Mapped[str | None] = mapped_column(Text)
    plan: Mapped[Plan] = relationship(back_populates="targets")
    indicator: Mapped[Indicator] = relationship(foreign_keys=[indicator_id])
    other_indicator: Mapped[Indicator | None] = relationship(foreign_keys=[other_indicator_id])
    department: Mapped[Department | None] = relationship()


class Observation(Base):
    """One reported number. Growth rates are stored as reported, never recomputed over."""

    __tablename__ = "observations"
    __table_args__ = (
        UniqueConstraint("indicator_id", "region_id", "period", "measure", "version"),
        # a region's figures of some years, by a range of period codes (migration 0004)
        Index("ix_observations_region_period", "region_id", "period", "status"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id"), index=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("regions.id"))
    period: Mapped[str] = mapped_column(String(8), index=True)
    measure: Mapped[str] = mapped_column(String(16))
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(32))
    basis: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(12), default="draft")
    version: Mapped[int] = mapped_column(Integer, default=1)
    source_fact_id: Mapped[int | None] = mapped_column(ForeignKey("facts.id"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # the department whose submission holds the figure (None: the planning office's own)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"), index=True)
    note: Mapped[str | None] = mapped_column(Text)
    # why an approved figure was changed: required for every version after an approved one
    reason: Mapped[str | None] = mapped_column(Text)
    # the reporter's explanation of a figure a warning rule flagged (planwatch/data/rules.yaml)
    comment: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    indicator: Mapped[Indicator] = relationship()
    region: Mapped[Region] = relationship()


class Task(Base):
    __tablename__ = "tasks"
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    section: Mapped[str | None] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(300))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    target_value: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(32))
    description: Mapped[str | None] = mapped_column(Text)
    # the reporting calendar: how often its progress is reported, by when (empty: 季报 次月10日)
    frequency: Mapped[str | None] = mapped_column(String(12))
    due: Mapped[str | None] = mapped_column(String(16))
    plan: Mapped[Plan] = relationship(back_populates="tasks")
    department: Mapped[Department | None] = relationship()
    progress: Mapped[list[TaskProgress]] = relationship(
        back_populates="task", order_by="TaskProgress.period", cascade="all, delete-orphan"
    )


class TaskProgress(Base):
    __tablename__ = "task_progress"
    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    period: Mapped[str] = mapped_column(String(8))
    note: Mapped[str] = mapped_column(Text)
    value: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(32))
    completion: Mapped[float | None] = mapped_column(Float)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    # the responsible department's own judgement (on_track, slightly_behind, behind, achieved)
    status: Mapped[str | None] = mapped_column(String(16))
    task: Mapped[Task] = relationship(back_populates="progress")


class Project(Base):
    __tablename__ = "projects"
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    stage: Mapped[str] = mapped_column(String(24), default="preliminary")
    investment: Mapped[float | None] = mapped_column(Float)
    investment_unit: Mapped[str | None] = mapped_column(String(16))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    note: Mapped[str | None] = mapped_column(Text)
    # the ledger (重点项目调度): ``investment`` is the total, ``department`` the lead one
    category: Mapped[str | None] = mapped_column(String(24))
    level: Mapped[str | None] = mapped_column(String(16))
    responsible: Mapped[str | None] = mapped_column(String(100))
    location: Mapped[str | None] = mapped_column(String(200))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    year_investment: Mapped[float | None] = mapped_column(Float)
    planned_start: Mapped[date | None] = mapped_column(Date)
    actual_start: Mapped[date | None] = mapped_column(Date)
    planned_completion: Mapped[date | None] = mapped_column(Date)
    actual_completion: Mapped[date | None] = mapped_column(Date)
    # the reporting calendar: how often its progress is reported, by when (empty: 月报 次月5日)
    frequency: Mapped[str | None] = mapped_column(String(12))
    due: Mapped[str | None] = mapped_column(String(16))
    plan: Mapped[Plan] = relationship(back_populates="projects")
    department: Mapped[Department | None] = relationship()
    milestones: Mapped[list[ProjectMilestone]] = relationship(
        cascade="all, delete-orphan", order_by="ProjectMilestone.position"
    )
    progress: Mapped[list[ProjectProgress]] = relationship(
        cascade="all, delete-orphan", order_by="ProjectProgress.period"
    )
    supervisions: Mapped[list[ProjectSupervision]] = relationship(
        cascade="all, delete-orphan", order_by="ProjectSupervision.id"
    )


class ProjectMilestone(Base):
    """A project's 节点: ``kind`` marks the start, main works and completion milestones."""

    __tablename__ = "project_milestones"
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16), default="other")
    planned: Mapped[date] = mapped_column(Date)
    done: Mapped[date | None] = mapped_column(Date)


class ProjectProgress(Base):
    """One period's figures of a project: investment completed year to date, 形象进度."""

    __tablename__ = "project_progress"
    __table_args__ = (UniqueConstraint("project_id", "period"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    period: Mapped[str] = mapped_column(String(8))
    investment_ytd: Mapped[float | None] = mapped_column(Float)
    progress_text: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12), default="draft")
    entered_by: Mapped[str | None] = mapped_column(String(100))
    entered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # the accepted fact of a document the investment was read from (records/ledger_facts.py)
    source_fact_id: Mapped[int | None] = mapped_column(ForeignKey("facts.id"))


class ReportedLedgerTotal(Base):
    """What a document states about a region's projects all together for a period (项目累计
    完成投资629.0亿元, 已开工206项), from an accepted fact (records/ledger_totals.py); the
    ledger sets it beside its own count or sum. ``period`` is the closing month (2017M10)."""

    __tablename__ = "reported_ledger_totals"
    __table_args__ = (UniqueConstraint("region_id", "period", "total"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("regions.id"))
    period: Mapped[str] = mapped_column(String(8))
    total: Mapped[str] = mapped_column(String(24))
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(32))
    source_fact_id: Mapped[int] = mapped_column(
        ForeignKey("facts.id", ondelete="CASCADE"), index=True
    )


class ProjectSupervision(Base):
    """A 督办 item: a problem a department must solve by ``due``; answered, then closed."""

    __tablename__ = "project_supervisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    problem: Mapped[str] = mapped_column(Text)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"))
    due: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12), default="open")
    raised_by: Mapped[str | None] = mapped_column(String(100))
    raised_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    answer: Mapped[str | None] = mapped_column(Text)
    answered_by: Mapped[str | None] = mapped_column(String(100))
    answered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    closed_by: Mapped[str | None] = mapped_column(String(100))
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    department: Mapped[Department] = relationship()


class Document(Base):
    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    filename: Mapped[str] = mapped_column(String(300))
    title: Mapped[str | None] = mapped_column(String(300))
    publisher: Mapped[str | None] = mapped_column(String(200))
    published: Mapped[str | None] = mapped_column(String(10))
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"))
    year: Mapped[int | None] = mapped_column(Integer)
    period: Mapped[str | None] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    info: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    ingested_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    region: Mapped[Region | None] = relationship()
    facts: Mapped[list[Fact]] = relationship(back_populates="document", order_by="Fact.position")


class Fact(Base):
    __tablename__ = "facts"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    subject: Mapped[str | None] = mapped_column(String(300))
    indicator_id: Mapped[int | None] = mapped_column(ForeignKey("indicators.id"))
    period: Mapped[str | None] = mapped_column(String(8))
    measure: Mapped[str] = mapped_column(String(24))
    value: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(32))
    qualifier: Mapped[str | None] = mapped_column(String(16))
    basis: Mapped[str | None] = mapped_column(String(16))
    relation: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    number_start: Mapped[int | None] = mapped_column(Integer)
    number_end: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    review_status: Mapped[str] = mapped_column(String(12), default="pending")
    reviewed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reviewed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # bumped by every update: a decision made on an older version is refused (If-Match)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    document: Mapped[Document] = relationship(back_populates="facts")
    indicator: Mapped[Indicator | None] = relationship()
    __mapper_args__ = {"version_id_col": version}


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200), info={"secret": True})
    role: Mapped[str] = mapped_column(String(16))
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())


class Submission(Base):
    """One department's figures of one period in one region, on their way to publication.

    draft → submitted → approved (locked) → published, or submitted → returned (with a
    comment) → submitted again. The figures' own statuses follow each step.
    """

    __tablename__ = "submissions"
    __table_args__ = (UniqueConstraint("region_id", "department_id", "period"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("regions.id"))
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"))
    period: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(12), default="draft")
    comment: Mapped[str | None] = mapped_column(Text)
    changed_by: Mapped[str | None] = mapped_column(String(100))
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}


class ApiToken(Base):
    """A program's credential: the token is shown once; the table keeps only its SHA-256."""

    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, info={"secret": True})
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class Narrative(Base):
    """The planner's own text for a report: opening, problems, next-half arrangements."""

    __tablename__ = "narratives"
    __table_args__ = (UniqueConstraint("region_id", "period", "part"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("regions.id"))
    period: Mapped[str] = mapped_column(String(8))
    part: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}


class SignIn(Base):
    """A signed-in browser: the cookie carries the token, the table only its SHA-256.

    Signing out deletes the row, so a copied cookie stops working at once.
    """

    __tablename__ = "sign_ins"
    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, info={"secret": True})
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class AuditEntry(Base):
    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(8))
    table_name: Mapped[str] = mapped_column(String(32))
    row_id: Mapped[int | None] = mapped_column(Integer)
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class ReportingItem(Base):
    """The reporting calendar: a department reports an indicator of a plan this often, by
    this due rule (次月5日: the 5th of the month after the period closes)."""

    __tablename__ = "reporting_items"
    __table_args__ = (UniqueConstraint("plan_id", "department_id", "indicator_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"))
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id"))
    frequency: Mapped[str] = mapped_column(String(12))
    due: Mapped[str] = mapped_column(String(16))
    department: Mapped[Department] = relationship()
    indicator: Mapped[Indicator] = relationship()


class Reminder(Base):
    """A reminder sent to a department: by which channel, to where, and what it listed."""

    __tablename__ = "reminders"
    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("regions.id"))
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"))
    period: Mapped[str] = mapped_column(String(8))
    channel: Mapped[str] = mapped_column(String(8))
    address: Mapped[str] = mapped_column(String(300))
    content: Mapped[str] = mapped_column(Text)
    sent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    outcome: Mapped[str] = mapped_column(String(8), default="sent", server_default="sent")
    error: Mapped[str | None] = mapped_column(Text)  # what went wrong, when it failed


class RuleSetting(Base):
    """A planner's numbers (and severity) of one validation rule, over the shipped file's."""

    __tablename__ = "rule_settings"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    changed_by: Mapped[str] = mapped_column(String(100))
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ReportDraft(Base):
    """A draft of the report sent out of planwatch (downloaded or written as final), with
    the figures it stated, so the next draft can say which of them changed since.

    ``figures`` is a list of ``{"key", "label", "value", "unit", "href"}``: ``key`` names
    the figure across versions (indicator, measure and period; a task's or a project's
    entry), ``href`` the figure's page when the draft was made.
    """

    __tablename__ = "report_drafts"
    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("regions.id"), index=True)
    period: Mapped[str] = mapped_column(String(8))
    format: Mapped[str] = mapped_column(String(8))
    final: Mapped[bool] = mapped_column(Boolean, default=False)
    actor: Mapped[str] = mapped_column(String(100))
    figures: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


# SQLite reuses the largest rowid after that row is deleted; AUTOINCREMENT never does, so
# an id in the audit log names one row forever (migration 0002 rebuilds existing tables).
for _table in Base.metadata.tables.values():
    _table.dialect_kwargs["sqlite_autoincrement"] = True


class FigurePeriod(Base):
    """How many stored figures (every version) a region has for a period in each status:
    the start page's periods with figures, kept in the same transaction as every figure
    write (``planwatch.store.tallies``) instead of scanning the observations."""

    __tablename__ = "figure_periods"
    region_id: Mapped[int] = mapped_column(ForeignKey("regions.id"), primary_key=True)
    period: Mapped[str] = mapped_column(String(8), primary_key=True)
    status: Mapped[str] = mapped_column(String(12), primary_key=True)
    figures: Mapped[int] = mapped_column(Integer, default=0)


class RegionVersion(Base):
    """A counter per region, moved by every committed change to what its pages show (its own
    data or a region's below it); region 0 moves for a change no region owns. A kept page
    of a region is true while these two counters stand (``planwatch.store.versions``)."""

    __tablename__ = "region_versions"
    region_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(Integer, default=0)
