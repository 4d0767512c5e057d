"""Concurrent writers on a real server: counts of answers, stale writes and audit rows.

    python bench/bench_concurrency.py                      # 20 clients, 60 s, SQLite
    python bench/bench_concurrency.py --clients 8 --seconds 5
    python bench/bench_concurrency.py --postgres postgresql://postgres@127.0.0.1:5432/test

Prints what the clients were answered (by status), how many writes were stale (409), the
audit rows the run left by table and action, and whether they match the successful writes.
The PostgreSQL URL names a server; the run creates and drops a database of its own.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, func, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from planwatch.config import Settings  # noqa: E402
from planwatch.demo import build_demo, fill_demo  # noqa: E402
from planwatch.store import open_store  # noqa: E402
from planwatch.store.models import AuditEntry, Observation  # noqa: E402
from planwatch.web import create_app  # noqa: E402
from tests.web.hammer import hammer, same_uploads  # noqa: E402
from tests.web.live import serving  # noqa: E402


def run(url: str, password: str, clients: int, seconds: float) -> None:
    store = open_store(Settings(database_url=url, secret_key="bench"))
    with store.reading() as session:
        before = session.scalar(select(func.max(AuditEntry.id))) or 0
        observations = session.scalar(select(func.count()).select_from(Observation)) or 0
    app = create_app(Settings(database_url=url, secret_key="bench"))
    with serving(app) as base:
        uploads = same_uploads(base, password, 6)
        tally = hammer(base, password, clients, seconds)
    app.state.store.dispose()
    print(f"same file uploaded 6 times at once: {sorted(a.status_code for a in uploads)}")
    print(f"answers: {dict(sorted(tally.statuses.items()))}")
    print(
        f"5xx: {sum(n for s, n in tally.statuses.items() if s >= 500)}; broken: {tally.broken[:5]}"
    )
    print(f"stale writes answered 409: {tally.stale}")
    decisions = sum(len(v) for v in tally.decisions.values())
    print(
        f"saved: {tally.figures} figures, {len(tally.narratives)} narrative edits, {decisions} decisions"
    )
    with store.reading() as session:
        rows = session.execute(
            select(AuditEntry.table_name, AuditEntry.action, func.count())
            .where(AuditEntry.id > before)
            .group_by(AuditEntry.table_name, AuditEntry.action)
        )
        audit = {f"{table}.{action}": count for table, action, count in rows}
        now = session.scalar(select(func.count()).select_from(Observation)) or 0
    print(f"audit rows of the run: {audit}")
    inserted = audit.get("observations.insert", 0)
    print(
        "audit matches: "
        f"observations inserted {inserted} = figures + accepted {tally.figures + tally.stored_by_accepts}; "
        f"inserted - deleted {inserted - audit.get('observations.delete', 0)} = growth {now - observations}; "
        f"narratives {audit.get('narratives.update', 0) + audit.get('narratives.insert', 0)} = {len(tally.narratives)}; "
        f"facts {audit.get('facts.update', 0)} = {decisions}"
    )
    narratives_ok = sorted(tally.narratives) == list(range(1, len(tally.narratives) + 1))
    print(f"narrative versions 1..{len(tally.narratives)} each saved once: {narratives_ok}")
    if store.is_sqlite:
        with store.engine.connect() as conn:
            print(
                f"PRAGMA integrity_check: {conn.execute(text('PRAGMA integrity_check')).scalar()}"
            )
    store.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--postgres", help="a PostgreSQL server URL (default: SQLite)")
    args = parser.parse_args()
    if args.postgres:
        server = make_url(args.postgres).set(drivername="postgresql+psycopg")
        name = f"planwatch_bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(server, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = server.set(database=name).render_as_string(hide_password=False)
        try:
            store = open_store(Settings(database_url=url, secret_key="bench"), create=True)
            demo = fill_demo(store)
            store.dispose()
            run(url, demo.passwords["planner"], args.clients, args.seconds)
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()
        return
    with tempfile.TemporaryDirectory() as folder:
        demo = build_demo(Path(folder) / "bench.db")
        run(demo.database_url, demo.passwords["planner"], args.clients, args.seconds)


if __name__ == "__main__":
    main()
