"""A bulk file's rows validated a cell at a time say exactly what the model says of each row.

``csv_entries`` remembers each distinct cell and parses plain decimals itself; these tests
compare it with ``ObservationIn`` row by row, on rows made to find where the two could part.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from planwatch.errors import InvalidInput
from planwatch.records import bulk_rows
from planwatch.records.bulk_rows import Entry, csv_entries
from planwatch.records.observations import ObservationIn

HEADER = ["region", "indicator", "period", "measure", "value", "unit", "status", "comment"]
GOOD = ["420106", "地区生产总值", "2017M06", "value", "525.5", "亿元", "approved", ""]


def write(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    out = io.StringIO()
    csv.writer(out).writerows([header, *rows])
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def by_model(header: list[str], rows: list[list[str]]) -> list[Entry] | str:
    """What validating each row whole gives: the entries, or the first row's error."""
    found = []
    for row in rows:
        try:
            item = ObservationIn.model_validate(dict(zip(header, row, strict=True)))
        except ValidationError:
            return "error"
        found.append(Entry.of(item))
    return found


def by_cells(path: Path) -> list[Entry] | str:
    try:
        return [entry for _, entry in csv_entries(path)]
    except InvalidInput:
        return "error"


def test_the_model_checks_each_field_on_its_own() -> None:
    """The premise: no validator looks at two fields, so a row is valid when its cells are."""
    assert not ObservationIn.__pydantic_decorators__.model_validators
    assert not ObservationIn.__pydantic_decorators__.root_validators


CELLS = {
    "measure": st.sampled_from(["value", "yoy_growth", "share", "", "VALUE", "growth"]),
    "value": st.one_of(
        st.sampled_from(["0", "-0", "007", "1e3", "1_000", " 5", "inf", "nan", "1e400", "", "x"]),
        st.sampled_from(["999999999999999", "1000000000000000", "1000000000000001"]),
        st.floats(allow_nan=True, allow_infinity=True).map(repr),
        st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str),
    ),
    "unit": st.sampled_from(["亿元", "", "%", "x" * 33]),
    "status": st.sampled_from(["approved", "draft", "", "done"]),
    "comment": st.sampled_from(["", "说明", "y" * 2001]),
}


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(st.fixed_dictionaries(CELLS), min_size=1, max_size=6))
def test_cells_give_what_the_model_gives_row_by_row(tmp_path: Path, rows: list[dict]) -> None:
    table = [
        [*GOOD[:3], r["measure"], r["value"], r["unit"], r["status"], r["comment"]] for r in rows
    ]
    # csv strips cells, as the model's rows are read
    stripped = [[cell.strip() for cell in row] for row in table]
    assert by_cells(write(tmp_path / "f.csv", table)) == by_model(HEADER, stripped)


def test_a_bad_cell_is_named_by_its_row_and_field(tmp_path: Path) -> None:
    rows = [
        GOOD,
        GOOD[:4] + ["525.6"] + GOOD[5:],
        GOOD[:3] + ["value", "525.7", "亿元", "done", ""],
    ]
    with pytest.raises(InvalidInput) as caught:
        list(csv_entries(write(tmp_path / "f.csv", rows)))
    assert "observations.2.status" in str(caught.value)  # the third row, counted from 0


def test_an_unknown_column_is_refused_at_the_first_row(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as caught:
        list(csv_entries(write(tmp_path / "f.csv", [[*GOOD, "x"]], [*HEADER, "colour"])))
    assert "colour" in str(caught.value)


def test_a_missing_column_takes_the_models_default(tmp_path: Path) -> None:
    header = [name for name in HEADER if name != "measure"]
    rows = [[cell for name, cell in zip(HEADER, GOOD, strict=True) if name != "measure"]] * 2
    entries = [entry for _, entry in csv_entries(write(tmp_path / "f.csv", rows, header))]
    assert [entry.measure for entry in entries] == ["value", "value"]


def test_a_column_of_free_text_is_checked_past_what_is_remembered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulk_rows, "REMEMBERED", 2)
    header = [*HEADER, "note"]
    rows = [[*GOOD, f"note {n}"] for n in range(5)] + [[*GOOD, "z" * 5001]]
    with pytest.raises(InvalidInput) as caught:
        list(csv_entries(write(tmp_path / "f.csv", rows, header)))
    assert "observations.5.note" in str(caught.value)
    notes = [e.note for _, e in csv_entries(write(tmp_path / "g.csv", rows[:5], header))]
    assert notes == [f"note {n}" for n in range(5)]
