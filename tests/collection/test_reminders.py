"""Reminders sent to a local SMTP server (aiosmtpd) and a local webhook receiver on
127.0.0.1, recorded with their outcome; a failing channel does not stop the others."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from datetime import date
from email import message_from_bytes
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from aiosmtpd.controller import Controller

import planwatch.cli.reminding as reminding
from planwatch.cli.reminding import remind_all, remind_due, schedule
from planwatch.config import ReminderSettings, Settings
from planwatch.demo import Demo
from planwatch.periods import periods_in_view
from planwatch.reads.collection import reminders_sent
from planwatch.reads.regions import stored_region
from planwatch.store import open_store
from planwatch.store.db import Store
from tests.cli.runner import run


class Inbox:
    """aiosmtpd's handler: keeps each message it is handed."""

    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"


@pytest.fixture
def inbox() -> Iterator[tuple[Inbox, int]]:
    handler = Inbox()
    with socket.socket() as probe:  # aiosmtpd checks its own port: give it a free one
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    yield handler, port
    controller.stop()


@pytest.fixture
def robot() -> Iterator[tuple[list[dict[str, Any]], str]]:
    """A work-chat robot on 127.0.0.1 that keeps each JSON body posted to it."""
    received: list[dict[str, Any]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            length = int(self.headers["Content-Length"])
            received.append(json.loads(self.rfile.read(length).decode("utf-8")))
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"errcode":0}')

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield received, f"http://127.0.0.1:{server.server_address[1]}/robot"
    server.shutdown()
    server.server_close()


def contact(demo: Demo, department: str, *options: str) -> None:
    code, out, err = run(
        "departments",
        "contact",
        department,
        "--region",
        "420106",
        *options,
        "--db",
        demo.database_url,
    )
    assert code == 0, out + err


