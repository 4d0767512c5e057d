"""The ledger's write side on a real store: edits, progress entry by the lead department,
the 督办 cycle with its audit trail, and the ledger read back as the judgement needs it."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from planwatch.assess.projects import judge_project
from planwatch.errors import Conflict, Forbidden, InvalidInput
from planwatch.periods import Period
from planwatch.reads.ledger import ledger_of
from planwatch.records.ledger import (
    ProgressIn,
    add_project,
    answer_supervision,
    close_project,
    close_supervision,
    edit_project,
    enter_progress,
    raise_supervision,
)
from planwatch.records.users import Account
from planwatch.store import Store
from planwatch.store.models import AuditEntry, Department, Plan, Project

PLANNER = Account(id=1, name="planner", role="planner", region_id=None, region_code=None)


def reporter(session: object, department: Department) -> Account:
    return Account(
        id=2,
        name=f"reporter-{department.name}",
        role="reporter",
        region_id=None,
        region_code=None,
        department_id=department.id,
        department=department.name,
    )


def departments(session, plan: Plan) -> tuple[Department, Department]:  # type: ignore[no-untyped-def]
    from planwatch.store.reference import stored_department

    return (
        stored_department(session, plan.region, "区发改委"),
        stored_department(session, plan.region, "区城建局"),
    )


def test_ledger_edit_progress_and_judgement(sample_store: Store) -> None:
    with sample_store.transaction(actor="planner") as session:
        plan = session.scalars(select(Plan)).one()
        lead, other = departments(session, plan)
        project = session.scalars(select(Project).where(Project.name == "融创中心")).one()
        project.department_id = lead.id
        edit_project(
            session,
            PLANNER,
            project.id,
            level="city",
            category="industry",
            year_investment=200000.0,
            planned_start=date(2017, 3, 1),
            actual_start=date(2017, 3, 18),
        )
        with pytest.raises(InvalidInput, match="unknown level 'national'"):
            edit_project(session, PLANNER, project.id, level="national")
        entered = enter_progress(
            session, reporter(session, lead), ProgressIn(project.id, "2017H1", 90000.0, "桩基施工")
        )
        assert entered.status == "draft"
        with pytest.raises(Forbidden, match="区城建局 may not enter progress of 融创中心"):
            enter_progress(session, reporter(session, other), ProgressIn(project.id, "2017H1", 1.0))
        with pytest.raises(InvalidInput, match="not in the plan's year 2017"):
            enter_progress(session, PLANNER, ProgressIn(project.id, "2016H1", 1.0))
        added = add_project(session, PLANNER, plan, "武昌滨江文化商务区", department="区城建局")
        close_project(session, PLANNER, added.id, date(2017, 6, 1))
        plan_id, project_id = plan.id, project.id
    with sample_store.reading() as session:
        ledger = {row.name: row for row in ledger_of(session, plan_id)}
        assert len(ledger) == 10
        judged = judge_project(ledger["融创中心"], Period.parse("2017H1"))
        assert (judged.stage, judged.completion, judged.status) == (
            "new_start",
            45.0,
            "slightly_behind",
        )
        assert (
            judge_project(ledger["武昌滨江文化商务区"], Period.parse("2017H1")).stage == "finished"
        )
        changes = session.scalars(
            select(AuditEntry).where(
                AuditEntry.table_name == "project_progress", AuditEntry.actor == "planner"
            )
        ).all()
        # 2017H1 is the sample's own June entry: replaced, not duplicated
        assert [c.action for c in changes] == ["update"]
        assert changes[0].changes["investment_ytd"]
        edits = session.scalars(
            select(AuditEntry).where(
                AuditEntry.table_name == "projects", AuditEntry.row_id == project_id
            )
        ).all()
        assert any(c.changes.get("level") for c in edits)


def test_supervision_cycle_is_audited(sample_store: Store) -> None:
    with sample_store.transaction(actor="planner") as session:
        plan = session.scalars(select(Plan)).one()
        lead, other = departments(session, plan)
        project = session.scalars(select(Project).where(Project.name == "融创中心")).one()
        item = raise_supervision(
            session, PLANNER, project.id, "征收进度滞后", "区城建局", date(2017, 7, 15)
        )
        with pytest.raises(Forbidden, match="assigned to 区城建局"):
            answer_supervision(session, reporter(session, lead), item.id, "已协调")
        with pytest.raises(Conflict, match="is open"):
            close_supervision(session, PLANNER, item.id)
        answer_supervision(session, reporter(session, other), item.id, "已完成征收签约")
        closed = close_supervision(session, PLANNER, item.id)
        assert (closed.status, closed.closed_by, closed.answered_by) == (
            "closed",
            "planner",
            "reporter-区城建局",
        )
        with pytest.raises(Conflict, match="is closed"):
            answer_supervision(session, PLANNER, item.id, "again")
        item_id = item.id
    with sample_store.reading() as session:
        trail = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.table_name == "project_supervisions", AuditEntry.row_id == item_id)
            .order_by(AuditEntry.id)
        ).all()
        assert [c.action for c in trail][0] == "insert"
        assert {k for c in trail for k in c.changes} >= {"answer", "status", "closed_by"}
        ledger = ledger_of(session, session.scalars(select(Plan)).one().id)
        listed = next(row for row in ledger if row.name == "融创中心").supervisions
        assert [(s.problem, s.status, s.department) for s in listed] == [
            ("征收进度滞后", "closed", "区城建局")
        ]


def test_viewers_cannot_edit_the_ledger(sample_store: Store) -> None:
    viewer = Account(id=3, name="v", role="viewer", region_id=None, region_code=None)
    with sample_store.transaction() as session:
        project = session.scalars(select(Project)).first()
        assert project is not None
        with pytest.raises(Forbidden, match="may not edit the project ledger"):
            edit_project(session, viewer, project.id, level="city")
