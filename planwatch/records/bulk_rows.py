"""A figure file's rows, validated as ``ObservationIn`` validates a row, a cell at a time.

``ObservationIn`` checks each field on its own (no rule relates two fields; a test keeps
it so), so a row is valid exactly when each of its cells is. A file repeats the same few
hundred regions, indicators, periods, measures and units row after row: each distinct
cell is validated once, by the model itself (the other fields as the file's first row
has them), and remembered. Values are new on almost every row: one written as a plain
decimal is parsed as pydantic parses it (``float``, within ``numbers.LIMIT``), any other
by the model. The first row goes through the model whole, so a missing or unknown
column is refused with the model's own message, and a row with a bad cell is validated
whole again for its message: the same errors, in the same words, as row by row.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import ValidationError

from planwatch.errors import InvalidInput
from planwatch.records.filedata import stream_csv_table
from planwatch.records.numbers import LIMIT
from planwatch.records.observations import ObservationIn
from planwatch.vocabulary.messages import described

# a column's distinct cells remembered, at most: a column of free text (a note per row)
# is validated cell by cell past it, so memory stays bounded whatever the file
REMEMBERED = 20_000
_PLAIN = re.compile(r"-?\d{1,15}(?:\.\d{1,15})?")  # parsed alike by float() and pydantic


class Entry(NamedTuple):
    """One figure as the loader stores it: an ``ObservationIn``'s stored fields."""

    region: str
    indicator: str
    period: str
    measure: str
    value: float
    unit: str | None
    basis: str | None
    status: str | None
    note: str | None
    reason: str | None

    @classmethod
    def of(cls, item: ObservationIn) -> Entry:
        return cls(*(getattr(item, name) for name in cls._fields))


def csv_entries(path: Path) -> Iterator[tuple[int, Entry]]:
    """Each row of a CSV file (headers in line 1) as an ``Entry``, numbered from 1."""
    header, rows = stream_csv_table(path)
    names = {name: index for index, name in enumerate(header) if name}  # the last one wins
    columns = _Columns(path, names, len(header))
    try:
        for number, row in enumerate(rows, start=1):
            yield number, columns.entry(number, row)
    finally:
        rows.close()  # the file, when a row is refused or the reader stops early


class _Columns:
    """The file's columns, each with its cells validated so far."""

    def __init__(self, path: Path, names: dict[str, int], width: int) -> None:
        self.path = path
        self.names = names
        self.first: dict[str, str] | None = None  # the first row's cells: valid, once read
        self.seen: dict[str, dict[str, Any]] = {}
        # where each stored field's cell is (a field no column gives: the empty cell added
        # at the end of every row, whose one value is the field's default)
        fields = [name for name in Entry._fields if name != "value"]
        self.cells = [(names.get(name, width), self._seen(name)) for name in fields]
        self.value_at = names.get("value", width)
        # columns the model checks but the loader does not store (a comment)
        self.checked = [(i, self._seen(n)) for n, i in names.items() if n not in Entry._fields]

    def _seen(self, name: str) -> dict[str, Any]:
        return self.seen.setdefault(name, {})

    def entry(self, number: int, row: list[str]) -> Entry:
        row.append("")  # the cell of the fields no column gives
        if self.first is None:
            self._learn(number, row)
        values = [seen.get(row[index], _UNSEEN) for index, seen in self.cells]
        if _UNSEEN in values or any(row[i] not in seen for i, seen in self.checked):
            learnt = self._learn(number, row)
            values = [learnt[name] for name in Entry._fields if name != "value"]
        raw = row[self.value_at]
        value = float(raw) if _PLAIN.fullmatch(raw) else LIMIT * 2
        if not -LIMIT <= value <= LIMIT:
            value = self._cell(number, row, "value", raw)
        values.insert(4, value)
        return Entry(*values)

    def _learn(self, number: int, row: list[str]) -> dict[str, Any]:
        """The row's fields, its cells not seen before validated by the model (and kept,
        while the column's memory lasts)."""
        if self.first is None:
            item = self._whole(number, row)
            self.first = self._cells(row)
            for name in Entry._fields:
                if name not in self.names:
                    self.seen[name][""] = getattr(item, name)
        fields = {name: seen[""] for name, seen in self.seen.items() if name not in self.names}
        for name, index in self.names.items():
            seen, raw = self.seen.get(name, {}), row[index]
            found = fields[name] = seen.get(raw, _UNSEEN)
            if found is _UNSEEN:
                found = fields[name] = self._cell(number, row, name, raw)
                if len(seen) < REMEMBERED:
                    seen[raw] = found
        return fields

    def _cells(self, row: list[str]) -> dict[str, str]:
        return {name: row[index] for name, index in self.names.items()}

    def _cell(self, number: int, row: list[str], name: str, raw: str) -> Any:
        """One cell validated by the model, the other fields as the first row has them."""
        try:
            item = ObservationIn.model_validate({**(self.first or {}), name: raw})
        except ValidationError:
            self._whole(number, row)  # raises with the row's own first problem
            raise  # pragma: no cover  (the whole row fails where its cell does)
        return getattr(item, name)

    def _whole(self, number: int, row: list[str]) -> ObservationIn:
        try:
            return ObservationIn.model_validate(self._cells(row))
        except ValidationError as err:
            problem = err.errors()[0]
            located = {**problem, "loc": ("observations", number - 1, *problem["loc"])}
            raise InvalidInput(
                "records.bulk.error", path=self.path.name, problem=described(located)
            ) from err


_UNSEEN = object()
