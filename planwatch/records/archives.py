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
                    raise _bomb(filename, f"its parts inflate to more than {TOTAL_BYTES // MB} MB")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError) as err:
        raise InvalidInput(
            f"{filename} is damaged: it is not a readable {_kind(filename)} file",
            "open it in Word or Excel, save it again, and upload the saved copy",
        ) from err
    except NotImplementedError as err:  # a compression method zipfile cannot read
        raise InvalidInput(
            f"{filename} uses a compression planwatch cannot read",
            "save it again from Word or Excel",
        ) from err


def _check_declared(members: list[zipfile.ZipInfo], filename: str) -> None:
    if len(members) > MEMBERS:
        raise _bomb(filename, f"it has more than {MEMBERS} parts")
    if sum(info.file_size for info in members) > TOTAL_BYTES:
        raise _bomb(filename, f"its parts would inflate to more than {TOTAL_BYTES // MB} MB")
    for info in members:
        if info.file_size > _member_limit(info):
            raise _bomb(
                filename, f"its part {info.filename[:80]} would inflate to {_mb(info.file_size)}"
            )
        if info.file_size > RATIO_FROM and info.file_size > RATIO * max(info.compress_size, 1):
            raise _bomb(
                filename,
                f"its part {info.filename[:80]} is compressed "
                f"{info.file_size // max(info.compress_size, 1)} to 1",
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
                    filename, f"its part {info.filename[:80]} inflates past its declared size"
                )
    return size


def _member_limit(info: zipfile.ZipInfo) -> int:
    return XML_BYTES if info.filename.lower().endswith((".xml", ".rels")) else MEMBER_BYTES


def _bomb(filename: str, why: str) -> InvalidInput:
    return InvalidInput(
        f"{filename} was refused: {why}",
        "this looks like a damaged or malicious file; save the document again and upload that",
    )


def _kind(filename: str) -> str:
    suffix = filename.lower().rsplit(".", 1)[-1] if "." in filename else "zip"
    return f".{suffix}"


def _mb(size: int) -> str:
    return f"{size / MB:.0f} MB"
