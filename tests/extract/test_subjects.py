"""Subjects that borrow from a topic: `borrows` must cover every case `with_topic` uses it in."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from planwatch.extract import subjects

# words of report subjects, measures, verbs and the enrolment and generic nouns
_PIECES = [
    "地区生产总值",
    "产量",
    "面积",
    "金额",
    "招生",
    "在校生",
    "总",
    "进行",
    "在",
    "服务",
    "建成",
    "收入",
    "杏",
    "葡萄种植面积",
    "投资",
    "预算数",
    "工业",
    "增加值",
    "的",
    "率",
    "学校",
    "人次",
]
_SUBJECTS = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=3).map("".join)


@settings(max_examples=400, deadline=None)
@given(subject=_SUBJECTS, topic=_SUBJECTS, clause=st.booleans(), products=st.booleans())
def test_a_subject_that_borrows_nothing_is_the_same_with_any_topic(
    subject: str, topic: str, clause: bool, products: bool
) -> None:
    if subjects.borrows(subject):
        return
    alone = subjects.with_topic(subject, "", False, products)
    assert subjects.with_topic(subject, topic, clause, products) == alone


def test_bare_attributes_and_verbs_borrow() -> None:
    for subject in ("金额", "招生", "服务", "总产值", "杏", "在全市"):
        assert subjects.borrows(subject), subject
    assert subjects.with_topic("金额", "固定资产投资", False, False) == "固定资产投资金额"
    assert not subjects.borrows("地区生产总值")
