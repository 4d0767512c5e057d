"""A demonstration database: the bundled 武昌区 sample, a report awaiting review, users.

The figures of ``FROM_REPORT`` are left out of the loaded sheet on purpose: they arrive
only through the H1 report's facts, so accepting them in review visibly fills their
cards. Three neighbouring districts get illustrative figures (marked 示例数据 in their
plan titles) so the comparison page has something to rank.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from planwatch.config import Settings, sqlite_url
from planwatch.errors import InvalidInput
from planwatch.periods import Period, period_end
from planwatch.records.ingest import ingest_path
from planwatch.records.observations import ObservationIn, read_observation_file, store_observations
from planwatch.records.plans import PlanIn, read_plan_file, store_plan
from planwatch.records.signins import start_sign_in
from planwatch.records.submissions import enter_figures, move_submission, set_public
from planwatch.records.users import account_named, add_user, new_password, set_password
from planwatch.store import Store, open_store
from planwatch.store.models import Document, Observation, ProjectProgress, TaskProgress, User

SAMPLE = Path(__file__).parent / "sample"
PLAN_FILE = SAMPLE / "wuchang-2017-plan.yaml"
FIGURES_FILE = SAMPLE / "wuchang-2017h1-observations.csv"
REPORT_FILE = SAMPLE / "wuchang-2017h1-plan-execution.txt"
FROM_REPORT = ("招商引资",)
# the demo's figures came in on the 8th after their period: on time for a quarterly report
# due 次月10日, three days late for the revenue's monthly one due 次月5日
RECEIVED_AFTER = 8
REGION = "420106"
PERIOD = "2017H1"
# (code, scale of amounts, change of growth rates in points): made up, for the comparison
NEIGHBOURS = (("420102", 1.12, -1.4), ("420103", 0.86, 0.9), ("420111", 0.74, -3.2))
# The illustrative history is built so that it agrees with the sample: each 2017 level is
# last year's level times the growth reported for it, and a year's flow is the plan's
# target amount ÷ its target growth where the plan states both, else the first half
# ÷ a typical first-half share of a year's flow.
H1_SHARE = 0.45
Q1_SHARE_OF_H1 = 0.45
Q3_SHARE_OF_H2 = 0.52  # the third quarter's part of the second half
# growth of each illustrative period, as a change in points from the 2017H1 growth
DRIFT = {"2016Q1": -1.2, "2016H1": -0.8, "2016Q3": -0.5, "2016": -0.3, "2017Q1": -0.6}
# (login, role, region, department): one reporter per department of the sample plan
DEMO_USERS = (
    ("admin", "admin", None, None),
    ("planner", "planner", None, None),
    ("reporter", "reporter", REGION, "区统计局"),
    ("fagai", "reporter", REGION, "区发改委"),
    ("caizheng", "reporter", REGION, "区财政局"),
    ("zhaoshang", "reporter", REGION, "区招商局"),
    ("viewer", "viewer", None, None),
)


@dataclass
class Demo:
    database_url: str
    region: str
    period: str
    document_id: int
    passwords: dict[str, str] = field(default_factory=dict)
    sign_in_link: str | None = None  # signs the planner in once, without the password

    @property
    def overview_path(self) -> str:
        return f"/regions/{self.region}/{self.period}"


def open_demo(path: Path, *, fresh: bool = False, secret_key: str = "demo") -> tuple[Demo, bool]:
    """The demo database at ``path``, and whether it was built now: an existing one is kept
    with everything tried in it (its schema upgraded, its users given new passwords)
    unless ``fresh``."""
    if fresh or not path.exists():
        return build_demo(path, secret_key=secret_key), True
    store = open_store(Settings(database_url=sqlite_url(path), secret_key=secret_key), create=True)
    try:
        return _kept_demo(store, path), False
    finally:
        store.dispose()


def _kept_demo(store: Store, path: Path) -> Demo:
    passwords = {}
    with store.transaction(actor="demo") as session:
        document = session.scalar(select(Document.id).where(Document.filename == REPORT_FILE.name))
        for name, *_ in DEMO_USERS:
            if session.scalar(select(User.id).where(User.name == name)) is not None:
                passwords[name] = new_password()
                set_password(session, name, passwords[name])
        if document is None or "planner" not in passwords:
            raise InvalidInput("cli.demo.not_a_demo_database", path=path)
        link = _sign_in_link(session)
    return Demo(store.url, REGION, PERIOD, document, passwords, link)


def _sign_in_link(session: Session) -> str:
    """A link that signs the planner in once (``/login/once``), opening the overview."""
    token = start_sign_in(session, account_named(session, "planner").id)
    return f"/login/once?token={token}&next=/regions/{REGION}/{PERIOD}"


def build_demo(path: Path, *, secret_key: str = "demo") -> Demo:
    """Recreate the database at ``path`` and fill it; returns the users' passwords."""
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    url = sqlite_url(path)
    store = open_store(Settings(database_url=url, secret_key=secret_key), create=True)
    try:
        return fill_demo(store)
    finally:
        store.dispose()


