"""The lexicon: each word defined once, the union of the lists it replaced."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from planwatch.extract import extract_text
from planwatch.extract.numbers import scan
from planwatch.units import comparable, convert, scale
from planwatch.vocabulary import lexicon

LOADER = Path(lexicon.__file__)


def test_the_loader_imports_nothing_of_planwatch_but_errors() -> None:
    tree = ast.parse(LOADER.read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    imported |= {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    assert {name for name in imported if name and name.startswith("planwatch")} == {
        "planwatch.errors"
    }


def test_digits_scales_and_years() -> None:
    assert lexicon.CHINESE_DIGITS["两"] == 2 and lexicon.CHINESE_DIGITS["玖"] == 9
    assert lexicon.CHINESE_SCALES["佰"] == 100 and lexicon.CHINESE_SCALES["亿"] == 10**8
    assert lexicon.chinese_year_digits(2017) == "二〇一七"
    assert lexicon.year_from_chinese("一九五八") == 1958
    assert lexicon.year_from_chinese("二零二五") == 2025
    assert lexicon.year_from_chinese("壹玖伍捌") is None
    assert lexicon.unit_magnitude("亿元") == (1e8, "元")
    assert lexicon.unit_magnitude("千瓦时") == (1.0, "千瓦时")


@pytest.mark.parametrize(
    ("text", "unit"),
    # units only units.py knew before the lexicon: the scan reads them now
    [("折合5亿人民币", "亿人民币"), ("住房120万平米", "万平米"), ("消耗3万吨标准煤", "万吨标准煤")],
)
def test_units_once_known_to_conversion_only_are_scanned(text: str, unit: str) -> None:
    assert [t.unit for t in scan(text)] == [unit]


def test_units_once_known_to_the_scan_only_convert() -> None:
    # 平方千米, 吨标煤 and the prefixed fixed units were counts of their own before
    assert convert(1, "平方千米", "平方公里") == pytest.approx(1)
    assert convert(2, "万吨标煤", "吨标准煤") == pytest.approx(20000)
    assert convert(1, "万亩", "亩") == pytest.approx(10000)
    assert scale("万户") == scale("户").__class__("count:户", 1e4)
    assert not comparable("万户", "万套")


def test_counters_are_the_union_of_both_lists() -> None:
    # subjects' counters and the scan's counted things: the things are a marked subset
    assert lexicon.COUNTED_THINGS == frozenset("个项所批条件种家")
    union = frozenset("个项家所名人批场处块条件套台宗户栋辆座种次轮起只架支")
    assert union | {"枚"} == lexicon.COUNTERS  # 枚 (18枚金牌) added since
    assert lexicon.COUNTED_THINGS <= lexicon.COUNTERS


def test_change_verbs_are_one_list_with_their_sign_and_kind() -> None:
    # the three lists measures.py wrote out (all verbs, falling verbs, amount-change verbs)
    assert set(
        "下降 降低 减少 回落 下滑 降幅 减产 压减 压缩 节约 缩小 收窄 放缓 减 降 净减".split()
    ) == (lexicon.FALLING_VERBS)
    assert {"增长", "增加", "提高", "净增", "减少", "扩大", "缩小"} <= lexicon.AMOUNT_CHANGE_VERBS
    assert "节约" not in lexicon.AMOUNT_CHANGE_VERBS  # a saving is the amount kept
    assert lexicon.FALLING_VERBS | lexicon.AMOUNT_CHANGE_VERBS <= set(lexicon.CHANGE_VERBS)


def test_a_compound_unit_is_a_thing_times_a_distance_with_any_scale() -> None:
    assert {"芯千米", "吨公里", "人海里"} <= set(lexicon.compound_units())
    assert lexicon.unit_magnitude("万芯千米") == (1e4, "芯千米")
    facts = extract_text("全年新建光缆线路1.2万芯千米，货物周转量30亿车公里。").facts
    assert [(f.value, f.unit) for f in facts] == [(1.2, "万芯千米"), (30.0, "亿车公里")]


def test_power_units_above_the_kilowatt_are_units() -> None:
    facts = extract_text("新增装机1500兆瓦，储能规模2吉瓦时，变电容量300万千伏安。").facts
    assert [(f.value, f.unit) for f in facts] == [(1500, "兆瓦"), (2, "吉瓦时"), (300, "万千伏安")]
    assert convert(1500, "兆瓦", "万千瓦") == 150
