"""Zip bombs and damaged archives, built at test time (nothing of the kind is kept in git)."""

from __future__ import annotations

import io
import struct
import zipfile

MB = 1024 * 1024

DOCX_PARTS = {
    "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
}


def _zip(parts: dict[str, bytes | str], big: str, size: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
        with archive.open(big, "w", force_zip64=size > 2**31) as member:
            block = b" " * MB
            for _ in range(size // MB):
                member.write(block)
    return out.getvalue()


def docx_bomb(inflated: int = 300 * MB) -> bytes:
    """A .docx whose document.xml inflates to ``inflated`` bytes of blanks."""
    return _zip(dict(DOCX_PARTS), "word/document.xml", inflated)


def xlsx_bomb(inflated: int = 300 * MB) -> bytes:
    return _zip(dict(DOCX_PARTS), "xl/worksheets/sheet1.xml", inflated)


def lying_bomb(inflated: int = 40 * MB) -> bytes:
    """The central directory says the big part is 1 KB: only inflating it shows the truth."""
    data = bytearray(_zip(dict(DOCX_PARTS), "word/document.xml", inflated))
    start = data.rfind(b"PK\x01\x02")  # the last entry: the big part
    struct.pack_into("<I", data, start + 24, 1024)  # uncompressed size
    return bytes(data)


def damaged_docx() -> bytes:
    """A real .docx's first half: the zip directory at its end is gone."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in DOCX_PARTS.items():
            archive.writestr(name, data)
        archive.writestr("word/document.xml", "<w:document>" + "正文" * 5000 + "</w:document>")
    whole = out.getvalue()
    return whole[: len(whole) // 2]
