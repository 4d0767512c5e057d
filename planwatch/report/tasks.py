"""(二)主要任务完成情况: key tasks' progress notes under the plan's numbered sections."""

from __future__ import annotations

import re

from sqlalchemy.orm import Session

from planwatch.assess.model import Part, RegionAssessment, TaskAssessment
from planwatch.assess.sentences import figure_text, period_phrase
from planwatch.extract.numbers import scan
from planwatch.periods import Period
from planwatch.reads.plans import Progress, task_progress
from planwatch.report.model import (
    Notice,
    Paragraph,
    Piece,
    ReportOptions,
    Source,
    TaskItem,
    TaskSection,
)
from planwatch.report.sources import SourceBook

# the heading for tasks the plan files under no section
UNSECTIONED = "其他重点工作"
MISSING_PROGRESS = "【待填写：本期进展】"
_BRACKETED_PART = re.compile(r"[(（][^()（）]*[)）]$")


def task_sections(
    session: Session, assessed: RegionAssessment, sources: SourceBook, options: ReportOptions
) -> tuple[list[TaskSection], list[Notice]]:
    """Sections in plan order, each task with its notes; warnings name tasks with none."""
    notes = task_progress(
        session, [t.task_id for t in assessed.tasks], Period.parse(assessed.period)
    )
    sections: list[TaskSection] = []
    warnings: list[Notice] = []
    for task in assessed.tasks:
        title = task.section or UNSECTIONED
        if not sections or sections[-1].title != title:
            sections.append(TaskSection(number=len(sections) + 1, title=title, items=[]))
        rows = notes.get(task.task_id, [])
        if not rows:
            warnings.append(
                Notice(
                    f"task '{task.title}' has no progress for {assessed.period}: "
                    f"the draft shows {MISSING_PROGRESS}",
                    f"重点任务“{task.title}”{assessed.period_phrase}暂无进展情况，"
                    f"稿中显示{MISSING_PROGRESS}",
                )
            )
        _add_item(sections[-1], task, _paragraph(task, rows, sources, options))
    if not sections:
        warnings.append(
            Notice(
                f"the {assessed.year} plan of {assessed.region} has no key tasks: the draft "
                "shows 【待填写：主要任务完成情况】; add tasks to the plan file and load it again",
                f"{assessed.region}{assessed.year}年计划未列重点任务，稿中显示"
                "【待填写：主要任务完成情况】；请在计划文件中补充后重新导入",
            )
        )
    return sections, warnings


def _add_item(section: TaskSection, task: TaskAssessment, paragraph: Paragraph) -> None:
    """Tasks the plan split by a bracketed part (推进保障性住房建设(新开工)/(分配入住)) share
    one paragraph under their common name, as the office writes them."""
    name = lead_name(task.title)
    last = section.items[-1] if section.items else None
    if last is not None and last.title == name:
        last.task_ids.append(task.task_id)
        last.paragraph.pieces += paragraph.pieces
        last.paragraph.placeholder = last.paragraph.placeholder or paragraph.placeholder
        last.statuses.append(task.status)
        return
    section.items.append(TaskItem([task.task_id], name, [task.status], paragraph))


def lead_name(title: str) -> str:
    return _BRACKETED_PART.sub("", title).strip() or title


def _paragraph(
    task: TaskAssessment, rows: list[Progress], sources: SourceBook, options: ReportOptions
) -> Paragraph:
    pieces: list[Piece] = []
    if not rows:
        pieces.append(Piece(MISSING_PROGRESS))
        return Paragraph(pieces, placeholder=True)
    for row in rows:
        source = sources.task_progress(task.task_id, row.id)
        pieces += note_pieces(_sentence(row.note), source) if row.note.strip() else []
        pieces += _unstated(row, source, task.period)
    if options.details and task.gap_parts:
        # a share the note reports is stated already: only the time progress is added
        share = [] if task.completion_source == "reported" else [*task.share_parts, Part(",")]
        pieces += [Piece("("), *sources.pieces([*share, *task.gap_parts]), Piece(")")]
    return Paragraph(pieces)


def _unstated(row: Progress, source: Source, period: str) -> list[Piece]:
    """What the entry reports and its note does not say, in the report's words:
    上半年完成37.9亿元,占全年目标的73%."""
    amounts = scan(row.note)
    said_value = row.value is None or any(
        abs(t.value - row.value) < 1e-9 and t.unit == row.unit for t in amounts
    )
    said_share = row.completion is None or any(
        t.unit == "%" and abs(t.value - row.completion) < 1e-9 for t in amounts
    )
    pieces: list[Piece] = []
    if not said_value:
        assert row.value is not None
        pieces += [
            Piece(f"{period_phrase(Period.parse(period))}完成"),
            Piece(figure_text(row.value, row.unit), source, row.value),
            Piece(row.unit or ""),
        ]
    if not said_share:
        assert row.completion is not None
        pieces += [
            Piece(",占全年目标的" if pieces else "完成全年目标的"),
            Piece(figure_text(row.completion, "%"), source, row.completion),
            Piece("%"),
        ]
    return [*pieces, Piece("。")] if pieces else []


def note_pieces(note: str, source: Source) -> list[Piece]:
    """A department's note with each amount in it linked to the note's entry.

    The note is the department's own text, not one the report printed, so its amounts
    are found the way every document's are: by the extractor's number scanner.
    """
    pieces: list[Piece] = []
    position = 0
    for token in scan(note):
        if token.start > position:
            pieces.append(Piece(note[position : token.start]))
        pieces.append(Piece(note[token.start : token.end], source, token.value))
        position = token.end
    return [*pieces, Piece(note[position:])] if position < len(note) else pieces


def _sentence(note: str) -> str:
    text = note.strip()
    return text if text.endswith(("。", "!", "?", ";")) else f"{text}。"