def fill_demo(store: Store) -> Demo:
    """Load the demo's data into an initialised, empty store (SQLite or PostgreSQL)."""
    _load_sample(store)
    document = ingest_path(store, REPORT_FILE, actor="demo", region=REGION)
    passwords = _add_users(store)
    _july_round(store)
    with store.transaction(actor="demo") as session:
        link = _sign_in_link(session)
    return Demo(store.url, REGION, PERIOD, document.document_id, passwords, link)


def _load_sample(store: Store) -> None:
    plan = read_plan_file(PLAN_FILE)
    figures = read_observation_file(FIGURES_FILE)
    # the demo's figures are the statistics bureau's, already approved and published
    figures = [f.model_copy(update={"status": "published"}) for f in figures]
    with store.transaction(actor="demo") as session:
        store_plan(session, plan)
        set_public(session, REGION, True)  # its published figures are the public view
        own = [f for f in figures if f.indicator not in FROM_REPORT]
        store_observations(session, own)
        store_observations(session, _history(own, plan))
        for code, scale, shift in NEIGHBOURS:
            store_plan(session, _neighbour_plan(plan, code))
            store_observations(session, _neighbour_figures(figures, code, scale, shift))
        date_as_received(session, RECEIVED_AFTER)


def date_as_received(session: Session, days: int) -> None:
    """Date each figure as received ``days`` after its period closed (the demo is built
    today; without this the completeness page would call every figure years late)."""

    def received(period: str) -> datetime:
        closed = period_end(Period.parse(period))
        return datetime.combine(closed, time(9), UTC) + timedelta(days=days)

    for row in session.scalars(select(Observation)):
        row.created_at = received(row.period)
    for task in session.scalars(select(TaskProgress)):  # a key task's progress, as well
        task.created_at = received(task.period)
    for project in session.scalars(select(ProjectProgress)):  # and a project's
        project.entered_at = received(project.period)


def _history(figures: list[ObservationIn], plan: PlanIn) -> list[ObservationIn]:
    """Earlier periods for the charts, consistent with the 2017H1 figures and the plan: the
    levels of 2016 follow from the reported growth (2016H1) and the targets (2016), and
    2017Q1's level from 2016Q1's and its growth, so no reported growth disagrees with
    two levels and the rest of the year's advice stays within what the targets imply."""
    growths = {f.indicator: f for f in figures if f.measure == "yoy_growth"}
    made = []
    for figure in figures:
        reported = growths.get(figure.indicator)
        if figure.measure != "value" or reported is None:
            continue
        rate = reported.value
        levels = _last_year(figure.value / (1 + rate / 100), _planned_last_year(plan, figure))
        levels["2017Q1"] = levels["2016Q1"] * (1 + (rate + DRIFT["2017Q1"]) / 100)
        for period, level in levels.items():
            note = "由2017年上半年增速推算" if period == "2016H1" else "示例数据(演示用)"
            made += [
                figure.model_copy(
                    update={"period": period, "value": round(level, 2), "note": note}
                ),
                figure.model_copy(
                    update={
                        "period": period,
                        "measure": "yoy_growth",
                        "unit": "%",
                        "value": round(rate + DRIFT[period], 2),
                        "note": "示例数据(演示用)",
                        "basis": reported.basis,
                    }
                ),
            ]
    return made


