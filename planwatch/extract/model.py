"""The shapes of extraction output (shared/spec/facts.md is the contract)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Fact:
    """One measured number read from a document, with where it was read."""

    subject: str | None
    measure: str
    value: float | None
    unit: str | None
    period: str | None
    span: tuple[int, int]
    number_span: tuple[int, int] | None
    text: str
    indicator: str | None = None
    qualifier: str | None = None
    basis: str | None = None
    relation: dict[str, str] | None = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "subject": self.subject,
            "indicator": self.indicator,
            "period": self.period,
            "measure": self.measure,
            "value": self.value,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "basis": self.basis,
            "span": list(self.span),
            "number_span": list(self.number_span) if self.number_span else None,
            "text": self.text,
        }
        if self.relation is not None:
            out["relation"] = self.relation
        return out


@dataclass
class DocumentInfo:
    """What the document says about itself: title, publisher, region, period."""

    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    index_number: str | None = None
    document_number: str | None = None
    region: str | None = None
    year: int | None = None
    period: str | None = None
    chars: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "publisher": self.publisher,
            "published": self.published,
            "index_number": self.index_number,
            "document_number": self.document_number,
            "region": self.region,
            "year": self.year,
            "period": self.period,
            "chars": self.chars,
        }


@dataclass
class ExtractionWarning:
    """A problem met while extracting, kept as data instead of stopping."""

    message: str
    span: tuple[int, int] | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"message": self.message, "span": list(self.span) if self.span else None}


@dataclass
class Extraction:
    document: DocumentInfo
    facts: list[Fact] = field(default_factory=list)
    warnings: list[ExtractionWarning] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "document": self.document.as_dict(),
            "facts": [f.as_dict() for f in self.facts],
            "warnings": [w.as_dict() for w in self.warnings],
        }
