"""Stored text is shown, never run: a script or an event handler in every free-text field
renders inert in Chromium (no dialog opens, no global is set)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI
from playwright.sync_api import Dialog, Page
from sqlalchemy import select

from planwatch.records.departments import add_department
from planwatch.records.narratives import set_narrative
from planwatch.records.observations import ObservationIn, store_observation
from planwatch.records.submissions import move_submission
from planwatch.records.users import account_named
from planwatch.store.models import Plan, Project, Region, Task
from tests.web.live import CHROMIUM
from tests.web.test_browser import base_url, page  # noqa: F401 (fixtures; browser is in conftest)

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"needs {CHROMIUM}")

PAYLOADS = (
    "<script>window.__xss=1;alert(1)</script>",
    '<img src=x onerror="window.__xss=1;alert(1)">',
    '"><svg onload="window.__xss=1;alert(1)">',
)
EVIL = "".join(PAYLOADS)
JULY = "2017M07"
PAGES = (
    "/regions",
    "/regions/420106/2017H1",
    "/regions/420106/2017H1/board",
    "/regions/420106/2017H1/report",
    f"/regions/420106/{JULY}/submissions",
    f"/regions/420106/{JULY}?preview=submitted",
    "/departments/420106",
    "/audit",
    "/plans/1",
    "/tasks/1",
    "/projects/1",
    "/upload",
)


def _store_payloads(app: FastAPI) -> int:
    """The payload in every field people type: narratives, comments, reasons, notes, plan,
    task, project, region and department names. Returns the new observation's id."""
    with app.state.store.transaction(actor="test") as session:
        set_narrative(session, "420106", "2017H1", "opening", EVIL)
        add_department(session, "420106", f"区{EVIL}局"[:100])
        session.scalars(select(Plan)).first().title = EVIL  # type: ignore[union-attr]
        session.scalars(select(Task)).first().title = EVIL  # type: ignore[union-attr]
        session.scalars(select(Project)).first().name = EVIL  # type: ignore[union-attr]
        session.scalars(select(Region).where(Region.code == "420102")).one().name = EVIL[:100]
        planner = account_named(session, "planner")
        where = {"region": "420106", "department": "区发改委", "period": JULY}
        move_submission(session, planner, "return", comment=EVIL, **where)
        figure = ObservationIn(
            region="420106",
            indicator="地区生产总值",
            period="2017Q3",
            value=800.0,
            unit="亿元",
            note=EVIL,
            reason=EVIL,
        )
        return store_observation(session, figure).id


def test_stored_payloads_render_inert(app: FastAPI, page: Page) -> None:  # noqa: F811
    observation = _store_payloads(app)
    page.goto("/upload")
    csrf = page.get_attribute("meta[name=csrf-token]", "content") or ""
    upload = page.request.post(
        "/api/documents",
        headers={"X-CSRF-Token": csrf},
        multipart={
            "file": {
                "name": f"{PAYLOADS[1]}.txt",
                "mimeType": "text/plain",
                "buffer": "上半年完成5亿元".encode(),
            }
        },
    )
    assert upload.status == 201, upload.text()
    document = upload.json()["document_id"]
    dialogs: list[str] = []

    def refuse(dialog: Dialog) -> None:
        dialogs.append(f"{page.url}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", refuse)
    for path in (*PAGES, f"/observations/{observation}", f"/documents/{document}"):
        answer = page.goto(path)
        assert answer is not None and answer.status == 200, path
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__xss") is None, path
    assert dialogs == []
    page.goto("/regions/420106/2017H1/report")  # the text is kept as written, to edit
    assert page.locator("textarea").first.input_value() == EVIL
    page.goto("/departments/420106")
    assert PAYLOADS[0] in page.inner_text("body")  # shown as text
