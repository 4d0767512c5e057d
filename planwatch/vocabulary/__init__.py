"""The domain's words, each defined once: measures, target kinds, statuses, stages, roles…

The codes are Literal types here, so pydantic models and mypy check them; their Chinese and
English names are data in ``words.yaml`` beside this file (a test checks that both list the
same codes). Every other module imports the words from here; the interface's own labels
(buttons, headings) stay in ``planwatch.web.i18n``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal, cast, get_args

import yaml

Measure = Literal[
    "value",
    "yoy_growth",
    "change",
    "pp_change",
    "share",
    "completion",
    "target_value",
    "target_growth",
    "target_reduction",
    "target_relation",
]
# what a stored observation may measure: the target_* measures become targets instead
ObservedMeasure = Literal["value", "yoy_growth", "change", "pp_change", "share", "completion"]
TargetKind = Literal[
    "growth_at_least", "value_at_least", "reduction_at_least", "value_at_most", "relation"
]
ObservationStatus = Literal["draft", "submitted", "approved", "published"]
SubmissionStatus = Literal["draft", "submitted", "returned", "approved", "published"]
SubmissionStep = Literal["submit", "approve", "return", "publish"]
ReviewStatus = Literal["pending", "accepted", "corrected", "rejected"]
AssessmentStatus = Literal["achieved", "on_track", "slightly_behind", "behind", "unknown"]
Role = Literal["admin", "planner", "reporter", "viewer"]
RegionLevel = Literal["country", "province", "city", "county", "street", "custom"]
Qualifier = Literal["at_least", "at_most", "approx"]
NarrativePart = Literal["opening", "problems", "next_steps"]
ProjectCategory = Literal[
    "industry", "infrastructure", "livelihood", "ecology", "urban_renewal", "other"
]
ProjectLevel = Literal["province", "city", "district"]
# a major project's stage (前期 … 竣工): it follows from dates and milestones
ProjectStage = Literal[
    "preliminary", "to_start", "new_start", "continuing", "basically_done", "finished"
]
# what a report states about a plan's projects all together (a reported ledger total)
LedgerTotal = Literal[
    "investment",
    "investment_share",
    "planned_starts",
    "started",
    "new_starts",
    "under_construction",
    "basically_done",
    "finished",
]
MilestoneKind = Literal["start", "main_done", "completion", "other"]
SupervisionStatus = Literal["open", "answered", "closed"]
# how often a department reports an item of the calendar (月报, 季报, 半年报, 年报)
Frequency = Literal["monthly", "quarterly", "half_yearly", "yearly"]

MEASURES: tuple[Measure, ...] = get_args(Measure)
OBSERVED_MEASURES: tuple[ObservedMeasure, ...] = get_args(ObservedMeasure)
TARGET_KINDS: tuple[TargetKind, ...] = get_args(TargetKind)
OBSERVATION_STATUSES: tuple[ObservationStatus, ...] = get_args(ObservationStatus)
SUBMISSION_STATUSES: tuple[SubmissionStatus, ...] = get_args(SubmissionStatus)
SUBMISSION_STEPS: tuple[SubmissionStep, ...] = get_args(SubmissionStep)
REVIEW_STATUSES: tuple[ReviewStatus, ...] = get_args(ReviewStatus)
ASSESSMENT_STATUSES: tuple[AssessmentStatus, ...] = get_args(AssessmentStatus)
PROJECT_STAGES: tuple[ProjectStage, ...] = get_args(ProjectStage)
ROLES: tuple[Role, ...] = get_args(Role)
REGION_LEVELS: tuple[RegionLevel, ...] = get_args(RegionLevel)
QUALIFIERS: tuple[Qualifier, ...] = get_args(Qualifier)
NARRATIVE_PARTS: tuple[NarrativePart, ...] = get_args(NarrativePart)
# figures that passed review: they count by default, and changing one needs a reason
REVIEWED: tuple[ObservationStatus, ...] = ("approved", "published")
PROJECT_CATEGORIES: tuple[ProjectCategory, ...] = get_args(ProjectCategory)
PROJECT_LEVELS: tuple[ProjectLevel, ...] = get_args(ProjectLevel)
MILESTONE_KINDS: tuple[MilestoneKind, ...] = get_args(MilestoneKind)
LEDGER_TOTALS: tuple[LedgerTotal, ...] = get_args(LedgerTotal)
SUPERVISION_STATUSES: tuple[SupervisionStatus, ...] = get_args(SupervisionStatus)
FREQUENCIES: tuple[Frequency, ...] = get_args(Frequency)

# the groups of words.yaml and the codes each must list
GROUPS: dict[str, tuple[str, ...]] = {
    "measures": MEASURES,
    "target_kinds": TARGET_KINDS,
    "observation_statuses": OBSERVATION_STATUSES,
    "submission_statuses": SUBMISSION_STATUSES,
    "submission_steps": SUBMISSION_STEPS,
    "review_statuses": REVIEW_STATUSES,
    "assessment_statuses": ASSESSMENT_STATUSES,
    "project_stages": PROJECT_STAGES,
    "roles": ROLES,
    "region_levels": REGION_LEVELS,
    "narrative_parts": NARRATIVE_PARTS,
    "project_categories": PROJECT_CATEGORIES,
    "project_levels": PROJECT_LEVELS,
    "milestone_kinds": MILESTONE_KINDS,
    "ledger_totals": LEDGER_TOTALS,
    "supervision_statuses": SUPERVISION_STATUSES,
    "frequencies": FREQUENCIES,
}


@dataclass(frozen=True)
class Word:
    """A code with its names: ``zh`` and ``en``, and any group-specific forms (``verb``)."""

    code: str
    zh: str
    en: str
    forms: dict[str, str]

    def name(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


@cache
def _data() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("words.yaml").read_text(encoding="utf-8")
    loaded: dict[str, Any] = yaml.safe_load(text)
    return loaded


@cache
def words(group: str) -> dict[str, Word]:
    """Every word of ``group`` (``measures``, ``roles`` …), by code, in the file's order."""
    found = {}
    for code, entry in _data()[group].items():
        forms = {k: str(v) for k, v in entry.items() if k not in ("zh", "en")}
        found[str(code)] = Word(str(code), entry["zh"], entry["en"], forms)
    return found