def _last_year(first_half: float, year: float | None) -> dict[str, float]:
    """2016's year-to-date levels from its first half and, when the plan implies it, its year."""
    annual = year if year is not None and year > first_half else first_half / H1_SHARE
    return {
        "2016Q1": first_half * Q1_SHARE_OF_H1,
        "2016H1": first_half,
        "2016Q3": first_half + (annual - first_half) * Q3_SHARE_OF_H2,
        "2016": annual,
    }


def _planned_last_year(plan: PlanIn, figure: ObservationIn) -> float | None:
    """Last year's level a plan implies: its target amount ÷ (1 + its target growth)."""
    amount = growth = None
    for target in plan.targets:
        if target.indicator != figure.indicator or target.value is None:
            continue
        if target.kind == "value_at_least" and target.unit == figure.unit:
            amount = target.value
        if target.kind == "growth_at_least":
            growth = target.value
    if amount is None or growth is None:
        return None
    return amount / (1 + growth / 100)


def _neighbour_plan(plan: PlanIn, code: str) -> PlanIn:
    return plan.model_copy(
        update={
            "region": code,
            "parent": None,
            "tasks": [],
            "projects": [],
            "title": f"{plan.year}年国民经济和社会发展计划(示例数据)",
        }
    )


def _neighbour_figures(
    figures: list[ObservationIn], code: str, scale: float, shift: float
) -> list[ObservationIn]:
    made = []
    for figure in figures:
        value = figure.value + shift if figure.unit == "%" else round(figure.value * scale, 2)
        made.append(
            figure.model_copy(update={"region": code, "value": round(value, 2), "note": "示例数据"})
        )
    return made


# 1-7月 figures on their way: 区发改委's wait for approval, 区财政局's were returned
JULY = "2017M07"
JULY_FIGURES = (
    ("fagai", "全社会固定资产投资", "value", 191.36, "亿元"),
    ("fagai", "全社会固定资产投资", "yoy_growth", 15.2, "%"),
    ("caizheng", "地方一般公共预算收入", "yoy_growth", 6.4, "%"),
)
RETURNED = "同口径增速与上半年差距较大，请核实并附说明后重新报送"


def _july_round(store: Store) -> None:
    with store.transaction(actor="demo") as session:
        reporters = {name: account_named(session, name) for name in ("fagai", "caizheng")}
        planner = account_named(session, "planner")
        for login, indicator, measure, value, unit in JULY_FIGURES:
            figure = ObservationIn.model_validate(
                {
                    "region": REGION,
                    "indicator": indicator,
                    "period": JULY,
                    "measure": measure,
                    "value": value,
                    "unit": unit,
                    "note": "示例数据(演示用)",
                }
            )
            enter_figures(session, reporters[login], [figure])
        for login, account in reporters.items():
            office = str(account.department)
            move_submission(
                session, account, "submit", region=REGION, department=office, period=JULY
            )
            if login == "caizheng":
                move_submission(
                    session,
                    planner,
                    "return",
                    region=REGION,
                    department=office,
                    period=JULY,
                    comment=RETURNED,
                )


def _add_users(store: Store) -> dict[str, str]:
    passwords = {}
    with store.transaction(actor="demo") as session:
        for name, role, region, department in DEMO_USERS:
            passwords[name] = new_password()
            add_user(session, name, role, passwords[name], region=region, department=department)
    return passwords
