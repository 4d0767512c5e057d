"""Reading the YAML, JSON and CSV files users hand to planwatch, with errors that point at them.

Files are refused with the place named rather than half-read: a key written twice in YAML
(the later would silently win), an empty file, a table nested past any sensible depth,
a file larger than any plan or sheet, text in UTF-16 without its byte-order mark.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from planwatch.errors import InvalidInput
from planwatch.records.encodings import looks_like_utf16
from planwatch.vocabulary.messages import Both, described, phrase

M = TypeVar("M", bound=BaseModel)

FILE_BYTES = 20 * 1024 * 1024  # plans and figure files are kilobytes
DEPTH = 50  # a plan file nests four levels; JSON or YAML deeper than this is not one


class _UniqueKeyLoader(yaml.SafeLoader):
    """safe_load, but a key written twice in one mapping is an error, not the last wins."""


def _unique_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> Any:
    seen: set[Any] = set()
    for key_node, _value in node.value:
        key = loader.construct_object(key_node, deep=deep)  # type: ignore[no-untyped-call]  # PyYAML is untyped
        if key in seen:
            line = key_node.start_mark.line + 1
            raise InvalidInput("records.filedata.key_twice", line=line, key=key)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _unique_mapping,  # type: ignore[arg-type]  # PyYAML's stubs type constructors loosely
)


def read_mapping_file(path: Path) -> Any:
    """A YAML or JSON document, parsed."""
    suffix = path.suffix.lower()
    if suffix not in (".json", ".yaml", ".yml"):
        raise InvalidInput(
            "records.filedata.unsupported_file_type", path=path.name, suffix=path.suffix
        )
    return read_mapping_text(read_text(path), path.name)


def read_mapping_text(text: str, filename: str) -> Any:
    """A YAML or JSON document's text (``filename`` says which, and names it in errors)."""
    if not text.strip():
        raise InvalidInput("records.filedata.empty_2", filename=filename)
    _check_depth(text, filename)
    try:
        if filename.lower().endswith(".json"):
            return json.loads(text)
        return yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506  # a SafeLoader
    except InvalidInput as err:
        raise err.within("part.file", file=filename) from err
    except (json.JSONDecodeError, yaml.YAMLError) as err:
        kind = "JSON" if filename.lower().endswith(".json") else "YAML"
        raise InvalidInput(
            "records.filedata.not_valid", filename=filename, kind=kind, p1=_first_line(err)
        ) from err


def _check_depth(text: str, filename: str) -> None:
    """Brackets nested past ``DEPTH``: refused before a recursive parser sees them."""
    depth = deepest = 0
    for ch in text:
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    indents = {len(line) - len(line.lstrip(" ")) for line in text.splitlines()}
    if deepest > DEPTH or len(indents) > DEPTH:
        raise InvalidInput("records.filedata.too_deep", filename=filename, depth=DEPTH)


def read_csv_rows(path: Path) -> list[dict[str, str]]:
    text = read_text(path)
    rows = list(csv.DictReader(text.splitlines()))
    if not rows:
        raise InvalidInput("records.filedata.headers", path=path.name, problem=_no_rows(text))
    return [{k.strip(): (v or "").strip() for k, v in row.items() if k} for row in rows]


def stream_csv_rows(path: Path) -> Iterator[dict[str, str]]:
    """The rows of a CSV file of any size, one at a time, as ``read_csv_rows`` reads them."""
    header, rows = stream_csv_table(path)
    names = [(index, name) for index, name in enumerate(header) if name]
    try:
        for row in rows:
            yield {name: row[index] for index, name in names}
    finally:
        rows.close()


