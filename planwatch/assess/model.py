"""What an assessment says, as plain dataclasses: the report writer and the dashboard read these.

Every class has ``as_dict()`` giving JSON-ready data (numbers as floats, nested classes as
dicts). Percentages are in percent (50.0, not 0.5); gaps are in percentage points.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from planwatch.reads.figures import Figure
from planwatch.vocabulary import AssessmentStatus

Status = AssessmentStatus
# worst to best; "unknown" sits apart and is never ranked
Metric = Literal["completion", "growth", "reduction", "value"]
STATUS_ORDER: tuple[Status, ...] = ("behind", "slightly_behind", "on_track", "achieved")
STATUSES: tuple[Status, ...] = (*STATUS_ORDER, "unknown")


class _Data:
    def as_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload]  # every subclass is a dataclass


RefKind = Literal["target", "observation", "assessment", "task"]
ClauseKind = Literal["level", "rate", "comparison"]


@dataclass(frozen=True)
class Ref(_Data):
    """Where a printed quantity comes from: a plan target, a stored figure, or the
    assessment of a target or task (``assessment`` / ``task``) that computed it."""

    kind: RefKind
    id: int


@dataclass(frozen=True)
class Part(_Data):
    """A run of a phrase: plain words, or a quantity when ``value`` and ``source`` are set.

    ``text`` is the quantity as printed (its magnitude when the sign is a verb: 下降5.9),
    ``value`` the number as its source holds it, so a renderer or a checker never has
    to read a number back out of printed words.
    """

    text: str
    value: float | None = None
    source: Ref | None = None


@dataclass(frozen=True)
class Clause(_Data):
    """One clause of what the period brought: a level (完成525.69亿元), a rate
    (同比增长8.1%) or a comparison (高于GDP增速); the first begins with the period's word
    as a part of its own."""

    says: ClauseKind
    parts: tuple[Part, ...]


@dataclass(frozen=True)
class Thresholds(_Data):
    """How far behind still counts as slightly behind, and when two figures disagree.

    - ``time_points``: a completion share up to this many points below time progress
      (or a cap used up to this many points ahead of it) is ``slightly_behind``; beyond
      that it is ``behind``.
    - ``growth_points``: a growth (or reduction) rate up to this many points short of
      its target, or of the other indicator's growth, is ``slightly_behind``.
    - ``mismatch_points``: a reported growth or completion share differing from the one
      computed from stored levels by more than this is a finding.
    """

    time_points: float = 5.0
    growth_points: float = 1.0
    mismatch_points: float = 0.5


@dataclass(frozen=True)
class Missing(_Data):
    """A figure that would allow more to be said, e.g. last year's annual value."""

    indicator: str
    period: str
    measure: str
    english: str
    chinese: str


@dataclass(frozen=True)
class Finding(_Data):
    """A disagreement between stored figures, shown to the user and never fixed silently."""

    kind: Literal[
        "growth_mismatch",
        "completion_mismatch",
        "basis_mismatch",
        "rollup_mismatch",
        "ledger_mismatch",
    ]
    indicator: str
    period: str
    reported: float | None
    computed: float | None
    difference: float | None
    message: str
    chinese: str
    sources: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class RestOfYear(_Data):
    """What the rest of the year must bring, and where last year's pattern would end up.

    Amounts are in ``unit`` (the target's). ``required_growth`` is the year-on-year growth
    the remaining months need so the year ends on the target; ``projection`` assumes this
    year's period holds the same share of the year as last year's did.
    """

    unit: str | None
    annual_target: float | None
    year_to_date: float
    remaining: float | None
    last_year_same_period: float | None
    last_year_same_period_derived: bool
    last_year_annual: float | None
    required_growth: float | None
    seasonal_share: float | None
    projection: float | None
    projected_growth: float | None
    missing: list[Missing]
    chinese: str


@dataclass(frozen=True)
class Assessment(_Data):
    """One plan target judged in one period."""

    target_id: int
    indicator: str
    indicator_english: str
    direction: str
    kind: str
    target_value: float | None
    target_unit: str | None
    qualifier: str | None
    basis: str | None
    other_indicator: str | None
    department: str | None
    period: str
    time_progress: float
    actual: Figure | None
    growth: Figure | None
    other_growth: Figure | None
    completion: float | None
    gap: float | None
    gap_phrase: str | None
    status: Status
    reason: str
    rest_of_year: RestOfYear | None
    findings: list[Finding]
    target_phrase: str
    actual_phrase: str
    judgement_phrase: str
    sentence: str
    sources: list[int]
    # the phrases above as parts; the first target part names the subject (全年…计划)
    target_parts: tuple[Part, ...] = ()
    actual_clauses: tuple[Clause, ...] = ()
    judgement_parts: tuple[Part, ...] = ()
    # the period's figure the target still lacks, as the draft asks for it (上半年…增速)
    wanted_figure: str | None = None


@dataclass(frozen=True)
class TaskAssessment(_Data):
    """A key task's numbered progress judged against time progress."""

    task_id: int
    section: str | None
    title: str
    department: str | None
    period: str
    time_progress: float
    note: str | None
    value: float | None
    unit: str | None
    target_value: float | None
    completion: float | None
    completion_source: Literal["reported", "computed"] | None
    gap: float | None
    gap_phrase: str | None
    status: Status
    reason: str
    findings: list[Finding]
    sentence: str
    # completion and gap as parts: 完成全年目标的51.8% / 超序时进度1.8个百分点
    share_parts: tuple[Part, ...] = ()
    gap_parts: tuple[Part, ...] = ()


@dataclass(frozen=True)
class ProjectStages(_Data):
    """The plan's major projects counted by stage (前期 … 竣工) at the period's end."""

    year: int
    total: int
    counts: dict[str, int]
    names: dict[str, list[str]]
    started_share: float | None
    chinese: str


@dataclass(frozen=True)
class RegionAssessment(_Data):
    """Every target of a region's plan judged in one period, with its tasks and projects."""

    region: str
    region_code: str
    period: str
    period_phrase: str
    year: int
    plan_title: str | None
    time_progress: float
    thresholds: Thresholds
    assessments: list[Assessment]
    status_counts: dict[str, int]
    findings: list[Finding]
    tasks: list[TaskAssessment]
    projects: ProjectStages


@dataclass(frozen=True)
class RankEntry(_Data):
    rank: int
    region: str
    region_code: str
    value: float
    status: Status


@dataclass(frozen=True)
class Ranking(_Data):
    """Regions ordered by one target's measure, best first (lowest first for caps)."""

    indicator: str
    kind: str
    metric: Metric
    entries: list[RankEntry]


@dataclass(frozen=True)
class Skipped(_Data):
    region: str
    region_code: str
    reason: str


@dataclass(frozen=True)
class RegionComparison(_Data):
    """Every region at one level under a parent, assessed in one period and ranked."""

    parent: str
    parent_code: str
    level: str
    period: str
    indicator: str | None
    regions: list[RegionAssessment]
    skipped: list[Skipped]
    rankings: list[Ranking]
