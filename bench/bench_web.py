"""How much the web layer adds to the SQL behind the three busiest pages.

    python bench/bench_web.py [--requests 200]

On a freshly built demo database, each endpoint (the overview, an indicator page, the
comparison of 武汉市's districts, all as ``.json``) is requested ``--requests`` times
through the app in process. *Server time* is the app's own ``Server-Timing`` figure
(routing, sign-in lookup, queries, assessment, JSON), so the test client's overhead is
left out. It is measured twice: *built*, by an app keeping no pages (every request
queries and assesses), and *served*, by an app as deployed, which keeps each page's
dict until the data version changes. The SQL statements a built request runs are
captured with their parameters and replayed on a raw DB-API connection the same number
of times: that is the *bare SQL* time of the page's data. The ratios of the medians to
it say what the web layer costs; the target is within 2x for what users get (served),
and both the built and the served ratios are checked against it. Fewer, merged queries
lower the bare SQL time too, so read the ratios with the absolute times beside them.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import event  # noqa: E402
from sqlalchemy.engine import Engine  # noqa: E402

from planwatch.config import Settings  # noqa: E402
from planwatch.demo import build_demo  # noqa: E402
from planwatch.web import create_app  # noqa: E402

ENDPOINTS = {
    "overview": "/regions/420106/2017H1.json",
    "indicator": f"/regions/420106/2017H1/indicators/{quote('全社会固定资产投资')}.json",
    "comparison": f"/compare/420100/county/2017H1.json?indicator={quote('全社会固定资产投资')}",
}
TARGET_RATIO = 2.0

Statement = tuple[str, Any]


@contextmanager
def captured(engine: Engine) -> Iterator[list[Statement]]:
    """Every statement the engine runs inside the block, with its parameters."""
    seen: list[Statement] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def server_times(client: TestClient, path: str, count: int) -> list[float]:
    times = []
    for _ in range(count):
        answer = client.get(path)
        answer.raise_for_status()
        times.append(float(answer.headers["server-timing"].split("dur=")[1]))
    return times


def sql_times(engine: Engine, statements: list[Statement], count: int) -> list[float]:
    """Milliseconds to run the captured statements and fetch every row, per replay."""
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        times = []
        for _ in range(count):
            started = time.perf_counter()
            for statement, parameters in statements:
                cursor.execute(statement, parameters)
                cursor.fetchall()
            times.append((time.perf_counter() - started) * 1000)
        connection.rollback()
        return times
    finally:
        connection.close()


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


Row = tuple[str, int, list[float], list[float], list[float]]


def run(requests: int) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="planwatch-bench-") as folder:
        demo = build_demo(Path(folder) / "demo.db")
        settings = Settings(database_url=demo.database_url, secret_key="bench")
        building = create_app(settings, page_cache_size=0)
        serving = create_app(settings)
        engine = building.state.store.engine
        login = {"username": "viewer", "password": demo.passwords["viewer"]}
        rows = []
        with TestClient(building) as built_client, TestClient(serving) as served_client:
            for client in (built_client, served_client):
                client.post("/login", data=login).raise_for_status()
            for name, path in ENDPOINTS.items():
                server_times(built_client, path, 5)  # warm imports and connections
                server_times(served_client, path, 5)
                with captured(engine) as statements:
                    built_client.get(path).raise_for_status()
                built = server_times(built_client, path, requests)
                served = server_times(served_client, path, requests)
                bare = sql_times(engine, statements, requests)
                rows.append((name, len(statements), built, served, bare))
        for app in (building, serving):
            app.state.store.dispose()
        return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    rows = run(args.requests)
    print(f"{args.requests} requests per endpoint, demo database (SQLite), times in ms\n")
    print(
        f"{'endpoint':<11} {'queries':>7} {'bare SQL':>9} {'p95':>6}  {'built':>7} {'p95':>6} "
        f"{'ratio':>6}  {'served':>7} {'p95':>6} {'ratio':>6}"
    )
    ratios = []
    for name, queries, built, served, bare in rows:
        floor = statistics.median(bare)
        ratio = statistics.median(served) / floor
        ratios.append((name, "served", ratio))
        ratios.append((name, "built", statistics.median(built) / floor))
        print(
            f"{name:<11} {queries:>7} {floor:>9.2f} {p95(bare):>6.2f}  "
            f"{statistics.median(built):>7.2f} {p95(built):>6.2f} "
            f"{statistics.median(built) / floor:>5.1f}x  "
            f"{statistics.median(served):>7.2f} {p95(served):>6.2f} {ratio:>5.1f}x"
        )
    print()
    for name, how, ratio in sorted(ratios, key=lambda r: r[1], reverse=True):
        verdict = "met" if ratio <= TARGET_RATIO else "missed"
        print(
            f"target {name} {how} within {TARGET_RATIO:g}x of its bare SQL: "
            f"{verdict} ({ratio:.1f}x)"
        )


if __name__ == "__main__":
    main()
