"""Figures on their way from a department to the dashboard: entry, submission, approval.

A department's figures of one period in one region form a submission:
draft → submitted → approved (locked) → published, or submitted → returned (with the
planner's comment) → submitted again. Each step moves the figures' own statuses, and
``planwatch.reads.figures`` counts only approved and published ones, so a draft never
reaches a page or a report.

A reporter enters figures only for indicators its plan assigns to its department, and
what it enters is always a draft, whatever status it sends. Planners and admins enter
approved figures unless they say otherwise. Changing a figure that was approved needs a
reason; a reporter's change reopens the department's submission.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from planwatch.errors import Conflict, Forbidden, InvalidInput
from planwatch.periods import Period
from planwatch.records.checks import (
    Figure,
    Problem,
    StoredFigures,
    blocking,
    check_figures,
    refuse_failing,
)
from planwatch.records.observations import ObservationIn, store_observation
from planwatch.records.rule_edits import stored_rules
from planwatch.records.users import Account, check_allowed
from planwatch.store.models import (
    Department,
    Indicator,
    Observation,
    Plan,
    Region,
    Submission,
    Target,
    utcnow,
)
from planwatch.store.reference import indicator_row, region_row, stored_department
from planwatch.vocabulary import REVIEWED, ObservationStatus, SubmissionStatus, SubmissionStep, word
from planwatch.vocabulary.messages import Both, phrase

LOCKED: tuple[SubmissionStatus, ...] = ("submitted",)  # waiting for the planner


@dataclass(frozen=True)
class Move:
    """One step: the submission statuses it starts from and goes to, and its figures'."""

    starts: tuple[SubmissionStatus, ...]
    ends: SubmissionStatus
    figures_from: ObservationStatus
    figures_to: ObservationStatus


MOVES: dict[SubmissionStep, Move] = {
    "submit": Move(("draft", "returned"), "submitted", "draft", "submitted"),
    "approve": Move(("submitted",), "approved", "submitted", "approved"),
    "return": Move(("submitted",), "returned", "submitted", "draft"),
    "publish": Move(("approved",), "published", "approved", "published"),
}


def enter_figures(session: Session, user: Account, items: Sequence[ObservationIn]) -> list[int]:
    """Check the figures against the validation rules, then store each as the user may;
    the ids of the stored observations. An error refuses them all; a warning needs a
    comment, at once from the planning office, at submission from a department (whose
    figures are drafts until then)."""
    check_entered(session, items, warnings=user.role != "reporter")
    ids = []
    for number, item in enumerate(items, start=1):
        try:
            ids.append(enter_figure(session, user, item).id)
        except (InvalidInput, Forbidden, Conflict) as err:
            if len(items) == 1:
                raise
            raise err.within("part.figure", number=number) from err
    return ids


def enter_figure(session: Session, user: Account, item: ObservationIn) -> Observation:
    region = region_row(session, item.region)
    check_allowed(session, user, "enter_observations", region)
    period = Period.parse(item.period)
    indicator = indicator_row(session, item.indicator)
    department = responsible_department(session, region, period.year, indicator)
    status: ObservationStatus = item.status or "approved"
    if user.role == "reporter":
        _check_reporter(user, indicator, department)
        assert department is not None
        _reopen(session, user, submission_row(session, region, department, period.code))
        status = "draft"
    if _latest_status(session, indicator, region, period.code, item.measure) in REVIEWED:
        if not (item.reason or "").strip():
            raise InvalidInput(
                "records.submissions.approved_needs_reason",
                indicator=indicator.name,
                measure=item.measure,
                region=region.name,
                period_code=period.code,
            )
    return store_observation(
        session,
        item.model_copy(update={"status": status}),
        user_id=user.id,
        department_id=department.id if department else None,
    )


def check_entered(
    session: Session, items: Sequence[ObservationIn], *, warnings: bool = True
) -> list[Problem]:
    """The validation rules over the figures of each region together; InvalidInput naming
    every failed rule (warnings without a comment too, if ``warnings``)."""
    found: list[Problem] = []
    for region in dict.fromkeys(item.region for item in items):
        figures = [entered(session, item) for item in items if item.region == region]
        known = StoredFigures(session, region_row(session, region).id)
        found += refuse_failing(figures, known, warnings=warnings, rules=stored_rules(session))
    return found


def entry_problems(
    session: Session, user: Account, items: Sequence[ObservationIn]
) -> list[Problem]:
    """The rules the figures fail as ``enter_figures`` would refuse them (errors; warnings
    without a comment too, except a department's, checked at submission), each naming its
    figure and field, so a form can show them beside the fields."""
    found: list[Problem] = []
    for region in dict.fromkeys(item.region for item in items):
        indexes = [n for n, item in enumerate(items) if item.region == region]
        figures = [entered(session, items[n]) for n in indexes]
        known = StoredFigures(session, region_row(session, region).id)
        for problem in blocking(check_figures(figures, known), figures):
            if user.role != "reporter" or problem.severity == "error":
                found.append(replace(problem, figure=indexes[problem.figure]))
    return found


def entered(session: Session, item: ObservationIn) -> Figure:
    """What the rules look at in an entered figure."""
    indicator = indicator_row(session, item.indicator)
    return Figure(
        indicator=indicator.name,
        indicator_unit=indicator.unit,
        kind=indicator.kind,
        measure=item.measure,
        value=item.value,
        unit=item.unit,
        period=Period.parse(item.period).code,
        comment=item.comment,
        basis=item.basis,
    )


def _check_reporter(user: Account, indicator: Indicator, department: Department | None) -> None:
    if department is None or department.id != user.department_id:
        whose = (
            phrase("records.submissions.whose_lead", lead=department.name)
            if department
            else phrase("records.submissions.whose_none")
        )
        mine = user.department or phrase("records.ledger.your_department")
        raise Forbidden(
            "records.submissions.not_responsible",
            department=mine,
            indicator=indicator.name,
            whose=whose,
        )


