"""The reporting calendar: due dates, the periods a frequency owes, what the plan loads,
and the completeness page, its JSON twin, the overview's line and ``planwatch overdue``."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient

from planwatch.config import Settings
from planwatch.demo import Demo
from planwatch.errors import InvalidInput
from planwatch.periods import Period, due_date, reporting_periods
from planwatch.records.plans import PlanIn, store_plan
from planwatch.store import open_store
from tests.cli.runner import run


@pytest.mark.parametrize(
    ("period", "rule", "due"),
    [
        ("2017H1", "次月15日", date(2017, 7, 15)),
        ("2017M12", "次月5日", date(2018, 1, 5)),
        ("2017", "次年1月20日", date(2018, 1, 20)),
        ("2017Q1", "期末后10天", date(2017, 4, 10)),
        ("2017M02", "期末后1天", date(2017, 3, 1)),
    ],
)
def test_due_dates(period: str, rule: str, due: date) -> None:
    assert due_date(Period.parse(period), rule) == due


@pytest.mark.parametrize("rule", ["下月5日", "次月31日", "次年13月1日", ""])
def test_an_unknown_due_rule_says_how_to_write_one(rule: str) -> None:
    with pytest.raises(InvalidInput, match="次月5日"):
        due_date(Period.parse("2017H1"), rule)


def test_each_frequency_owes_its_periods_up_to_the_period() -> None:
    codes = lambda every, months: [p.code for p in reporting_periods(every, 2017, months)]  # noqa: E731
    assert codes(3, 12) == ["2017Q1", "2017H1", "2017Q3", "2017"]
    assert codes(6, 9) == ["2017H1"]
    assert codes(1, 3) == ["2017M01", "2017M02", "2017Q1"]
    assert codes(12, 6) == []


def test_demo_completeness_names_who_has_not_reported(viewer: TestClient) -> None:
    page = viewer.get("/regions/420106/2017H1/completeness.json?as_of=2017-07-20").json()
    by_name = {d["department"]: d for d in page["departments"]}
    # the indicators' departments first, then those that owe only tasks' and projects'
    # progress
    assert list(by_name) == [
        *("区统计局", "区发改委", "区财政局", "区招商局"),
        *("区科技局", "区住房局", "区城建局", "区人社局"),
    ]
    # 招商引资 overdue; its task's and three projects' progress in, the projects' late
    assert by_name["区招商局"] == {
        "department": "区招商局",
        "expected": 5,
        "received": 4,
        "late": 3,
        "overdue": 1,
        "on_time_rate": 4.5,
        "missing": ["招商引资"],
    }
    assert by_name["区发改委"]["missing"] == ["单位生产总值能耗", "单位生产总值二氧化碳排放"]
    # the revenue is reported monthly by the 5th; the demo's figures came on the 8th
    revenue = next(r for r in page["rows"] if r["indicator"] == "地方一般公共预算收入")
    assert (revenue["frequency"], revenue["state"], revenue["days_late"]) == ("monthly", "late", 3)
    # its year so far owes M01…M06; only 2017Q1 (M03) and H1 (M06) are in, both late
    assert by_name["区财政局"]["on_time_rate"] == 0.0
    assert by_name["区统计局"]["on_time_rate"] == 50.0  # GDP Q1 and H1 on time, income never
    assert page["totals"] == {"expected": 25, "received": 21, "late": 10, "overdue": 4}
    html = viewer.get("/regions/420106/2017H1/completeness").text
    assert "区招商局" in html and "逾期未报" in html and "全年按时报送率" in html
    english = viewer.get("/regions/420106/2017H1/completeness?lang=en").text
    assert "Overdue" in english and "On-time rate this year" in english


def test_before_the_due_date_a_missing_report_is_not_yet_due(viewer: TestClient) -> None:
    page = viewer.get("/regions/420106/2017H1/completeness.json?as_of=2017-07-09").json()
    investment = next(r for r in page["rows"] if r["indicator"] == "招商引资")
    assert (investment["state"], investment["days_left"]) == ("not_due", 1)
    answer = viewer.get("/regions/420106/2017H1/completeness.json?as_of=yesterday")
    assert answer.status_code == 400 and "2017-07-20" in answer.json()["error"]["hint"]


def test_the_overview_shows_a_completeness_line(viewer: TestClient) -> None:
    line = viewer.get("/regions/420106/2017H1.json").json()["completeness"]
    assert line["expected"] == 25 and line["received"] == 21
    assert line["href"] == "/regions/420106/2017H1/completeness"
    assert 'id="completeness-line"' in viewer.get("/regions/420106/2017H1").text


def test_the_completeness_page_needs_a_signed_in_reader(client_as: object) -> None:
    anonymous = client_as(None)  # type: ignore[operator]
    answer = anonymous.get("/regions/420106/2017H1/completeness.json")
    assert answer.status_code == 401


def test_overdue_command_lists_each_department(demo: Demo) -> None:
    code, out, _ = run(
        "overdue",
        "--region",
        "420106",
        "--period",
        "2017H1",
        "--as-of",
        "2017-07-20",
        "--db",
        demo.database_url,
    )
    assert code == 0, out
    assert "区招商局\t应报 5\t已报 4" in out
    assert "招商引资\t季报\t2017H1\t截止 2017-07-10\t逾期未报 10天" in out
    assert "地方一般公共预算收入\t月报\t2017H1\t截止 2017-07-05\t迟报 3天" in out


def test_a_plan_with_a_bad_frequency_or_due_rule_is_refused(demo: Demo) -> None:
    store = open_store(Settings(database_url=demo.database_url, secret_key="x"))
    target = {
        "indicator": "地区生产总值",
        "kind": "growth_at_least",
        "value": 9,
        "department": "区统计局",
    }
    for change, word in (({"frequency": "周报"}, "月报"), ({"due": "月底"}, "次月5日")):
        plan = PlanIn.model_validate(
            {"region": "420106", "year": 2018, "targets": [target | change]}
        )
        with pytest.raises(InvalidInput, match="target 1") as err, store.transaction("t") as s:
            store_plan(s, plan)
        assert word in str(err.value)
    store.dispose()


def test_remind_dry_run_lists_exactly_what_is_missing(demo: Demo) -> None:
    args = ("remind", "--region", "420106", "--period", "2017H1", "--db", demo.database_url)
    code, out, _ = run(*args, "--dry-run", "--as-of", "2017-07-20")
    assert code == 0, out
    assert "【武昌区计划执行监测】区招商局：2017H1以下数据尚未报送" in out
    assert "- 招商引资（2017H1，截止2017-07-10，已逾期10天）" in out
    assert "区财政局" not in out  # its figure is in (late, but in)
    assert out.strip().endswith("3 reminder(s), nothing sent (--dry-run)")
    code, out, err = run(*args, "--as-of", "2017-07-20")
    assert code == 0, out + err  # no department has an address yet: said, nothing sent
    assert "区招商局: 没有邮箱或机器人地址，未发送 / no address, not sent" in out
    assert out.strip().endswith("3 reminder(s): 0 sent, 0 failed")


def test_key_tasks_and_major_projects_are_owed_too(planner: TestClient) -> None:
    """A department owes its key tasks' progress every quarter and its major projects'
    every month, beside its indicators; completeness counts them."""
    page = planner.get("/regions/420106/2017H1/completeness.json?as_of=2017-07-20").json()
    housing = [r for r in page["rows"] if r["department"] == "区住房局"]
    kinds = sorted(r["kind"] for r in housing)
    assert kinds == ["project", "project", "task", "task", "task", "task"]
    assert {r["frequency"] for r in housing if r["kind"] == "task"} == {"quarterly"}
    assert {r["frequency"] for r in housing if r["kind"] == "project"} == {"monthly"}
    row = next(d for d in page["departments"] if d["department"] == "区住房局")
    assert (row["expected"], row["received"]) == (6, 6)  # the demo's progress is in
    later = planner.get("/regions/420106/2017Q3/completeness.json?as_of=2017-10-20").json()
    missing = next(d for d in later["departments"] if d["department"] == "区住房局")["missing"]
    assert "加快重点功能区建设(房屋征收)" in missing  # no 2017Q3 progress yet
    assert page["totals"]["expected"] == sum(d["expected"] for d in page["departments"])
