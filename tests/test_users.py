"""Users, argon2 password hashes and what each role may do."""

from __future__ import annotations

import pytest

from planwatch.errors import Conflict, Forbidden, InvalidInput
from planwatch.records.departments import add_department
from planwatch.records.users import account, add_user, authenticate, check_allowed
from planwatch.store import Store
from planwatch.store.reference import region_row


def test_passwords_are_stored_as_argon2_hashes(sqlite_store: Store) -> None:
    with sqlite_store.transaction() as session:
        row = add_user(session, "zhang", "viewer", "correct horse")
        assert row.password_hash.startswith("$argon2id$")
        assert "correct horse" not in row.password_hash
    with sqlite_store.reading() as session:
        assert authenticate(session, "zhang", "correct horse") is not None
        assert authenticate(session, "zhang", "wrong horse") is None
        assert authenticate(session, "nobody", "correct horse") is None


def test_bad_users_are_refused_with_a_fix(sqlite_store: Store) -> None:
    with sqlite_store.transaction() as session:
        with pytest.raises(InvalidInput, match="unknown role 'boss'"):
            add_user(session, "li", "boss", "long enough")
        with pytest.raises(InvalidInput, match="shorter than 8"):
            add_user(session, "li", "viewer", "short")
        with pytest.raises(InvalidInput, match="a reporter needs a region"):
            add_user(session, "li", "reporter", "long enough")
        add_user(session, "li", "viewer", "long enough")
        with pytest.raises(Conflict, match="user 'li' already exists"):
            add_user(session, "li", "viewer", "long enough")


def test_region_limits_actions_to_the_region_and_below(sqlite_store: Store) -> None:
    with sqlite_store.transaction() as session:
        city = add_user(session, "city", "planner", "long enough", region="420100")
        with pytest.raises(InvalidInput, match="a reporter needs a department"):
            add_user(session, "wu", "reporter", "long enough", region="420106")
        add_department(session, "420106", "区统计局")
        district = add_user(
            session, "wu", "reporter", "long enough", region="420106", department="区统计局"
        )
        wuchang, hongshan = region_row(session, "420106"), region_row(session, "420111")
        city_planner, reporter = account(session, city.id), account(session, district.id)
        assert city_planner is not None and reporter is not None
        check_allowed(session, city_planner, "review", wuchang)
        check_allowed(session, reporter, "enter_observations", wuchang)
        with pytest.raises(Forbidden, match="only for region 420106, not 420111"):
            check_allowed(session, reporter, "enter_observations", hongshan)
        with pytest.raises(Forbidden, match="your role 'reporter' may not upload documents"):
            check_allowed(session, reporter, "upload", wuchang)
        check_allowed(session, reporter, "read", hongshan)  # reading is never limited
