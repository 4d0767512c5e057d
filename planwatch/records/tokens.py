"""API tokens for programs: random, shown once, kept only as their SHA-256, revocable.

A token costs one indexed lookup per request, where HTTP Basic costs an argon2 check.
"""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy.orm import Session

from planwatch.errors import InvalidInput, NotFound
from planwatch.records.users import Account, account_where, user_row
from planwatch.store.models import ApiToken

PREFIX = "pw_"  # so a leaked token is recognisable in logs and secret scanners


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def add_token(session: Session, user: str, name: str) -> tuple[ApiToken, str]:
    """A new token for ``user``: the row and the token itself, which is never stored."""
    if not name.strip() or len(name) > 100:
        raise InvalidInput("records.tokens.needs_name")
    token = PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(token_hash=digest(token), user_id=user_row(session, user).id, name=name)
    session.add(row)
    session.flush()
    return row, token


def revoke_token(session: Session, token_id: int) -> None:
    row = session.get(ApiToken, token_id)
    if row is None:
        raise NotFound("records.tokens.no_token", token_id=token_id)
    session.delete(row)


def token_account(session: Session, token: str) -> Account | None:
    """The account a token signs in, None once it was revoked (or its user disabled)."""
    if not token.startswith(PREFIX):
        return None
    return account_where(session, ApiToken.token_hash == digest(token), joined=ApiToken)
