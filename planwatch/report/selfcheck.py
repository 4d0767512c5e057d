"""The draft checks itself: every number it states, read back, against the figure it names.

After the officer's edits a draft may say 535.69亿元 where the store holds 525.69. The
rendered draft (Markdown, the DOCX or PDF as written, the HTML preview) is read back by
planwatch's own extractor, as any published report would be; each number it reads is
compared with what the store and the assessment hold for the same indicator, measure
and period: a reported figure, a plan target, or a share or gap the assessment worked
out. The numbers the draft wrote itself — sections (一) and (二): indicators, tasks'
notes, counts, the major projects, an annual report's next-year targets — are found again
paragraph by paragraph and compared with the value each claims (``report/claims.py``),
and a task note's amount and share also with the progress entry they report.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from planwatch.assess import assess_region
from planwatch.assess.model import RegionAssessment
from planwatch.errors import Conflict, InvalidInput
from planwatch.extract import Fact, extract_text
from planwatch.extract.formats import docx_text, pdf_text
from planwatch.extract.html_page import html_text
from planwatch.extract.model import DocumentInfo
from planwatch.periods import Period
from planwatch.reads.figures import Figure, FigureBook
from planwatch.reads.plans import Progress, task_progress
from planwatch.reads.regions import stored_region
from planwatch.report.claims import NumberCheck, block_checks, drafted_blocks
from planwatch.report.model import Report
from planwatch.report.output import BINARY_FORMATS, render_text, write_report
from planwatch.report.render import render_html, render_markdown
from planwatch.report.typeset import typeset
from planwatch.units import convert
from planwatch.vocabulary.messages import Both, listing

Known = tuple[float, str | None]  # a value and its unit
_TARGET_MEASURES = {
    "growth_at_least": "target_growth",
    "value_at_least": "target_value",
    "value_at_most": "target_value",
    "reduction_at_least": "target_reduction",
}
# a rate may be stored as a share or as the indicator's value (失业率3.2%)
_STORED_AS = {"share": ("share", "value"), "value": ("value",), "yoy_growth": ("yoy_growth",)}


@dataclass(frozen=True)
class SelfCheck:
    """The draft's numbers: those that agree with the store, and those that do not."""

    source: str
    consistent: list[NumberCheck]
    mismatches: list[NumberCheck]
    unchecked: int

    @property
    def ok(self) -> bool:
        return not self.mismatches

    @property
    def summary(self) -> str:
        return f"本稿数字核对：{len(self.consistent)} 处一致，{len(self.mismatches)} 处不一致"

    @property
    def summary_en(self) -> str:
        return (
            f"Numbers checked: {len(self.consistent)} agree with the data, "
            f"{len(self.mismatches)} do not"
        )

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["summary"], data["summary_en"] = self.summary, self.summary_en
        data["mismatches"] = [{**asdict(m), "message": m.message} for m in self.mismatches]
        return data


def check_report(session: Session, report: Report, fmt: str = "md") -> SelfCheck:
    """``report`` rendered as ``fmt`` (md, html, docx, pdf), read back and checked."""
    return check_text(session, report, drafted_text(report, fmt), fmt)


def check_file(session: Session, report: Report, path: Path, fmt: str) -> SelfCheck:
    """A written draft read back from the file itself."""
    return check_text(session, report, _file_text(path, fmt), fmt)


def write_final(
    session: Session, report: Report, fmt: str, path: Path, *, docx_fonts: str = "official"
) -> SelfCheck:
    """Write the report to ``path`` only if every number it states agrees with the data.

    The file is written aside, read back and checked; with a mismatch open nothing is
    written and ``Conflict`` names each number and the figure it should state.
    """
    with tempfile.TemporaryDirectory(prefix="planwatch-final-") as folder:
        draft = write_report(report, fmt, Path(folder) / f"draft.{fmt}", docx_fonts=docx_fonts)
        checked = check_file(session, report, draft, fmt)
        refuse_mismatches(checked)
        try:
            shutil.copyfile(draft, path)
        except OSError as err:
            raise InvalidInput("report.cannot_write", path=path, strerror=err.strerror) from err
    return checked


