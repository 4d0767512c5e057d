"""Reading the YAML, JSON and CSV files users hand to planwatch, with errors that point at them.

Files are refused with the place named rather than half-read: a key written twice in YAML
(the later would silently win), an empty file, a table nested past any sensible depth,
a file larger than any plan or sheet, text in UTF-16 without its byte-order mark.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from planwatch.errors import InvalidInput
from planwatch.records.encodings import looks_like_utf16

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
            raise InvalidInput(
                f"line {line}: the key '{key}' is written twice",
                "keep one of them: YAML would silently use the last",
            )
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
            f"{path.name}: unsupported file type '{path.suffix}'", "use .yaml, .yml or .json"
        )
    return read_mapping_text(read_text(path), path.name)


def read_mapping_text(text: str, filename: str) -> Any:
    """A YAML or JSON document's text (``filename`` says which, and names it in errors)."""
    if not text.strip():
        raise InvalidInput(
            f"{filename} is empty",
            "fill it in; see planwatch/sample/",
            zh=f"{filename}是空文件",
            zh_hint="请填写内容后再上传",
        )
    _check_depth(text, filename)
    try:
        if filename.lower().endswith(".json"):
            return json.loads(text)
        return yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506  # a SafeLoader
    except InvalidInput as err:
        raise err.within(filename, filename) from err
    except (json.JSONDecodeError, yaml.YAMLError) as err:
        kind = "JSON" if filename.lower().endswith(".json") else "YAML"
        raise InvalidInput(
            f"{filename} is not valid {kind} ({_first_line(err)})",
            "fix the syntax at the place named",
            zh=f"{filename}不是有效的{kind}文件（{_first_line(err)}）",
            zh_hint="请按提示的位置修改格式",
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
        raise InvalidInput(
            f"{filename} nests more than {DEPTH} levels deep",
            "a plan or figure file nests a few levels: check what the file is",
        )


def read_csv_rows(path: Path) -> list[dict[str, str]]:
    text = read_text(path)
    rows = list(csv.DictReader(text.splitlines()))
    if not rows:
        problem = "has a header but no rows" if text.strip() else "is empty"
        raise InvalidInput(f"{path.name} {problem}", "put the headers in line 1, figures below")
    return [{k.strip(): (v or "").strip() for k, v in row.items() if k} for row in rows]


def stream_csv_rows(path: Path) -> Iterator[dict[str, str]]:
    """The rows of a CSV file of any size, one at a time, as ``read_csv_rows`` reads them."""
    handle = _open_text(path)
    with handle:
        try:
            empty = True
            reader = csv.reader(handle)
            # as csv.DictReader reads them, without a dict per row before ours: blank lines
            # skipped, short rows padded with "", cells past the headers dropped
            header = [name.strip() for name in next(reader, [])]
            width = len(header)
            for row in reader:
                if not row:
                    continue
                empty = False
                if len(row) < width:
                    row += [""] * (width - len(row))
                yield {k: v.strip() for k, v in zip(header, row, strict=False) if k}
        except UnicodeDecodeError as err:
            raise InvalidInput(
                f"{path.name} is not UTF-8", "save it as UTF-8 and try again"
            ) from err
        if empty:
            handle.seek(0)
            problem = "has a header but no rows" if handle.read(4096).strip() else "is empty"
            raise InvalidInput(f"{path.name} {problem}", "put the headers in line 1, figures below")


def _open_text(path: Path) -> io.TextIOWrapper:
    """The file opened as UTF-8 text; UTF-16 without a byte-order mark is named as such."""
    try:
        handle = path.open("rb")
    except FileNotFoundError as err:
        raise InvalidInput(f"file '{path}' does not exist", "check the path") from err
    except IsADirectoryError as err:
        raise InvalidInput(f"'{path}' is a folder", "pass a file") from err
    head = handle.read(4096)
    if not _utf8_start(head) and looks_like_utf16(head):
        handle.close()
        raise InvalidInput(
            f"{path.name} is UTF-16 without a byte-order mark, not UTF-8",
            "save it as UTF-8 (in Excel: CSV UTF-8) and try again",
        )
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
    folder_hint: str = "pass a file",
    limit: int = FILE_BYTES,
    too_large_hint: str = "a plan or figure file is kilobytes: check that this is the right file",
) -> bytes:
    """The file's bytes; a missing file, a folder or a file over ``limit`` bytes is an input
    error with a hint."""
    try:
        size = path.stat().st_size
        if size > limit and path.is_file():
            raise InvalidInput(
                f"{path.name} is larger than {limit // (1024 * 1024)} MB", too_large_hint
            )
        return path.read_bytes()
    except FileNotFoundError as err:
        raise InvalidInput(f"file '{path}' does not exist", "check the path") from err
    except IsADirectoryError as err:
        raise InvalidInput(f"'{path}' is a folder", folder_hint) from err


def read_text(path: Path) -> str:
    data = read_bytes(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        if looks_like_utf16(data):
            raise InvalidInput(
                f"{path.name} is UTF-16 without a byte-order mark, not UTF-8",
                "save it as UTF-8 (in Excel: CSV UTF-8) and try again",
            ) from err
        raise InvalidInput(f"{path.name} is not UTF-8", "save it as UTF-8 and try again") from err


def validated(model: type[M], data: Any, source: str) -> M:
    """``data`` as ``model``; the first problem named with its place in the file."""
    try:
        return model.model_validate(data)
    except ValidationError as err:
        problem = err.errors()[0]
        where = ".".join(str(p) for p in problem["loc"]) or "top level"
        raise InvalidInput(
            f"{source}: {where}: {problem['msg']}",
            "correct that entry and load the file again",
            zh=f"{source}：{where}一项填写有误（{problem['msg']}）",
            zh_hint="请改正该项后重新导入",
        ) from err


def _first_line(err: Exception) -> str:
    return str(err).strip().splitlines()[0]
