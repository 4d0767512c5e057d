from collections import Counter

import pytest

from planwatch import catalog
from planwatch.catalog import CATEGORIES, DIRECTIONS, KINDS, CatalogError, normalise


@pytest.fixture(scope="module")
def cat() -> catalog.Catalog:
    return catalog.load_catalog()


def test_catalogue_is_large_and_well_formed(cat: catalog.Catalog) -> None:
    assert len(cat) >= 60
    for indicator in cat:
        assert indicator.kind in KINDS
        assert indicator.direction in DIRECTIONS
        assert indicator.category in CATEGORIES
        assert indicator.english
    assert {ind.category for ind in cat} == CATEGORIES


def test_load_is_cached() -> None:
    assert catalog.load_catalog() is catalog.load_catalog()


def test_no_alias_names_two_indicators(cat: catalog.Catalog) -> None:
    keys = Counter(normalise(name) for ind in cat for name in set(ind.names))
    assert [key for key, count in keys.items() if count > 1] == []


@pytest.mark.parametrize(
    "name",
    [
        "地方一般公共预算收入",
        "地方公共财政预算收入",
        "一般公共预算收入",
        "地方财政收入",
        "公共财政预算收入",
    ],
)
def test_budget_revenue_aliases(name: str) -> None:
    found = catalog.lookup(name)
    assert found is not None and found.name == "地方一般公共预算收入"
    assert found.unit == "亿元" and found.kind == "flow" and found.direction == "up"


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("GDP", "地区生产总值"),
        ("ＧＤＰ", "地区生产总值"),  # full-width letters
        ("gdp", "地区生产总值"),
        ("全区生产总值", "地区生产总值"),  # scope word dropped
        ("全市 全年 生产总值", "地区生产总值"),
        ("国内生产总值", "地区生产总值"),
        ("固定资产投资", "全社会固定资产投资"),
        ("CPI", "居民消费价格"),
        ("居民消费价格指数", "居民消费价格"),
        ("实际使用外资", "实际利用外资"),
        ("外贸进出口总额", "进出口总额"),
        ("外贸出口总额", "出口总额"),
        ("单位GDP能耗", "单位生产总值能耗"),
        ("万元GDP能耗", "单位生产总值能耗"),
        ("PM2.5平均浓度", "PM2.5浓度"),
        ("ＰＭ２．５浓度均值", "PM2.5浓度"),
        ("优良天数比例", "空气质量优良天数比例"),
        ("城镇化率", "常住人口城镇化率"),
        ("R&D经费", "研究与试验发展经费支出"),
        ("招商引资总额", "招商引资"),
        ("居民人均可支配收入", "居民人均可支配收入"),
    ],
)
def test_lookup_alias(name: str, canonical: str) -> None:
    found = catalog.lookup(name)
    assert found is not None and found.name == canonical


def test_lookup_is_exact(cat: catalog.Catalog) -> None:
    assert cat.lookup("全年地方公共财政预算收入增长") is None
    assert cat.lookup("重点项目") is None
    assert cat.lookup("全国") is None


@pytest.mark.parametrize(
    "name", ["城镇登记失业率", "城镇调查失业率", "单位生产总值能耗", "PM2.5浓度", "居民消费价格"]
)
def test_lower_is_better(name: str) -> None:
    found = catalog.lookup(name)
    assert found is not None and found.direction == "down" and found.lower_is_better


def test_unemployment_is_a_rate_in_percent() -> None:
    found = catalog.lookup("登记失业率")
    assert found is not None and found.kind == "rate" and found.unit == "%"


@pytest.mark.parametrize(
    ("subject", "canonical"),
    [
        ("全年地方公共财政预算收入", "地方一般公共预算收入"),
        ("城镇居民人均可支配收入", "城镇居民人均可支配收入"),
        ("农村常住居民人均可支配收入", "农村居民人均可支配收入"),
        ("全体居民人均可支配收入", "居民人均可支配收入"),
        ("1-6月全区完成固定资产投资", "全社会固定资产投资"),
        ("人均地区生产总值", "人均地区生产总值"),
        ("常住人口城镇化率", "常住人口城镇化率"),
        ("规模以上工业增加值", "规模以上工业增加值"),
        ("每万元GDP能耗", "单位生产总值能耗"),
        ("地方一般公共预算收入中税收收入", "地方一般公共预算收入"),
        ("单位二氧化碳排放降低率", "单位生产总值二氧化碳排放"),
        ("帮扶困难群体再就业", "新增城镇就业困难人员就业"),
    ],
)
def test_find_prefers_longest_alias(subject: str, canonical: str) -> None:
    found = catalog.find(subject)
    assert found is not None and found.name == canonical


def test_find_without_indicator() -> None:
    assert catalog.find("完成重点项目年度计划") is None
    assert catalog.find("失信市场主体") is None  # not the count of market entities


def _entry(name: str, aliases: list[str], **fields: str) -> str:
    base = {
        "english": "x",
        "unit": "亿元",
        "kind": "flow",
        "direction": "up",
        "category": "经济发展",
    }
    base.update(fields)
    body = "".join(f"  {key}: {value}\n" for key, value in base.items())
    return f"- name: {name}\n{body}  aliases: [{', '.join(aliases)}]\n"


def test_duplicate_alias_is_rejected_with_both_owners() -> None:
    text = _entry("甲", ["共同"]) + _entry("乙", ["共同"])
    with pytest.raises(CatalogError, match="'共同' of '乙' is already used by '甲'"):
        catalog.parse_catalog(text)


def test_alias_equal_after_normalisation_is_rejected() -> None:
    text = _entry("甲", ["GDP"]) + _entry("乙", ["全市ｇｄｐ"])
    with pytest.raises(CatalogError, match="already used"):
        catalog.parse_catalog(text)


@pytest.mark.parametrize(
    ("field", "value"), [("kind", "level"), ("direction", "sideways"), ("category", "其他")]
)
def test_bad_enumerations_are_rejected(field: str, value: str) -> None:
    with pytest.raises(CatalogError, match=f"indicator #1 .*{field} '{value}' is not one of"):
        catalog.parse_catalog(_entry("甲", [], **{field: value}))


def test_missing_field_is_rejected() -> None:
    with pytest.raises(CatalogError, match=r"missing \['unit'\]"):
        catalog.parse_catalog(
            "- {name: 甲, english: x, kind: flow, direction: up, category: 经济发展}"
        )
