"""Where each number of a report comes from, as links the web app serves.

A target or figure accepted from a document links to the span its number was read from
(``/documents/{id}#span-{start}-{end}``); one entered by a department links to that
submission (``/observations/{id}``); a target loaded from a plan file links to the plan,
a task's progress note to the task, and a number the assessment computed (a gap, the
time progress) to the assessment of that target on the region's page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from sqlalchemy.orm import Session

from planwatch import links
from planwatch.reads.sources import DocumentSpan, observation_origins, target_origins
from planwatch.report.model import Piece, Source, SourceKind

# Arabic figures as reports print them: 525.69, 24012, 1.724 (a sign is written as a word)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


class SourceBook:
    """Sources of a region's targets and observations, read in two queries."""

    def __init__(self, session: Session, base: str = "") -> None:
        self._session = session
        self._base = base.rstrip("/")
        self._targets: dict[int, Source] = {}
        self._observations: dict[int, Source] = {}

    def load(self, target_ids: Iterable[int], observation_ids: Iterable[int]) -> None:
        for target_id, origin in target_origins(self._session, set(target_ids)).items():
            self._targets[target_id] = self._span_source(origin.span) or self._link(
                "plan", links.target(origin.plan_id, target_id), f"target:{target_id}"
            )
        for observation_id, span in observation_origins(
            self._session, set(observation_ids)
        ).items():
            self._observations[observation_id] = self._span_source(span) or self._link(
                "observation", links.observation(observation_id), f"observation:{observation_id}"
            )

    def target(self, target_id: int) -> Source | None:
        return self._targets.get(target_id)

    def observation(self, observation_id: int) -> Source | None:
        return self._observations.get(observation_id)

    def task_progress(self, task_id: int, progress_id: int) -> Source:
        return self._link(
            "task_progress",
            links.task_progress(task_id, progress_id),
            f"task_progress:{progress_id}",
        )

    def task(self, task_id: int) -> Source:
        return self._link("task_progress", links.task(task_id), f"task:{task_id}")

    def assessment(self, region_code: str, period: str, target_id: int) -> Source:
        return self._link(
            "assessment",
            links.assessment(region_code, period, target_id),
            f"assessment:{target_id}",
        )

    def _span_source(self, span: DocumentSpan | None) -> Source | None:
        if span is None:
            return None
        return self._link(
            "document",
            links.document_span(span.document_id, span.start, span.end),
            f"document:{span.document_id}:{span.start}-{span.end}",
        )

    def _link(self, kind: SourceKind, path: str, key: str) -> Source:
        return Source(kind, self._base + path, key)


def linked(
    text: str, candidates: Sequence[tuple[float, Source | None]], fallback: Source | None = None
) -> list[Piece]:
    """``text`` cut into pieces where each number found among ``candidates`` carries its source.

    Phrases print growth without its sign (同比下降5.9%) and round to the places shown, so
    a number matches a candidate of either sign at its printed precision; a number
    matching none takes ``fallback`` (a computed gap, say).
    """
    pieces: list[Piece] = []
    position = 0
    for match in _NUMBER.finditer(text):
        source = _source_of(match.group(), candidates, fallback)
        if source is None:
            continue
        if match.start() > position:
            pieces.append(Piece(text[position : match.start()]))
        pieces.append(Piece(match.group(), source))
        position = match.end()
    if position < len(text):
        pieces.append(Piece(text[position:]))
    return pieces


def _source_of(
    printed: str, candidates: Sequence[tuple[float, Source | None]], fallback: Source | None
) -> Source | None:
    places = len(printed.partition(".")[2])
    number = float(printed)
    for value, source in candidates:
        if source is not None and abs(round(abs(value), places) - number) < 1e-9:
            return source
    return fallback
