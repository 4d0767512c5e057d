"""Every URL planwatch prints, built in one place: pages, their JSON twins, the API, the report.

A page at ``path`` has its data at ``json(path)``; anchors name the element a link points
at (``#target-12`` on a plan page, ``#span-10-16`` on a document page), so a test can follow
every link and check that its anchor exists.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote


@lru_cache(maxsize=4096)
def _quoted(part: str) -> str:
    """Indicator names recur on every page: quoting each anew was a tenth of a page's time."""
    return quote(part, safe="")


def json(path: str) -> str:
    """The JSON twin of a page: ``/regions/420106/2017H1`` → ``/regions/420106/2017H1.json``."""
    page, hash_, anchor = path.partition("#")
    return f"{page}.json{hash_}{anchor}"


def regions() -> str:
    return "/regions"


def region(code: str, period: str, *parts: str) -> str:
    """A region's page for a period, or one below it (``board``, ``report``, ``enter``)."""
    tail = "".join(f"/{_quoted(part)}" for part in parts)
    return f"/regions/{code}/{period}{tail}"


def indicator(code: str, period: str, name: str) -> str:
    return region(code, period, "indicators", name)


def assessment(code: str, period: str, target_id: int) -> str:
    """A target's card on the region's overview."""
    return f"{region(code, period)}#target-{target_id}"


def board(code: str, period: str) -> str:
    return region(code, period, "board")


def report(code: str, period: str, fmt: str | None = None) -> str:
    page = region(code, period, "report")
    return f"{page}.{fmt}" if fmt else page


def narrative(code: str, period: str, part: str) -> str:
    return f"{report(code, period)}/narratives/{_quoted(part)}"


def entry(code: str, period: str) -> str:
    return region(code, period, "enter")


def submissions(code: str, period: str) -> str:
    return region(code, period, "submissions")


def departments(code: str) -> str:
    return f"/departments/{code}"


def department_contact(code: str) -> str:
    """Where the departments page's form sets a department's reminder addresses."""
    return f"/departments/{code}/contact"


def robot_address(address: str) -> str:
    """A work-chat robot's address as it may be shown: without its query, which carries
    the robot's key."""
    return address.split("?", 1)[0] + ("?…" if "?" in address else "")


def audit() -> str:
    return "/audit"


def rules(name: str | None = None) -> str:
    """The validation rules page, or the address a rule's form posts to."""
    return f"/rules/{quote(name, safe='')}" if name else "/rules"


def completeness(code: str, period: str) -> str:
    """Who has reported the period: expected, in, late (the reporting calendar)."""
    return region(code, period, "completeness")


def comparison(parent: str, level: str, period: str) -> str:
    return f"/compare/{parent}/{level}/{period}"


def plan(plan_id: int) -> str:
    return f"/plans/{plan_id}"


def new_plan(*parts: str) -> str:
    """The new plan's form, or one below it (``file``, ``template``)."""
    return "/plans/new" + "".join(f"/{part}" for part in parts)


def plan_edit(plan_id: int) -> str:
    return f"{plan(plan_id)}/edit"


def plan_part(plan_id: int, kind: str, item_id: int | None = None, *parts: str) -> str:
    """Where a plan's form posts: ``targets`` (a new one), ``targets/12``, ``targets/12/delete``."""
    tail = "".join(f"/{part}" for part in parts)
    item = f"/{item_id}" if item_id is not None else ""
    return f"{plan(plan_id)}/{kind}{item}{tail}"


def target(plan_id: int, target_id: int) -> str:
    return f"{plan(plan_id)}#target-{target_id}"


def task(task_id: int) -> str:
    return f"/tasks/{task_id}"


def task_progress(task_id: int, progress_id: int) -> str:
    return f"{task(task_id)}#progress-{progress_id}"


def ledger(code: str, period: str) -> str:
    """The major-project ledger (重点项目调度) of a region in a period."""
    return region(code, period, "projects")


def month_entry(code: str, period: str) -> str:
    """The form where a department enters its projects' progress for the period's month."""
    return region(code, period, "projects", "progress")


def project(project_id: int) -> str:
    return f"/projects/{project_id}"


def observation(observation_id: int) -> str:
    return f"/observations/{observation_id}"


def document(document_id: int) -> str:
    return f"/documents/{document_id}"


def span_anchor(start: int, end: int) -> str:
    """The id of the place ``start``–``end`` on a document's page."""
    return f"span-{start}-{end}"


def document_span(document_id: int, start: int, end: int) -> str:
    """The place in a document's text a number or fact was read from."""
    return f"{document(document_id)}#{span_anchor(start, end)}"


def upload() -> str:
    return "/upload"


def login(next_path: str | None = None) -> str:
    return f"/login?next={quote(next_path)}" if next_path else "/login"
