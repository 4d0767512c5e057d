"""The indicator catalogue: standard indicators of Chinese plans, communiqués and work reports.

The data lives in ``planwatch/data/indicators.yaml`` and is validated when loaded. Two
ways to name an indicator:

- ``lookup(name)``: the whole name is the canonical name or an alias, after light
  normalisation (spaces dropped, full-width to half-width, ASCII upper-cased, a leading
  scope word such as 全市/全区/全年/我区 dropped).
- ``find(subject)``: a longer subject *contains* an alias (``全年地方公共财政预算收入``);
  the longest alias found wins, so ``城镇居民人均可支配收入`` is the urban indicator and
  not the generic ``居民人均可支配收入``.

The extractor calls these once per fact, so both are precomputed: ``lookup`` is a dict
hit and ``find`` one compiled regex alternation of every alias, longest first.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

KINDS = frozenset({"flow", "stock", "rate"})
DIRECTIONS = frozenset({"up", "down"})
CATEGORIES = frozenset({"经济发展", "创新驱动", "民生福祉", "资源环境", "改革开放"})
_FIELDS = ("name", "english", "unit", "kind", "direction", "category", "aliases")

# Words that set the scope of a figure, not the indicator: 全市地区生产总值 is still GDP.
# Repeated, because reports stack them (全区全年…).
_SCOPE_PREFIX = re.compile(
    r"^(?:全市|全区|全省|全县|全州|全盟|全旗|全年|全国|我区|我市|我省|我县|本市|本区)+"
)
_SPACES = re.compile(r"\s+")


class CatalogError(ValueError):
    """The shipped catalogue data is malformed; a packaging bug, not a user error."""


@dataclass(frozen=True)
class Indicator:
    name: str
    english: str
    unit: str
    kind: str
    direction: str
    category: str
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by every alias."""
        return (self.name, *self.aliases)

    @property
    def lower_is_better(self) -> bool:
        return self.direction == "down"


def additive(name: str, kind: str, unit: str | None) -> bool:
    """Whether a region's figure is the sum of its parts' (investment, revenue, retail
    sales): flows in an amount's unit, never a rate, a growth or a per-capita value."""
    per_capita = "人均" in name or name.startswith("每") or "/" in (unit or "")
    return kind == "flow" and not per_capita and unit not in ("%", "‰", "")


def normalise(name: str) -> str:
    """The matching key of a name: NFKC (full-width to half-width), no spaces, ASCII upper."""
    text = _SPACES.sub("", unicodedata.normalize("NFKC", name)).upper()
    stripped = _SCOPE_PREFIX.sub("", text)
    # A bare scope word (全国) is not an indicator, but keep it rather than return "".
    return stripped or text


class Catalog:
    """Indicators indexed by every normalised name; built once, then read-only."""

    def __init__(self, indicators: Iterable[Indicator]) -> None:
        self.indicators: tuple[Indicator, ...] = tuple(indicators)
        self._by_key: dict[str, Indicator] = _index(self.indicators)
        # Longest first, so at any position the alternation prefers the longest alias.
        keys = sorted(self._by_key, key=len, reverse=True)
        self._pattern = re.compile("|".join(map(re.escape, keys)))
        # The raw-name cache spares normalisation for names seen before (most of them).
        self._raw: dict[str, Indicator | None] = {}

    def __len__(self) -> int:
        return len(self.indicators)

    def __iter__(self) -> Iterator[Indicator]:
        return iter(self.indicators)

    def lookup(self, name: str) -> Indicator | None:
        """The indicator whose canonical name or alias is exactly ``name`` (normalised)."""
        try:
            return self._raw[name]
        except KeyError:
            found = self._by_key.get(normalise(name))
            if len(self._raw) < 100_000:  # bound the cache against adversarial input
                self._raw[name] = found
            return found

    def find(self, subject: str) -> Indicator | None:
        """The indicator of the longest alias contained in ``subject``, if any."""
        exact = self.lookup(subject)
        if exact is not None:
            return exact
        text = _SPACES.sub("", unicodedata.normalize("NFKC", subject)).upper()
        best = ""
        for match in self._pattern.finditer(text):
            if len(match.group()) > len(best):
                best = match.group()
        return self._by_key[best] if best else None

    def by_category(self, category: str) -> list[Indicator]:
        return [ind for ind in self.indicators if ind.category == category]


def _index(indicators: Iterable[Indicator]) -> dict[str, Indicator]:
    by_key: dict[str, Indicator] = {}
    for indicator in indicators:
        for alias in indicator.names:
            key = normalise(alias)
            owner = by_key.get(key)
            if owner is not None and owner is not indicator:
                raise CatalogError(
                    f"alias {alias!r} of {indicator.name!r} is already used by {owner.name!r}: "
                    "an alias may name one indicator only"
                )
            by_key[key] = indicator
    return by_key


def parse_indicator(entry: Mapping[str, Any], position: int) -> Indicator:
    """One YAML entry as an Indicator, or a CatalogError naming the entry and the field."""
    label = f"indicator #{position} ({entry.get('name', '?')!r})"
    unknown = set(entry) - set(_FIELDS)
    missing = {"name", "english", "unit", "kind", "direction", "category"} - set(entry)
    if unknown or missing:
        raise CatalogError(f"{label}: unknown fields {sorted(unknown)}, missing {sorted(missing)}")
    for field, allowed in (("kind", KINDS), ("direction", DIRECTIONS), ("category", CATEGORIES)):
        if entry[field] not in allowed:
            raise CatalogError(f"{label}: {field} {entry[field]!r} is not one of {sorted(allowed)}")
    aliases = entry.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
        raise CatalogError(f"{label}: aliases must be a list of non-empty strings")
    return Indicator(
        name=str(entry["name"]),
        english=str(entry["english"]),
        unit=str(entry["unit"]),
        kind=entry["kind"],
        direction=entry["direction"],
        category=entry["category"],
        aliases=tuple(aliases),
    )


def parse_catalog(text: str) -> Catalog:
    """A Catalog from YAML text: a list of indicator mappings."""
    data = yaml.safe_load(text)
    if not isinstance(data, list) or not all(isinstance(e, dict) for e in data):
        raise CatalogError("the indicator catalogue must be a YAML list of mappings")
    return Catalog(parse_indicator(entry, i) for i, entry in enumerate(data, start=1))


@cache
def load_catalog() -> Catalog:
    """The catalogue shipped with planwatch, parsed and validated once per process."""
    text = resources.files("planwatch").joinpath("data/indicators.yaml").read_text("utf-8")
    return parse_catalog(text)


def lookup(name: str) -> Indicator | None:
    """``load_catalog().lookup(name)``."""
    return load_catalog().lookup(name)


def find(subject: str) -> Indicator | None:
    """``load_catalog().find(subject)``."""
    return load_catalog().find(subject)
