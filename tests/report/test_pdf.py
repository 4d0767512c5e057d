"""PDF through WeasyPrint: A4 pages, Chinese text that extracts back, page numbers."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest

from planwatch.report import write_pdf
from planwatch.store import Store
from tests.report.conftest import drafted, numbers_of_sample_section_one

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


@pytest.fixture(scope="module")
def pdf_text_and_path(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[str, Path]:
    from planwatch.config import Settings, sqlite_url
    from planwatch.store import open_store
    from tests.conftest import load_sample

    folder = tmp_path_factory.mktemp("pdf")
    store = open_store(
        Settings(database_url=sqlite_url(folder / "p.db"), secret_key="test"), create=True
    )
    load_sample(store)
    path = write_pdf(drafted(store), folder / "report.pdf")
    store.dispose()
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text, path


@needs_poppler
def test_title_and_section_one_numbers_are_in_the_text(
    pdf_text_and_path: tuple[str, Path],
) -> None:
    text, _ = pdf_text_and_path
    flat = re.sub(r"\s+", "", text)
    assert "关于武昌区2017年上半年国民经济和社会发展计划执行情况的报告" in flat
    section = flat[flat.index("（一）主要指标完成情况") : flat.index("（二）主要任务完成情况")]
    for number in numbers_of_sample_section_one():
        assert number in section, number
    assert "\ufffd" not in text and "□" not in text  # no replacement or missing-glyph boxes


@needs_poppler
def test_page_numbers_are_dashed(pdf_text_and_path: tuple[str, Path]) -> None:
    text, _ = pdf_text_and_path
    pages = [re.sub(r"\s+", "", page) for page in text.split("\f")]
    assert pages[0].endswith("—1—") and pages[1].endswith("—2—")


def test_page_numbers_odd_right_even_left(pdf_text_and_path: tuple[str, Path]) -> None:
    _, path = pdf_text_and_path
    with pdfplumber.open(path) as pdf:
        positions = []
        for page in pdf.pages[:2]:
            dashes = [c for c in page.chars if c["text"] == "—" and c["top"] > page.height - 100]
            positions.append(min(c["x0"] for c in dashes) / page.width)
    assert positions[0] > 0.75 and positions[1] < 0.25


def test_pages_are_a4_with_embedded_cjk_fonts(pdf_text_and_path: tuple[str, Path]) -> None:
    _, path = pdf_text_and_path
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) >= 3
        page = pdf.pages[0]
        assert round(page.width) == 595 and round(page.height) == 842
        fonts = {char["fontname"] for char in page.chars}
    assert any("CJK" in name for name in fonts), fonts
    # the body's type area starts 37 mm from the top and 28 mm from the left edge
    first_body = min(c["x0"] for c in page.chars if c["text"] == "今" or c["text"] == "【")
    assert first_body > 28 / 25.4 * 72


def test_unwritable_path_is_a_clear_error(sample_store: Store, out: Path) -> None:
    from planwatch.errors import InvalidInput

    with pytest.raises(InvalidInput, match="cannot write"):
        write_pdf(drafted(sample_store), out / "missing" / "report.pdf")


def test_body_lines_sit_on_the_28_9_pt_grid(pdf_text_and_path: tuple[str, Path]) -> None:
    _, path = pdf_text_and_path
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[1]
        tops = sorted({round(c["top"], 1) for c in page.chars if c["top"] < page.height - 100})
    pitches = {round(b - a, 1) for a, b in zip(tops, tops[1:], strict=False)}
    assert pitches == {28.9}, pitches
    # the first line starts at the 37 mm top margin (plus half the leading), so the
    # 225 mm type area holds 22 lines of 28.9 pt
    top_margin = 37 / 25.4 * 72
    assert abs(tops[0] - (top_margin + (28.9 - 16) / 2)) < 6, tops[0]  # glyph boxes vary
