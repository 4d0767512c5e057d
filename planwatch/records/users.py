"""People who sign in, their roles, and what each role may do.

Roles, from most to least trusted:

- ``admin``: everything, including managing users;
- ``planner``: the 发改委 planning office: plans, review, approval and publication of
  figures, narratives, reports, the audit log, departments;
- ``reporter``: one department's data reporter: enters and submits figures only for the
  items its plan assigns to that department (``planwatch.records.submissions``);
- ``viewer``: reads dashboards and the API.

Anonymous visitors are no role: they read the published figures of public regions only.
A user with a region may act only on that region and the regions below it; reading is
never restricted by region, because leaders compare regions.
"""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass
from typing import Any, Literal, get_args

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from planwatch.errors import Conflict, Forbidden, InvalidInput, NotFound, Unauthorized
from planwatch.store.models import ApiToken, Department, Region, SignIn, User
from planwatch.store.reference import RegionKey, region_row, stored_department
from planwatch.vocabulary import ROLES, word
from planwatch.vocabulary.messages import Both

Action = Literal[
    "read",
    "enter_observations",
    "review",
    "upload",
    "edit_narrative",
    "approve",
    "audit",
    "departments",
    "manage_projects",
    "edit_rules",
    "edit_plans",
    "admin",
]
PLANNING: frozenset[str] = frozenset(get_args(Action)) - {"admin"}

ALLOWED: dict[str, frozenset[str]] = {
    "admin": PLANNING | {"admin"},
    "planner": PLANNING,
    "reporter": frozenset({"read", "enter_observations"}),
    "viewer": frozenset({"read"}),
    "anonymous": frozenset(),  # reads only public regions' published figures
}

# What each action is called in a refusal, so the message tells who may do it.
ACTION_WORDS_ZH: dict[str, str] = {
    "read": "查看数据",
    "enter_observations": "填报数据",
    "review": "审核提取的数据",
    "upload": "上传文件",
    "edit_narrative": "编辑报告文字",
    "approve": "审核、退回或发布数据",
    "audit": "查看操作日志",
    "departments": "管理部门",
    "manage_projects": "编辑重大项目台账或督办事项",
    "edit_rules": "修改校验规则",
    "edit_plans": "新建或编辑计划",
    "admin": "管理用户",
}
ACTION_WORDS: dict[str, str] = {
    "read": "read data",
    "enter_observations": "enter figures",
    "review": "review extracted facts",
    "upload": "upload documents",
    "edit_narrative": "edit report narratives",
    "approve": "approve, return or publish figures",
    "audit": "read the audit log",
    "departments": "manage departments",
    "admin": "manage users",
    "manage_projects": "edit the project ledger or its 督办 items",
    "edit_rules": "change the validation rules",
    "edit_plans": "create or edit plans",
}

_hasher = PasswordHasher()
# argon2 is memory-hard by design (64 MiB a check): a flood of sign-ins checked side by
# side would multiply that; two at a time keep the server's memory bounded.
_checking = threading.BoundedSemaphore(2)


@dataclass(frozen=True)
class Account:
    """The signed-in user as pages see it: no password hash, region as a code."""

    id: int
    name: str
    role: str
    region_id: int | None
    region_code: str | None
    department_id: int | None = None
    department: str | None = None

    def may(self, action: Action) -> bool:
        return action in ALLOWED.get(self.role, frozenset())


# the two accounts nobody signs in as: a visitor of the public view, and the command line,
# which is the server's administrator acting for the planning office
ANONYMOUS = Account(id=0, name="anonymous", role="anonymous", region_id=None, region_code=None)
COMMAND_LINE = Account(id=0, name="cli", role="admin", region_id=None, region_code=None)


def new_password() -> str:
    return secrets.token_urlsafe(9)


def add_user(
    session: Session,
    name: str,
    role: str,
    password: str,
    region: str | None = None,
    department: str | None = None,
) -> User:
    """Store a user with an argon2 hash of the password (a reporter: with a department)."""
    if role not in ROLES:
        raise InvalidInput("records.users.unknown_role", role=role, names=", ".join(ROLES))
    if not name.strip():
        raise InvalidInput("records.users.user_needs_name")
    _check_password(password)
    if session.scalar(select(User).where(User.name == name)) is not None:
        raise Conflict("records.users.user_already_exists", name=name)
    if role == "reporter" and region is None:
        raise InvalidInput("records.users.reporter_needs_region")
    if role == "reporter" and department is None:
        raise InvalidInput("records.users.reporter_needs_department")
    where = region_row(session, region) if region else None
    row = User(
        name=name,
        role=role,
        password_hash=_hasher.hash(password),
        region_id=where.id if where else None,
        department_id=stored_department(session, where, department).id
        if where and department
        else None,
    )
    session.add(row)
    session.flush()
    return row