def final_text(session: Session, report: Report, fmt: str) -> str:
    """The Markdown or HTML text, refused like ``write_final`` while a number disagrees."""
    text = render_text(report, fmt)
    shown = html_text(text).text if fmt == "html" else text
    refuse_mismatches(check_text(session, report, shown, fmt))
    return text


def refuse_mismatches(checked: SelfCheck) -> None:
    if checked.ok:
        return
    listed = listing((m.said for m in checked.mismatches), "; ", "；")
    summary = Both(checked.summary_en, checked.summary)
    raise Conflict("report.selfcheck.not_final", summary=summary, listed=listed)


def _file_text(path: Path, fmt: str) -> str:
    if fmt in BINARY_FORMATS:
        return docx_text(path) if fmt == "docx" else pdf_text(path)
    text = path.read_text(encoding="utf-8")
    return html_text(text).text if fmt == "html" else text


def drafted_text(report: Report, fmt: str) -> str:
    """What a reader of the ``fmt`` draft sees, as text."""
    if fmt == "md":
        return render_markdown(report)
    if fmt == "html":
        return html_text(render_html(report)).text
    with tempfile.TemporaryDirectory(prefix="planwatch-check-") as folder:
        path = write_report(report, fmt, Path(folder) / f"draft.{fmt}", docx_fonts="noto")
        return _file_text(path, fmt)


def check_text(session: Session, report: Report, text: str, source: str) -> SelfCheck:
    assessed = assess_region(session, report.region_code, report.period)
    region = stored_region(session, report.region_code)
    book = FigureBook(session, region, (report.year, report.year - 1))
    known = _Known(assessed, book.figures())
    info = DocumentInfo(region=report.region, year=report.year, period=report.period)
    facts = extract_text(text, info).facts
    # the drafted paragraphs' numbers against their pieces, by where they stand
    drafted = block_checks(text, drafted_blocks(report))
    checks = {c.position: c for c in drafted if c.position >= 0}
    missing = [c for c in drafted if c.position < 0]
    # a progress note's numbers also against the entry's value and share
    notes = _note_checks(text, facts, _notes(session, assessed))
    for note in notes.values():
        drafted_check = checks.get(note.position)
        if drafted_check is None or drafted_check.consistent:
            checks[note.position] = note
    read = 0
    for index, fact in enumerate(facts):
        at = fact.number_span[0] if fact.number_span else -1
        if index in notes or at in checks:
            read += 1
            continue
        found = _checked(fact, text, fact.indicator, known.of(fact) if fact.indicator else [])
        if found is not None:
            checks[at], read = found, read + 1
    ordered = [checks[at] for at in sorted(checks) if at >= 0] + missing
    return SelfCheck(
        source,
        [c for c in ordered if c.consistent],
        [c for c in ordered if not c.consistent],
        len(facts) - read,
    )


def _notes(session: Session, assessed: RegionAssessment) -> list[tuple[str, Progress]]:
    """Each task's progress entries of the period, with the task's title."""
    titles = {t.task_id: t.title for t in assessed.tasks}
    notes = task_progress(session, list(titles), Period.parse(assessed.period))
    return [(titles[task_id], row) for task_id, rows in notes.items() for row in rows]


def _note_checks(
    text: str, facts: list[Fact], notes: list[tuple[str, Progress]]
) -> dict[int, NumberCheck]:
    """A progress note's value and share, against the numbers read back from the note.

    The entry's value (32万平方米) must be one of the note's amounts in its unit, and its
    share (占全年目标的51.8%) one of the note's shares; a note with none that agrees is a
    mismatch on its first. The note's other numbers have nothing stored to compare with.
    """
    checks: dict[int, NumberCheck] = {}
    for title, note in notes:
        words = typeset(note.note.strip()).rstrip("。")
        start = text.find(words) if words else -1
        if start < 0:
            continue  # the note is not in this draft as written
        inside = [
            i
            for i, f in enumerate(facts)
            if f.number_span and start <= f.number_span[0] < start + len(words)
        ]
        for measures, known in (
            (("value",), (note.value, note.unit)),
            (("completion", "share"), (note.completion, "%")),
        ):
            stating = [i for i in inside if i not in checks and _states(facts[i], measures, known)]
            if not stating or known[0] is None:
                continue
            found = [_checked(facts[i], text, title, [(known[0], known[1])]) for i in stating]
            agreeing = [(i, c) for i, c in zip(stating, found, strict=True) if c and c.consistent]
            index, check = agreeing[0] if agreeing else (stating[0], found[0])
            if check is not None:
                checks[index] = check
    return checks


