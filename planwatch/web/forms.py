"""What people type into forms, read field by field: a problem is kept beside its field
(an i18n key and what was typed), so the page shows it inline and keeps every value.
"""

from __future__ import annotations

import re
import unicodedata

from planwatch.records.numbers import LIMIT

_THOUSANDS = re.compile(r"[-+]?\d{1,3}(,\d{3})+(\.\d+)?")
_DECIMAL_COMMA = re.compile(r"[-+]?\d+,\d+")


class FieldProblem(Exception):
    """A field's value is not what the field takes: ``key`` names the message in i18n,
    ``suggestion`` what was probably meant (6.2 for 6,2)."""

    def __init__(self, field: str, key: str, typed: str, suggestion: str | None = None) -> None:
        super().__init__(field, key, typed)
        self.field = field
        self.key = key
        self.typed = typed
        self.suggestion = suggestion


def typed_number(field: str, raw: str | None) -> float | None:
    """The number typed (None if the field was left empty); full-width digits and
    thousands separators (1,234.5) are read, a decimal comma (6,2) or words are not."""
    text = unicodedata.normalize("NFKC", raw or "").strip().replace(" ", "")
    if not text:
        return None
    if _THOUSANDS.fullmatch(text):
        text = text.replace(",", "")
    elif _DECIMAL_COMMA.fullmatch(text):
        raise FieldProblem(field, "number_decimal_comma", raw or "", text.replace(",", "."))
    try:
        value = float(text)
    except ValueError:
        raise FieldProblem(field, "number_not_digits", raw or "") from None
    if value != value or abs(value) > LIMIT:  # nan, inf, 1e400
        raise FieldProblem(field, "number_not_digits", raw or "")
    return value


def blank_is_none(raw: str | None) -> str | None:
    text = (raw or "").strip()
    return text or None
