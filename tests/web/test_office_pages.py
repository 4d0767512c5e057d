"""The planning office's pages: submissions of a period, departments, the audit log."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient
from openpyxl import load_workbook

from planwatch.web.tables import spreadsheet_cell
from tests.web.helpers import SignIn, error_of

JULY = "/regions/420106/2017M07/submissions"  # the demo: 区发改委 waits, 区财政局 returned
HTML = {"accept": "text/html"}


def _row(client: TestClient, department: str) -> dict[str, object]:
    rows = client.get(f"{JULY}.json").json()["rows"]
    return next(row for row in rows if row["department"] == department)


def test_the_demo_shows_one_department_waiting_and_one_returned(planner: TestClient) -> None:
    page = planner.get(f"{JULY}.json").json()
    assert page["counts"]["submitted"] == 1 and page["counts"]["returned"] == 1
    assert _row(planner, "区发改委")["steps"] == ["approve", "return"]
    returned = _row(planner, "区财政局")
    assert returned["status"] == "returned" and "请核实" in str(returned["comment"])
    assert returned["steps"] == []  # the department resubmits, not the office


def test_a_reporter_sees_the_submit_step_of_its_own_department_only(client_as: SignIn) -> None:
    caizheng = client_as("caizheng")
    assert _row(caizheng, "区财政局")["steps"] == ["submit"]
    assert _row(caizheng, "区发改委")["steps"] == []
    assert "/approve" not in caizheng.get(JULY, headers=HTML).text


def test_the_page_buttons_approve_and_return_with_versions(planner: TestClient) -> None:
    row = _row(planner, "区发改委")
    page = planner.get(JULY, headers=HTML).text
    assert 'value="区发改委"' in page and "审核通过" in page
    form = {"department": "区发改委", "version": str(row["version"])}
    error_of(planner.post(f"{JULY}/return", data=form), 400)  # a return says why
    done = planner.post(f"{JULY}/approve", data=form, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == JULY
    assert _row(planner, "区发改委")["status"] == "approved"
    error_of(planner.post(f"{JULY}/publish", data=form), 409)  # read at the older version
    fresh = {**form, "version": str(_row(planner, "区发改委")["version"])}
    assert planner.post(f"{JULY}/publish", data=fresh, follow_redirects=False).status_code == 303
    assert _row(planner, "区发改委")["status"] == "published"


def test_a_reporter_cannot_approve_through_the_page(client_as: SignIn) -> None:
    fagai = client_as("fagai")
    version = str(_row(fagai, "区发改委")["version"])
    answer = fagai.post(f"{JULY}/approve", data={"department": "区发改委", "version": version})
    error_of(answer, 403)


def test_departments_are_listed_with_their_items_and_reporters(planner: TestClient) -> None:
    rows = planner.get("/departments/420106.json").json()["departments"]
    fagai = next(row for row in rows if row["name"] == "区发改委")
    assert fagai["targets"] == 4 and "fagai" in fagai["users"]
    assert planner.get("/departments/420106", headers=HTML).status_code == 200


def test_the_office_adds_a_department_and_nobody_else_may(
    planner: TestClient, client_as: SignIn
) -> None:
    added = planner.post("/departments/420106", data={"name": "区商务局"}, follow_redirects=False)
    assert added.status_code == 303
    names = [row["name"] for row in planner.get("/departments/420106.json").json()["departments"]]
    assert "区商务局" in names
    error_of(planner.post("/api/departments/420106", json={"name": "区商务局"}), 409)
    assert planner.post("/api/departments/420106", json={"name": "区教育局"}).status_code == 201
    error_of(client_as("reporter").post("/api/departments/420106", json={"name": "x"}), 403)
    error_of(client_as("viewer").post("/departments/420106", data={"name": "x"}), 403)


def test_the_audit_log_is_filtered_and_exported(planner: TestClient) -> None:
    page = planner.get("/audit.json?table=submissions").json()
    assert page["total"] >= 2 and {e["table"] for e in page["entries"]} == {"submissions"}
    by_planner = planner.get("/audit.json?actor=planner").json()
    assert by_planner["entries"] and {e["actor"] for e in by_planner["entries"]} == {"planner"}
    text = planner.get("/audit.csv?table=submissions").content.decode("utf-8")
    assert text.startswith("\ufeff序号,时间,操作人")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == page["total"] + 1
    book = load_workbook(io.BytesIO(planner.get("/audit.xlsx?table=submissions").content))
    sheet = book.worksheets[0]
    assert sheet.max_row == page["total"] + 1
    english = planner.get("/audit.csv?table=submissions&lang=en").content.decode("utf-8")
    assert english.lstrip("\ufeff").startswith("No.,When,Who")


def test_exported_text_never_runs_as_a_formula() -> None:
    assert spreadsheet_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert spreadsheet_cell("@SUM(A1)") == "'@SUM(A1)"
    assert spreadsheet_cell(-5.5) == -5.5  # numbers stay numbers
    assert spreadsheet_cell(["区发改委", "区统计局"]) == "区发改委、区统计局"
    assert spreadsheet_cell({"status": ["draft", "=1"]}) == '{"status": ["draft", "=1"]}'


def test_only_the_office_reads_the_audit_log(client_as: SignIn) -> None:
    for name in ("reporter", "viewer"):
        error_of(client_as(name).get("/audit.json"), 403)
    error_of(client_as(None).get("/audit.json"), 401)