def _states(fact: Fact, measures: tuple[str, ...], known: tuple[float | None, str | None]) -> bool:
    return fact.measure in measures and (measures != ("value",) or fact.unit == known[1])


class _Known:
    """What the draft's numbers may be compared with, by (indicator, measure, span)."""

    def __init__(self, assessed: RegionAssessment, figures: Iterable[Figure]) -> None:
        self._values: dict[tuple[str, str, tuple[int, int] | None], list[Known]] = {}
        for figure in figures:
            span = Period.parse(figure.period)
            self._add(figure.indicator, figure.measure, (span.year, span.months), figure)
        for a in assessed.assessments:
            if a.target_value is not None and a.kind in _TARGET_MEASURES:
                self._put(
                    a.indicator, _TARGET_MEASURES[a.kind], None, (a.target_value, a.target_unit)
                )
            span = Period.parse(a.period)
            if a.completion is not None:
                self._put(a.indicator, "completion", (span.year, span.months), (a.completion, "%"))
            if a.gap is not None:
                self._put(
                    a.indicator, "pp_change", (span.year, span.months), (abs(a.gap), "个百分点")
                )

    def _add(self, indicator: str, measure: str, span: tuple[int, int], figure: Figure) -> None:
        self._put(indicator, measure, span, (figure.value, figure.unit))

    def _put(
        self, indicator: str, measure: str, span: tuple[int, int] | None, known: Known
    ) -> None:
        self._values.setdefault((indicator, measure, span), []).append(known)

    def of(self, fact: Fact) -> list[Known]:
        """The values ``fact`` (of a known indicator) may state."""
        assert fact.indicator is not None
        if fact.measure.startswith("target_"):
            return self._values.get((fact.indicator, fact.measure, None), [])
        span = _span(fact.period)
        found: list[Known] = []
        for measure in _STORED_AS.get(fact.measure, (fact.measure,)):
            found += self._values.get((fact.indicator, measure, span), [])
        return found


def _span(code: str | None) -> tuple[int, int] | None:
    try:
        period = Period.parse(code) if code else None
    except InvalidInput:
        return None
    return (period.year, period.months) if period else None


def _checked(
    fact: Fact, text: str, subject: str | None, candidates: list[Known]
) -> NumberCheck | None:
    """``fact`` against the values it may state; None when there is nothing to compare."""
    if fact.value is None or subject is None or fact.number_span is None or not candidates:
        return None
    start, end = fact.number_span
    printed = text[start:end]
    places = len(printed.partition(".")[2]) if "." in printed else 0
    agreeing = [c for c in candidates if _agrees(fact, c, places)]
    expected = (agreeing or candidates)[0]
    return NumberCheck(
        printed=printed,
        value=fact.value,
        unit=fact.unit,
        indicator=subject,
        measure=fact.measure,
        period=fact.period,
        expected=expected[0],
        expected_unit=expected[1],
        consistent=bool(agreeing),
        context=text[max(0, start - 20) : end + 8].replace("\n", " "),
        position=start,
    )


def _agrees(fact: Fact, known: Known, places: int) -> bool:
    """Equal at the precision printed, in the fact's unit (a gap either side of zero)."""
    assert fact.value is not None
    try:
        value = convert(known[0], known[1], fact.unit) if known[1] and fact.unit else known[0]
    except InvalidInput:
        return False
    tolerance = 0.5 * 10**-places + 1e-9
    return any(abs(round(v, places) - fact.value) < tolerance for v in (value, -value))
