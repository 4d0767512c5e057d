"""Ingesting reports: once per SHA-256, one transaction per document, accepted facts as data."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from planwatch.errors import InvalidInput
from planwatch.records.ingest import ingest_bytes, ingest_path
from planwatch.store import Store
from planwatch.store.models import AuditEntry, Document, Fact, Indicator, Observation, Target
from tests.conftest import SAMPLE

REPORT = SAMPLE / "wuchang-2017h1-plan-execution.txt"


def counts(store: Store) -> tuple[int, int, int, int]:
    with store.reading() as session:
        return tuple(
            session.scalar(select(func.count(model.id)))  # type: ignore[return-value]
            for model in (Document, Fact, Observation, Target)
        )


def test_pending_ingest_stores_document_and_facts_only(store: Store) -> None:
    result = ingest_path(store, REPORT)
    assert result.created and result.region == "武昌区" and result.period == "2017H1"
    assert result.facts > 150 and result.accepted == 0
    with store.reading() as session:
        document = session.get(Document, result.document_id)
        assert document is not None and document.region is not None
        assert document.region.code == "420106"
        assert all(f.review_status == "pending" for f in document.facts)
        gdp = next(f for f in document.facts if f.value == 525.69)
        assert document.text[gdp.span_start : gdp.span_end] == gdp.text
        assert session.scalar(select(func.count(Observation.id))) == 0


def test_second_ingest_changes_nothing(store: Store) -> None:
    first = ingest_path(store, REPORT, accept=True)
    before = counts(store)
    again = ingest_path(store, REPORT, accept=True)
    assert not again.created and again.document_id == first.document_id
    assert counts(store) == before


def test_accept_turns_facts_into_targets_and_observations(store: Store) -> None:
    result = ingest_path(store, REPORT, accept=True)
    assert result.accepted >= 20
    with store.reading() as session:
        gdp = session.scalars(
            select(Observation)
            .join(Observation.indicator)
            .where(Indicator.name == "地区生产总值", Observation.measure == "yoy_growth")
        ).one()
        assert (gdp.period, gdp.value, gdp.status) == ("2017H1", 8.1, "published")
        assert gdp.source_fact_id is not None
        kinds = {(t.indicator.name, t.kind, t.value) for t in session.scalars(select(Target))}
        assert ("全社会固定资产投资", "value_at_least", 220.0) in kinds
        assert ("单位生产总值能耗", "reduction_at_least", 3.8) in kinds


def test_upload_bytes_and_audit(store: Store) -> None:
    result = ingest_bytes(store, REPORT.read_bytes(), "report.txt", actor="planner")
    assert result.created and result.filename == "report.txt"
    with store.reading() as session:
        actors = set(session.scalars(select(AuditEntry.actor)))
        assert actors == {"planner"}


def test_a_failing_document_stores_nothing(store: Store, tmp_path: Path) -> None:
    unknown = tmp_path / "report.txt"
    unknown.write_text("上半年全区地区生产总值完成100亿元,同比增长5%。", encoding="utf-8")
    with pytest.raises(InvalidInput, match="cannot tell which region report.txt reports on"):
        ingest_path(store, unknown, accept=True)
    assert counts(store) == (0, 0, 0, 0)


def test_bad_files(store: Store, tmp_path: Path) -> None:
    png = tmp_path / "picture.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    with pytest.raises(InvalidInput):
        ingest_path(store, png)
    with pytest.raises(InvalidInput, match="does not exist"):
        ingest_path(store, tmp_path / "missing.txt")
    assert counts(store) == (0, 0, 0, 0)


def test_a_document_over_the_text_budget_is_refused_before_extraction(
    sqlite_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planwatch.records import ingest

    monkeypatch.setattr(ingest, "MAX_CHARS", 1000)  # the sample has about 25,000
    report = (SAMPLE / "wuchang-2017h1-plan-execution.txt").read_bytes()
    with pytest.raises(InvalidInput, match=r"holds [\d,]+ characters of text.*up to 1,000"):
        ingest_bytes(sqlite_store, report, "report.txt")
    with sqlite_store.reading() as session:
        assert session.scalar(select(func.count(Document.id))) == 0


def test_a_pdf_over_the_page_budget_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planwatch.extract import formats

    monkeypatch.setattr(formats, "MAX_PDF_PAGES", 1)
    # two blank pages, written by hand: the smallest valid PDF that has them
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    ]
    body, offsets = "%PDF-1.4\n", []
    for number, text in enumerate(objects, start=1):
        offsets.append(len(body))
        body += f"{number} 0 obj\n{text}\nendobj\n"
    xref = len(body)
    body += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n"
    body += "".join(f"{o:010d} 00000 n \n" for o in offsets)
    body += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    path = tmp_path / "two.pdf"
    path.write_text(body, encoding="ascii")
    with pytest.raises(InvalidInput, match="has 2 pages; planwatch reads reports of up to 1"):
        formats.pdf_text(path)


def test_a_document_over_the_time_budget_is_refused_and_nothing_is_stored(
    sqlite_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planwatch.records import ingest

    monkeypatch.setattr(ingest, "EXTRACTION_SECONDS", 0.0)  # past before the first number
    report = (SAMPLE / "wuchang-2017h1-plan-execution.txt").read_bytes()
    with pytest.raises(InvalidInput, match=r"took longer than 0 s \(reading stopped at"):
        ingest_bytes(sqlite_store, report, "report.txt")
    with sqlite_store.reading() as session:
        assert session.scalar(select(func.count(Document.id))) == 0
