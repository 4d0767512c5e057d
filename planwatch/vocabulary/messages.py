"""What planwatch says when something is wrong: one catalogue, ``messages.yaml``.

Each key names one problem, in Chinese (``zh``, first) and English (``en``), with the
way to fix it: ``hint`` / ``zh_hint`` for the command line, and ``web_hint`` /
``zh_web_hint`` where the fix is a different action in the browser (a button, a page
instead of a command). Texts are ``str.format`` templates; a parameter that is a
``Word`` or ``Both`` is said in the text's own language. ``tests/test_messages.py``
checks that every key is complete in both languages and that every raise site names a
key of the catalogue with exactly its parameters.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from planwatch.vocabulary import Word

TEXTS = ("en", "zh", "hint", "zh_hint", "web_hint", "zh_web_hint")


@dataclass(frozen=True)
class Both:
    """A parameter said differently in each language (a role, a status, a list)."""

    en: str
    zh: str

    def name(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True)
class Said:
    """One message in both languages, with its command-line and web hints."""

    key: str
    en: str
    zh: str
    hint: str | None = None
    zh_hint: str | None = None
    web_hint: str | None = None
    zh_web_hint: str | None = None

    def prefixed(self, part: Said) -> Said:
        """The same message said of one part of a larger input (``figure 3: …``)."""
        return Said(
            self.key,
            f"{part.en}: {self.en}",
            f"{part.zh}：{self.zh}",
            self.hint,
            self.zh_hint,
            self.web_hint,
            self.zh_web_hint,
        )


@cache
def catalogue() -> dict[str, dict[str, str]]:
    text = resources.files(__package__).joinpath("messages.yaml").read_text(encoding="utf-8")
    loaded: dict[str, dict[str, str]] = yaml.safe_load(text)
    return loaded


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def say(key: str, /, **params: object) -> Said:
    """The message ``key`` of the catalogue with ``params`` filled in, in both languages."""
    entry = catalogue()[key]
    filled = {text: _fill(entry[text], params, text) for text in TEXTS if entry.get(text)}
    return Said(key, **filled)


def _fill(template: str, params: Mapping[str, object], text: str) -> str:
    lang = "en" if text in ("en", "hint", "web_hint") else "zh"
    said = {name: _in(value, lang) for name, value in params.items()}
    return template.format(**said)


def _in(value: object, lang: str) -> object:
    return value.name(lang) if isinstance(value, (Word, Both)) else value


def listing(items: Iterable[object], en_joint: str = ", ", zh_joint: str = "、") -> Both:
    """Items listed in either language: ``a, b`` and ``a、b`` (a Word by its own name)."""
    shown = list(items)
    return Both(
        en_joint.join(str(_in(item, "en")) for item in shown),
        zh_joint.join(str(_in(item, "zh")) for item in shown),
    )


def field_name(name: str) -> Both:
    """A field of a form, a file or a request, named in both languages."""
    fields = catalogue()["fields"]
    entry: Any = fields.get(name)
    return Both(entry["en"], entry["zh"]) if entry else Both(name, name)


def phrase(key: str, /, **params: object) -> Both:
    """A catalogue text without hints (a part of a message) in both languages."""
    said = say(key, **params)
    return Both(said.en, said.zh)


def described(found: Mapping[str, Any]) -> Both:
    """One pydantic validation problem (``{"loc", "type", "msg", "ctx"}``) in both languages.

    The field is named by its last part (``targets.3.value`` → 数值 / value) with the place
    before it; the problem by its pydantic type, so the Chinese needs no English text."""
    location = [str(part) for part in found.get("loc", ())]
    if location[:1] in (["body"], ["query"], ["path"]):
        location = location[1:]
    names = [p for p in location if not p.isdigit()]
    field = field_name(names[-1]) if names else field_name("request")
    shown = ".".join(location)
    place = (
        Both(f" ({shown})", f"（{shown}）")
        if shown and shown != (names[-1] if names else "")
        else Both("", "")
    )
    kind = f"problem.{found.get('type', '')}"
    ctx = {k: _plain(v) for k, v in (found.get("ctx") or {}).items()}
    known = kind in catalogue() and placeholders(catalogue()[kind]["en"]) <= {
        *ctx,
        "field",
        "place",
    }
    if not known:
        return phrase("problem.other", field=field, place=place, msg=found.get("msg", ""))
    needed = placeholders(catalogue()[kind]["en"]) | placeholders(catalogue()[kind]["zh"])
    return phrase(kind, field=field, place=place, **{k: v for k, v in ctx.items() if k in needed})


def _plain(value: object) -> object:
    return value if isinstance(value, (int, float, str)) else str(value)
