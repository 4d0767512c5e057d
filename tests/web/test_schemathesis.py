"""schemathesis against the OpenAPI schema, bounded: as a planner with an API token and as
an anonymous visitor, no answer is a 5xx and every answer fits the schema it declares.

Each operation's cases are drawn with hypothesis directly (schemathesis's pytest plugin
does not run on this pytest)."""

from __future__ import annotations

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from schemathesis import Case
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from planwatch.records.tokens import add_token

EXAMPLES = 5  # per operation and visitor: the whole API in about a minute
CHECKS = [not_a_server_error, response_schema_conformance]


def _exercise(app: FastAPI, headers: dict[str, str]) -> list[str]:
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    failures: list[str] = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def run(case: Case) -> None:
            case.call_and_validate(headers=headers, checks=CHECKS)

        try:
            run()
        except Exception as err:  # noqa: BLE001 - every operation's finding is collected
            failures.append(f"{operation.label}: {str(err)[:600]}")
    return failures


@pytest.mark.parametrize("visitor", ["planner", "anonymous"])
def test_the_api_answers_within_its_schema(app: FastAPI, visitor: str) -> None:
    headers = {}
    if visitor == "planner":
        with app.state.store.transaction(actor="test") as session:
            headers["Authorization"] = f"Bearer {add_token(session, 'planner', 'fuzz')[1]}"
    failures = _exercise(app, headers)
    assert not failures, "\n\n".join(failures)
