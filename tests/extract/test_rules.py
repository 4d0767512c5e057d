"""Every named rule's example sentences give the facts its docstring promises."""

from __future__ import annotations

import pytest

from planwatch.extract import extract_text
from planwatch.extract.rules import RULES, Example

# importing the extractor registers every rule
CASES = [(name, example) for name, rule in sorted(RULES.items()) for example in rule.examples]


def test_every_rule_has_a_docstring_and_examples() -> None:
    assert RULES, "no rules registered"
    for name, rule in RULES.items():
        assert rule.doc, f"rule {name} has no docstring"
        assert rule.examples, f"rule {name} has no examples"


@pytest.mark.parametrize(
    ("name", "example"), CASES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(CASES)]
)
def test_rule_examples(name: str, example: Example) -> None:
    facts = extract_text(example.sentence).facts
    read = {
        example.sentence[f.number_span[0] : f.number_span[1]]: f for f in facts if f.number_span
    }
    assert example.number in read, (name, [f.as_dict() for f in facts])
    fact = read[example.number]
    assert (fact.measure, fact.value, fact.unit) == pytest.approx(
        (example.measure, example.value, example.unit)
    ), (name, fact.as_dict())
    if example.subject is not None:
        assert fact.subject is not None and example.subject in fact.subject, (name, fact.subject)
