"""What a database holds, as one dict (for `planwatch show`) and as text."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planwatch.store.models import Document, Fact, Observation, Plan, Region
from planwatch.vocabulary import word


def database_summary(session: Session) -> dict[str, Any]:
    return {
        "regions": [
            {"code": r.code, "name": r.name, "level": r.level}
            for r in session.scalars(select(Region).order_by(Region.code))
        ],
        "plans": [_plan(p) for p in session.scalars(select(Plan).order_by(Plan.year))],
        "observations": [
            _observation(o)
            for o in session.scalars(
                select(Observation).order_by(
                    Observation.region_id, Observation.period, Observation.id
                )
            )
        ],
        "documents": [
            {
                "id": d.id,
                "title": d.title,
                "filename": d.filename,
                "facts": session.scalar(
                    select(func.count(Fact.id)).where(Fact.document_id == d.id)
                ),
            }
            for d in session.scalars(select(Document).order_by(Document.id))
        ],
    }


def _plan(plan: Plan) -> dict[str, Any]:
    return {
        "region": plan.region.name,
        "code": plan.region.code,
        "year": plan.year,
        "targets": [
            {
                "indicator": t.indicator.name,
                "kind": t.kind,
                "value": t.value,
                "unit": t.unit,
                "other": t.other_indicator.name if t.other_indicator else None,
            }
            for t in plan.targets
        ],
        "tasks": len(plan.tasks),
        "projects": len(plan.projects),
    }


def _observation(o: Observation) -> dict[str, Any]:
    return {
        "region": o.region.name,
        "indicator": o.indicator.name,
        "period": o.period,
        "measure": o.measure,
        "value": o.value,
        "unit": o.unit,
        "basis": o.basis,
        "status": o.status,
        "version": o.version,
    }


def render_summary(summary: dict[str, Any]) -> str:
    lines = [f"regions: {len(summary['regions'])}"]
    for plan in summary["plans"]:
        lines.append(f"\n{plan['region']} ({plan['code']}) {plan['year']} 年计划目标:")
        for t in plan["targets"]:
            amount = t["other"] if t["kind"] == "relation" else f"{t['value']:g}{t['unit'] or ''}"
            lines.append(
                f"  {t['indicator']} {word('target_kinds', t['kind']).forms['verb']} {amount}"
            )
        lines.append(f"  tasks: {plan['tasks']}, projects: {plan['projects']}")
    if summary["observations"]:
        lines.append("\nobservations:")
    for o in summary["observations"]:
        basis = " (同口径)" if o["basis"] == "comparable" else ""
        lines.append(
            f"  {o['region']} {o['period']} {o['indicator']} {o['measure']} "
            f"{o['value']:g}{o['unit'] or ''}{basis} [{o['status']} v{o['version']}]"
        )
    lines.append(f"\ndocuments: {len(summary['documents'])}")
    return "\n".join(lines)
