"""Read a report file (txt, html, docx, pdf) into text plus what it says about itself.

The returned text is the document as decoded: fact offsets are indices into it, so
nothing here normalises it (full-width forms, spaces) — the grammar maps its own
normalisation back. HTML, docx and pdf have no "decoded text" of their own, so for
them the text is defined here: one paragraph or table row per line, cells
tab-separated, which is the table shape ``planwatch.extract.tables`` reads.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from planwatch.errors import InvalidInput, NotFound
from planwatch.extract.formats import docx_text, pdf_text
from planwatch.extract.html_page import PageText, html_text
from planwatch.extract.model import DocumentInfo
from planwatch.vocabulary.messages import phrase

# Refused rather than streamed: the grammar and the review screens hold one
# document's text in memory, and no plan report comes near this size.
MAX_BYTES = 50 * 1024 * 1024
SUPPORTED = (".txt", ".html", ".htm", ".shtml", ".docx", ".pdf")
TEXT_SAMPLE = 64 * 1024

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (perhaps a .docx or .xlsx)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc/.xls)"),
    (b"Rar!", "a RAR archive"),
    (b"\x1f\x8b", "a gzip archive"),
)
_GB_FAMILY = {"gb18030", "gbk", "gb2312", "cp936"}
_OTHER_CJK = {"big5", "big5hkscs", "cp950", "cp949", "euc_kr", "shift_jis", "cp932", "euc_jp"}
_TRUSTED_SAMPLE = 1024


@dataclass
class Loaded:
    """A document's text exactly as read, and its metadata."""

    text: str
    document: DocumentInfo


def load(path: Path, encoding: str | None = None) -> Loaded:
    """Read ``path`` by its extension; ``encoding`` overrides detection for text files."""
    path = Path(path)
    suffix = _checked_suffix(path)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InvalidInput(
            "extract.loaders.too_large",
            path=path.name,
            size=size / 1024 / 1024,
            limit=MAX_BYTES // 1024 // 1024,
        )
    if size == 0:
        raise InvalidInput("extract.loaders.empty", path=path.name)
    page = _read_text(path, suffix, encoding)
    if not page.text.strip():
        raise InvalidInput("extract.loaders.no_text", path=path.name)
    document = parse_metadata(page.text)
    # The text's own metadata block wins; a page's <meta> tags and <title> fill gaps.
    document.title = document.title or page.meta.get("title") or page.title
    document.title = document.title or _title_line(page.text)
    document.publisher = document.publisher or page.meta.get("publisher")
    if document.published is None and "published" in page.meta:
        date = _DATE_RE.search(page.meta["published"])
        document.published = _iso_date(date) if date else None
    document.chars = len(page.text)
    return Loaded(text=page.text, document=document)


def _read_text(path: Path, suffix: str, encoding: str | None) -> PageText:
    """The document's text and, for a web page, its <title> and <meta> tags."""
    if suffix == ".docx":
        return PageText(docx_text(path))
    if suffix == ".pdf":
        _refuse_disguised(path.read_bytes()[:16], path.name, expected=b"%PDF-")
        return PageText(pdf_text(path))
    data = path.read_bytes()
    if suffix == ".txt":
        return PageText(decode(data, encoding, path.name))
    return html_text(decode(data, encoding or _declared_charset(data), path.name))


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)


def _declared_charset(page: bytes) -> str | None:
    """A page's <meta charset>, used only when its bytes are not UTF-8 anyway."""
    match = _META_CHARSET.search(page[:4096])
    if match is None or _decodes(page, "utf-8"):
        return None
    declared = match.group(1).decode("ascii").lower()
    try:
        if codecs.lookup(declared).name == "utf-8":
            return None  # declared UTF-8, yet it is not: the declaration is wrong
    except LookupError:
        return None  # a made-up name: detection does better than an error about it
    # Pages declaring gb2312 routinely use GBK/GB18030 characters beyond it.
    return "gb18030" if declared in _GB_FAMILY else declared


def _checked_suffix(path: Path) -> str:
    if path.is_dir():
        raise InvalidInput("extract.loaders.folder", path=path)
    if not path.exists():
        raise NotFound("extract.loaders.missing", path=path)
    suffix = path.suffix.lower()
    if suffix in SUPPORTED:
        return suffix
    formats = phrase("extract.loaders.formats", suffixes=", ".join(SUPPORTED))
    if suffix == ".doc":
        formats = phrase("extract.loaders.doc_first", suffixes=", ".join(SUPPORTED))
    shown = suffix or phrase("extract.loaders.no_extension")
    raise InvalidInput(
        "extract.loaders.unsupported_extension", path=path.name, suffix=shown, formats=formats
    )


