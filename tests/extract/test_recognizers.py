"""Recognizers-Text's Chinese number and percent specs, read in measurement positions.

The specs (a peer's test suite, kept under ../shared/peers/recognizers-text/) list
numerals and the values they stand for. Each expected numeral is put where a report
would measure with it, as the folder's README describes: `本期完成{Text}吨。` for an
amount, `占总量的{Text}。` for a fraction, `比上年增长{Text}。` for a percentage. Only the
mainland report language is kept: no traditional characters, no spaced-out numerals,
no `个百分点` (a point change, not a percentage), and none of the shapes reports do not
write (scientific notation, `k`, `/`, dozens `打`, discounts `折`, `兆`, mixed fractions `又`).

A value read wrong fails the test outright; a value missed is tolerated up to 5%.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from planwatch.extract import extract_text
from planwatch.extract.scoring import in_base_unit

SPECS_VARIABLE = "PLANWATCH_RECOGNIZERS"
DEFAULT = Path(__file__).resolve().parents[3] / "shared" / "peers" / "recognizers-text"
SPECS = ("Number_Chinese_NumberModel.json", "Number_Chinese_PercentModel.json")
TRADITIONAL = frozenset("萬億兩負點個幾貳陸參倆對")
NOT_REPORT_LANGUAGE = re.compile(r"\s|[A-Za-z^/]|又|打|折|兆|^-?\.|百分点")


def _folder() -> Path:
    folder = Path(os.environ.get(SPECS_VARIABLE) or DEFAULT)
    if not all((folder / name).is_file() for name in SPECS):
        pytest.skip(
            f"Recognizers-Text specs not found in {folder}: set {SPECS_VARIABLE} to the folder "
            "holding Number_Chinese_NumberModel.json and Number_Chinese_PercentModel.json"
        )
    return folder


def cases(folder: Path) -> Iterator[tuple[str, float, str]]:
    """(sentence, expected value, expected unit) for every kept numeral, each once."""
    seen: set[str] = set()
    for name in SPECS:
        for case in json.loads((folder / name).read_text(encoding="utf-8")):
            for result in case["Results"]:
                text, value = result["Text"], result["Resolution"]["value"]
                if text in seen or TRADITIONAL & set(text) or NOT_REPORT_LANGUAGE.search(text):
                    continue
                seen.add(text)
                if value.endswith("%"):
                    yield f"比上年增长{text}。", float(value[:-1]), "%"
                elif "分之" in text:
                    yield f"占总量的{text}。", float(value) * 100, "%"
                else:
                    yield f"本期完成{text}吨。", float(value), "吨"


def _same(read: tuple[float, str], expected: tuple[float, str]) -> bool:
    tolerance = 1e-6 * max(1.0, abs(expected[0]))
    return read[1] == expected[1] and abs(read[0] - expected[0]) <= tolerance


def test_recognizers_numbers_read_right_or_not_at_all() -> None:
    right, wrong, missed = 0, [], []
    for sentence, value, unit in cases(_folder()):
        expected = in_base_unit(value, unit)
        readings = [
            in_base_unit(f.value, f.unit)
            for f in extract_text(sentence).facts
            if f.value is not None
        ]
        if not readings:
            missed.append(sentence)
        elif len(readings) == 1 and _same(readings[0], expected):
            right += 1
        else:
            wrong.append((sentence, expected, readings))
    total = right + len(wrong) + len(missed)
    assert total > 200, "the specs hold fewer cases than expected: are they the right files?"
    assert wrong == [], f"{len(wrong)} of {total} values read wrong"
    assert right / total >= 0.95, (right, total, missed)
