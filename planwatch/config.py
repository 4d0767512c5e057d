"""Settings are built by the caller and passed in; nothing here runs at import time."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATABASE_FILE = "planwatch.db"


def sqlite_url(path: str | Path) -> str:
    return f"sqlite:///{Path(path)}"


@dataclass(frozen=True)
class Settings:
    database_url: str
    secret_key: str
    # Behind HTTPS the session cookie should never travel in clear; plain-HTTP intranets
    # need it off, so it is a setting.
    https_only: bool = False

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, *, db: str | None = None) -> Settings:
        """``--db`` wins over ``PLANWATCH_DATABASE_URL``, which wins over ./planwatch.db.

        ``db`` may be a SQLAlchemy URL or a plain file path for SQLite.
        """
        env = os.environ if env is None else env
        raw = db or env.get("PLANWATCH_DATABASE_URL") or DEFAULT_DATABASE_FILE
        url = raw if "://" in raw else sqlite_url(raw)
        secret = env.get("PLANWATCH_SECRET_KEY") or secrets.token_hex(32)
        https_only = env.get("PLANWATCH_HTTPS_ONLY", "").lower() in ("1", "true", "yes")
        return cls(database_url=url, secret_key=secret, https_only=https_only)
