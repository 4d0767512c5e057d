"""Every table page answers .xlsx and .csv beside .json, with the JSON's rows."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from planwatch.web.export import main_table, table

PAGES = [
    ("/regions/420106/2017H1", "cards"),  # overview
    ("/regions/420106/2017H1/indicators/地区生产总值", None),  # indicator history
    ("/compare/420100/county/2017H1", None),  # comparison
    ("/regions/420106/2017H1/board", None),  # board
    ("/documents/1", None),  # facts of the report
    ("/regions/420106/2017H1/completeness", "rows"),
    ("/observations/1", None),  # a figure's versions and audit trail
]


@pytest.mark.parametrize(("path", "key"), PAGES)
def test_each_table_page_exports_its_rows(planner: TestClient, path: str, key: str | None) -> None:
    data = planner.get(f"{path}.json").json()
    rows = main_table(data)
    assert rows, f"{path} has a table"
    if key:
        assert rows == data[key]
    columns, cells = table(data)
    answer = planner.get(f"{path}.xlsx")
    assert answer.status_code == 200, answer.text
    sheet = load_workbook(io.BytesIO(answer.content)).worksheets[0]
    read = list(sheet.iter_rows(values_only=True))
    assert len(read) == len(rows) + 1
    assert [list(r) for r in read[1:]] == [[None if c == "" else c for c in r] for r in cells]
    text = planner.get(f"{path}.csv").content.decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text)))
    assert len(lines) == len(rows) + 1 and len(lines[0]) == len(columns)


def test_headers_follow_the_interface_language(planner: TestClient) -> None:
    path = "/regions/420106/2017H1/completeness"
    chinese = next(csv.reader(io.StringIO(planner.get(f"{path}.csv").text.lstrip("\ufeff"))))
    assert chinese[:2] == ["责任单位", "指标"]
    english = planner.get(f"{path}.csv?lang=en").text.lstrip("\ufeff")
    assert next(csv.reader(io.StringIO(english)))[:2] == ["Lead department", "Indicator"]
    page = planner.get(path).text
    assert f'href="{path}.xlsx"' in page and f'href="{path}.csv"' in page
