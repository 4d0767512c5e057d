"""The value of one numeral token, read right or not at all.

A numeral may be Arabic (`525.69`, `１，９９２`), Chinese (`一千三百八十七亿四千万`,
`七十八万五佰零六`, `壹佰伍拾`), or both at once (`5万4千6百`, `3万4000`, `2千零30`).
``numeral`` reads every shape by one small grammar of sections: digits times 十/百/千
inside a section, 万/亿 closing it, 零 marking a skipped place, a trailing digit after a
scale meaning the next lower place (`一万三` is 13000). A pure Chinese numeral is read
a second time by cn2an (called on the token only, never on running text); where the
two readings differ, the token has no value: a misread number is worse than a missed one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import cn2an

from planwatch.vocabulary.lexicon import CHINESE_DIGITS, CHINESE_SCALES

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_PIECE = re.compile(r"[0-9]+(?:\.[0-9]+)?|.")
_LARGE = 10_000
_APPROX_DIGIT = "几"  # 十几万: some tens of thousands


@dataclass(frozen=True, slots=True)
class Numeral:
    """A numeral's value; ``approx`` when a digit is left open (十几万, 一百零几万)."""

    value: float
    approx: bool = False


@lru_cache(maxsize=8192)
def numeral(token: str) -> Numeral | None:
    """The value of a numeral token; None when it does not read as exactly one number."""
    plain = token.translate(_FULL_WIDTH).replace(",", "").replace(" ", "").replace("\n", "")
    sign = 1.0
    if plain.startswith(("负", "-", "－", "−")):
        sign, plain = -1.0, plain[1:]
    try:
        return Numeral(sign * float(plain))
    except ValueError:
        pass
    whole, point, decimals = plain.partition("点")
    fraction = _decimals(decimals) if point else 0.0
    # 万万 alone says "by no means"; 四万万 is four hundred million
    read = _integer(whole) if whole and not whole.startswith("万万") else None
    if whole in ("零", "〇"):
        read = (0.0, False)  # 零点五
    if read is None or fraction is None:
        return None
    value, approx = read
    if not approx and not _cn2an_agrees(whole, value):
        return None
    return Numeral(sign * (value + fraction), approx)


def fraction_percent(denominator: str, numerator: str) -> float | None:
    """`三分之一` as a percentage (33.33…); None unless both parts read exactly."""
    below, above = numeral(denominator), numeral(numerator)
    if below is None or above is None or below.approx or above.approx or not below.value:
        return None
    return above.value / below.value * 100


def _decimals(digits: str) -> float | None:
    if not digits or any(d not in CHINESE_DIGITS and not d.isdigit() for d in digits):
        return None
    return float("0." + "".join(str(CHINESE_DIGITS.get(d, d)) for d in digits))


def _cn2an_agrees(whole: str, value: float) -> bool:
    """cn2an's reading of a pure Chinese numeral, where it has one, must be ours."""
    if any(ch.isdigit() for ch in whole) or whole[0] in "百佰千仟万亿" or "万万" in whole:
        return True  # shapes cn2an does not take (5万4千, 千三, 四万万): ours alone
    try:
        theirs = float(cn2an.cn2an(whole, "normal"))
    except (ValueError, KeyError, IndexError, TypeError):
        return True  # cn2an has no reading of this shape (一百零十万)
    return abs(theirs - value) <= 1e-9 * max(1.0, abs(value))


@dataclass(slots=True)
class _Sections:
    """The running state of ``_integer``: closed sections and the open one."""

    closed: list[tuple[float, int]]  # (value, the 万/亿 scale that closed it)
    section: float = 0.0
    digit: float | None = None
    digit_text: str = ""
    place: int = 0  # the last scale read, 0 before any
    small: int = 0  # the last 十/百/千 of the open section, 0 when none
    zero: bool = False
    approx: bool = False


def _integer(text: str) -> tuple[float, bool] | None:
    state = _Sections(closed=[])
    for piece in _PIECE.findall(text):
        if not _step(state, piece):
            return None
    if state.digit is not None:
        tail = _tail(state)
        if tail is None:
            return None
        state.section += tail
    return sum(value for value, _ in state.closed) + state.section, state.approx


def _step(state: _Sections, piece: str) -> bool:
    """Read one piece (a digit, an Arabic run, 零, 几 or a scale); False if out of place."""
    if piece in ("零", "〇", "○"):
        state.zero = state.digit is None and state.place > 0
        return state.zero
    if piece == _APPROX_DIGIT:
        if state.digit is not None or not (state.zero or 0 < state.place):
            return False
        state.digit, state.digit_text, state.approx = 0.0, piece, True
        return True
    if piece in CHINESE_SCALES:
        scale = CHINESE_SCALES[piece]
        return _small(state, scale) if scale < _LARGE else _large(state, scale)
    digit = CHINESE_DIGITS.get(piece)
    if digit is None and not piece[0].isdigit():
        return False
    if state.digit is not None:
        return False  # 一九五八 is a year, 3四 nothing
    state.digit = float(piece) if digit is None else float(digit)
    state.digit_text = piece
    return True


def _small(state: _Sections, scale: int) -> bool:
    digit = 1.0 if state.digit is None else state.digit
    arabic = state.digit_text[:1].isdigit()
    if arabic and (digit >= 10 or digit != int(digit)):
        return False  # 12百, 2.5千 inside a numeral: no reading
    if state.small and scale >= state.small:
        return False  # 三百四百: places only fall within a section
    state.section += digit * scale
    state.small, state.place, state.digit, state.zero = scale, scale, None, False
    state.digit_text = ""
    return True


def _large(state: _Sections, scale: int) -> bool:
    if state.digit is not None:
        state.section += state.digit
    current = state.section
    if not current and state.digit is None:
        if state.closed and state.place >= _LARGE and not state.zero:
            value, closed_by = state.closed.pop()  # 四万万, 二十一万亿: the section scaled again
            state.closed.append((value * scale, closed_by * scale))
            return _closed(state, scale)
        if state.closed or state.place:
            return False
        current = 1.0  # 万 alone: 近万人
    while state.closed and state.closed[-1][1] < scale:
        current += state.closed.pop()[0]  # 四千五百六十九万八千三百一十一亿
    if state.closed and state.closed[-1][1] == scale:
        return False  # 五万三万
    state.closed.append((current * scale, scale))
    return _closed(state, scale)


def _closed(state: _Sections, scale: int) -> bool:
    state.section, state.digit, state.digit_text = 0.0, None, ""
    state.small, state.place, state.zero = 0, scale, False
    return True


def _tail(state: _Sections) -> float | None:
    """The digits after the last scale: 一万三 is 13000, 一万零三 10003, 3万4000 34000."""
    digit, text = state.digit or 0.0, state.digit_text
    if not state.place or state.zero:
        return digit
    if not text[:1].isdigit():
        return digit * state.place / 10  # 一万三, 九百九, 十五
    # an Arabic run after a scale must fill the places below it exactly (3万4000)
    if "." in text or len(text) != len(str(state.place)) - 1:
        return None
    return digit