def word(group: str, code: str) -> Word:
    return words(group)[code]


def project_stage(text: str) -> str:
    """A stage as a plan file or sheet writes it (a code, its Chinese or English name, or a
    word of the older four-stage list: ``under_construction``, 在建 …) read as its code;
    anything else comes back unchanged, for validation to refuse."""
    for code, entry in words("project_stages").items():
        if text in (code, entry.zh, entry.en):
            return code
    return str(_data()["stage_aliases"].get(text, text))


@dataclass(frozen=True)
class LedgerTotalRule:
    """One way a fact's subject states a ledger total: any of ``words``, a measure of
    ``measures`` (the unit it needs is the total's own ``unit`` form)."""

    total: LedgerTotal
    words: tuple[str, ...]
    measures: tuple[str, ...]


@dataclass(frozen=True)
class LedgerTotalReading:
    """The project group's words, the scope words that may precede them, and the rules."""

    groups: tuple[str, ...]
    scopes: tuple[str, ...]
    rules: tuple[LedgerTotalRule, ...]


@cache
def ledger_total_reading() -> LedgerTotalReading:
    """``ledger_total_reading`` of words.yaml (how a fact states a reported ledger total)."""
    entry = _data()["ledger_total_reading"]
    rules = tuple(
        LedgerTotalRule(
            cast(LedgerTotal, rule["total"]), tuple(rule["words"]), tuple(rule["measures"])
        )
        for rule in entry["rules"]
    )
    return LedgerTotalReading(tuple(entry["groups"]), tuple(entry["scopes"]), rules)


def one_of(codes: tuple[str, ...]) -> str:
    """``a, b or c``: the hint a message gives when a code is not one of these."""
    return ", ".join(codes)


def span_phrase(months: int) -> str:
    """上半年, 一季度, 前三季度, 1-5月, 全年: what a report calls January to ``months``."""
    entry = _data()["period_phrases"].get(months)
    return str(entry["span"]) if entry else f"1-{months}月"


def rest_phrase(months: int) -> str:
    """The months still to come after January to ``months`` (下半年, 四季度, 6-12月)."""
    entry = _data()["period_phrases"].get(months)
    return str(entry["rest"]) if entry else f"{months + 1}-12月"
