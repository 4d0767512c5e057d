"""Checks every flush makes, whichever door a row came through."""

from __future__ import annotations

import math
from typing import Any

from sqlalchemy import Float, inspect
from sqlalchemy.orm import Session

from planwatch.errors import InvalidInput
from planwatch.store.models import Base


def refuse_non_finite(session: Session, _context: Any, _instances: Any) -> None:
    """The last line: no NaN or infinity is written, even by code that skipped the models."""
    for obj in (*session.new, *session.dirty):
        if not isinstance(obj, Base):
            continue
        for column in inspect(obj).mapper.columns:
            if not isinstance(column.type, Float):
                continue
            value = getattr(obj, column.key, None)
            if isinstance(value, float) and not math.isfinite(value):
                raise InvalidInput(
                    "store.guards.not_finite",
                    tablename=obj.__tablename__,
                    key=column.key,
                    value=value,
                )
