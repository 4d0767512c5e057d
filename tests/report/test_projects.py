"""The report's major-projects paragraph, drafted from the sample plan's ledger."""

from __future__ import annotations

from sqlalchemy import select

from planwatch.assess.projects import judge_project, summarize
from planwatch.periods import Period
from planwatch.reads.ledger import region_ledger
from planwatch.report.projects import projects_paragraph
from planwatch.store import Store
from planwatch.store.models import Region

H1 = Period.parse("2017H1")


def test_projects_paragraph_is_drafted_from_the_ledger(sample_store: Store) -> None:
    with sample_store.reading() as session:
        region = session.scalars(select(Region).where(Region.code == "420106")).one()
        judged = [judge_project(p, H1) for p in region_ledger(session, region.id, 2017)]
    paragraph = projects_paragraph("420106", H1, judged, summarize(judged, 2017))
    assert paragraph is not None
    assert paragraph.text == (
        "上半年,9个重大项目累计完成投资44.7亿元,占年度投资计划的50.5%,超过序时进度0.5个百分点。"
        "绿地国际金融城、武汉华邑酒店等4个在建项目进展顺利,帝斯曼国际中心、汇通新长江等2个项目基本完工;"
        "5个拟开工项目中联投中心裕大华地块、融创中心等2个项目已实现开工。"
        "万吨冷库地块、华电研发中心等6个项目投资进度滞后,其中华电研发中心、武汉华邑酒店节点逾期。"
    )
    numbers = [(p.text, p.value) for p in paragraph.pieces if p.source is not None]
    assert numbers[:4] == [("9", 9), ("44.7", 44.7), ("50.5", 50.51), ("0.5", 0.51)]
    assert {p.source.href for p in paragraph.pieces if p.source} == {
        "/regions/420106/2017H1/projects"
    }


def test_no_paragraph_without_projects() -> None:
    assert projects_paragraph("420106", H1, [], summarize([], 2017)) is None


def test_the_drafted_report_carries_the_projects_part(sample_store: Store) -> None:
    from planwatch.report import render_html, render_markdown
    from tests.report.conftest import drafted

    report = drafted(sample_store)
    assert report.projects_number == len(report.task_sections) + 1 == 5
    markdown = render_markdown(report)
    part = markdown.split("#### 5.重大项目建设\n\n")[1].split("### （三）")[0].strip()
    assert part == report.projects[0].text.replace(",", "，").replace(";", "；")
    page = render_html(report)
    assert "<h4>5.重大项目建设</h4>" in page
    assert page.count('href="/regions/420106/2017H1/projects"') == sum(
        1 for p in report.projects[0].pieces if p.source
    )
    # the investment of each project is a figure the draft states (draft history)
    invested = [f for f in report.figures if f.key.startswith("project:")]
    assert len(invested) == 9 and invested[0].label == "绿地国际金融城累计完成投资"


def test_a_plan_without_projects_has_no_projects_part(ingested_store: Store) -> None:
    from planwatch.report import render_markdown
    from tests.report.conftest import drafted

    report = drafted(ingested_store)
    assert report.projects == [] and "重大项目建设" not in render_markdown(report)
