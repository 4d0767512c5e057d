"""Every number the draft itself wrote, found again in the rendered text and compared.

Sections (一) and (二) (and an annual report's next-year targets) are drafted from the
store: each number there is a piece that names its source and holds the value that
source has. The rendered document (Markdown, HTML as read, DOCX or PDF text) is searched
for each drafted paragraph with its words as written and its numbers left open; each
number found is compared with the value its piece claims, at the precision printed.
The paragraph's words (units, the subject, the period) must match as they are, so a
changed unit or subject is a paragraph not found: every number in it is a mismatch.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from planwatch.extract.numbers import scan
from planwatch.report.model import Paragraph, Piece, Report
from planwatch.report.typeset import typeset
from planwatch.vocabulary.messages import Both, phrase

_NUMBER = r"(-?\d[\d,]*(?:\.\d+)?)"
_ARABIC = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
_SPACE = r"\s*"


@dataclass(frozen=True)
class NumberCheck:
    """One number of the draft read back: what it says and what the store holds."""

    printed: str
    value: float
    unit: str | None
    indicator: str
    measure: str
    period: str | None
    expected: float | None
    expected_unit: str | None
    consistent: bool
    context: str
    # where the number starts in the text read back (-1: the paragraph was not found)
    position: int = -1

    @property
    def message(self) -> str:
        held = f"{self.expected:g}{self.expected_unit or ''}" if self.expected is not None else "?"
        printed = f"{self.printed}{self.unit or ''}" if self.printed else "（未见）"
        return f"{self.indicator}：稿中为{printed}，数据为{held}"

    @property
    def said(self) -> Both:
        """The mismatch in either language, for the refusal of a final draft."""
        held = f"{self.expected:g}{self.expected_unit or ''}" if self.expected is not None else "?"
        shown = f"{self.printed}{self.unit or ''}" if self.printed else "?"
        return phrase(
            "report.selfcheck.mismatch", indicator=self.indicator, printed=shown, held=held
        )


@dataclass(frozen=True)
class Block:
    """A drafted paragraph: what it is about, its period and its pieces as drafted."""

    subject: str
    period: str
    pieces: list[Piece]


def drafted_blocks(report: Report) -> list[Block]:
    """The paragraphs drafted from data, in the order the document prints them."""
    blocks = [
        Block(line.indicator, report.period, line.paragraph.pieces) for line in report.indicators
    ]
    for section in report.task_sections:
        blocks += [Block(i.title, report.period, i.paragraph.pieces) for i in section.items]
    blocks += [Block("重大项目", report.period, p.pieces) for p in report.projects]
    blocks += _blocks(f"{report.next_year}年计划", str(report.next_year), report.next_targets)
    return blocks


def _blocks(subject: str, period: str, paragraphs: list[Paragraph]) -> list[Block]:
    return [Block(subject, period, p.pieces) for p in paragraphs if not p.placeholder]


def block_checks(text: str, blocks: list[Block]) -> list[NumberCheck]:
    """Each drafted number against its piece's value; blocks searched in order."""
    checks: list[NumberCheck] = []
    cursor = 0
    for block in blocks:
        claims = [p for p in block.pieces if _claims(p)]
        if not claims:
            continue
        match = _pattern(block.pieces).search(text, cursor)
        if match is None:
            checks += [_missing(block, piece) for piece in claims]
            continue
        cursor = match.end()
        for group, piece in enumerate(claims, start=1):
            checks.append(_compared(text, match, group, block, piece))
    return checks


def _claims(piece: Piece) -> bool:
    """A piece that states a number as digits (the others are matched as words)."""
    return piece.value is not None and _ARABIC.fullmatch(piece.text) is not None


def _pattern(pieces: list[Piece]) -> re.Pattern[str]:
    """The paragraph's words as written, each claimed number open; any line break or
    space a format puts inside a paragraph (a PDF's wrapped lines) is allowed."""
    parts = []
    for piece in pieces:
        if _claims(piece):
            parts.append(_NUMBER)
        else:
            parts += [re.escape(char) for char in typeset(piece.text) if not char.isspace()]
    return re.compile(_SPACE.join(parts))


def _compared(
    text: str, match: re.Match[str], group: int, block: Block, piece: Piece
) -> NumberCheck:
    assert piece.value is not None
    printed, start = match.group(group), match.start(group)
    places = len(printed.partition(".")[2])
    value = float(printed.replace(",", ""))
    # a gap is printed without its sign, the words say which side (低于 / 超过)
    agrees = any(
        abs(round(held, places) - value) < 0.5 * 10**-places + 1e-9
        for held in (piece.value, -piece.value)
    )
    context = text[max(0, start - 20) : match.end(group) + 8].replace("\n", " ")
    return _check(block, piece, (printed, value, agrees), context, start)


def _missing(block: Block, piece: Piece) -> NumberCheck:
    """A number of a paragraph whose words are not in the text as drafted."""
    assert piece.value is not None
    context = "".join(p.text for p in block.pieces)[:60]
    return _check(block, piece, ("", piece.value, False), context, -1)


def _check(
    block: Block, piece: Piece, read: tuple[str, float, bool], context: str, position: int
) -> NumberCheck:
    printed, value, consistent = read
    unit = _unit_after(block.pieces, piece)
    return NumberCheck(
        printed=printed,
        value=value,
        unit=unit,
        indicator=block.subject,
        measure=piece.source.kind if piece.source else "number",
        period=block.period,
        expected=piece.value,
        expected_unit=unit,
        consistent=consistent,
        context=context,
        position=position,
    )


def _unit_after(pieces: list[Piece], piece: Piece) -> str | None:
    """The unit the paragraph prints after the number (亿元, %, 个), as the scanner reads it."""
    tokens = scan(piece.text + next(_after(pieces, piece), ""))
    return tokens[0].unit if tokens and tokens[0].start == 0 else None


def _after(pieces: list[Piece], piece: Piece) -> Iterator[str]:
    seen = False
    for one in pieces:
        if seen:
            yield one.text
            return
        seen = one is piece
