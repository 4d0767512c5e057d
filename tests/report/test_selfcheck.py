"""The draft re-read by planwatch's extractor: every number against the figure it names."""

from __future__ import annotations

from pathlib import Path

import pytest

from planwatch.errors import Conflict
from planwatch.records.narratives import set_narrative
from planwatch.report import ReportOptions, draft_report
from planwatch.report.selfcheck import check_report, final_text, write_final
from planwatch.store import Store
from tests.cli.runner import run
from tests.report.conftest import drafted

WRONG = "今年以来，我区经济稳中向好，上半年完成地区生产总值535.69亿元，同比增长8.1%。"


def wrong_opening(store: Store, text: str = WRONG) -> None:
    with store.transaction() as session:
        set_narrative(session, "武昌区", "2017H1", "opening", text)


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
@pytest.mark.parametrize("details", [False, True])
def test_the_demo_draft_agrees_with_the_data(
    narrated_store: Store, fmt: str, details: bool
) -> None:
    with narrated_store.reading() as session:
        report = draft_report(session, "武昌区", "2017H1", ReportOptions(details=details))
        checked = check_report(session, report, fmt)
    assert checked.mismatches == []
    # the 17 numbers of section (一) and more: each one compared, not skipped
    assert len(checked.consistent) >= 17
    assert checked.summary == f"本稿数字核对：{len(checked.consistent)} 处一致，0 处不一致"


def test_the_ingested_draft_agrees_with_its_document(ingested_store: Store) -> None:
    with ingested_store.reading() as session:
        checked = check_report(session, drafted(ingested_store), "md")
    assert checked.ok and len(checked.consistent) >= 17


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_a_wrong_figure_in_a_narrative_is_exactly_the_mismatch(
    sample_store: Store, fmt: str
) -> None:
    wrong_opening(sample_store)
    with sample_store.reading() as session:
        checked = check_report(session, drafted(sample_store), fmt)
    [mismatch] = checked.mismatches
    assert (mismatch.printed, mismatch.unit, mismatch.expected) == ("535.69", "亿元", 525.69)
    assert mismatch.indicator == "地区生产总值" and mismatch.measure == "value"
    assert mismatch.message == "地区生产总值：稿中为535.69亿元，数据为525.69亿元"
    assert checked.summary.endswith("处一致，1 处不一致")


def test_final_refuses_until_the_figure_is_fixed(sample_store: Store, tmp_path: Path) -> None:
    wrong_opening(sample_store)
    path = tmp_path / "report.docx"
    with sample_store.reading() as session:
        with pytest.raises(Conflict, match="the draft states 535.69亿元, the data 525.69亿元") as e:
            write_final(session, drafted(sample_store), "docx", path)
        assert "535.69亿元，数据为525.69亿元" in e.value.zh
        with pytest.raises(Conflict, match="1 do not") as e:
            final_text(session, drafted(sample_store), "md")
        assert "1 处不一致" in e.value.zh
    assert not path.exists()
    wrong_opening(sample_store, WRONG.replace("535.69", "525.69"))
    with sample_store.reading() as session:
        checked = write_final(session, drafted(sample_store), "docx", path)
    assert checked.ok and path.stat().st_size > 0


def test_the_cli_final_flag(sample_store: Store, tmp_path: Path) -> None:
    wrong_opening(sample_store)
    db, path = str(tmp_path / "planwatch.db"), tmp_path / "report.pdf"  # the sample store's file
    code, _, err = run(
        "report", "--region", "武昌区", "--period", "2017H1", "-o", str(path), "--final", "--db", db
    )
    assert code == 1 and "error: the draft is not final" in err and not path.exists()
    code, _, err = run(
        "report", "--region", "武昌区", "--period", "2017H1", "-o", str(path), "--db", db
    )
    assert code == 0 and path.exists()  # without --final the draft is written as it is


def test_section_two_notes_are_checked_against_their_entries(sample_store: Store) -> None:
    from planwatch.store.models import TaskProgress

    with sample_store.reading() as session:
        checked = check_report(session, drafted(sample_store), "md")
    titles = {c.indicator for c in checked.consistent}
    assert "加快重点功能区建设(房屋征收)" in titles and "推进保障性住房建设(新开工)" in titles
    with sample_store.transaction() as session:
        progress = session.query(TaskProgress).filter(TaskProgress.completion == 51.8).one()
        progress.value = 30.0  # the note still says 32万平方米
    with sample_store.reading() as session:
        [mismatch] = check_report(session, drafted(sample_store), "md").mismatches
    assert mismatch.message == "加快重点功能区建设(房屋征收)：稿中为32万平方米，数据为30万平方米"


def _sections_one_and_two(text: str) -> tuple[int, int]:
    return text.index("主要指标完成情况"), text.index("存在的主要问题")


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_every_number_of_sections_one_and_two_is_compared(narrated_store: Store, fmt: str) -> None:
    from planwatch.extract.numbers import scan
    from planwatch.report.selfcheck import check_text, drafted_text

    with narrated_store.reading() as session:
        report = draft_report(session, "武昌区", "2017H1", ReportOptions(details=True))
        text = drafted_text(report, fmt)
        checked = check_text(session, report, text, fmt)
    start, end = _sections_one_and_two(text)
    numbers = [start + t.start for t in scan(text[start:end])]
    compared = {c.position for c in checked.consistent}
    assert len(numbers) > 50 and checked.mismatches == []
    assert [text[at : at + 8] for at in numbers if at not in compared] == []
    subjects = {c.indicator for c in checked.consistent if start <= c.position < end}
    assert {"地区生产总值", "推进智慧武昌建设", "提升招商营商能力水平", "重大项目"} <= subjects


@pytest.mark.parametrize(
    ("written", "edited", "subject"),
    [
        ("累计完成投资44.7亿元", "累计完成投资45.7亿元", "重大项目"),
        ("等4个在建项目", "等5个在建项目", "重大项目"),
        ("入驻企业和团队26个", "入驻企业和团队28个", '开展"大孵化"行动'),
        ("同比增长15.61%", "同比增长16.61%", "全社会固定资产投资"),
        ("占年度投资计划的50.5%", "占年度投资计划的50.5‰", "重大项目"),
    ],
)
def test_an_edited_drafted_number_is_a_mismatch(
    narrated_store: Store, written: str, edited: str, subject: str
) -> None:
    from planwatch.report.selfcheck import check_text

    with narrated_store.reading() as session:
        report = drafted(narrated_store)
        text = check_report(session, report, "md")  # the draft as written agrees
        assert text.ok
        markdown = render_markdown_of(report)
        assert written in markdown
        checked = check_text(session, report, markdown.replace(written, edited), "md")
    assert checked.mismatches and {m.indicator for m in checked.mismatches} == {subject}


def render_markdown_of(report) -> str:  # type: ignore[no-untyped-def]
    from planwatch.report import render_markdown

    return render_markdown(report)