def _reopen(session: Session, user: Account, submission: Submission) -> None:
    if submission.status in LOCKED:
        raise Conflict("records.submissions.locked")
    if submission.status != "draft":
        submission.status = "draft"
        submission.changed_by = user.name
        submission.changed_at = utcnow()


def responsible_department(
    session: Session, region: Region, year: int, indicator: Indicator
) -> Department | None:
    """The department the region's plan of ``year`` makes responsible for ``indicator``."""
    query = (
        select(Department)
        .join(Target, Target.department_id == Department.id)
        .join(Plan, Target.plan_id == Plan.id)
        .where(Plan.region_id == region.id, Plan.year == year)
        .where(Target.indicator_id == indicator.id)
        .order_by(Target.position)
    )
    return session.scalars(query).first()


def submission_row(
    session: Session, region: Region, department: Department, period: str
) -> Submission:
    """The department's submission of the period, created (as a draft) when first needed.

    The row is locked until the transaction ends (PostgreSQL; SQLite writers queue
    anyway): a step or an entry that waited for another one sees its outcome, so a stale
    decision answers 409 and no draft slips into a submitted submission."""
    query = (
        select(Submission)
        .where(
            Submission.region_id == region.id,
            Submission.department_id == department.id,
            Submission.period == period,
        )
        .with_for_update()
    )
    row = session.scalar(query)
    if row is None:
        row = Submission(
            region_id=region.id, department_id=department.id, period=period, status="draft"
        )
        session.add(row)
        session.flush()
    return row


def _latest_status(
    session: Session, indicator: Indicator, region: Region, period: str, measure: str
) -> str | None:
    query = (
        select(Observation.status)
        .where(
            Observation.indicator_id == indicator.id,
            Observation.region_id == region.id,
            Observation.period == period,
            Observation.measure == measure,
        )
        .order_by(Observation.version.desc())
    )
    return session.scalars(query).first()


def move_submission(
    session: Session,
    user: Account,
    step: SubmissionStep,
    *,
    region: str,
    department: str,
    period: str,
    comment: str | None = None,
    version: int | None = None,
) -> Submission:
    """Take one step; refused when the submission is elsewhere or was read at another version."""
    where = region_row(session, region)
    office = stored_department(session, where, department)
    code = Period.parse(period).code
    _check_step(session, user, step, where, office)
    row = submission_row(session, where, office, code)
    move = MOVES[step]
    if version is not None and version != row.version:
        raise Conflict("records.submissions.stale", version=version, now=row.version)
    if row.status not in move.starts:
        raise Conflict(
            "records.submissions.wrong_status",
            office=office.name,
            code=code,
            status=Both(row.status, word("submission_statuses", row.status).zh),
            step=word("submission_steps", step),
            starts=" or ".join(move.starts),
        )
    if step == "return" and not (comment or "").strip():
        raise InvalidInput("records.submissions.return_needs_comment")
    figures = _latest_figures(session, row, move.figures_from)
    if not figures:
        raise InvalidInput(
            "records.submissions.no_figures",
            office=office.name,
            figures_from=move.figures_from,
            code=code,
            step=word("submission_steps", step),
        )
    if step == "submit":
        refuse_failing(
            [_checked(f) for f in figures],
            StoredFigures(session, row.region_id),
            rules=stored_rules(session),
        )
    for figure in figures:
        figure.status = move.figures_to
    row.status = move.ends
    row.comment = comment.strip() if comment else (row.comment if step != "submit" else None)
    row.changed_by = user.name
    row.changed_at = utcnow()
    session.flush()
    return row


def open_steps(user: Account, status: str, department_id: int) -> list[SubmissionStep]:
    """The steps ``user`` takes on the page on a department's submission that is ``status``."""
    return [
        step
        for step, move in MOVES.items()
        if status in move.starts and _may_take(user, step, department_id)
    ]


def _may_take(user: Account, step: SubmissionStep, department_id: int) -> bool:
    if step == "submit":  # the office may submit for a department, but does not on the page
        return user.role == "reporter" and user.department_id == department_id
    return user.may("approve")


def _check_step(
    session: Session,
    user: Account,
    step: SubmissionStep,
    region: Region,
    department: Department,
) -> None:
    if step == "submit" and user.role == "reporter":
        check_allowed(session, user, "enter_observations", region)
        if user.department_id != department.id:
            raise Forbidden(
                "records.submissions.you_report",
                user_department=user.department,
                department=department.name,
            )
        return
    check_allowed(session, user, "approve", region)


def _latest_figures(
    session: Session, submission: Submission, status: ObservationStatus
) -> list[Observation]:
    """The latest version of each of the region's series of the period, if it is the
    department's and has ``status`` (older drafts stay behind, superseded)."""
    rows = session.scalars(
        select(Observation)
        .where(
            Observation.region_id == submission.region_id,
            Observation.period == submission.period,
        )
        .order_by(Observation.version)
    )
    latest = {(row.indicator_id, row.measure): row for row in rows}
    return [
        row
        for row in latest.values()
        if row.department_id == submission.department_id and row.status == status
    ]


def _checked(row: Observation) -> Figure:
    indicator = row.indicator
    return Figure(
        indicator=indicator.name,
        indicator_unit=indicator.unit,
        kind=indicator.kind,
        measure=row.measure,
        value=row.value,
        unit=row.unit,
        period=row.period,
        comment=row.comment,
        basis=row.basis,
    )


def set_public(session: Session, region: str, public: bool) -> None:
    """Let anonymous visitors read the region's published figures (or stop them)."""
    region_row(session, region).public = public
