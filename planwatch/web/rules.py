"""The validation rules in force (``planwatch/data/rules.yaml`` with the planners' numbers
over it); a planner changes a rule's severity and thresholds here, audited; others 403."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel

from planwatch import links
from planwatch.records.checks import RULES_FILE, load_rules
from planwatch.records.rule_edits import numbers_of, set_rule, stored_rules
from planwatch.records.users import Account
from planwatch.web.auth import Viewer, allowed, app_store
from planwatch.web.render import respond, twin

router = APIRouter()
Editor = Annotated[Account, Depends(allowed("edit_rules"))]


class RuleRow(BaseModel):
    name: str
    severity: str
    zh: str
    en: str
    settings: dict[str, Any]
    editable: dict[str, float]  # the numbers a planner may change
    changed: bool  # the planners' setting differs from the shipped file's
    action: str  # where the rule's form posts


class RulesPage(BaseModel):
    file: str
    may_edit: bool
    rules: list[RuleRow]


def rules_page(request: Request, user: Viewer) -> Response:
    """Each rule a figure is checked against: error (refused) or warning (needs a comment)."""
    with app_store(request).reading() as session:
        in_force = stored_rules(session)
    shipped = load_rules()
    rules = [
        RuleRow(
            name=name,
            severity=r.severity,
            zh=r.zh,
            en=r.en,
            settings=r.model_extra or {},
            editable=numbers_of(r),
            changed=r != shipped[name],
            action=links.rules(name),
        )
        for name, r in in_force.items()
    ]
    page = RulesPage(
        file=f"planwatch/data/{RULES_FILE.name}", may_edit=user.may("edit_rules"), rules=rules
    )
    return respond(request, "rules.html", page.model_dump())


async def edit_rule(request: Request, rule: str, user: Editor) -> Response:
    """Store a rule's severity and thresholds from the rules page's form."""
    form = await request.form()
    fields = {key: str(value) for key, value in form.items() if isinstance(value, str)}
    with app_store(request).transaction(actor=user.name) as session:
        set_rule(session, user, rule, fields)
    return RedirectResponse(f"{links.rules()}#rule-{rule}", status_code=303)


twin(
    router,
    "/rules",
    rules_page,
    summary="The validation rules figures are checked against",
    response_model=RulesPage,
)
router.add_api_route("/rules/{rule}", edit_rule, methods=["POST"], include_in_schema=False)
