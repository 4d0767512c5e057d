"""A number token: one amount found in the text, with its unit and hedge."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class NumberToken:
    start: int
    end: int
    value: float
    unit: str | None
    qualifier: str | None
    span_end: int
    chinese: bool
    lead: int  # where the words of the number begin (百分之五 starts before 五; else start)
