"""Any page's table as a spreadsheet: ``/path.xlsx`` and ``/path.csv`` beside ``/path.json``.

A page's dict holds its table as a list of rows (dicts); the table exported is the
longest such list anywhere in the dict (the cards of an overview, the rows of the
completeness page, an indicator's history, the audit trail). Nested fields become dotted
columns; lists of plain values are joined with 、. Headers are the interface's labels in
the reader's language where it has one, else the field's name.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from planwatch import jsondata, numberformat
from planwatch.web.tables import csv_bytes, spreadsheet_cell, xlsx_bytes

EXPORTS = {
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".csv": "text/csv; charset=utf-8",
}


def export_suffix(path: str) -> str | None:
    return next((suffix for suffix in EXPORTS if path.endswith(suffix)), None)


def main_table(data: Any) -> list[dict[str, Any]]:
    """The longest list of rows in ``data`` (breadth first, so the outer list wins a tie)."""
    best: list[dict[str, Any]] = []
    queue = [data]
    while queue:
        item = queue.pop(0)
        if isinstance(item, dict):
            queue.extend(item.values())
        elif isinstance(item, list):
            if item and all(isinstance(row, dict) for row in item) and len(item) > len(best):
                best = item
            queue.extend(item)
    return best


def flat(row: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """One row of plain cells: nested dicts as ``a.b`` columns, lists joined."""
    cells: dict[str, Any] = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            cells.update(flat(value, f"{name}."))
        elif isinstance(value, list):
            plain = [v for v in value if not isinstance(v, dict | list)]
            cells[name] = "、".join(str(v) for v in plain) if plain else None
        else:
            cells[name] = value
    return cells


def table(data: Any) -> tuple[list[str], list[list[Any]]]:
    """The columns (in first-seen order) and the rows of the page's main table."""
    rows = [flat(row) for row in main_table(data)]
    columns = list(dict.fromkeys(key for row in rows for key in row))
    return columns, [[_cell(row.get(c), _unit_of(row, c)) for c in columns] for row in rows]


def _unit_of(row: dict[str, Any], column: str) -> str | None:
    """The unit beside a figure in its row (``value`` and ``unit``, ``a.value`` and ``a.unit``)."""
    prefix = column.rpartition(".")[0]
    unit = row.get(f"{prefix}.unit" if prefix else "unit")
    return unit if isinstance(unit, str) else None


def _cell(value: Any, unit: str | None) -> Any:
    if isinstance(value, date | datetime):
        return jsondata.dumps(value).strip('"')  # as the JSON twin writes it
    if isinstance(value, float):
        return numberformat.rounded(value, unit)  # the decimals the page shows
    return spreadsheet_cell(value)


def rendered(data: Any, suffix: str, label: Callable[[str], str]) -> bytes:
    columns, rows = table(data)
    headers = [label(c) for c in columns]
    return csv_bytes(headers, rows) if suffix == ".csv" else xlsx_bytes("table", headers, rows)