def stream_csv_table(path: Path) -> tuple[list[str], Generator[list[str], None, None]]:
    """The headers of a CSV file of any size, and its rows one at a time as lists of the
    headers' width, cells stripped: as ``csv.DictReader`` reads them (blank lines skipped,
    short rows padded with "", cells past the headers dropped), without a dict per row.
    Iterate the rows at once, and close them when stopping early: they hold the file."""
    handle = _open_text(path)
    reader = csv.reader(handle)
    try:
        header = [name.strip() for name in next(reader, [])]
    except UnicodeDecodeError as err:
        handle.close()
        raise InvalidInput("records.filedata.not_utf8", path=path.name) from err
    return header, _stream_rows(path, handle, reader, len(header))


def _stream_rows(
    path: Path, handle: io.TextIOWrapper, reader: Any, width: int
) -> Generator[list[str], None, None]:
    with handle:
        try:
            empty = True
            padding = [""] * width
            for row in reader:
                if not row:
                    continue
                empty = False
                if len(row) < width:
                    row += padding[len(row) :]
                yield [cell.strip() for cell in row[:width]]
        except UnicodeDecodeError as err:
            raise InvalidInput("records.filedata.not_utf8", path=path.name) from err
        if empty:
            handle.seek(0)
            problem = _no_rows(handle.read(4096))
            raise InvalidInput("records.filedata.headers", path=path.name, problem=problem)


def _open_text(path: Path) -> io.TextIOWrapper:
    """The file opened as UTF-8 text; UTF-16 without a byte-order mark is named as such."""
    try:
        handle = path.open("rb")
    except FileNotFoundError as err:
        raise InvalidInput("records.filedata.no_file", path=path) from err
    except IsADirectoryError as err:
        raise InvalidInput("records.filedata.folder", path=path) from err
    head = handle.read(4096)
    if not _utf8_start(head) and looks_like_utf16(head):
        handle.close()
        raise InvalidInput("records.filedata.utf16", path=path.name)
    handle.seek(0)
    return io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")


def _utf8_start(head: bytes) -> bool:
    """Whether ``head`` is UTF-8 up to a character the read may have cut at its end."""
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as err:
        return err.start >= len(head) - 3
    return True


def read_bytes(
    path: Path,
    limit: int = FILE_BYTES,
    *,
    document: bool = False,
) -> bytes:
    """The file's bytes; a missing file, a folder or a file over ``limit`` bytes is an input
    error with a hint."""
    try:
        size = path.stat().st_size
        if size > limit and path.is_file():
            mb = limit // (1024 * 1024)
            if document:
                raise InvalidInput("records.filedata.too_large_document", path=path.name, mb=mb)
            raise InvalidInput("records.filedata.too_large", path=path.name, mb=mb)
        return path.read_bytes()
    except FileNotFoundError as err:
        raise InvalidInput("records.filedata.no_file", path=path) from err
    except IsADirectoryError as err:
        if document:
            raise InvalidInput("records.filedata.folder_of_reports", path=path) from err
        raise InvalidInput("records.filedata.folder", path=path) from err


def read_text(path: Path) -> str:
    data = read_bytes(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        if looks_like_utf16(data):
            raise InvalidInput("records.filedata.utf16", path=path.name) from err
        raise InvalidInput("records.filedata.not_utf8", path=path.name) from err


def validated(model: type[M], data: Any, source: str) -> M:
    """``data`` as ``model``; the first problem named with its place in the file."""
    try:
        return model.model_validate(data)
    except ValidationError as err:
        problem = described(err.errors()[0])
        raise InvalidInput("records.filedata.entry", source=source, problem=problem) from err


def _no_rows(after_header: str) -> Both:
    if after_header.strip():
        return phrase("records.filedata.no_rows")
    return phrase("records.filedata.no_headers")


def _first_line(err: Exception) -> str:
    return str(err).strip().splitlines()[0]


def _line_of(err: json.JSONDecodeError | yaml.YAMLError) -> int | str:
    if isinstance(err, json.JSONDecodeError):
        return err.lineno
    mark = getattr(err, "problem_mark", None)
    return mark.line + 1 if mark is not None else "?"
