"""Sending the reminders: the one routine `planwatch remind` and `serve --remind-every` run.

What each late or soon-due department is reminded of comes from ``reads.collection``;
``records.reminders`` sends it by e-mail and webhook and records every attempt.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import UTC, date, datetime

from planwatch.config import ReminderSettings
from planwatch.periods import Period
from planwatch.reads.collection import (
    completeness,
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


def remind_all(
    store: Store,
    settings: ReminderSettings,
    region_code: str,
    period: str,
    as_of: date | None = None,
    soon: int = 3,
) -> list[Reminded]:
    """Remind each department that is late or soon due; every attempt is recorded."""
    with store.reading() as session:
        region = stored_region(session, region_code)
        found = completeness(session, region, Period.parse(period), as_of)
        due = reminders_due(found, soon)
        contacts = {name: contact_of(session, region.id, name, settings) for name in due}
    done = []
    for department, owed in due.items():
        text = reminder_text(region.name, found.period, department, owed)
        subject = reminder_subject(region.name, found.period)
        deliveries = send(settings, contacts[department], subject, text)
        if deliveries:
            with store.transaction(actor="remind") as session:
                record(session, region.id, contacts[department], found.period, text, deliveries)
        done.append(Reminded(department, text, deliveries))
    return done


def last_closed_month(today: date) -> str:
    """The month whose figures are being collected now: the one before ``today``'s."""
    year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    return f"{year}M{month:02d}"


def schedule(
    store: Store, settings: ReminderSettings, regions: list[str], hours: float
) -> threading.Event:
    """Remind the regions' departments every ``hours``, for the month being collected,
    on a daemon thread; set the returned event to stop it."""
    stop = threading.Event()

    def loop() -> None:
        while not stop.is_set():
            period = last_closed_month(datetime.now(UTC).date())
            for code in regions:
                try:
                    remind_all(store, settings, code, period)
                except Exception as err:  # noqa: BLE001  # a failed round must not end the loop
                    print(f"reminders for {code} {period} failed: {err}", flush=True)  # noqa: T201
            stop.wait(hours * 3600)

    threading.Thread(target=loop, name="planwatch-reminders", daemon=True).start()
    return stop
