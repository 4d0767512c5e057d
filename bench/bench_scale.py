"""Loading and reading a synthetic country, on SQLite and PostgreSQL.

    python bench/bench_scale.py                                   # 120 regions × 12 × 2 years
    python bench/bench_scale.py --regions 600 --indicators 20 --years 3
    python bench/bench_scale.py --postgres postgresql://postgres@127.0.0.1:5432/test
    python bench/bench_scale.py --full                            # ~3,000 × 60 × 5 (≈10M rows)

``planwatch synth``'s generator writes the figures' CSV; its regions and the plans of its
last year (the year the pages are asked for) are stored once and copied for each fresh
database (not timed). Then, per database:

- *load*: ``planwatch observations load``'s engine (``records/bulk.py``) on the whole
  file, rows/s. Next to it, on SQLite, the same rows (already parsed, ids resolved) put
  into the same empty table by raw ``sqlite3.executemany`` (the limit: no parsing, no
  checks, no audit rows) and by ``pandas.DataFrame.to_sql`` (a peer; pandas comes with
  the ``bench`` extra); on PostgreSQL, by a raw psycopg ``COPY`` (the limit there);
- *memory*: the peak RSS of the ``planwatch observations load`` command, run in a process
  of its own on the first quarter of the file and on the whole (``--full``: a tenth and
  four tenths), each into a fresh database: equal peaks mean memory does not grow with
  the file;
- *pages*: median and p95 of the app's own ``Server-Timing`` for the start page, a
  province's overview and indicator page, and the comparison of a province's counties,
  requested with an API token through the app in process, page cache off (every request
  queries).
"""

from __future__ import annotations

import argparse
import csv
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from itertools import islice
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from planwatch.config import Settings, sqlite_url  # noqa: E402
from planwatch.records.bulk import load_observation_csv  # noqa: E402
from planwatch.records.synth import Country, store_country, write_figure_file  # noqa: E402
from planwatch.records.tokens import add_token  # noqa: E402
from planwatch.records.users import add_user  # noqa: E402
from planwatch.store import Store, open_store  # noqa: E402
from planwatch.store.reference import add_region  # noqa: E402
from planwatch.web import create_app  # noqa: E402

NATION = "100000"  # a custom unit above the provinces, for a national ranking


def built(url: str, country: Country) -> Store:
    store = open_store(Settings(database_url=url, secret_key="bench"), create=True)
    with store.transaction(actor="bench") as session:
        store_country(session, country, plan_years=1)  # the year the pages are asked for
        nation = add_region(session, NATION, "全国", "province")
        session.execute(
            text(
                "UPDATE regions SET parent_id = :nation WHERE parent_id IS NULL AND id != :nation"
            ),
            {"nation": nation.id},
        )
    return store


def timed_load(store: Store, path: Path) -> tuple[int, float]:
    start = time.perf_counter()
    with store.transaction(actor="bench") as session:
        count = load_observation_csv(session, path)
    return count, time.perf_counter() - start


def load_command(make: Callable[[], Store], path: Path) -> tuple[float, float]:
    """(peak RSS in MB, rows/s) of ``planwatch observations load`` in a process of its own,
    into a fresh database: the peak is the process's own high-water mark (``VmHWM``), read
    as it exits (the parent's pages, which a forked child counts until it runs the
    command, are not in it)."""
    import subprocess

    store = make()
    url = store.url
    store.dispose()
    report = (
        "import atexit, runpy, sys; "
        "atexit.register(lambda: sys.stderr.write('\\nVmHWM ' + "
        "open('/proc/self/status').read().split('VmHWM:')[1].split()[0] + '\\n')); "
        "sys.argv = ['planwatch'] + sys.argv[1:]; runpy.run_module('planwatch', run_name='__main__')"
    )
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", report, "observations", "load", str(path), "--db", url],
        check=True,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    kilobytes = int(done.stderr.rsplit("VmHWM ", 1)[1].split()[0])
    rows = int(done.stdout.split()[1])  # "loaded N observations"
    return kilobytes / 1024, rows / seconds


