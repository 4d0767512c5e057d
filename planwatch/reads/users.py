"""Users as the admin lists them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from planwatch.reads.plans import read
from planwatch.store.models import ApiToken, Department, Region, User


@dataclass(frozen=True, slots=True)
class UserRow:
    id: int
    name: str
    role: str
    region: str | None = None
    department: str | None = None
    disabled: bool = False


_USERS = (
    select(User.id, User.name, User.role, Region.code, Department.name, User.disabled)
    .outerjoin(Region, User.region_id == Region.id)
    .outerjoin(Department, User.department_id == Department.id)
    .order_by(User.name)
)


def users(session: Session) -> list[UserRow]:
    return [UserRow(*row) for row in read(session, _USERS)]


_ANY_USER = select(User.id).limit(1)


def has_users(session: Session) -> bool:
    """Whether anyone can sign in yet: a new database has no users until one is added."""
    return bool(read(session, _ANY_USER))


@dataclass(frozen=True, slots=True)
class TokenRow:
    id: int
    user: str
    name: str
    created: str


_TOKENS = (
    select(ApiToken.id, User.name, ApiToken.name, ApiToken.created_at)
    .join(User, ApiToken.user_id == User.id)
    .order_by(ApiToken.id)
)


def tokens(session: Session) -> list[TokenRow]:
    """Every API token (never the token itself), for the admin's list."""
    return [TokenRow(i, u, n, str(c)[:19]) for i, u, n, c in read(session, _TOKENS)]
