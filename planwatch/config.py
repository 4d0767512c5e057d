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


@dataclass(frozen=True)
class ReminderSettings:
    """Where reminders leave from: an SMTP server, and a work-chat robot for departments
    that have no webhook of their own. Read from ``PLANWATCH_SMTP_*`` and
    ``PLANWATCH_WEBHOOK_URL``, or the ``[reminders]`` table of the TOML file named by
    ``PLANWATCH_CONFIG`` (the environment wins)."""

    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_user: str | None = None
    smtp_password: str | None = None
    smtp_sender: str = "planwatch@localhost"
    smtp_starttls: bool = False
    webhook_url: str | None = None
    timeout: float = 10.0

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> ReminderSettings:
        env = os.environ if env is None else env
        table = _config_table(env.get("PLANWATCH_CONFIG"), "reminders")

        def get(key: str) -> str | None:
            value = env.get(f"PLANWATCH_{key.upper()}")
            return value if value not in (None, "") else _text(table.get(key))

        port = get("smtp_port")
        return cls(
            smtp_host=get("smtp_host"),
            smtp_port=int(port) if port else 25,
            smtp_user=get("smtp_user"),
            smtp_password=get("smtp_password"),
            smtp_sender=get("smtp_sender") or "planwatch@localhost",
            smtp_starttls=(get("smtp_starttls") or "").lower() in ("1", "true", "yes"),
            webhook_url=get("webhook_url"),
        )


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _config_table(path: str | None, name: str) -> dict[str, object]:
    if not path:
        return {}
    import tomllib

    from planwatch.errors import InvalidInput

    try:
        with Path(path).open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise InvalidInput("config.planwatch_config_names_which", path=path, err=err) from err
    table = data.get(name, {})
    return table if isinstance(table, dict) else {}
