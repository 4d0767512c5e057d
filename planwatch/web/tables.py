"""A table as a file: ``.csv`` (UTF-8 with BOM, so Excel reads the Chinese) or ``.xlsx``.

The one writer of spreadsheets: ``web/export.py`` (any page's main table) and pages with
their own columns (``table_file``: the audit log) both write through it, and every text
cell that a spreadsheet would run as a formula is written as text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from fastapi import Request
from fastapi.responses import Response
from openpyxl import Workbook

from planwatch import jsondata
from planwatch.web.i18n import COOKIE, language, translator

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
Columns = Sequence[tuple[str, str]]  # (the row's key, the label's key in web/i18n.py)


def table_format(request: Request) -> str | None:
    """``csv`` or ``xlsx`` when the request path asks for the table as a file."""
    suffix = request.url.path.rsplit(".", 1)[-1]
    return suffix if suffix in FORMATS else None


def table_file(
    request: Request, name: str, columns: Columns, rows: Iterable[Mapping[str, Any]]
) -> Response:
    """The rows as the file the request path names, headers in the reader's language."""
    fmt = table_format(request)
    assert fmt is not None, "table_file answers only .csv and .xlsx paths"
    t = translator(language(request.query_params.get("lang"), request.cookies.get(COOKIE)))
    header = [t(label) for _, label in columns]
    cells = [[spreadsheet_cell(row.get(key)) for key, _ in columns] for row in rows]
    body = csv_bytes(header, cells) if fmt == "csv" else xlsx_bytes(name, header, cells)
    disposition = f'attachment; filename="{name}.{fmt}"'
    return Response(body, media_type=FORMATS[fmt], headers={"Content-Disposition": disposition})


# a text starting with one of these is a formula to a spreadsheet: written as text instead
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: Any) -> Any:
    if value is None or isinstance(value, int | float):
        return value
    if isinstance(value, list | tuple):
        value = "、".join(str(v) for v in value)
    elif not isinstance(value, str):
        value = jsondata.dumps(value).strip('"')
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def csv_bytes(header: list[str], cells: list[list[Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(["" if cell is None else cell for cell in row] for row in cells)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def xlsx_bytes(name: str, header: list[str], cells: list[list[Any]]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(name[:31])
    sheet.append(header)
    for row in cells:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
