"""Year-to-date figures entered by departments: one number per indicator, region, period, measure.

A correction is a new version; earlier versions stay, so the audit trail shows what changed.
"""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from planwatch.errors import InvalidInput
from planwatch.periods import Period
from planwatch.records.filedata import read_csv_rows, read_mapping_file, validated
from planwatch.records.numbers import Number, finite
from planwatch.store.models import Observation
from planwatch.store.reference import indicator_row, region_row
from planwatch.vocabulary import ObservationStatus, ObservedMeasure


class ObservationIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    # lengths as the columns hold them, so PostgreSQL never refuses a value the model took
    region: str = Field(max_length=100)
    indicator: str = Field(max_length=100)
    period: str = Field(max_length=16)
    measure: ObservedMeasure = "value"
    value: Number
    unit: str | None = Field(None, max_length=32)
    basis: Literal["comparable"] | None = None
    # None: as the one who enters may (planwatch.records.submissions); files: approved
    status: ObservationStatus | None = None
    note: str | None = Field(None, max_length=5000)
    reason: str | None = Field(None, max_length=2000)
    # why a figure a warning rule flags is right (planwatch.records.checks); kept with it
    comment: str | None = Field(None, max_length=2000)

    @field_validator("unit", "basis", "note", "reason", "comment", mode="before")
    @classmethod
    def _blank_is_none(cls, v: Any) -> Any:
        return None if v == "" else v


class ObservationFile(BaseModel):
    observations: list[ObservationIn]


def read_observation_file(path: Path) -> list[ObservationIn]:
    """Figures from CSV or JSON (an Excel sheet is read and checked whole by
    ``planwatch.records.upload``)."""
    if path.suffix.lower() == ".csv":
        rows: Any = read_csv_rows(path)
        first, word = 2, "rows"  # line 1 holds the headers
    else:
        data = read_mapping_file(path)
        rows = data.get("observations", data) if isinstance(data, dict) else data
        first, word = 1, "observations"
    items = validated(ObservationFile, {"observations": rows}, path.name).observations
    refuse_repeats(items, path.name, [f"{word[:-1]} {first + i}" for i in range(len(items))])
    return items


def refuse_repeats(items: list[ObservationIn], filename: str, places: list[str]) -> None:
    """One figure per (region, indicator, period, measure) in a file: a second one is a
    copy-paste slip, and storing both would make the later a silent correction."""
    seen: dict[tuple[str, str, str, str], int] = {}
    for index, item in enumerate(items):
        key = (item.region, item.indicator, item.period, item.measure)
        if key in seen:
            raise InvalidInput(
                "records.observations.repeats",
                filename=filename,
                place=places[index],
                earlier=places[seen[key]],
                indicator=item.indicator,
                measure=item.measure,
                region=item.region,
                period=item.period,
            )
        seen[key] = index


def store_observation(
    session: Session,
    item: ObservationIn,
    *,
    user_id: int | None = None,
    source_fact_id: int | None = None,
    department_id: int | None = None,
) -> Observation:
    """Add the figure as the next version of its (indicator, region, period, measure).

    Nothing here asks who may: a file loaded by the office is approved unless it says
    otherwise; people's entries go through ``planwatch.records.submissions``.
    """
    row = Observation(
        indicator=indicator_row(session, item.indicator),
        region=region_row(session, item.region),
        period=Period.parse(item.period).code,
        measure=item.measure,
        value=item.value,
        unit=item.unit,
        basis=item.basis,
        status=item.status or "approved",
        note=item.note,
        reason=item.reason,
        comment=item.comment,
        user_id=user_id,
        source_fact_id=source_fact_id,
        department_id=department_id,
    )
    return add_observation(session, row)


def add_observation(session: Session, row: Observation) -> Observation:
    """Store ``row`` (its indicator, region, period and measure set) as the next version.

    The version is read and written in this transaction. Two writers can still read the
    same latest version (PostgreSQL runs them side by side; SQLite serialises writers, see
    ``planwatch.store.db``): the unique constraint refuses the second, which then tries the
    next number inside a savepoint, so the transaction itself survives.
    """
    finite(row.value, "value")
    _lock_series(session, row)
    for _attempt in range(VERSION_ATTEMPTS - 1):
        row.version = _next_version(session, row)
        try:
            with session.begin_nested():
                session.add(row)
        except IntegrityError:
            continue
        return row
    row.version = _next_version(session, row)
    session.add(row)
    session.flush()
    return row


VERSION_ATTEMPTS = 5


def _next_version(session: Session, row: Observation) -> int:
    latest = session.scalar(
        select(func.max(Observation.version)).where(
            Observation.indicator_id == row.indicator.id,
            Observation.region_id == row.region.id,
            Observation.period == row.period,
            Observation.measure == row.measure,
        )
    )
    return (latest or 0) + 1


def _lock_series(session: Session, row: Observation) -> None:
    """On PostgreSQL, writers of one series wait for each other instead of retrying."""
    bind = session.get_bind()
    if bind.dialect.name != "postgresql":
        return
    key = f"observation:{row.indicator.id}:{row.region.id}:{row.period}:{row.measure}"
    session.execute(
        text("SELECT pg_advisory_xact_lock(:key)"), {"key": zlib.crc32(key.encode("utf-8"))}
    )


def store_observations(session: Session, items: list[ObservationIn]) -> int:
    for number, item in enumerate(items, start=1):
        try:
            store_observation(session, item)
        except InvalidInput as err:
            raise err.within("part.observation", number=number) from err
    return len(items)
