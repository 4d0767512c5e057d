"""Zip containers (.docx, .xlsx) checked member by member before any parser opens them.

A 1.6 MB "report" can inflate to gigabytes: python-docx and openpyxl would unpack it in
memory. Every member's declared size and compression ratio are checked first, then each
member is inflated in small chunks and counted, because the declared sizes may lie.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from planwatch.errors import InvalidInput
from planwatch.vocabulary.messages import Both, phrase

MB = 1024 * 1024
MEMBER_BYTES = 50 * MB  # a large picture; report text is a few MB of XML
XML_BYTES = 25 * MB  # parsed into a tree several times its size
TOTAL_BYTES = 200 * MB
RATIO = 100  # XML deflates about 10:1; a bomb by 1000:1 and more
RATIO_FROM = 1 * MB  # small members may compress as well as they like
MEMBERS = 10_000
CHUNK = 64 * 1024
ZIP_MAGIC = b"PK\x03\x04"
ZIP_SUFFIXES = (".docx", ".xlsx", ".xlsm", ".pptx", ".zip")


def is_archive(data: bytes, filename: str) -> bool:
    return data.startswith(ZIP_MAGIC) or filename.lower().endswith(ZIP_SUFFIXES)


def check_archive(data: bytes, filename: str) -> None:
    """Refuse ``data`` unless it is a zip whose members all inflate within the limits."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            _check_declared(members, filename)
            total = 0
            for info in members:
                total += _inflated(archive, info, filename)
                if total > TOTAL_BYTES:
                    raise _bomb(
                        filename, phrase("records.archives.inflate_total", mb=TOTAL_BYTES // MB)
                    )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError) as err:
        raise InvalidInput(
            "records.archives.damaged", filename=filename, kind=_kind(filename)
        ) from err
    except NotImplementedError as err:  # a compression method zipfile cannot read
        raise InvalidInput("records.archives.compression", filename=filename) from err


def _check_declared(members: list[zipfile.ZipInfo], filename: str) -> None:
    if len(members) > MEMBERS:
        raise _bomb(filename, phrase("records.archives.too_many_parts", count=MEMBERS))
    if sum(info.file_size for info in members) > TOTAL_BYTES:
        raise _bomb(filename, phrase("records.archives.would_inflate_total", mb=TOTAL_BYTES // MB))
    for info in members:
        if info.file_size > _member_limit(info):
            raise _bomb(
                filename,
                phrase(
                    "records.archives.part_would_inflate",
                    part=info.filename[:80],
                    size=_mb(info.file_size),
                ),
            )
        if info.file_size > RATIO_FROM and info.file_size > RATIO * max(info.compress_size, 1):
            raise _bomb(
                filename,
                phrase(
                    "records.archives.part_ratio",
                    part=info.filename[:80],
                    ratio=info.file_size // max(info.compress_size, 1),
                ),
            )


def _inflated(archive: zipfile.ZipFile, info: zipfile.ZipInfo, filename: str) -> int:
    """The member's real inflated size, read in chunks. zipfile itself stops at the declared
    size and then fails the CRC (a lie reads as damage); the count guards the limit anyway."""
    limit = min(info.file_size, _member_limit(info))
    size = 0
    with archive.open(info) as member:
        while chunk := member.read(CHUNK):
            size += len(chunk)
            if size > limit:
                raise _bomb(
                    filename, phrase("records.archives.part_past_size", part=info.filename[:80])
                )
    return size


def _member_limit(info: zipfile.ZipInfo) -> int:
    return XML_BYTES if info.filename.lower().endswith((".xml", ".rels")) else MEMBER_BYTES


def _bomb(filename: str, why: Both) -> InvalidInput:
    return InvalidInput("records.archives.was_refused", filename=filename, why=why)


def _kind(filename: str) -> str:
    suffix = filename.lower().rsplit(".", 1)[-1] if "." in filename else "zip"
    return f".{suffix}"


def _mb(size: int) -> str:
    return f"{size / MB:.0f} MB"
