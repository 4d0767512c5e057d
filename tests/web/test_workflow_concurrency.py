"""Twenty reporters entering and submitting, two planners approving and returning, at once,
on a real server (uvicorn on loopback), SQLite and PostgreSQL: no lost update, no
duplicate version, no 5xx, and the audit log holds every stored figure."""

from __future__ import annotations

import random
import threading
from collections import Counter
from dataclasses import dataclass, field

import httpx
from sqlalchemy import func, select

from planwatch.config import Settings
from planwatch.demo import Demo
from planwatch.records.users import add_user
from planwatch.store import Store
from planwatch.store.models import AuditEntry, Observation
from planwatch.web import create_app
from tests.web.hammer import signed_in
from tests.web.live import serving
from tests.web.test_concurrency import live_demo  # noqa: F401 (the fixture)

REPORTERS = 20
FIGURES = 1000  # in all, spread over the reporters
ITEMS = {  # the demo plan's departments and the indicators it makes them answer for
    "区统计局": ("地区生产总值", "居民人均可支配收入"),
    "区发改委": ("全社会固定资产投资", "单位生产总值能耗", "单位生产总值二氧化碳排放"),
    "区财政局": ("地方一般公共预算收入",),
    "区招商局": ("招商引资",),
}
PERIODS = tuple(f"2017M{month:02d}" for month in range(1, 13))
PASSWORD = "a-long-test-password"


@dataclass
class Crowd:
    statuses: Counter[tuple[str, int]] = field(default_factory=Counter)
    stored: int = 0
    decided: list[tuple[str, str, int]] = field(default_factory=list)  # (dept, period, version)
    broken: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def saw(self, kind: str, answer: httpx.Response) -> None:
        with self.lock:
            self.statuses[(kind, answer.status_code)] += 1
            if answer.status_code >= 500:
                self.broken.append(f"{answer.request.url.path}: {answer.text[:200]}")


def _reporters(store: Store) -> list[tuple[str, str]]:
    made = []
    with store.transaction(actor="test") as session:
        for number in range(REPORTERS):
            department = list(ITEMS)[number % len(ITEMS)]
            name = f"tianbao{number}"
            add_user(session, name, "reporter", PASSWORD, region="420106", department=department)
            made.append((name, department))
    return made


def _report(client: httpx.Client, department: str, count: int, crowd: Crowd, seed: int) -> None:
    rng = random.Random(seed)
    for number in range(count):
        body = {
            "region": "420106",
            "indicator": rng.choice(ITEMS[department]),
            "period": rng.choice(PERIODS),
            "measure": "yoy_growth",
            "value": round(rng.uniform(2, 12), 2),
            "unit": "%",
            "reason": "月度快报",
        }
        answer = client.post("/api/observations", json=body)
        crowd.saw("enter", answer)
        if answer.status_code == 201:
            with crowd.lock:
                crowd.stored += 1
        if number % 5 == 4:
            step = {"department": department}
            crowd.saw(
                "submit", client.post(f"/api/submissions/420106/{body['period']}/submit", json=step)
            )


def _review(client: httpx.Client, crowd: Crowd, stop: threading.Event, seed: int) -> None:
    rng = random.Random(seed)
    while not stop.is_set():
        period = rng.choice(PERIODS)
        rows = client.get(f"/api/submissions/420106/{period}").json()
        for row in rows:
            if row["status"] != "submitted":
                continue
            step = "approve" if rng.random() < 0.8 else "return"
            body = {"department": row["department"], "version": row["version"], "comment": "请核实"}
            answer = client.post(f"/api/submissions/420106/{period}/{step}", json=body)
            crowd.saw(step, answer)
            if answer.status_code == 200:
                with crowd.lock:
                    crowd.decided.append((row["department"], period, row["version"]))


def _run(base: str, demo: Demo, reporters: list[tuple[str, str]]) -> Crowd:
    crowd = Crowd()
    writers = [signed_in(base, name, PASSWORD) for name, _ in reporters]
    planners = [signed_in(base, "planner", demo.passwords["planner"]) for _ in range(2)]
    stop = threading.Event()
    each = FIGURES // REPORTERS

    def guarded(work, *args) -> None:  # type: ignore[no-untyped-def]
        try:
            work(*args)
        except Exception as err:  # a client that dies is a finding, not a silent thread
            with crowd.lock:
                crowd.broken.append(f"{type(err).__name__}: {err}")

    threads = [
        threading.Thread(target=guarded, args=(_report, client, dept, each, crowd, i))
        for i, (client, (_, dept)) in enumerate(zip(writers, reporters, strict=True))
    ]
    reviewers = [
        threading.Thread(target=guarded, args=(_review, client, crowd, stop, 100 + i))
        for i, client in enumerate(planners)
    ]
    for thread in threads + reviewers:
        thread.start()
    for thread in threads:
        thread.join()
    stop.set()
    for thread in reviewers:
        thread.join()
    for client in writers + planners:
        client.close()
    return crowd


def test_reporters_and_planners_at_once(live_demo: tuple[Demo, Store]) -> None:  # noqa: F811
    demo, store = live_demo
    reporters = _reporters(store)
    with store.reading() as session:
        before = int(session.scalar(select(func.max(AuditEntry.id))) or 0)
    app = create_app(Settings(database_url=demo.database_url, secret_key="t"))
    with serving(app) as base:
        crowd = _run(base, demo, reporters)
    app.state.store.dispose()

    assert crowd.broken == []
    allowed = {("enter", 201), ("enter", 409), ("submit", 200), ("submit", 400), ("submit", 409)}
    allowed |= {(step, status) for step in ("approve", "return") for status in (200, 409)}
    assert set(crowd.statuses) <= allowed, crowd.statuses
    # it did contend: entries met locked submissions, decisions met stale versions
    assert crowd.stored >= FIGURES // 4 and crowd.decided, crowd.statuses
    assert crowd.statuses[("enter", 409)] > 0
    # no two decisions were taken on one version of a submission: stale ones answered 409
    assert len(set(crowd.decided)) == len(crowd.decided)
    with store.reading() as session:
        inserted = session.scalar(
            select(func.count()).where(
                AuditEntry.id > before,
                AuditEntry.table_name == "observations",
                AuditEntry.action == "insert",
            )
        )
        assert inserted == crowd.stored  # the audit log holds every stored figure
        versions = session.execute(
            select(func.count(), func.count(func.distinct(Observation.version)))
            .where(Observation.period.in_(PERIODS))
            .group_by(
                Observation.region_id,
                Observation.indicator_id,
                Observation.period,
                Observation.measure,
            )
        ).all()
        assert sum(total for total, _ in versions) >= crowd.stored
        assert all(total == distinct for total, distinct in versions)  # no duplicate version
