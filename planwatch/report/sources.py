"""Where each number of a report comes from, as links the web app serves.

A target or figure accepted from a document links to the span its number was read from
(``/documents/{id}#span-{start}-{end}``); one entered by a department links to that
submission (``/observations/{id}``); a target loaded from a plan file links to the plan,
a task's progress note to the task, and a number the assessment computed (a gap, the
time progress) to the assessment of that target on the region's page.

The assessment hands over its phrases as parts, each quantity naming its source
(``Ref``); ``pieces`` turns them into the report's pieces by looking the reference up
here, so no number is ever read back out of printed text.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from planwatch import links
from planwatch.assess.model import Part, Ref
from planwatch.reads.sources import DocumentSpan, observation_origins, target_origins
from planwatch.report.model import Piece, Source, SourceKind


class SourceBook:
    """Sources of a region's targets and observations, read in two queries."""

    def __init__(
        self, session: Session, base: str = "", region_code: str = "", period: str = ""
    ) -> None:
        self._session = session
        self._base = base.rstrip("/")
        # the region's page an assessment's computed numbers link to
        self._region_code, self._period = region_code, period
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

    def resolve(self, ref: Ref) -> Source | None:
        """The link of a quantity's source; None for a target or figure not loaded."""
        if ref.kind == "target":
            return self.target(ref.id)
        if ref.kind == "observation":
            return self.observation(ref.id)
        if ref.kind == "task":
            return self.task(ref.id)
        return self.assessment(self._region_code, self._period, ref.id)

    def pieces(self, parts: Iterable[Part]) -> list[Piece]:
        """Parts as pieces: each quantity carries its source's link."""
        return [
            Piece(part.text, self.resolve(part.source), part.value)
            if part.source
            else Piece(part.text)
            for part in parts
        ]

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
