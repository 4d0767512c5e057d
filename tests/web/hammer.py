"""Many clients writing at once to a real server: figures, narratives, fact decisions, uploads.

Used by ``tests/web/test_concurrency.py`` (a few seconds) and ``bench/bench_concurrency.py``
(20 clients for 60 s). Each client signs in once, then loops over the writes; stale writes
carry the version they read in ``If-Match`` and must answer 409, never overwrite.
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import httpx

from tests.web.helpers import csrf_of

NARRATIVE = "/api/narratives/420106/2017H1/problems"
UPLOAD = "关于武昌区2017年1-7月经济运行情况的报告\n1-7月地区生产总值完成600亿元,同比增长8.1%。\n"


@dataclass
class Tally:
    """What the clients saw, to compare with what the store holds afterwards."""

    statuses: Counter[int] = field(default_factory=Counter)
    figures: int = 0  # figures stored by POST /api/observations
    narratives: list[int] = field(default_factory=list)  # versions answered to saved edits
    decisions: dict[int, list[int]] = field(default_factory=dict)  # fact -> versions answered
    stored_by_accepts: int = 0
    stale: int = 0  # writes answered 409
    broken: list[str] = field(default_factory=list)  # answers no client should get
    lock: threading.Lock = field(default_factory=threading.Lock)

    def saw(self, answer: httpx.Response) -> None:
        with self.lock:
            self.statuses[answer.status_code] += 1
            if answer.status_code >= 500:
                self.broken.append(f"{answer.request.url.path}: {answer.text[:200]}")


def signed_in(base: str, name: str, password: str) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=60)
    answer = client.post("/login", data={"username": name, "password": password, "next": "/"})
    assert answer.status_code in (200, 303), answer.text
    client.headers["X-CSRF-Token"] = csrf_of(client)
    return client


def _figure(client: httpx.Client, tally: Tally, rng: random.Random) -> None:
    body = {
        "region": "420106",
        "indicator": "地区生产总值",
        "period": "2017H1",
        "reason": "复核",
        "comment": "压力测试",
    }
    body["value"] = round(rng.uniform(500, 560), 2)  # type: ignore[assignment]
    answer = client.post("/api/observations", json=body)
    tally.saw(answer)
    if answer.status_code == 201:
        with tally.lock:
            tally.figures += 1


def _narrative(client: httpx.Client, tally: Tally, rng: random.Random) -> None:
    read = client.get(NARRATIVE)
    tally.saw(read)
    seen = read.json()["version"]
    time.sleep(rng.uniform(0, 0.01))  # an editor types: others may save meanwhile
    answer = client.put(
        NARRATIVE, json={"text": f"问题{rng.random()}"}, headers={"If-Match": f'"{seen}"'}
    )
    tally.saw(answer)
    with tally.lock:
        if answer.status_code == 200:
            tally.narratives.append(answer.json()["version"])
            if answer.json()["version"] != seen + 1:
                tally.broken.append(
                    f"narrative saved over version {seen} as {answer.json()['version']}"
                )
        elif answer.status_code == 409:
            tally.stale += 1


def _decision(
    client: httpx.Client, tally: Tally, rng: random.Random, facts: dict[int, int]
) -> None:
    fact_id = rng.choice(sorted(facts))
    seen = facts[fact_id]
    verdict = rng.choice(("accept", "reject", "accept"))
    answer = client.post(f"/api/facts/{fact_id}/{verdict}", headers={"If-Match": f'"{seen}"'})
    tally.saw(answer)
    if answer.status_code == 200:
        now = answer.json()["fact"]["version"]
        facts[fact_id] = now
        with tally.lock:
            tally.decisions.setdefault(fact_id, []).append(now)
            tally.stored_by_accepts += answer.json()["stored"] if verdict == "accept" else 0
            if now != seen + 1:
                tally.broken.append(f"fact {fact_id} decided on version {seen} became {now}")
    elif answer.status_code == 409:
        with tally.lock:
            tally.stale += 1
        facts[fact_id] = _current_version(client, fact_id)


def _current_version(client: httpx.Client, fact_id: int) -> int:
    items = client.get("/api/facts?document=1&limit=500").json()["items"]
    return int(next(item["version"] for item in items if item["id"] == fact_id))


def fact_pool(client: httpx.Client, size: int = 3) -> dict[int, int]:
    """A few facts that become observations when accepted: fact id -> version."""
    items = client.get("/api/facts?document=1&limit=500").json()["items"]
    chosen = [i for i in items if i["indicator"] and i["measure"] == "value" and i["value"]]
    return {item["id"]: item["version"] for item in chosen[:size]}


def same_uploads(base: str, password: str, count: int) -> list[httpx.Response]:
    """``count`` uploads of one new file at the same moment."""
    clients = [signed_in(base, "planner", password) for _ in range(count)]
    answers: list[Any] = [None] * count
    start = threading.Barrier(count)

    def upload(i: int) -> None:
        start.wait()
        files = {"file": ("jul.txt", UPLOAD.encode("utf-8"), "text/plain")}
        answers[i] = clients[i].post("/api/documents", files=files)

    threads = [threading.Thread(target=upload, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for client in clients:
        client.close()
    return answers


def hammer(base: str, password: str, clients: int, seconds: float, seed: int = 1) -> Tally:
    """``clients`` planners writing for ``seconds`` (after all signed in); their answers."""
    tally = Tally()
    sessions = [signed_in(base, "planner", password) for _ in range(clients)]
    pools = [fact_pool(client) for client in sessions]
    deadline = time.monotonic() + seconds

    def work(i: int) -> None:
        rng = random.Random(seed * 1000 + i)
        try:
            while time.monotonic() < deadline:
                step = rng.random()
                if step < 0.4:
                    _figure(sessions[i], tally, rng)
                elif step < 0.7:
                    _narrative(sessions[i], tally, rng)
                else:
                    _decision(sessions[i], tally, rng, pools[i])
        except Exception as err:  # a client that dies is a finding, not a silent thread
            with tally.lock:
                tally.broken.append(f"client {i}: {type(err).__name__}: {err}")

    threads = [threading.Thread(target=work, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for client in sessions:
        client.close()
    return tally
