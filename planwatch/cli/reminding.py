"""Sending the reminders: the one routine `planwatch remind` and `serve --remind-every` run.

What each late or soon-due department is reminded of comes from ``reads.collection``;
``records.reminders`` sends it by e-mail and webhook and records every attempt. The
schedule looks at every period the calendar may have due or soon due (months, quarters,
half-years, the year) and reminds a department of a period once: a reminder that reached
it is recorded, and the next rounds leave that department and period alone.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from planwatch.config import ReminderSettings
from planwatch.periods import Period, periods_in_view
from planwatch.reads.collection import (
    completeness,
    reminded,
    reminder_subject,
    reminder_text,
    reminders_due,
)
from planwatch.reads.regions import stored_region
from planwatch.records.reminders import Delivery, contact_of, record, send
from planwatch.store.db import Store


@dataclass(frozen=True)
class Reminded:
    department: str
    text: str
    deliveries: list[Delivery]  # empty: the department has no address
    period: str = ""


def remind_all(
    store: Store,
    settings: ReminderSettings,
    region_code: str,
    period: str,
    as_of: date | None = None,
    soon: int = 3,
    once: bool = False,
) -> list[Reminded]:
    """Remind each department that is late or soon due; every attempt is recorded. With
    ``once``, a department a reminder of the period has reached already is left out."""
    with store.reading() as session:
        region = stored_region(session, region_code)
        found = completeness(session, region, Period.parse(period), as_of)
        due = reminders_due(found, soon)
        if once:
            done_before = reminded(session, region, found.period)
            due = {name: owed for name, owed in due.items() if name not in done_before}
        contacts = {name: contact_of(session, region.id, name, settings) for name in due}
    done = []
    for department, owed in due.items():
        text = reminder_text(region.name, found.period, department, owed)
        subject = reminder_subject(region.name, found.period)
        deliveries = send(settings, contacts[department], subject, text)
        if deliveries:
            with store.transaction(actor="remind") as session:
                record(session, region.id, contacts[department], found.period, text, deliveries)
        done.append(Reminded(department, text, deliveries, found.period))
    return done


def remind_due(
    store: Store, settings: ReminderSettings, region_code: str, today: date, soon: int = 3
) -> list[Reminded]:
    """One scheduled round for a region: every period in view on ``today``, each
    department reminded of each period once."""
    done = []
    for period in periods_in_view(today, soon):
        done += remind_all(store, settings, region_code, period.code, today, soon, once=True)
    return done


def today_utc() -> date:
    return datetime.now(UTC).date()


def schedule(
    store: Store,
    settings: ReminderSettings,
    regions: list[str],
    hours: float,
    clock: Callable[[], date] = today_utc,
) -> threading.Event:
    """Remind the regions' departments every ``hours`` of what is due or soon due on
    ``clock()``'s day, on a daemon thread; set the returned event to stop it."""
    stop = threading.Event()

    def loop() -> None:
        while not stop.is_set():
            today = clock()
            for code in regions:
                try:
                    remind_due(store, settings, code, today)
                except Exception as err:  # noqa: BLE001  # a failed round must not end the loop
                    print(f"reminders for {code} on {today} failed: {err}", flush=True)  # noqa: T201
            stop.wait(hours * 3600)

    threading.Thread(target=loop, name="planwatch-reminders", daemon=True).start()
    return stop
