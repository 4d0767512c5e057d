"""The month's progress form: 区发改委's reporter enters July for its three projects."""

from __future__ import annotations

import io
from typing import Any

from fastapi.testclient import TestClient
from openpyxl import load_workbook

from tests.web.helpers import SignIn

FORM = "/regions/420106/2017M07/projects/progress"
LEDGER = "/regions/420106/2017M07/projects.json"
FAGAI = ["帝斯曼国际中心", "联投中心裕大华地块", "华电研发中心"]


def _ledger(client: TestClient) -> dict[str, dict[str, Any]]:
    return {row["name"]: row for row in client.get(LEDGER).json()["projects"]}


def _milestone(client: TestClient, project_id: int, name: str) -> int:
    """A milestone's id, read from the form's date field (done-{project}-{milestone})."""
    page = client.get(FORM).text
    marker = f'name="done-{project_id}-'
    start = page.index(marker) + len(marker)
    found = int(page[start : page.index('"', start)])
    assert name in page
    return found


def test_the_form_lists_the_departments_projects_with_last_month(client_as: SignIn) -> None:
    fagai = client_as("fagai")
    page = fagai.get(FORM)
    assert page.status_code == 200
    ids = {name: row["id"] for name, row in _ledger(fagai).items()}
    for name in FAGAI:
        assert f'id="month-{ids[name]}"' in page.text
    assert f'id="month-{ids["绿地国际金融城"]}"' not in page.text  # 区招商局's
    # 联投中心裕大华地块 in June: 4.2 year to date, 0.8 in the month, its 形象进度
    row = page.text[page.text.index(f'id="month-{ids["联投中心裕大华地块"]}"') :]
    assert "2017M06" in row[:1500] and "0.8" in row[:1500] and "4.2" in row[:1500]
    assert "基坑支护施工,管线迁改协调中" in row[:1500]


