"""Number tokens: what counts as an amount, its value, unit and qualifier."""

from __future__ import annotations

import pytest

from planwatch.extract.numbers import scan, to_float


def tokens(text: str) -> list[tuple[str, float, str | None, str | None]]:
    return [(text[t.start : t.end], t.value, t.unit, t.qualifier) for t in scan(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("完成525.69亿元", [("525.69", 525.69, "亿元", None)]),
        ("收购商品总额1，992亿元", [("1，992", 1992.0, "亿元", None)]),
        ("粮食种植面积1,186.5千公顷", [("1,186.5", 1186.5, "千公顷", None)]),
        ("同比增长１４.５％", [("１４.５", 14.5, "%", None)]),
        ("出生率为7.28‰", [("7.28", 7.28, "‰", None)]),
        ("提高0.52个百分点", [("0.52", 0.52, "个百分点", None)]),
        ("办理业务12000余人次", [("12000", 12000.0, "人次", "at_least")]),
        ("投入40万余元", [("40", 40.0, "万元", "at_least")]),
        ("成果3，000多项", [("3，000", 3000.0, "项", "at_least")]),
        ("服务近千人次", [("千", 1000.0, "人次", "approx")]),
        ("增长百分之五点五", [("五点五", 5.5, "%", None)]),
        ("新建一万二千套", [("一万二千", 12000.0, "套", None)]),
        ("等两所新建公办园", [("两", 2.0, "所", None)]),
        ("控制在3.20%以内", [("3.20", 3.2, "%", "at_most")]),
        ("增长9%以上。", [("9", 9.0, "%", "at_least")]),
        ("稳定在600万人左右", [("600", 600.0, "万人", "approx")]),
        ("减产一成以上", [("一成", 10.0, "%", "at_least")]),
        ("增长-2.3%", [("-2.3", -2.3, "%", None)]),
        # an intensity per sum of output keeps its whole unit (the spec: the unit as written)
        ("单位GDP能耗0.45吨标准煤/万元", [("0.45", 0.45, "吨标准煤/万元", None)]),
        ("用水量12.5立方米/万元", [("12.5", 12.5, "立方米/万元", None)]),
        ("均价12000元/平方米", [("12000", 12000.0, "元/平方米", None)]),
    ],
)
def test_amounts(text: str, expected: list[tuple[str, float, str | None, str | None]]) -> None:
    assert tokens(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "6月29日",
        "2017年",
        "第六届",
        "5号线",
        "十三五规划",
        "PM2.5浓度",
        "一是加快建设",
        "进一步推进",
        "首义千家创客社区",
        "三个“升级版”",
        "八项规定",
        "引进30亿元以上现代服务业项目",
        "2000万元及以上的批发业企业",
        "0-15岁",
        "5G基站",
    ],
)
def test_not_amounts(text: str) -> None:
    assert [t for t in scan(text) if t.unit is not None] == []


def test_numerals_convert_only_as_tokens() -> None:
    assert to_float("一万二千") == 12000.0
    assert to_float("两") == 2.0
    assert to_float("1，992") == 1992.0
    assert to_float("一般") is None