def head_of(path: Path, share: float, folder: Path) -> Path:
    """The headers and the first ``share`` of the rows, streamed (the whole file is itself)."""
    if share >= 1:
        return path
    with path.open(encoding="utf-8") as handle:
        rows = sum(1 for _ in handle) - 1
    part = folder / f"part-{share}.csv"
    with path.open(encoding="utf-8") as source, part.open("w", encoding="utf-8") as out:
        out.writelines(islice(source, 1 + int(rows * share)))
    return part


def raw_rows(store: Store, path: Path) -> list[tuple[object, ...]]:
    """The file's rows as the table holds them (ids resolved), for the baselines."""
    with store.engine.connect() as connection:
        regions = dict(connection.execute(text("SELECT code, id FROM regions")).all())
        indicators = dict(connection.execute(text("SELECT name, id FROM indicators")).all())
    now = "2026-12-03 00:00:00.000000"
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            (indicators[r["indicator"]], regions[r["region"]], r["period"], r["measure"])
            + (float(r["value"]), r["unit"], None, r["status"], 1, now)
            for r in csv.DictReader(handle)
        ]


COLUMNS = (
    "indicator_id, region_id, period, measure, value, unit, basis, status, version, created_at"
)


def executemany_rate(store: Store, rows: list[tuple[object, ...]]) -> float:
    """Rows/s of raw ``executemany`` into ``store``'s empty table, then the store let go."""
    database = make_url(store.url).database
    store.dispose()
    connection = sqlite3.connect(str(database))
    start = time.perf_counter()
    connection.executemany(
        f"INSERT INTO observations ({COLUMNS}) VALUES ({', '.join('?' * 10)})", rows
    )
    connection.commit()
    elapsed = time.perf_counter() - start
    connection.close()
    return len(rows) / elapsed


