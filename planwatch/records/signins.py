"""Signed-in browsers, held server-side: signing out ends the session everywhere at once.

The cookie carries a random token; the table keeps only its SHA-256, so neither a copy of
the database nor the audit log lets anyone sign in as someone else.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from planwatch.records.users import Account, account_where
from planwatch.store.models import SignIn, utcnow

SESSION_HOURS = 10  # a working day; then sign in again


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def start_sign_in(session: Session, user_id: int) -> str:
    """A new token for the user's browser (stored only as its digest)."""
    for old in session.scalars(select(SignIn).where(SignIn.user_id == user_id)):
        if _expired(old.created_at):
            session.delete(old)  # one row at a time: each removal is audited
    token = secrets.token_urlsafe(32)
    session.add(SignIn(token_hash=_digest(token), user_id=user_id))
    session.flush()
    return token


def signed_in_account(session: Session, token: str) -> Account | None:
    """The account a token signs in, or None once it was signed out or has expired.

    One query, as before sign-ins were kept: every page asks it once in 30 seconds.
    """
    since = utcnow() - timedelta(hours=SESSION_HOURS)
    return account_where(
        session,
        SignIn.token_hash == _digest(token),
        SignIn.created_at > since,
        joined=SignIn,
    )


def exchange_sign_in(session: Session, token: str) -> tuple[Account, str] | None:
    """A one-time sign-in link: the link's token is ended and the browser gets a new one,
    so the link works once (and only while a sign-in would last). None: used or expired."""
    account = signed_in_account(session, token)
    if account is None:
        return None
    end_sign_in(session, token)
    return account, start_sign_in(session, account.id)


def end_sign_in(session: Session, token: str) -> None:
    row = session.scalar(select(SignIn).where(SignIn.token_hash == _digest(token)))
    if row is not None:
        session.delete(row)


def _expired(created: datetime) -> bool:
    aware = created if created.tzinfo else created.replace(tzinfo=UTC)  # SQLite drops the zone
    return utcnow() - aware > timedelta(hours=SESSION_HOURS)
