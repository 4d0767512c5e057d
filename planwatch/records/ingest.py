"""Storing a report once, with the facts read from it, and optionally accepting them all.

A document is identified by the SHA-256 of its bytes: ingesting it again changes nothing.
Each document is one transaction: if anything fails, nothing of it is stored.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from planwatch import catalog
from planwatch.errors import InvalidInput, PlanwatchError
from planwatch.extract import extract_text
from planwatch.extract.loaders import load
from planwatch.extract.model import Extraction
from planwatch.extract.model import Fact as ExtractedFact
from planwatch.records.archives import check_archive, is_archive
from planwatch.records.encodings import looks_like_utf16
from planwatch.records.filedata import read_bytes
from planwatch.records.review import accept
from planwatch.store import Store
from planwatch.store.models import Document, Fact, Indicator, Region
from planwatch.store.reference import region_row

RegionGuard = Callable[[Session, Region | None], None]
DOCUMENT_BYTES = 30 * 1024 * 1024  # larger than any plan report; the web's limit too
TEXT_SUFFIXES = (".txt", ".text", ".htm", ".html", ".shtml", "")


@dataclass
class IngestResult:
    document_id: int
    sha256: str
    filename: str
    created: bool
    facts: int = 0
    accepted: int = 0
    region: str | None = None
    period: str | None = None
    warnings: list[str] = field(default_factory=list)


def ingest_path(
    store: Store,
    path: Path,
    *,
    accept: bool = False,
    actor: str = "cli",
    encoding: str | None = None,
    region: str | None = None,
) -> IngestResult:
    data = read_bytes(
        path,
        limit=DOCUMENT_BYTES,
        document=True,
    )
    return _ingest(store, data, path, accept=accept, actor=actor, encoding=encoding, region=region)


def ingest_bytes(
    store: Store,
    data: bytes,
    filename: str,
    *,
    accept: bool = False,
    actor: str = "web",
    encoding: str | None = None,
    region: str | None = None,
    guard: RegionGuard | None = None,
) -> IngestResult:
    """An uploaded document: the loaders read files, so it goes through a private temp file.

    ``guard`` sees the region the document turned out to report on and may refuse it (a
    user limited to one region); refusing stores nothing.
    """
    name = safe_filename(filename)
    with tempfile.TemporaryDirectory(prefix="planwatch-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        return _ingest(
            store,
            data,
            path,
            accept=accept,
            actor=actor,
            encoding=encoding,
            region=region,
            guard=guard,
        )


def _ingest(
    store: Store,
    data: bytes,
    path: Path,
    *,
    accept: bool,
    actor: str,
    encoding: str | None,
    region: str | None,
    guard: RegionGuard | None = None,
) -> IngestResult:
    sha = hashlib.sha256(data).hexdigest()
    with store.reading() as session:
        known = _known(session, sha)
    if known is not None:
        return known
    if is_archive(data, path.name):
        check_archive(data, path.name)  # before python-docx could unpack a bomb
    elif encoding is None and path.suffix.lower() in TEXT_SUFFIXES:
        encoding = looks_like_utf16(data)  # without its BOM the loader sees no text
    loaded = load(path, encoding)
    _check_length(loaded.text, path.name)
    extraction = extract_text(loaded.text, loaded.document, seconds=EXTRACTION_SECONDS)
    try:
        with store.transaction(actor=actor) as session:
            # another upload of the same bytes may have finished while this one extracted
            known = _known(session, sha)
            if known is not None:
                return known
            document = _store_document(session, extraction, loaded.text, path.name, sha, region)
            if guard is not None:
                guard(session, document.region)
            result = _created(document, extraction)
            if accept:
                result.accepted = _accept_all(session, document)
    except IntegrityError:
        # PostgreSQL runs concurrent uploads side by side: the unique sha256 refused the
        # later one, and the earlier one's document is the answer
        with store.reading() as session:
            known = _known(session, sha)
        if known is None:
            raise
        return known
    return result


# Extraction runs at about a million characters a second and its memory grows with the
# text: this many characters bound one document's time to seconds and its memory to tens
# of megabytes. The longest real report seen (a national plan) has under 300,000.
MAX_CHARS = 3_000_000
# and however the text is shaped, one document's reading stops after this long
EXTRACTION_SECONDS = 120.0


def _check_length(text: str, name: str) -> None:
    if len(text) > MAX_CHARS:
        raise InvalidInput(
            "records.ingest.too_long",
            name=name,
            count=len(text),
            max_chars=MAX_CHARS,
        )


def _known(session: Session, sha: str) -> IngestResult | None:
    """The stored document with these bytes, answered as a repeated upload."""
    known = session.scalar(select(Document).where(Document.sha256 == sha))
    if known is None:
        return None
    return IngestResult(known.id, sha, known.filename, created=False, facts=len(known.facts))


def _created(document: Document, extraction: Extraction) -> IngestResult:
    return IngestResult(
        document.id,
        document.sha256,
        document.filename,
        created=True,
        facts=len(document.facts),
        region=document.region.name if document.region else None,
        period=document.period,
        warnings=[w.message for w in extraction.warnings],
    )


def _store_document(
    session: Session, extraction: Extraction, text: str, filename: str, sha: str, region: str | None
) -> Document:
    info = extraction.document
    document = Document(
        sha256=sha,
        filename=filename,
        title=info.title,
        publisher=info.publisher,
        published=info.published,
        region=_document_region(session, region or info.region),
        year=info.year,
        period=info.period,
        text=text,
        info=info.as_dict(),
    )
    session.add(document)
    indicators = {row.name: row.id for row in session.scalars(select(Indicator))}
    document.facts = [_fact_row(i, f, indicators) for i, f in enumerate(extraction.facts)]
    session.flush()
    return document


def _document_region(session: Session, name: str | None) -> Region | None:
    if not name:
        return None
    try:
        return region_row(session, name)
    except PlanwatchError:
        return None  # an unknown or ambiguous name: the planner sets the region on review


def _fact_row(position: int, fact: ExtractedFact, indicators: dict[str, int]) -> Fact:
    return Fact(
        position=position,
        subject=fact.subject,
        period=fact.period,
        indicator_id=indicators.get(_indicator_name(fact) or ""),
        measure=fact.measure,
        value=fact.value,
        unit=fact.unit,
        qualifier=fact.qualifier,
        basis=fact.basis,
        relation=fact.relation,
        span_start=fact.span[0],
        span_end=fact.span[1],
        number_start=fact.number_span[0] if fact.number_span else None,
        number_end=fact.number_span[1] if fact.number_span else None,
        text=fact.text,
    )


def _indicator_name(fact: ExtractedFact) -> str | None:
    """Plan targets name an indicator with a suffix (能耗降低率, 增速): the longest alias inside."""
    if fact.indicator or not fact.measure.startswith("target_") or not fact.subject:
        return fact.indicator
    entry = catalog.find(fact.subject)
    return entry.name if entry else None


def _accept_all(session: Session, document: Document) -> int:
    if document.region is None:
        raise InvalidInput("records.ingest.which_region", filename=document.filename)
    return sum(accept(session, fact).stored for fact in document.facts)


NAME_BYTES = 200  # file systems allow 255; the stored name keeps room for a suffix


def safe_filename(filename: str) -> str:
    """The uploaded name as a plain file name: no folders, no control characters, not
    ``..``, at most ``NAME_BYTES`` bytes of UTF-8 with its suffix kept."""
    name = "".join(ch for ch in filename.replace("\\", "/").rsplit("/", 1)[-1] if ch.isprintable())
    name = name.strip().strip(".")
    if not name:
        return "upload.txt"
    stem, dot, suffix = name.rpartition(".")
    if not dot or len(suffix) > 10:
        stem, dot, suffix = name, "", ""
    room = NAME_BYTES - len(dot + suffix)
    stem = stem.encode("utf-8")[:room].decode("utf-8", "ignore") or "upload"
    return stem + dot + suffix
