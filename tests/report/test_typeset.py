"""Full-width punctuation and balanced title lines."""

from __future__ import annotations

from planwatch.report.typeset import title_lines, typeset


def test_marks_become_full_width_beside_chinese() -> None:
    assert (
        typeset('开展"大孵化"行动(一期),同比增长8.1%;')
        == "开展“大孵化”行动（一期），同比增长8.1%；"
    )


def test_marks_inside_numbers_and_names_stay() -> None:
    assert typeset("投资1,000万元,时间10:30") == "投资1,000万元，时间10:30"
    assert typeset("PM2.5浓度") == "PM2.5浓度"


def test_long_title_breaks_between_phrases() -> None:
    lines = title_lines("关于武昌区2017年上半年国民经济和社会发展计划执行情况的报告")
    assert lines == ["关于武昌区2017年上半年", "国民经济和社会发展计划执行情况的报告"]
    assert title_lines("关于东区2017年国民经济和社会发展计划执行情况的报告") == [
        "关于东区2017年国民经济和社会发展",
        "计划执行情况的报告",
    ]
    assert title_lines("关于计划的报告") == ["关于计划的报告"]
