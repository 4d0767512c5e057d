"""Numbers at the door: finite, and within a bound no plan figure comes near.

``inf``, ``nan`` and ``1e400`` (which parses as ``inf``) are refused where they enter,
because a non-finite figure is judged ``on_track`` and cannot be written as JSON. The
bound keeps products of two figures finite too.
"""

from __future__ import annotations

import math
from typing import Annotated

from pydantic import Field

from planwatch.errors import InvalidInput
from planwatch.vocabulary.messages import field_name

# A trillion times larger than any 亿元 figure: only a typo or an attack reaches it.
LIMIT = 1e15

Number = Annotated[float, Field(allow_inf_nan=False, ge=-LIMIT, le=LIMIT)]


def finite(value: float, what: str) -> float:
    """``value`` if it is finite and within the bound, else a message naming ``what``."""
    if not math.isfinite(value) or abs(value) > LIMIT:
        raise InvalidInput(
            "records.numbers.finite", what=field_name(what), value=value, limit=f"{LIMIT:.0e}"
        )
    return value


def parse_number(raw: object, what: str) -> float:
    """A number typed by a person (``'525.69'``), refused with a message if it is not one."""
    try:
        value = float(raw)  # type: ignore[arg-type]  # a str, int or float; others fail below
    except (TypeError, ValueError, OverflowError) as err:
        raise InvalidInput("records.numbers.not_a_number", what=field_name(what), raw=raw) from err
    return finite(value, what)