def test_reminders_go_by_mail_and_webhook_and_are_recorded(
    demo: Demo,
    inbox: tuple[Inbox, int],
    robot: tuple[list[dict[str, Any]], str],
    monkeypatch: pytest.MonkeyPatch,
    client_as: Any,
) -> None:
    mails, port = inbox
    posts, url = robot
    contact(demo, "区招商局", "--email", "zhaoshang@wuchang.example", "--webhook", url)
    contact(demo, "区统计局", "--email", "tongji@wuchang.example")
    monkeypatch.setenv("PLANWATCH_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("PLANWATCH_SMTP_PORT", str(port))
    monkeypatch.setenv("PLANWATCH_SMTP_SENDER", "fgw@wuchang.example")
    args = ("remind", "--region", "420106", "--period", "2017H1", "--as-of", "2017-07-20")
    code, out, err = run(*args, "--db", demo.database_url)
    assert code == 0, out + err
    assert "区招商局\temail\tzhaoshang@wuchang.example\t已发送 sent" in out
    by_address = {m["To"]: m for m in mails.messages}
    mail = by_address["zhaoshang@wuchang.example"]
    assert mail["From"] == "fgw@wuchang.example"
    body = mail.get_payload(decode=True).decode("utf-8")  # type: ignore[union-attr]
    assert "- 招商引资（2017H1，截止2017-07-10，已逾期10天）" in body
    assert "- 招商引资 (2017H1, due 2017-07-10, 10 days overdue)" in body
    assert "区统计局" not in body  # each department reads only its own
    assert posts and posts[0]["msgtype"] == "text"
    assert posts[0]["text"]["content"] == body.strip()
    page = client_as("planner").get("/regions/420106/2017H1/completeness.json").json()
    sent = {(r["department"], r["channel"], r["outcome"]) for r in page["reminders"]}
    assert ("区招商局", "email", "sent") in sent and ("区招商局", "webhook", "sent") in sent
    html = client_as("planner").get("/regions/420106/2017H1/completeness").text
    assert "zhaoshang@wuchang.example" in html


def test_a_failing_channel_is_recorded_and_the_others_still_go(
    demo: Demo, inbox: tuple[Inbox, int], client_as: Any
) -> None:
    mails, port = inbox
    contact(
        demo,
        "区招商局",
        "--email",
        "zhaoshang@wuchang.example",
        "--webhook",
        "http://127.0.0.1:9/nobody-listens",
    )
    settings = ReminderSettings(smtp_host="127.0.0.1", smtp_port=port, timeout=3)
    store = open_store(Settings(database_url=demo.database_url, secret_key="x"))
    done = remind_all(store, settings, "420106", "2017H1", as_of=_day("2017-07-20"))
    store.dispose()
    outcomes = {(r.department, d.channel): d.outcome for r in done for d in r.deliveries}
    assert outcomes[("区招商局", "webhook")] == "failed"
    assert outcomes[("区招商局", "email")] == "sent"
    assert [m["To"] for m in mails.messages] == ["zhaoshang@wuchang.example"]
    page = client_as("planner").get("/regions/420106/2017H1/completeness.json").json()
    failed = [r for r in page["reminders"] if r["outcome"] == "failed"]
    assert len(failed) == 1 and "Connection refused" in (failed[0]["error"] or "")


def test_the_cli_exits_non_zero_when_a_channel_failed(demo: Demo) -> None:
    contact(demo, "区招商局", "--webhook", "http://127.0.0.1:9/nobody-listens")
    code, out, _ = run(
        "remind",
        "--region",
        "420106",
        "--period",
        "2017H1",
        "--as-of",
        "2017-07-20",
        "--db",
        demo.database_url,
    )
    assert code == 1
    assert "区招商局\twebhook\thttp://127.0.0.1:9/nobody-listens\t失败 failed" in out
    assert "0 sent, 1 failed" in out


def test_the_schedule_sends_at_start_and_again(demo: Demo, inbox: tuple[Inbox, int]) -> None:
    mails, port = inbox
    contact(demo, "区招商局", "--email", "zhaoshang@wuchang.example")
    settings = ReminderSettings(smtp_host="127.0.0.1", smtp_port=port, timeout=3)
    store = open_store(Settings(database_url=demo.database_url, secret_key="x"))
    rounds: list[date] = []
    original = reminding.remind_due

    def counting(*args: Any, **kwargs: Any) -> Any:
        rounds.append(args[3])
        return original(*args, **kwargs)

    reminding.remind_due = counting  # type: ignore[assignment]
    try:
        stop = schedule(store, settings, ["420106"], 0.5 / 3600, clock=lambda: _day("2017-10-12"))
        deadline = time.monotonic() + 20
        while len(rounds) < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        stop.set()
    finally:
        reminding.remind_due = original  # type: ignore[assignment]
        time.sleep(0.6)
    sent = _sent(store, "区招商局")
    store.dispose()
    assert len(rounds) >= 3 and set(rounds) == {_day("2017-10-12")}  # the fake clock's day
    # not only the last month: the half-year still overdue and the quarter just due, each
    # reminded once however many rounds ran
    assert {"2017H1", "2017Q3"} <= set(sent)
    assert all(count == 1 for count in sent.values()), sent
    subjects = [str(m["Subject"]) for m in mails.messages]
    assert len(subjects) == len(sent) and len(set(subjects)) == len(subjects)


def test_a_round_reminds_every_period_due_or_soon_due_once(
    demo: Demo, inbox: tuple[Inbox, int], robot: tuple[list[dict[str, Any]], str]
) -> None:
    mails, port = inbox
    posts, url = robot
    contact(demo, "区招商局", "--email", "zhaoshang@wuchang.example", "--webhook", url)
    settings = ReminderSettings(smtp_host="127.0.0.1", smtp_port=port, timeout=3)
    store = open_store(Settings(database_url=demo.database_url, secret_key="x"))
    try:
        # on 8 July: 招商引资's 2017H1 report is due on the 10th, two days left
        first = remind_due(store, settings, "420106", _day("2017-07-08"))
        soon = [r for r in first if r.department == "区招商局" and r.period == "2017H1"]
        assert soon and "还剩2天" in soon[0].text
        again = remind_due(store, settings, "420106", _day("2017-07-08"))
        assert [r for r in again if r.deliveries] == []  # the others have no address
        # once overdue it is not sent again either: one reminder per department and period
        later = remind_due(store, settings, "420106", _day("2017-07-20"))
        assert not [r for r in later if r.department == "区招商局" and r.period == "2017H1"]
        sent = _sent(store, "区招商局")
    finally:
        store.dispose()
    assert sent["2017H1"] == 1
    assert len(mails.messages) == len(posts) == sum(sent.values())
    assert sum("2017H1" in str(m["Subject"]) for m in mails.messages) == 1


def test_a_failed_reminder_is_tried_again_next_round(demo: Demo) -> None:
    contact(demo, "区招商局", "--webhook", "http://127.0.0.1:9/nobody-listens")
    settings = ReminderSettings(timeout=3)
    store = open_store(Settings(database_url=demo.database_url, secret_key="x"))
    try:
        for _ in range(2):
            done = remind_due(store, settings, "420106", _day("2017-07-20"))
            tried = [r for r in done if r.department == "区招商局" and r.period == "2017H1"]
            assert tried and tried[0].deliveries[0].outcome == "failed"
    finally:
        store.dispose()


def test_the_periods_in_view() -> None:
    """Every month, quarter, half-year and year closed within the last year, and those
    closing within the days a reminder looks ahead."""
    codes = [p.code for p in periods_in_view(_day("2017-07-20"), 3)]
    assert codes == [
        *("2016M07", "2016M08", "2016Q3", "2016M10", "2016M11", "2016"),
        *("2017M01", "2017M02", "2017Q1", "2017M04", "2017M05", "2017H1"),
    ]
    assert periods_in_view(_day("2017-07-29"), 3)[-1].code == "2017M07"  # closes in 2 days


def _sent(store: Store, department: str) -> dict[str, int]:
    """How many reminders reached the department, per period (one per channel counted once)."""
    counts: dict[str, int] = {}
    with store.reading() as session:
        region = stored_region(session, "420106")
        for period in periods_in_view(_day("2017-10-20"), 3):
            rows = reminders_sent(session, region, period.code)
            emails = [r for r in rows if r.department == department and r.channel == "email"]
            if emails:
                counts[period.code] = len(emails)
    return counts


def _day(text: str) -> date:
    return date.fromisoformat(text)


def test_serve_refuses_a_schedule_without_a_region() -> None:
    code, out, err = run("serve", "--remind-every", "24")
    assert code == 1 and "--remind-region" in out + err
