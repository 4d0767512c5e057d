"""Named grammar rules: each says in its docstring what shape of report language it reads,
and carries example sentences with the fact it must give; tests run every example.

A rule is a plain function marked with ``@rule(Example(...), ...)``. The registry lets a
newcomer list them (``RULES``), read what each does, and see its examples pass or fail.
See docs/extraction.md for how to add one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

F = TypeVar("F", bound=Callable[..., object])


@dataclass(frozen=True)
class Example:
    """A sentence and the fact a rule makes of the number ``number`` in it."""

    sentence: str
    number: str
    measure: str
    value: float
    unit: str | None
    subject: str | None = None  # checked when given: the fact's subject must contain it


@dataclass(frozen=True)
class Rule:
    name: str
    doc: str
    examples: tuple[Example, ...]


RULES: dict[str, Rule] = {}


def rule(*examples: Example) -> Callable[[F], F]:
    """Register the decorated function as a rule named after it, with its examples."""

    def register(function: F) -> F:
        name = function.__name__.lstrip("_")
        RULES[name] = Rule(name, (function.__doc__ or "").strip(), examples)
        return function

    return register
