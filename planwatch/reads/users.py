"""Users as the admin lists them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from planwatch.reads.plans import read
from planwatch.store.models import User


@dataclass(frozen=True, slots=True)
class UserRow:
    id: int
    name: str
    role: str


_USERS = select(User.id, User.name, User.role).order_by(User.name)


def users(session: Session) -> list[UserRow]:
    return [UserRow(*row) for row in read(session, _USERS)]
