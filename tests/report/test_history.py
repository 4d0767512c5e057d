"""Figures changed since the last draft: each draft sent out keeps its figures."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from planwatch.records.drafts import store_draft
from planwatch.records.observations import ObservationIn, store_observation
from planwatch.report.history import stored_figures
from planwatch.report.review import review_items
from planwatch.report.selfcheck import check_report
from planwatch.store import Store
from planwatch.store.models import ReportDraft
from tests.cli.runner import run
from tests.report.conftest import drafted
from tests.web.conftest import SECRET, app, client_as, demo, demo_template, planner, viewer

__all__ = ["SECRET", "app", "client_as", "demo", "demo_template", "planner", "viewer"]

PAGE = "/regions/420106/2017H1/report"


def _changed(store: Store) -> list[tuple[str, str | None]]:
    report = drafted(store)
    with store.reading() as session:
        items = review_items(session, report, check_report(session, report, "md"))
    return [(i.zh, i.href) for i in items if i.kind == "changed_since_draft"]


def _revise_gdp(store: Store, value: float) -> int:
    with store.transaction() as session:
        row = store_observation(
            session,
            ObservationIn.model_validate(
                {
                    "region": "420106",
                    "indicator": "地区生产总值",
                    "period": "2017H1",
                    "value": value,
                    "unit": "亿元",
                    "status": "approved",
                }
            ),
        )
        return row.id


def test_a_figure_changed_since_the_last_draft_is_listed(sample_store: Store) -> None:
    assert _changed(sample_store) == []  # no draft went out yet
    report = drafted(sample_store)
    assert any(f.label == "地区生产总值上半年总量" and f.value == 525.69 for f in report.figures)
    with sample_store.transaction() as session:
        store_draft(session, "420106", "2017H1", "docx", stored_figures(report.figures), actor="t")
    assert _changed(sample_store) == []  # nothing changed since
    revised = _revise_gdp(sample_store, 530.2)
    [(zh, href)] = _changed(sample_store)
    assert zh.startswith("地区生产总值上半年总量自上次出稿（")
    assert zh.endswith("以来有变化：由525.69亿元改为530.2亿元")
    assert href == f"/observations/{revised}"
    # the next draft sent out states 530.2: from then on nothing is listed again
    with sample_store.transaction() as session:
        figures = stored_figures(drafted(sample_store).figures)
        store_draft(session, "420106", "2017H1", "pdf", figures, actor="t", final=True)
    assert _changed(sample_store) == []


def test_the_cli_keeps_each_draft_written_to_a_file(sample_store: Store, tmp_path: Path) -> None:
    db = str(tmp_path / "planwatch.db")
    code, out, _ = run("report", "--region", "武昌区", "--period", "2017H1", "--db", db)
    assert code == 0 and out.startswith("# 关于")
    assert _drafts(sample_store) == 0  # printed, not sent
    path = tmp_path / "report.docx"
    code, _, _ = run(
        "report", "--region", "武昌区", "--period", "2017H1", "-o", str(path), "--db", db
    )
    assert code == 0 and _drafts(sample_store) == 1
    _revise_gdp(sample_store, 531)
    assert [zh for zh, _ in _changed(sample_store)][0].endswith("由525.69亿元改为531亿元")


def _drafts(store: Store) -> int:
    with store.reading() as session:
        return int(session.scalar(select(func.count()).select_from(ReportDraft)) or 0)


def test_an_office_download_is_kept_and_listed_on_the_page(
    app: FastAPI, planner: TestClient, viewer: TestClient
) -> None:
    store: Store = app.state.store
    assert viewer.get(f"{PAGE}.docx").status_code == 200  # a reader's copy is not a draft
    assert planner.get(f"{PAGE}.html?inline=1").status_code == 200  # the preview neither
    assert _drafts(store) == 0
    assert planner.get(f"{PAGE}.docx").status_code == 200
    assert _drafts(store) == 1
    revised = _revise_gdp(store, 530.2)
    data = planner.get(f"{PAGE}.json").json()
    [item] = [i for i in data["review"] if i["kind"] == "changed_since_draft"]
    assert item["href"] == f"/observations/{revised}"
    assert item["zh"].endswith("由525.69亿元改为530.2亿元") and "530.2" in item["en"]
    page = planner.get(PAGE).text
    assert f'href="/observations/{revised}"' in page
