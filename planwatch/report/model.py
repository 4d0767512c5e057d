"""The drafted report as data: every renderer (Markdown, HTML, DOCX, PDF) reads only this.

Text is kept as pieces so a number can carry where it came from: the HTML links it to
the document span it was read from or to the submission that entered it, while the
Markdown and DOCX print the same text plainly.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SourceKind = Literal["document", "observation", "plan", "task_progress", "assessment", "project"]


@dataclass(frozen=True)
class Source:
    """Where a number in the report comes from; ``key`` is what ``data-source`` carries."""

    kind: SourceKind
    href: str
    key: str


@dataclass(frozen=True)
class Piece:
    """A run of text; a number with a source when ``source`` is set, and ``value`` the
    number that source holds (what the self-check compares the printed text with)."""

    text: str
    source: Source | None = None
    value: float | None = None


@dataclass
class Paragraph:
    """One paragraph of body text; ``placeholder`` marks text the planner still has to write."""

    pieces: list[Piece]
    placeholder: bool = False

    @property
    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces)

    @classmethod
    def plain(cls, text: str, *, placeholder: bool = False) -> Paragraph:
        return cls([Piece(text)], placeholder=placeholder)


@dataclass(frozen=True)
class Notice:
    """What the draft could not fill, said for the CLI (English) and the web page (Chinese)."""

    en: str
    zh: str


@dataclass(frozen=True)
class DraftFigure:
    """A figure the draft states, named so the next draft finds it again after a revision:
    ``key`` is the indicator, measure and period (or a task's, a project's entry)."""

    key: str
    label: str
    value: float
    unit: str | None
    href: str


@dataclass
class IndicatorLine:
    """One line of (一)主要指标完成情况: one indicator's targets and what the period brought."""

    indicator: str
    status: str
    target_ids: list[int]
    paragraph: Paragraph


@dataclass
class TaskItem:
    """A key task's progress: the task's name (the paragraph's lead) and its notes.

    One item may hold several tasks the plan split into parts of one piece of work.
    """

    task_ids: list[int]
    title: str
    statuses: list[str]
    paragraph: Paragraph


@dataclass
class TaskSection:
    """A section of the plan (1.深入实施创新驱动发展战略…) with its tasks, in plan order."""

    number: int
    title: str
    items: list[TaskItem]


@dataclass(frozen=True)
class ReportOptions:
    """Choices the planner makes when drafting.

    - ``details``: add what the assessment knows beyond the reported figures (gap to the
      target, time progress) to each indicator line and task.
    - ``list_lagging``: open the problems with the indicators and tasks that lag, as the
      assessment judged them.
    - ``link_base``: prefix for source links, so HTML saved outside the web app still
      points at the server (e.g. ``https://planwatch.example.gov.cn``).
    """

    details: bool = False
    list_lagging: bool = True
    link_base: str = ""


@dataclass
class Report:
    """关于{region}{year}年{period}国民经济和社会发展计划执行情况的报告, ready to render; a
    year's report adds 与{year+1}年计划草案 and the next year's targets."""

    title: str
    region: str
    region_code: str
    year: int
    period: str
    period_phrase: str
    rest_phrase: str
    opening: list[Paragraph]
    indicators: list[IndicatorLine]
    task_sections: list[TaskSection]
    lagging: list[Paragraph]
    problems: list[Paragraph]
    next_steps: list[Paragraph]
    options: ReportOptions = field(default_factory=ReportOptions)
    # 重大项目建设: the ledger's paragraph, the last numbered part of section (二)
    projects: list[Paragraph] = field(default_factory=list)
    # an annual report's 二、{next year}年…计划草案: the next year's plan targets
    next_targets: list[Paragraph] = field(default_factory=list)
    # the figures the draft states, stored with each draft sent out (report/history.py)
    figures: list[DraftFigure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # the same warnings in Chinese, in the same order, for the web report page
    warnings_zh: list[str] = field(default_factory=list)

    def warn(self, notices: list[Notice]) -> None:
        self.warnings += [n.en for n in notices]
        self.warnings_zh += [n.zh for n in notices]

    @property
    def period_heading(self) -> str:
        """What 一、…计划执行情况 names: 上半年, 前三季度; a whole year by its number."""
        return f"{self.year}年" if self.period_phrase == "全年" else self.period_phrase

    @property
    def annual(self) -> bool:
        """A whole year's report: 执行情况与下年计划草案."""
        return self.period_phrase == "全年"

    @property
    def next_year(self) -> int:
        return self.year + 1

    @property
    def projects_number(self) -> int:
        """The major projects' number in section (二), after the plan's own sections."""
        return len(self.task_sections) + 1

    @property
    def has_placeholders(self) -> bool:
        parts = [*self.opening, *self.problems, *self.next_targets, *self.next_steps]
        return any(p.placeholder for p in parts)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: the web app's twin of the HTML page (dump with ensure_ascii=False)."""
        return asdict(self)