def test_a_month_saved_changes_the_ledger(client_as: SignIn, planner: TestClient) -> None:
    fagai = client_as("fagai")
    before = _ledger(planner)
    ids = {name: row["id"] for name, row in before.items()}
    lianto, huadian = ids["联投中心裕大华地块"], ids["华电研发中心"]
    start = _milestone(fagai, huadian, "开工")
    answer = fagai.post(
        FORM,
        data={
            f"ytd-{lianto}": "5.6",
            f"text-{lianto}": "基坑开挖完成",
            f"ytd-{huadian}": "0.9",
            f"done-{huadian}-{start}": "2017-07-12",
        },
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    assert answer.headers["location"].endswith("?saved=2")
    after = _ledger(planner)
    assert (
        before["联投中心裕大华地块"]["investment_ytd"],
        after["联投中心裕大华地块"]["investment_ytd"],
    ) == (4.2, 5.6)
    assert (before["华电研发中心"]["stage"], after["华电研发中心"]["stage"]) == (
        "to_start",
        "new_start",
    )
    assert after["华电研发中心"]["overdue_milestones"] == []
    assert after["帝斯曼国际中心"] == before["帝斯曼国际中心"]  # left blank: unchanged
    audit = planner.get("/audit.json?table=project_progress").json()["entries"]
    assert any(item["actor"] == "fagai" for item in audit)


def test_wrong_fields_are_marked_and_nothing_is_saved(
    client_as: SignIn, planner: TestClient
) -> None:
    fagai = client_as("fagai")
    before = _ledger(planner)
    ids = {name: row["id"] for name, row in before.items()}
    lianto, huadian, dsm = (
        ids[n] for n in ("联投中心裕大华地块", "华电研发中心", "帝斯曼国际中心")
    )
    start = _milestone(fagai, huadian, "开工")
    answer = fagai.post(
        FORM,
        data={
            f"ytd-{dsm}": "7.5",  # right, but not saved: another row is wrong
            f"ytd-{lianto}": "五点六",
            f"text-{lianto}": "基坑开挖完成",
            f"ytd-{huadian}": "0.3",  # below June's 0.4
            f"done-{huadian}-{start}": "2017-08-02",  # after July
        },
    )
    assert answer.status_code == 400
    page = answer.text
    assert f'id="ytd-{lianto}-error"' in page and "「五点六」不是数字" in page
    assert f'id="ytd-{huadian}-error"' in page and "低于2017M06的0.4" in page
    assert f'id="done-{huadian}-{start}-error"' in page and "晚于本月末2017-07-31" in page
    assert 'value="五点六"' in page and "基坑开挖完成" in page and 'value="7.5"' in page
    assert f'id="ytd-{dsm}-error"' not in page
    assert _ledger(planner) == before
    english = fagai.post(f"{FORM}?lang=en", data={f"ytd-{lianto}": "-1"})
    assert english.status_code == 400
    assert "completed investment cannot be negative" in english.text


def test_other_departments_are_refused(client_as: SignIn, planner: TestClient) -> None:
    fagai = client_as("fagai")
    before = _ledger(planner)
    green = before["绿地国际金融城"]["id"]  # led by 区招商局
    assert fagai.get(FORM, params={"department": "区招商局"}).status_code == 403
    refused = fagai.post(FORM, data={f"ytd-{green}": "25"}, headers={"accept": "application/json"})
    assert refused.status_code == 403
    assert "区招商局" in refused.json()["error"]["zh"]["message"]
    assert _ledger(planner) == before
    viewer = client_as("viewer")
    assert viewer.get(FORM).status_code == 403


def test_the_planner_enters_for_any_department(planner: TestClient) -> None:
    everyone = planner.get(FORM)
    assert everyone.text.count('class="panel month-row"') == 9
    one = planner.get(FORM, params={"department": "区招商局"}).text
    assert one.count('class="panel month-row"') == 3
    green = _ledger(planner)["绿地国际金融城"]["id"]
    answer = planner.post(
        f"{FORM}?department=区招商局", data={f"ytd-{green}": "25.1"}, follow_redirects=False
    )
    assert answer.status_code == 303
    assert _ledger(planner)["绿地国际金融城"]["investment_ytd"] == 25.1


def _filled(template: bytes, edits: dict[tuple[str, str], Any]) -> bytes:
    """The template with cells set, by (sheet, cell); the lines are as downloaded."""
    book = load_workbook(io.BytesIO(template))
    for (sheet, cell), value in edits.items():
        book[sheet][cell] = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_the_month_through_the_excel_template(client_as: SignIn, planner: TestClient) -> None:
    fagai = client_as("fagai")
    template = fagai.get(f"{FORM}/template.xlsx")
    assert template.status_code == 200
    book = load_workbook(io.BytesIO(template.content))
    rows = list(book["项目进展"].iter_rows(values_only=True))
    assert [r[1] for r in rows[1:]] == FAGAI
    assert rows[2][3:5] == (4.2, "基坑支护施工,管线迁改协调中")  # 联投's June beside July
    dates = list(book["项目节点"].iter_rows(values_only=True))
    huadian_start = next(i for i, r in enumerate(dates, start=1) if r[2] == "华电研发中心")
    wrong = _filled(
        template.content,
        {("项目进展", "F3"): "abc", ("项目节点", f"F{huadian_start}"): "2017-08-09"},
    )
    before = _ledger(planner)
    refused = fagai.post(
        f"{FORM}/excel", files={"file": ("july.xlsx", wrong, "application/octet-stream")}
    )
    assert refused.status_code == 400
    assert "自年初累计完成投资" in refused.text and "项目节点·完成时间" in refused.text
    assert (
        '<td class="num">3</td>' in refused.text
        and f'<td class="num">{huadian_start}</td>' in refused.text
    )
    assert _ledger(planner) == before
    right = _filled(
        template.content,
        {("项目进展", "F3"): 5.6, ("项目节点", f"F{huadian_start}"): "2017-07-12"},
    )
    saved = fagai.post(
        f"{FORM}/excel",
        files={"file": ("july.xlsx", right, "application/octet-stream")},
        follow_redirects=False,
    )
    assert saved.status_code == 303, saved.text
    after = _ledger(planner)
    assert after["联投中心裕大华地块"]["investment_ytd"] == 5.6
    assert after["华电研发中心"]["stage"] == "new_start"
    june = fagai.post(
        "/regions/420106/2017M06/projects/progress/excel",
        files={"file": ("july.xlsx", right, "application/octet-stream")},
    )
    assert june.status_code == 400 and "2017M07" in june.json()["error"]["message"]
