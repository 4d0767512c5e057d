"""Score extracted facts against a gold file, by the rules of shared/spec/facts.md.

A gold fact is found when a prediction has the same number span (or, without
one, a span covering it), the same measure and the same value in the same
unit once scale words are folded (32万平方米 = 320000平方米). It counts fully
when the subjects agree too: one holds the other and is at least 0.4 of its
length, or they share half their character bigrams. Only predictions whose
number starts inside the gold excerpt count against precision.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

_SCALE_WORDS = {"十": 10, "百": 100, "千": 1_000, "万": 10_000, "亿": 100_000_000}
_POINT_UNITS = frozenset(("个百分点", "百分点"))
_SUBJECT_NOISE = re.compile(r"[\s,，、。“”\"'()（）]")

FactLike = Mapping[str, Any]


@dataclass(frozen=True)
class Score:
    gold: int
    predicted: int
    number_hits: int
    full_hits: int

    def __add__(self, other: Score) -> Score:
        return Score(
            self.gold + other.gold,
            self.predicted + other.predicted,
            self.number_hits + other.number_hits,
            self.full_hits + other.full_hits,
        )

    @property
    def number_f1(self) -> float:
        return _f1(self.number_hits, self.gold, self.predicted)

    @property
    def full_f1(self) -> float:
        return _f1(self.full_hits, self.gold, self.predicted)


def _f1(hits: int, gold: int, predicted: int) -> float:
    if not hits:
        return 0.0
    precision, recall = hits / predicted, hits / gold
    return 2 * precision * recall / (precision + recall)


def in_base_unit(value: float, unit: str | None) -> tuple[float, str]:
    """(525.69, '亿元') → (52569000000.0, '元'); '%' and '个百分点' stay as they are."""
    folded = unicodedata.normalize("NFKC", unit or "").strip()
    while len(folded) > 1 and folded not in _POINT_UNITS and folded[0] in _SCALE_WORDS:
        value *= _SCALE_WORDS[folded[0]]
        folded = folded[1:]
    return value, folded


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _bigrams(phrase: str) -> set[str]:
    return {phrase[i : i + 2] for i in range(len(phrase) - 1)} or {phrase}


def subjects_agree(gold: str | None, predicted: FactLike) -> bool:
    wanted = _SUBJECT_NOISE.sub("", gold or "")
    for name in (predicted.get("subject"), predicted.get("indicator")):
        said = _SUBJECT_NOISE.sub("", name or "")
        if not said:
            continue
        shorter, longer = sorted((wanted, said), key=len)
        if shorter in longer and len(shorter) >= 0.4 * len(longer):
            return True
        ours, theirs = _bigrams(wanted), _bigrams(said)
        if 2 * len(ours & theirs) / (len(ours) + len(theirs)) >= 0.5:
            return True
    return False


def _anchored(predicted: FactLike, gold_span: Sequence[int]) -> bool:
    number_span = predicted.get("number_span")
    if number_span:
        return list(number_span) == list(gold_span)
    span = predicted.get("span") or (0, 0)
    return span[0] <= gold_span[0] and gold_span[1] <= span[1]


def _same_reading(predicted: FactLike, gold: FactLike) -> bool:
    if predicted.get("measure") != gold["measure"] or predicted.get("value") is None:
        return False
    ours = in_base_unit(float(predicted["value"]), predicted.get("unit"))
    theirs = in_base_unit(float(gold["value"]), gold.get("unit"))
    return ours[1] == theirs[1] and _close(ours[0], theirs[0])


def _counted(predicted: FactLike, excerpt: Sequence[int]) -> bool:
    span: Sequence[int] = predicted.get("number_span") or predicted.get("span") or ()
    return bool(span) and excerpt[0] <= span[0] < excerpt[1]


def score(gold_document: FactLike, predicted_facts: Sequence[FactLike]) -> Score:
    """Hits of `predicted_facts` (as `Fact.as_dict()` gives them) against one gold file."""
    excerpt = gold_document["excerpt"]
    candidates = [
        p for p in predicted_facts if p.get("measure") != "target_relation" and _counted(p, excerpt)
    ]
    taken: set[int] = set()
    number_hits = full_hits = 0
    for gold in gold_document["facts"]:
        fitting = [
            i
            for i, p in enumerate(candidates)
            if i not in taken and _anchored(p, gold["number_span"]) and _same_reading(p, gold)
        ]
        if not fitting:
            continue
        full = [i for i in fitting if subjects_agree(gold["subject"], candidates[i])]
        taken.add((full or fitting)[0])
        number_hits += 1
        full_hits += bool(full)
    return Score(len(gold_document["facts"]), len(candidates), number_hits, full_hits)