def decode(data: bytes, encoding: str | None, name: str) -> str:
    """Bytes to text: BOM dropped, UTF-8 first, then GB18030-family by detection."""
    if not data.strip():
        raise InvalidInput("extract.loaders.empty_bytes", name=name)
    _refuse_disguised(data[:16], name)
    if encoding:
        return _decode_as(data, encoding, name)
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode_as(data[3:], "utf-8", name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_as(data, "utf-16", name)
    if b"\x00" in data[:TEXT_SAMPLE]:
        raise InvalidInput("extract.loaders.binary", name=name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _decode_detected(data, name)
    if _mostly_control(text[:4096]):
        raise InvalidInput("extract.loaders.binary", name=name)
    return text


def _mostly_control(sample: str) -> bool:
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\f\v")
    return controls > len(sample) // 20


def _decode_as(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except LookupError:
        raise InvalidInput("extract.loaders.unknown_encoding", encoding=encoding) from None
    except UnicodeDecodeError as err:
        raise InvalidInput(
            "extract.loaders.undecodable",
            name=name,
            encoding=encoding,
            start=err.start,
        ) from None


def _decode_detected(data: bytes, name: str) -> str:
    from charset_normalizer import from_bytes  # imported late: slow to import, rarely needed

    # The detector rejects a sample ending inside a character; a newline byte
    # never occurs inside one in the encodings it is asked to tell apart.
    sample = data[:TEXT_SAMPLE]
    sample = sample[: sample.rfind(b"\n") + 1] or sample
    best = from_bytes(sample).best()
    detected = (best.encoding if best else "").lower()
    # GB2312 and GBK are subsets of GB18030; decoding with the superset also
    # reads the rare characters a detector's guess would reject.
    codec = "gb18030" if detected in _GB_FAMILY else detected
    # On a few lines a detector mistakes GB text for Big5 or Korean; only a
    # guess made on enough text is trusted for the other East Asian codecs.
    trusted = codec == "gb18030" or (codec in _OTHER_CJK and len(data) >= _TRUSTED_SAMPLE)
    salvaged = _mostly_decoded(data, codec) if trusted else None
    # GB text read as UTF-8 fails on most characters, so a handful of bad bytes
    # means UTF-8 with damage (a download cut inside a character), not GB.
    salvaged = salvaged or _mostly_decoded(data, "utf-8")
    if salvaged is not None:
        return salvaged
    if _decodes(data, "gb18030"):
        raise InvalidInput("extract.loaders.looks_gb18030", name=name)
    guess = phrase("extract.loaders.guess", encoding=detected) if detected else ""
    raise InvalidInput("extract.loaders.not_utf8", name=name, guess=guess)


def _mostly_decoded(data: bytes, codec: str) -> str | None:
    """The text, if all but a few bytes decode (a cut download, one stray byte).

    The bad bytes become U+FFFD, so the reader sees where the damage is and
    offsets stay indices into the text returned.
    """
    text = data.decode(codec, errors="replace")
    damaged = text.count("\ufffd")
    return text if damaged <= max(2, len(text) // 10_000) else None


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def _refuse_disguised(head: bytes, name: str, expected: bytes | None = None) -> None:
    """A file whose bytes say it is something else than its extension claims."""
    for magic, kind in _SIGNATURES:
        if head.startswith(magic) and magic != expected:
            raise InvalidInput("extract.loaders.disguised", name=name, kind=kind)
    if expected and not head.startswith(expected):
        raise InvalidInput("extract.loaders.not_pdf", name=name)


# --- the portal metadata block --------------------------------------------------------

# Portal pages print labels with spaces inside for alignment (名  称, 索 引 号).
_FIELDS = {
    "title": ("名称", "标题"),
    "publisher": ("发布机构", "发文机关", "发布单位", "发文单位"),
    "document_number": ("文号", "发文字号"),
    "index_number": ("索引号",),
    "published": ("公开日期", "发布日期", "发布时间", "发表时间", "成文日期", "时间"),
    "source": ("来源", "信息来源", "文章来源"),
}
_OTHER_LABELS = (
    "公开方式",
    "内容概述",
    "主题词",
    "主题分类",
    "体裁分类",
    "来源",
    "有效性",
    "生效日期",
)
_HEAD_CHARS = 1500


def _spaced(label: str) -> str:
    return r"[ \t\u3000]*".join(map(re.escape, label))


_LABEL_TO_FIELD = {label: field for field, labels in _FIELDS.items() for label in labels}
_ALL_LABELS = sorted([*_LABEL_TO_FIELD, *_OTHER_LABELS], key=len, reverse=True)
_LABEL_RE = re.compile(
    r"(?P<label>" + "|".join(_spaced(label) for label in _ALL_LABELS) + r")[ \t\u3000]*[:：]"
)
_DATE_RE = re.compile(r"(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})")


def parse_metadata(text: str) -> DocumentInfo:
    """Read a portal's ``名称: … 发布机构: … 公开日期: …`` block from the head of ``text``."""
    head = text[:_HEAD_CHARS]
    found: dict[str, str] = {}
    labels = list(_LABEL_RE.finditer(head))
    for here, following in zip(labels, [*labels[1:], None], strict=False):
        label = re.sub(r"[ \t\u3000]", "", here["label"])
        end = following.start() if following else len(head)
        field = _LABEL_TO_FIELD.get(label)
        if field is None or field in found:
            continue
        value = head[here.end() : end]
        if field == "published":
            date = _DATE_RE.search(value)
            if date:
                found[field] = _iso_date(date)
            continue
        value = value.split("\n", 1)[0].strip(" \t\u3000")
        if value:
            found[field] = value
    return DocumentInfo(
        title=found.get("title"),
        # 来源 names the issuing office on most portals when no 发布机构 is given
        publisher=found.get("publisher") or found.get("source"),
        published=found.get("published"),
        index_number=found.get("index_number"),
        document_number=found.get("document_number"),
    )


def _iso_date(match: re.Match[str]) -> str:
    year, month, day = (int(group) for group in match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}"


_TITLE_WORDS = ("报告", "公报", "计划", "规划", "纲要", "情况")


def _title_line(text: str) -> str | None:
    """Without a metadata block, a short first line naming a report is its title."""
    for line in text.splitlines()[:3]:
        line = line.strip(" \t\u3000")
        if line:
            line = re.sub(r"\[\d+\]$", "", line)  # a footnote mark, as in 公报[1]
            if len(line) <= 60 and any(word in line for word in _TITLE_WORDS):
                return line
            return None
    return None


def is_supported(path: Path) -> bool:
    """Whether ``load`` reads files with this extension (the CLI uses it for folders)."""
    return path.suffix.lower() in SUPPORTED


__all__ = ["Loaded", "MAX_BYTES", "SUPPORTED", "decode", "is_supported", "load", "parse_metadata"]
