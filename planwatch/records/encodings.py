"""Telling UTF-16 without a byte-order mark from a binary file."""

from __future__ import annotations


def looks_like_utf16(data: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` if ``data`` reads as UTF-16 text without a BOM.

    Without the mark, UTF-16 is recognisable by its zero bytes: ASCII characters (digits,
    punctuation, line breaks) put a zero in every other byte, and Chinese text decodes to
    CJK characters. A binary file has neither pattern, or does not decode at all.
    """
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        sample = sample[: len(sample) - len(sample) % 2]
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        if text and _readable(text) > 0.9:
            return encoding
    return None


def _readable(text: str) -> float:
    good = sum(1 for ch in text if ch.isprintable() or ch in "\r\n\t")
    good -= text.count("\x00")
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" or ch in ",。、;:")
    ascii_share = sum(1 for ch in text if ch.isascii() and ch.isprintable()) / len(text)
    if cjk / len(text) < 0.2 and ascii_share < 0.5:
        return 0.0  # printable by accident: neither Chinese text nor plain ASCII
    return good / len(text)
