"""Reminders sent to departments: by e-mail (SMTP) and by a work-chat robot's webhook.

Each channel a department has is tried on its own: one that fails (the mail server
refuses, the robot does not answer) is recorded with what went wrong and the others are
still tried. Every attempt is a row of ``reminders`` with its time, channel, address,
what it said and its outcome. Sending runs outside any transaction; recording is one.
"""

from __future__ import annotations

import json
import re
import smtplib
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from planwatch.config import ReminderSettings
from planwatch.errors import InvalidInput
from planwatch.links import robot_address
from planwatch.store.models import Department, Reminder, utcnow

Channel = Literal["email", "webhook"]
Outcome = Literal["sent", "failed"]


@dataclass(frozen=True)
class Contact:
    department_id: int
    department: str
    email: str | None
    webhook: str | None


@dataclass(frozen=True)
class Delivery:
    channel: Channel
    address: str
    outcome: Outcome
    error: str | None
    at: datetime


def contact_of(
    session: Session, region_id: int, department: str, settings: ReminderSettings
) -> Contact:
    """The department's addresses; its webhook falls back to the office's robot."""
    row = _department(session, region_id, department)
    return Contact(row.id, row.name, row.email, row.webhook or settings.webhook_url)


def _department(session: Session, region_id: int, department: str) -> Department:
    row = session.scalar(
        select(Department).where(Department.region_id == region_id, Department.name == department)
    )
    if row is None:
        raise InvalidInput("records.reminders.no_department_this_region", department=department)
    return row


def set_contact(
    session: Session, region_id: int, department: str, email: str | None, webhook: str | None
) -> Department:
    """Set where a department's reminders go (None leaves an address as it is)."""
    row = _department(session, region_id, department)
    if email is not None:
        email = email.strip()
        if email and (not _EMAIL.fullmatch(email) or len(email) > 300):
            raise InvalidInput("records.reminders.not_e_mail_address", email=email)
        row.email = email or None
    if webhook is not None:
        webhook = webhook.strip()
        if webhook and not _is_web_address(webhook):
            raise InvalidInput("records.reminders.not_web_address", webhook=robot_address(webhook))
        row.webhook = webhook or None
    session.flush()
    return row


_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")


def _is_web_address(address: str) -> bool:
    try:
        parts = urllib.parse.urlsplit(address)
    except ValueError:  # an unclosed [ of an IPv6 address
        return False
    return (
        parts.scheme in ("http", "https")
        and bool(parts.hostname)
        and len(address) <= 500
        and not any(c.isspace() for c in address)
    )


def send(settings: ReminderSettings, contact: Contact, subject: str, text: str) -> list[Delivery]:
    """Send by every channel the department has; each outcome, failures included."""
    deliveries = []
    if contact.email:
        deliveries.append(
            _attempt("email", contact.email, lambda: _mail(settings, contact, subject, text))
        )
    if contact.webhook:
        deliveries.append(
            _attempt(
                "webhook", contact.webhook, lambda: _post(settings, contact.webhook or "", text)
            )
        )
    return deliveries


def _attempt(channel: Channel, address: str, action: object) -> Delivery:
    assert callable(action)
    try:
        action()
    except (OSError, smtplib.SMTPException, ValueError, InvalidInput) as err:
        return Delivery(channel, address, "failed", f"{type(err).__name__}: {err}"[:500], utcnow())
    return Delivery(channel, address, "sent", None, utcnow())


def _mail(settings: ReminderSettings, contact: Contact, subject: str, text: str) -> None:
    if not settings.smtp_host:
        raise InvalidInput("records.reminders.no_smtp_server_set")
    message = EmailMessage()
    message["From"] = settings.smtp_sender
    message["To"] = contact.email
    message["Subject"] = subject
    message.set_content(text)
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=settings.timeout) as smtp:
        if settings.smtp_starttls:
            smtp.starttls()
        if settings.smtp_user:
            smtp.login(settings.smtp_user, settings.smtp_password or "")
        smtp.send_message(message)


def _post(settings: ReminderSettings, url: str, text: str) -> None:
    """The text as the common work-chat robots take it: {"msgtype": "text", ...}."""
    body = json.dumps({"msgtype": "text", "text": {"content": text}}, ensure_ascii=False)
    request = urllib.request.Request(  # noqa: S310  # the office's own robot address
        url,
        data=body.encode("utf-8"),
        headers={"Content-Type": "application/json; charset=utf-8"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=settings.timeout) as answer:  # noqa: S310
        if not 200 <= answer.status < 300:
            raise ValueError(f"the robot answered HTTP {answer.status}")


def record(
    session: Session,
    region_id: int,
    contact: Contact,
    period: str,
    text: str,
    deliveries: list[Delivery],
) -> None:
    """Each attempt as a row of ``reminders``, in the caller's transaction (audited)."""
    for delivery in deliveries:
        session.add(
            Reminder(
                region_id=region_id,
                department_id=contact.department_id,
                period=period,
                channel=delivery.channel,
                address=robot_address(delivery.address)[:300],
                content=text,
                sent_at=delivery.at,
                outcome=delivery.outcome,
                error=delivery.error,
            )
        )
    session.flush()
