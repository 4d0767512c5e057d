"""The validation rules as the administrator set them (``planwatch/data/rules.yaml``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pydantic import BaseModel

from planwatch.records.checks import RULES_FILE, load_rules
from planwatch.web.auth import Viewer
from planwatch.web.render import respond, twin

router = APIRouter()


class RuleRow(BaseModel):
    name: str
    severity: str
    zh: str
    en: str
    settings: dict[str, Any]


class RulesPage(BaseModel):
    file: str
    rules: list[RuleRow]


def rules_page(request: Request, user: Viewer) -> Response:
    """Each rule a figure is checked against: error (refused) or warning (needs a comment)."""
    rules = [
        RuleRow(name=name, severity=r.severity, zh=r.zh, en=r.en, settings=r.model_extra or {})
        for name, r in load_rules().items()
    ]
    page = RulesPage(file=f"planwatch/data/{RULES_FILE.name}", rules=rules)
    return respond(request, "rules.html", page.model_dump())


twin(
    router,
    "/rules",
    rules_page,
    summary="The validation rules figures are checked against",
    response_model=RulesPage,
)