def _check_password(password: str) -> None:
    if len(password) < 8:
        raise InvalidInput("records.users.password_too_short")


def set_password(session: Session, name: str, password: str) -> None:
    _check_password(password)
    user_row(session, name).password_hash = _hasher.hash(password)


def set_disabled(session: Session, name: str, disabled: bool) -> None:
    """A disabled user cannot sign in; their sign-ins and tokens stop working at once."""
    row = user_row(session, name)
    row.disabled = disabled
    if disabled:
        for table in (SignIn, ApiToken):
            for kept in session.scalars(select(table).where(table.user_id == row.id)):
                session.delete(kept)


def authenticate(session: Session, name: str, password: str) -> Account | None:
    """The account if the password is right, else None (the caller says so without detail)."""
    row = session.scalar(select(User).where(User.name == name[:100], User.disabled.is_(False)))
    with _checking:
        if row is None:
            _hasher.hash(password)  # spend the same time, so names cannot be probed by timing
            return None
        try:
            _hasher.verify(row.password_hash, password)
        except (VerificationError, InvalidHashError):
            return None
    return account(session, row.id)


def account(session: Session, user_id: int) -> Account | None:
    """The user as pages see it, in one query (every request asks for it)."""
    return account_where(session, User.id == user_id)


ACCOUNT_COLUMNS = (
    User.id,
    User.name,
    User.role,
    User.region_id,
    Region.code,
    User.department_id,
    Department.name,
)


def account_where(session: Session, *conditions: Any, joined: Any = None) -> Account | None:
    """The one account the conditions find (``joined``: a table they also name)."""
    query = (
        select(*ACCOUNT_COLUMNS)
        .outerjoin(Region, User.region_id == Region.id)
        .outerjoin(Department, User.department_id == Department.id)
    )
    if joined is not None:
        query = query.join(joined)
    found = session.execute(query.where(User.disabled.is_(False), *conditions)).first()
    return None if found is None else Account(*found)


def account_named(session: Session, name: str) -> Account:
    """The enabled account of that login name; NotFound saying how to list them."""
    found = account_where(session, User.name == name)
    if found is None:
        raise NotFound("records.users.no_enabled_user", name=name)
    return found


def _action(action: Action) -> Both:
    return Both(ACTION_WORDS[action], ACTION_WORDS_ZH[action])


def require_role(user: Account, action: Action) -> None:
    """Raise Forbidden unless the user's role allows the action anywhere."""
    if user.role == "anonymous":
        raise Unauthorized("records.users.not_signed_in")
    if not user.may(action):
        allowed = [role for role, actions in ALLOWED.items() if action in actions]
        role = Both(user.role, word("roles", user.role).zh)
        roles = Both(" or ".join(allowed), "、".join(word("roles", r).zh for r in allowed))
        raise Forbidden(
            "records.users.role_may_not", role=role, action=_action(action), allowed=roles
        )


def check_allowed(
    session: Session, user: Account, action: Action, region: RegionKey | None = None
) -> None:
    """Raise Forbidden unless the user's role allows the action on this region."""
    if user is ANONYMOUS and action == "read" and region is not None:
        _check_public(session, region)
        return
    require_role(user, action)
    if region is None or user.region_id is None or action == "read":
        return
    if not _within(session, region, user.region_id):
        raise Forbidden(
            "records.users.other_region",
            action=_action(action),
            own_code=user.region_code,
            region_code=region.code,
            region=region.name,
        )


def _check_public(session: Session, region: RegionKey) -> None:
    if not session.scalar(select(Region.public).where(Region.id == region.id)):
        raise Unauthorized("records.users.not_public", region=region.name)


def _within(session: Session, region: RegionKey, ancestor_id: int) -> bool:
    node: RegionKey | None = region
    while node is not None:
        if node.id == ancestor_id:
            return True
        node = session.get(Region, node.parent_id) if node.parent_id else None
    return False


def user_row(session: Session, name: str) -> User:
    row = session.scalar(select(User).where(User.name == name))
    if row is None:
        raise NotFound("records.users.no_user_named", name=name)
    return row