def copy_rate(store: Store, rows: list[tuple[object, ...]]) -> float:
    """Rows/s of a raw psycopg ``COPY`` into ``store``'s empty table, then let go."""
    import psycopg

    url = make_url(store.url)
    store.dispose()
    with psycopg.connect(url.set(drivername="postgresql").render_as_string(False)) as connection:
        start = time.perf_counter()
        with connection.cursor() as cursor:
            with cursor.copy(f"COPY observations ({COLUMNS}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        connection.commit()
        return len(rows) / (time.perf_counter() - start)


def to_sql_rate(store: Store, rows: list[tuple[object, ...]]) -> float | None:
    """Rows/s of ``pandas.DataFrame.to_sql`` into ``store``'s empty table, then let go."""
    try:
        import pandas
    except ImportError:
        return None
    frame = pandas.DataFrame(rows, columns=[c.strip() for c in COLUMNS.split(",")])
    store.dispose()
    engine = create_engine(store.url)
    start = time.perf_counter()
    frame.to_sql("observations", engine, if_exists="append", index=False, chunksize=10_000)
    elapsed = time.perf_counter() - start
    engine.dispose()
    return len(rows) / elapsed


def page_times(store: Store, country: Country, requests: int) -> dict[str, list[float]]:
    with store.transaction(actor="bench") as session:
        add_user(session, "bench", "planner", "bench-password-1")
        _, token = add_token(session, "bench", "bench")
    app = create_app(Settings(database_url=store.url, secret_key="bench"), page_cache_size=0)
    province = country.places[0].code
    flow = quote(country.chosen[0].name)
    period = f"{country.year_list[-1]}M06"
    endpoints = {
        "start page": "/regions.json",
        "overview": f"/regions/{province}/{period}.json",
        "indicator": f"/regions/{province}/{period}/indicators/{flow}.json",
        "comparison (province's counties)": f"/compare/{province}/county/{period}.json?indicator={flow}",
        "comparison (all counties)": f"/compare/{NATION}/county/{period}.json?indicator={flow}",
    }
    found = {}
    with TestClient(app) as client:
        client.headers["Authorization"] = f"Bearer {token}"
        for name, path in endpoints.items():
            client.get(path).raise_for_status()  # warm
            times = []
            for _ in range(requests if "all counties" not in name else max(3, requests // 10)):
                answer = client.get(path)
                answer.raise_for_status()
                times.append(float(answer.headers["server-timing"].split("dur=")[1]))
            found[name] = times
    return found


SERVER = """
import sys, uvicorn
from planwatch.config import Settings
from planwatch.web import create_app
app = create_app(Settings(database_url=sys.argv[1], secret_key="bench"), page_cache_size=int(sys.argv[3]))
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""


def throughput(
    store: Store, path: str, auth: dict[str, str], cached: bool, clients: int, seconds: float
) -> tuple[float, float, int]:
    """(requests/s, server peak RSS in MB, non-200 answers): ``clients`` threads asking for
    ``path`` over loopback from a uvicorn process of its own for ``seconds``."""
    import socket
    import subprocess
    import threading

    import httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER, store.url, str(port), "256" if cached else "0"],
        cwd=Path(__file__).resolve().parent.parent,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{base}/regions.json", headers=auth, timeout=5)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("the bench server did not start") from None
                time.sleep(0.2)
        counts = [0] * clients
        failures = [0] * clients
        stop = time.monotonic() + seconds

        def client(number: int) -> None:
            with httpx.Client(base_url=base, headers=auth, timeout=60) as http:
                while time.monotonic() < stop:
                    answer = http.get(path)
                    counts[number] += 1
                    failures[number] += answer.status_code != 200

        threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
        start = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - start
        status = Path(f"/proc/{server.pid}/status").read_text()
        peak = next(
            int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM")
        )
        return sum(counts) / elapsed, peak / 1024, sum(failures)
    finally:
        server.terminate()
        server.wait(timeout=30)


def requests_per_second(store: Store, country: Country, args: argparse.Namespace) -> None:
    import base64

    with store.transaction(actor="bench") as session:
        add_user(session, "load", "planner", "load-password-1")
        _, token = add_token(session, "load", "load")
    basic = base64.b64encode(b"load:load-password-1").decode()
    period = f"{country.year_list[-1]}M06"
    path = f"/regions/{country.places[0].code}/{period}.json"
    for label, auth in (("token", f"Bearer {token}"), ("Basic", f"Basic {basic}")):
        for cached in (True, False):
            rate, peak, failed = throughput(
                store, path, {"Authorization": auth}, cached, args.clients, args.seconds
            )
            print(
                f"  {args.clients} clients, {label:5}, pages {'kept' if cached else 'rebuilt'}:"
                f" {rate:7.1f} requests/s, server peak RSS {peak:.0f} MB, {failed} not 200"
            )


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def run(
    label: str,
    make: Callable[[], Store],
    path: Path,
    country: Country,
    args: argparse.Namespace,
    folder: Path,
) -> None:
    print(f"\n== {label}")
    store = make()
    count, seconds = timed_load(store, path)
    print(f"load: {count:,} rows in {seconds:.1f} s = {count / seconds:,.0f} rows/s")
    if store.is_sqlite:
        rows = raw_rows(store, path)
        limit = executemany_rate(make(), rows)
        print(
            f"  raw sqlite3.executemany (limit): {limit:,.0f} rows/s; loader/limit {count / seconds / limit:.2f}"
        )
        peer = to_sql_rate(make(), rows)
        if peer is None:
            print("  pandas.DataFrame.to_sql: pandas not installed (pip install -e '.[bench]')")
        else:
            print(
                f"  pandas.DataFrame.to_sql (peer): {peer:,.0f} rows/s; loader/peer {count / seconds / peer:.2f}"
            )
        del rows
    else:
        rows = raw_rows(store, path)
        limit = copy_rate(make(), rows)
        print(
            f"  raw psycopg COPY (limit): {limit:,.0f} rows/s; loader/limit {count / seconds / limit:.2f}"
        )
        del rows
    small, large = (head_of(path, share, folder) for share in args.memory_at)
    (peak_small, rate_small), (peak_large, rate_large) = (
        load_command(make, small),
        load_command(make, large),
    )
    print(
        f"peak RSS of the load command: {peak_small:.0f} MB at {args.memory_at[0]:.0%} of the "
        f"file, {peak_large:.0f} MB at {args.memory_at[1]:.0%} (its rate, start-up included: "
        f"{rate_small:,.0f} and {rate_large:,.0f} rows/s)"
    )
    for name, times in page_times(store, country, args.requests).items():
        print(f"  {name:34} median {statistics.median(times):7.1f} ms  p95 {p95(times):7.1f} ms")
    if args.clients:
        requests_per_second(store, country, args)
    store.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=120)
    parser.add_argument("--indicators", type=int, default=12)
    parser.add_argument("--years", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--postgres", help="a server URL: also run on a new database there")
    parser.add_argument("--clients", type=int, default=32, help="concurrent clients (0: none)")
    parser.add_argument("--seconds", type=float, default=10, help="how long each client run")
    parser.add_argument("--full", action="store_true", help="~3,000 regions × 60 × 5 years")
    parser.add_argument(
        "--only", choices=("sqlite", "postgresql"), help="measure one database of the two"
    )
    parser.add_argument(
        "--memory-at",
        type=float,
        nargs=2,
        default=(0.25, 1.0),
        help="the two shares of the file whose load's peak memory is measured",
    )
    args = parser.parse_args()
    if args.full:
        args.regions, args.indicators, args.years = 3000, 60, 5
        args.memory_at = (0.1, 0.4)  # a million and four million rows
    country = Country(args.regions, args.indicators, args.years, args.seed)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = folder / "figures.csv"
        rows = write_figure_file(country, path)
        print(
            f"country: {args.regions} regions × {args.indicators} indicators × {args.years} years = {rows:,} figures ({path.stat().st_size / 1e6:.0f} MB CSV)"
        )
        if args.only != "postgresql":
            run("SQLite", sqlite_copies(folder, country), path, country, args, folder)
        if args.postgres and args.only != "sqlite":
            made: list[str] = []
            try:
                make = postgres_copies(args.postgres, country, made)
                run("PostgreSQL", make, path, country, args, folder)
            finally:
                _drop_databases(args.postgres, made)


def sqlite_copies(folder: Path, country: Country) -> Callable[[], Store]:
    """Fresh databases holding the country's regions and plans: built once (storing
    15,000 plans takes minutes), then copied with SQLite's backup API."""
    template = folder / "country.sqlite"
    built(sqlite_url(template), country).dispose()
    number = iter(range(1000))

    def make() -> Store:
        target = folder / f"db{next(number)}.sqlite"
        source, copy = sqlite3.connect(template), sqlite3.connect(target)
        source.backup(copy)
        source.close()
        copy.close()
        return open_store(Settings(database_url=sqlite_url(target), secret_key="bench"))

    return make


def postgres_copies(server: str, country: Country, made: list[str]) -> Callable[[], Store]:
    """As ``sqlite_copies``, on the server: ``CREATE DATABASE … TEMPLATE`` of one built once."""
    template = _new_database(server, made)
    built(template, country).dispose()

    def make() -> Store:
        url = _new_database(server, made, template=make_url(template).database)
        return open_store(Settings(database_url=url, secret_key="bench"))

    return make


def _new_database(server: str, made: list[str], template: str | None = None) -> str:
    url = make_url(server).set(drivername="postgresql+psycopg")
    name = f"planwatch_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        copied = f' TEMPLATE "{template}"' if template else ""
        connection.execute(text(f'CREATE DATABASE "{name}"{copied}'))
    admin.dispose()
    made.append(name)
    return url.set(database=name).render_as_string(hide_password=False)


def _drop_databases(server: str, names: list[str]) -> None:
    admin = create_engine(
        make_url(server).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as connection:
        for name in names:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


if __name__ == "__main__":
    main()
