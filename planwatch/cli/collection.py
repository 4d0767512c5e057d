"""Commands for collecting the figures: who is overdue, reminders, Excel templates."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from planwatch.cli.common import DbOption, clean_errors, print_json, store_for
from planwatch.cli.reminding import remind_all
from planwatch.config import ReminderSettings
from planwatch.errors import InvalidInput
from planwatch.periods import Period
from planwatch.reads.collection import (
    Completeness,
    completeness,
    reminder_text,
    reminders_due,
    template_rows,
)
from planwatch.reads.regions import stored_region
from planwatch.records.workbook import template_workbook
from planwatch.vocabulary import word

Region = Annotated[str, typer.Option(help="Region code, e.g. 420106.")]
PeriodCode = Annotated[str, typer.Option(help="Period code, e.g. 2017H1.")]
AsOf = Annotated[
    str | None, typer.Option("--as-of", help="Judge lateness on this day (YYYY-MM-DD).")
]
STATES = {"on_time": "按时", "late": "迟报", "missing": "逾期未报", "not_due": "未到期"}


def as_of_day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as err:
        raise InvalidInput("cli.collection.not_a_date", text=text) from err


def read_completeness(db: str | None, region: str, period: str, as_of: str | None) -> Completeness:
    with store_for(db).reading() as session:
        return completeness(
            session, stored_region(session, region), Period.parse(period), as_of_day(as_of)
        )


@clean_errors
def overdue(
    region: Region,
    period: PeriodCode,
    as_of: AsOf = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    db: DbOption = None,
) -> None:
    """Per department: reports expected for the period, in, late (by how long), overdue,
    and the on-time rate over the year so far."""
    found = read_completeness(db, region, period, as_of)
    if as_json:
        print_json(
            [
                {
                    "department": d.department,
                    "expected": d.expected,
                    "received": d.received,
                    "late": [(o.indicator, o.days_late) for o in d.late],
                    "missing": [o.indicator for o in d.missing],
                    "on_time_rate": d.on_time_rate,
                }
                for d in found.departments
            ]
        )
        return
    if not found.departments:
        raise InvalidInput(
            "cli.collection.no_reporting_calendar", region=found.region.name, year=found.period[:4]
        )
    typer.echo(f"{found.region.name} {found.period} · {found.as_of.isoformat()}")
    for d in found.departments:
        rate = "—" if d.on_time_rate is None else f"{d.on_time_rate:.0f}%"
        typer.echo(
            f"{d.department}\t应报 {d.expected}\t已报 {d.received}\t迟报 {len(d.late)}"
            f"\t全年按时率 {rate}"
        )
        for o in d.owed:
            if o.state == "on_time":
                continue
            days = (
                f" {o.days_late}天"
                if o.days_late
                else (f" 剩{o.days_left}天" if o.days_left is not None else "")
            )
            typer.echo(
                f"  {o.indicator}\t{word('frequencies', o.frequency).zh}\t{o.period}"
                f"\t截止 {o.due.isoformat()}\t{STATES[o.state]}{days}"
            )


@clean_errors
def remind(
    region: Region,
    period: PeriodCode,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the reminders only.")] = False,
    as_of: AsOf = None,
    soon: Annotated[int, typer.Option(help="Also remind of reports due within days.")] = 3,
    db: DbOption = None,
) -> None:
    """Remind each department that is late, or soon due, of exactly what is missing: by
    e-mail (PLANWATCH_SMTP_HOST …) and by its work-chat robot (its webhook, else
    PLANWATCH_WEBHOOK_URL). Every attempt is recorded; a failed channel is reported, the
    others are still tried, and the exit status is 1 if any failed."""
    if dry_run:
        found = read_completeness(db, region, period, as_of)
        due = reminders_due(found, soon)
        for department, owed in due.items():
            typer.echo(reminder_text(found.region.name, found.period, department, owed))
            typer.echo("")
        typer.echo(f"{len(due)} reminder(s), nothing sent (--dry-run)")
        return
    done = remind_all(
        store_for(db), ReminderSettings.from_env(), region, period, as_of_day(as_of), soon
    )
    failed = 0
    for reminded in done:
        if not reminded.deliveries:
            typer.echo(
                f"{reminded.department}: 没有邮箱或机器人地址，未发送 / no address, not sent "
                "(planwatch departments contact)"
            )
        for d in reminded.deliveries:
            failed += d.outcome == "failed"
            said = "已发送 sent" if d.outcome == "sent" else f"失败 failed: {d.error}"
            typer.echo(f"{reminded.department}\t{d.channel}\t{d.address}\t{said}")
    sent = sum(d.outcome == "sent" for r in done for d in r.deliveries)
    typer.echo(f"{len(done)} reminder(s): {sent} sent, {failed} failed")
    if failed:
        raise typer.Exit(1)


excel_app = typer.Typer(help="Excel templates for departments to fill in and upload.")


@excel_app.command("template")
@clean_errors
def excel_template(
    region: Region,
    period: PeriodCode,
    department: Annotated[str, typer.Option(help="Department, e.g. 区发改委.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The .xlsx file to write.")],
    db: DbOption = None,
) -> None:
    """Write a department's template of the period: its items in plan order, unit locked,
    last year's same-period figure and the annual target for reference."""
    when = Period.parse(period)
    with store_for(db).reading() as session:
        where = stored_region(session, region)
        rows = template_rows(session, where, department, when)
    output.write_bytes(template_workbook(where.code, department, when.code, rows))
    typer.echo(f"wrote {output} ({len(rows)} lines for {department} {when.code})")


def register(app: typer.Typer) -> None:
    app.command("overdue")(overdue)
    app.command("remind")(remind)
    app.add_typer(excel_app, name="excel")
