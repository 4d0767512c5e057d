"""Reading the YAML, JSON and CSV files users hand to planwatch, with errors that point at them."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from planwatch.errors import InvalidInput

M = TypeVar("M", bound=BaseModel)


def read_mapping_file(path: Path) -> Any:
    """A YAML or JSON document, parsed."""
    text = read_text(path)
    try:
        if path.suffix.lower() == ".json":
            return json.loads(text)
        if path.suffix.lower() in (".yaml", ".yml"):
            return yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError) as err:
        raise InvalidInput(
            f"{path.name} is not valid {path.suffix[1:].upper()} ({_first_line(err)})",
            "fix the syntax at the place named",
        ) from err
    raise InvalidInput(
        f"{path.name}: unsupported file type '{path.suffix}'", "use .yaml, .yml or .json"
    )


def read_csv_rows(path: Path) -> list[dict[str, str]]:
    text = read_text(path)
    rows = list(csv.DictReader(text.splitlines()))
    return [{k.strip(): (v or "").strip() for k, v in row.items() if k} for row in rows]


def read_bytes(path: Path, folder_hint: str = "pass a file") -> bytes:
    """The file's bytes; a missing file or a folder is an input error with a hint."""
    try:
        return path.read_bytes()
    except FileNotFoundError as err:
        raise InvalidInput(f"file '{path}' does not exist", "check the path") from err
    except IsADirectoryError as err:
        raise InvalidInput(f"'{path}' is a folder", folder_hint) from err


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as err:
        raise InvalidInput(f"file '{path}' does not exist", "check the path") from err
    except UnicodeDecodeError as err:
        raise InvalidInput(f"{path.name} is not UTF-8", "save it as UTF-8 and try again") from err


def validated(model: type[M], data: Any, source: str) -> M:
    """``data`` as ``model``; the first problem named with its place in the file."""
    try:
        return model.model_validate(data)
    except ValidationError as err:
        problem = err.errors()[0]
        where = ".".join(str(p) for p in problem["loc"]) or "top level"
        raise InvalidInput(
            f"{source}: {where}: {problem['msg']}", "correct that entry and load the file again"
        ) from err


def _first_line(err: Exception) -> str:
    return str(err).strip().splitlines()[0]
