"""What a number is about: the shortest phrase of its clause that names it.

The subject usually sits between the clause start and the measure words
(`上半年城镇居民人均可支配收入24012元`); the period, place and modal words
around it are trimmed. A counted object may follow the number instead
(`推荐2人参加…研修班`). A clause with no subject of its own continues the
previous one (`上半年完成525.69亿元，同比增长8.1%`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from planwatch.extract.rules import Example, rule
from planwatch.vocabulary import lexicon

_YEAR = rf"{lexicon.YEAR}年(?:度)?"
_LEADING = re.compile(
    r"^(?:[\s\u3000—\-－·•、]|其中|另外|此外|同时|不论|无论|但是|但|截[至止]\S{0,4}?月[底末]|"
    rf"(?:[已则而并]?[由从比较])?(?:到|至|截至|截止)?{_YEAR}[末底]?的?|今年以来|今年|本年|去年|上年|明年|上半年|下半年|前三季度|第?[一二三四]季度|"
    r"[1一]\s*[-—–~至到]\s*\d{1,2}月份?|年[末底]|全年|年内|初步核算|经初步核算|据统计|"
    r"全市|全区|全省|全县|全州|全国|全镇|全盟|我区|我市|我省|我县|累计|共计|合计|总计|"
    r"第?[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[）)]|\d+(?:[.．]\d+)?、|\d+[.．](?![0-9０-９])|"
    # 由1952年的26.7%上升到1954年的33%: the second level's clause names only its year
    rf"(?:上升|下降|提高|降低|增加|减少|增长)(?:到|至)(?={_YEAR})|"
    # 同我国一九五二年生产…的水平大体相等: the compared-with mark
    r"同(?![比期口级样时类行业心步意])|超过了?|超出|(?:完成|实现|达到)了?|已经|已|又|为|是|有望|预计|确保|力争|争取|计划|(?:我们|我)?[要将](?=新|完成|实现|达到|建成|增加|引进|培育|开工|突破|超过|累计|力争|确保)|就将|就(?=达|是)|至少|如(?![东皋意期何今果若此实下需])(?=[\u4e00-\u9fff])|实际(?=完成|实现|达到)|共有|拥有|即|要求|"
    r"按(?:可比价格?|不变价格?|现价|可比部分|可比口径)计算|"
    r"(?:高于|低于|快于|慢于)[^，,。；]{1,10}?(?:增速|增幅|平均水平|水平|平均|$)|"
    r"(?:增幅|降幅|增速|涨幅)(?:比[^，,。；]{1,8}?)?(?=收窄|扩大|提高|回落|加快|放缓|$)|"
    r"[\"“”'‘’]|\[\d+\]|的(?=[\u4e00-\u9fff]{2}))+"
)
_TRAILING = re.compile(
    # 原定计划, 原计划, 年度计划 keep their 计划: the plan is the thing measured
    r"(?:(?<!原定)(?<!原)(?<!年度)计划|预计|预期|力争|力求|应该|应当|确保|争取|同口径|可比口径|按可比价格计算|按不变价格计算|同比|"
    # (收入合计, 支出总计: a total is named so; 合计 and 总计 stay)
    r"分别|累计|共计|共|达到了|达到|达|完成了|完成|实现了|实现|为|是|又|已经|已|将|约(?<!节约)|"
    # 支出执行130309万元, 各项税收共收到: the act of executing or receiving names nothing
    r"执行数?|(?:实际)?收到|首次|首度|再次|"
    # 有色金属矿采选业快速增长，同比增长23.9%: the topic clause's own predicate
    r"(?:快速|较快|稳步|平稳|持续|大幅|小幅|明显)(?:增长|下降|回升|回落|提升)|"
    # 按2020年价格计算: the basis of a figure is no part of what it measures
    r"按[^，,。；按]{1,12}?计算|"
    # 年产量就已经达到, 才增加到, 只有, 曾经两次接近: adverbs of time and degree
    r"接近|将近|近|(?<!成)就|(?<![人天奇英])才|只有|只|曾经|折合|折算|"
    r"超过|突破|不低于|不少于|不超过|控制在|稳定在|保持在|增至|提高至|提高到|增加到|上升到|"
    r"提升至|提升到|上升至|增长到|增长至|扩大到|扩大至|减少到|减少至|下降至|"
    # 为上年同期的105%, 相当于上年的98%: the base is no part of the subject
    r"(?:为|相当于|是)(?:上年|去年|上一年)(?:同期)?的?|相当于|"
    rf"[由从]{_YEAR}[末底]?的?|"
    r"下降到|降至|达到约|拟定|拟|仍然安排|安排|仍然|仍|由上年的|由上年|由|有望|有|的|要|了|可|(?<!以)上|"
    # 增速高于全州: the compared figure is no part of the subject
    r"(?:高于|低于|快于|慢于|高出|低出)[^，,。；高低快慢]{1,10}|"
    # 上升为56.5%: the level reached, named by the topic
    r"(?:上升|提高|下降|降低|增加|减少)为|"
    # 早在一八五四年就已经能够生产, 在二十世纪初期: when, not what
    rf"早在{_YEAR}|(?:就)?(?:已经)?能够生产|{_YEAR}生产|在[\u4e00-\u9fff]{{2,8}}(?:初期|中期|末期|时期|年代)|"
    # 支出预算由…变动为: the plan as changed keeps the plan's name
    r"(?:变动|调整|调增|调减)(?:为|到|至)|"
    r"超|逾|微|略|新增|全年|年内|稳定|保持|都|均|也|还|从|由|每月|每年|每人|"
    r"[，,、\s\u3000“”\"])+$"
)
# 主要畜禽产品肉产量: the product group before the product
# (粮食、棉花、烤烟等产品的产量 keeps its products: 的 joins them to the measure)
_PRODUCT_GROUP = re.compile(r"^\S*产品(?=(?!的)\S{1,6}产量$)")
_NO_QUOTES = str.maketrans("", "", '“”"‘’')
# (县（市、区）: brackets of administrative units are part of the name)
_BRACKETED = re.compile(
    r"[（(](?![市区县镇乡街道旗场、]+[）)])[^（()）]{0,12}[）)]|[\[［]\d+[\]］]"
)
_LIST_SPLIT = re.compile(r"[、和及与]")
_LIST_SPLIT_STRONG = re.compile(r"[、和]")
_LIST_SPLIT_COMMA = re.compile(r"、")
_RIGHT_STOP = re.compile(
    # a threshold (600分以上, 65周岁以上) belongs to the noun it qualifies
    r"[，,。；;：:、\n]|(?<![0-9０-９.])[0-9０-９](?![0-9０-９.]*(?:分|周岁|岁))|(?<=[目业位])中|其中|同比|比上年|增长|下降|占|分别|[高低快慢]于|上半年|全年|累计|共计|进行|完成(?=全年|年度|目标|计划)|按(?=[^，,。；]{1,10}计算)"
)
_VERB_ONLY = re.compile(r"^[\u4e00-\u9fff]{1,2}$")
_COUNTERS = lexicon.COUNTERS
MAX_SUBJECT = 24


@lru_cache(maxsize=16384)  # a pure function of its text: a report repeats its phrases
def trim(phrase: str, longest: int = MAX_SUBJECT) -> str:
    """`全年地区生产总值计划` → `地区生产总值`."""
    if "（" in phrase or "(" in phrase or "[" in phrase or "［" in phrase:
        phrase = _BRACKETED.sub("", phrase)
    previous = None
    while previous != phrase:
        previous = phrase
        phrase = _LEADING.sub("", phrase)
        phrase = _TRAILING.sub("", phrase)
    if len(phrase) > longest:
        phrase = _last_phrase(phrase)
    phrase = phrase.translate(_NO_QUOTES)
    return _PRODUCT_GROUP.sub("", phrase)


_LEADING_YEAR = re.compile(rf"^{_YEAR}")


def strip_year(phrase: str) -> str:
    """`１９５５年国家决算…` → `国家决算…`: a year leading a phrase names no thing."""
    return _LEADING_YEAR.sub("", phrase)


def unquoted(phrase: str) -> str:
    return phrase.translate(_NO_QUOTES)


def _last_phrase(phrase: str) -> str:
    # a long run-up holds several clauses' worth of words; the noun nearest the number wins
    for mark in ("，", ",", "；", "。", "：", "、"):
        if mark in phrase:
            phrase = phrase.rsplit(mark, 1)[1]
    return phrase[-MAX_SUBJECT:]


def object_after(text: str, start: int, unit: str | None, after_verb: bool) -> tuple[str, int]:
    """The counted noun right after a count (`3个项目` → `项目`) and where it ends.

    Only counts take an object, except after a verb of building or doing
    (`建成10公里健身绿道`), where any amount may."""
    if unit is None or (unit[-1] not in _COUNTERS and not after_verb):
        return "", start
    stop = _RIGHT_STOP.search(text, start, start + 30)
    end = stop.start() if stop is not None else min(len(text), start + 30)
    kind = _GENERIC_COUNTED.match(text, start, end)
    if kind is not None and stop is not None and _MEASURE_STOP.match(stop.group()):
        # 10个项目房屋征收户数完成全年目标的57.4%: the count's noun, then the next subject
        return kind.group(), kind.end()
    if stop is not None and stop.group() == "、":
        described = _DESCRIBED_HEAD.match(text, start, min(len(text), start + 40))
        if described is not None:
            # 4家主业突出、竞争力强的区属国有投融资平台公司: descriptors, then the head
            return described.group(1), described.end()
    # 企业和2个项目: a conjunction opens or closes the object; 与 may close a verb (参与)
    counted = text[start:end].strip(' \u3000“”"和及').lstrip("与").removeprefix("的")
    modifier, _, head = counted.rpartition("的")
    if modifier and _ACTIVITY.search(head):
        # 18条道路建设的调度工作: the work is about what is counted, so both name it
        activity = _ACTIVITY.sub("", head)
        # coordinated verbs (调度与督促) say what is done, not what it is done to
        counted = modifier if _CONJUNCTION.search(activity) else modifier + activity
    elif 0 < len(modifier) <= 4 and len(head) >= 2:
        counted = head  # 36个各具特色的典型示范社区: the head noun after the modifier
    return counted, end


_DESCRIBED_HEAD = re.compile(
    r"(?:[\u4e00-\u9fff]{2,8}的?、)+[\u4e00-\u9fff]{2,8}的([\u4e00-\u9fff]{2,16})(?=[，,。；;]|$)"
)
# 对3280个建设单位的统计: what is counted is surveyed, so the survey names nothing more
_ACTIVITY = re.compile(r"(?:工作|方案|任务|情况|问题|进度|调度|统计|调查|检查)$")
_GENERIC_COUNTED = re.compile(r"项目|企业|地块|点位|社区|单位|家庭|学校|村|户")
_MEASURE_STOP = re.compile(r"完成|增长|下降|同比|比上年|占")
_QUOTED_NAMES = re.compile(r"\s*“[^”]{1,20}”[、和及与]?")


def without_quoted_names(left: str, unit: str | None) -> str:
    """`落地“A”、“B”和“C”三个项目`: the quoted names are examples of what is counted."""
    if unit is None or unit[-1] not in _COUNTERS or not left.rstrip().endswith("”"):
        return left
    bare = _QUOTED_NAMES.sub("", left)
    return bare if len(bare) >= 2 else left


_CONJUNCTION = re.compile(r"以及|和|及|与")


def shared_head(subject: str) -> str:
    """`公园绿化以及节点绿化` → `绿化`: one amount for conjuncts that share their head."""
    if "和" not in subject and "及" not in subject and "与" not in subject:
        return subject  # no conjunction (each of `_CONJUNCTION` holds one of these)
    parts = [part for part in _CONJUNCTION.split(subject) if part]
    if len(parts) < 2:
        return subject
    head = parts[0]
    for part in parts[1:]:
        while head and not part.endswith(head):
            head = head[1:]
    return head if len(head) >= 2 else subject


def ends_with_verb(subject: str) -> bool:
    return subject.endswith(_VERBS)


def combine(left_subject: str, right_object: str) -> str:
    """Join a verb before a count with the object after it (`推荐` + `参加…研修班`)."""
    if not right_object:
        return left_subject
    if not left_subject or count_after_a_preposition(left_subject):
        return right_object
    if _VERB_ONLY.match(left_subject) or len(left_subject) <= 4:
        return left_subject + right_object
    if left_subject.startswith("对") and len(left_subject) > 3:
        return left_subject[1:] + right_object  # 对…办结的58件案件进行再督办: what is counted
    if _NAMES_BEFORE_COUNT.search(left_subject):
        if left_subject.endswith("等") and len(right_object) <= 2:
            return left_subject + right_object  # 武车A、农讲所等7个项目: examples of a kind
        quoted = left_subject.find("“")
        if quoted >= 2 and _VERB_AT_END.search(left_subject[:quoted].rstrip()):
            return left_subject[:quoted].rstrip() + right_object  # 计划落地“A”和“B”三个项目
        return right_object
    venue = _AWARD_VENUE.search(left_subject)
    if venue is not None and trim(venue.group(1)):
        return trim(venue.group(1)) + right_object  # 在巴黎奥运会获得3块金牌: 巴黎奥运会金牌
    verb = _VERB_AT_END.search(left_subject)
    if verb is not None:
        # a short run-up is part of the name (协助招商银行扶持…); a long one is scenery
        return (left_subject if len(left_subject) <= 12 else verb.group()) + right_object
    return left_subject


# 对, 为 as prepositions, not inside a verb (应对, 面对, 反对, 成为, 作为, 评为)
_PREPOSITION_AT_END = re.compile(
    r"(?:(?<![应面相反核比绝校配])对|(?<![成作认称评列定改分视因行])为|(?<![面走偏])向|"
    r"(?<![供补交])给|替|帮助)$"
)


@rule(
    Example(
        "根据2020年对320个重点企业的统计，节约资金2亿元。", "320", "value", 320, "个", "重点企业"
    ),
    Example("向300家小微企业发放补贴。", "300", "value", 300, "家", "小微企业"),
    Example("有效应对14轮强降雨。", "14", "value", 14, "轮", "应对强降雨"),
)
def count_after_a_preposition(left_subject: str) -> bool:
    """Words ending in a preposition before a count (`根据…对320个重点企业的统计`,
    `向300家企业`) name no thing: the noun counted after the number is the subject."""
    return _PREPOSITION_AT_END.search(left_subject[-3:]) is not None


_AWARD_VENUE = re.compile(r"在([^在，,。；]{2,16})(?:上|中)?(?:获得|荣获|夺得|斩获|取得|获)$")
_NAMES_BEFORE_COUNT = re.compile(r"等$|的$|[、”“]")
# verbs of doing and building a count follows (建成10公里, 举办6场); a subject ending in one
# ends in a verb (str.endswith over the tuple: one C loop, no regex tried at every offset)
_VERBS = (
    "建成",
    "完成",
    "新建",
    "建设",
    "实施",
    "开展",
    "举办",
    "组织",
    "引进",
    "推荐",
    "新增",
    "改造",
    "培训",
    "安置",
    "发放",
    "投入",
    "扶持",
    "评选",
    "确定",
    "获得",
    "荣获",
    "表彰",
    "修建",
    "打造",
    "形成",
    "培育",
    "服务",
    "惠及",
    "帮扶",
    "救助",
    "接待",
    "办理",
    "受理",
    "查处",
    "拆除",
    "整治",
    "签约",
    "落地",
    "吸引",
    "招引",
    "引育",
    "认定",
    "创建",
    "培养",
    "新开工",
    "开工",
    "竣工",
    "交付",
    "提供",
    "配送",
    "选派",
    "遴选",
    "设立",
    "成立",
    "新设立",
    "建成投用",
    "落地",
    "部署",
    "安装",
    "发展",
    "培育",
    "惠民",
    "帮扶",
    "覆盖",
    "带动",
    "吸纳",
    "涉及",
    "托管",
    "管理",
    "储备",
    "储存",
    "成功",
    "组成",
)
_VERB_AT_END = re.compile("(?:" + "|".join(_VERBS) + ")$")
_VERB_SET = frozenset(_VERBS)
_VERB_AT_START = re.compile("^(?:" + "|".join(_VERBS) + ")")
# 超过原定计划427亿元: the plan of the topic just named
PLAN_NOUNS = frozenset(("原定计划", "原计划", "年度计划", "预算数", "计划数"))
_GENERIC = frozenset(
    ("金额", "面积", "总额", "数量", "人数", "户数", "资金", "融资", "规模", "产值", "投资", "总量")
)
# what institutions just counted have: 学校…招生, 医院…床位, 机构…从业人员
_ENROLMENT = frozenset(
    ("招生", "在校生", "毕业生", "毕业", "教职工", "专任教师", "床位", "从业人员")
)


def _school_of(topic: str) -> str:
    """`普通高中招生` → `普通高中`: the schools an earlier figure was about."""
    for attribute in _ENROLMENT:
        if topic.endswith(attribute):
            return topic[: -len(attribute)]
    return topic


_LIST_HEADS = (
    "增加值",
    "产量",
    "产值",
    "价格",
    "面积",
    "投资",
    "收入",
    "利润",
    "销量",
    "销售额",
    "零售额",
    "出口",
    "进口",
    "总额",
    "浓度",
    "人数",
    "比重",
)


def starts_with_verb(subject: str) -> bool:
    return _VERB_AT_START.match(subject) is not None


@lru_cache(maxsize=16384)  # a pure function of its text, asked once per number
def borrows(subject: str) -> bool:
    """Whether `with_topic` may take anything from a topic for this (non-empty) subject.

    It mirrors each test of `with_topic` that uses the topic; for any other subject the
    topic changes nothing, so the reader need not look for one (tests/extract/test_subjects.py).
    """
    return (
        subject in _ENROLMENT
        or subject in _GENERIC
        or subject in PLAN_NOUNS
        or subject.startswith(("总", "进行", "在"))
        or (len(subject) <= 3 and not _OWN_MEASURE.search(subject))
        or subject in _VERB_SET
    )


# measures a change verb states; the subject before the verb is what changed
_CHANGE_MEASURES = frozenset(("yoy_growth", "change", "target_growth", "target_reduction"))


@rule(
    Example("主要产品的产量都有增长：生铁增长23%，钢增长28%。", "28", "yoy_growth", 28, "%", "钢"),
    Example("同上年比较，煤增加了六千万吨。", "六千万", "change", 60000000, "吨", "煤"),
    Example("主要产品产量：钢620万吨，纸52万吨。", "52", "value", 52, "万吨", "纸产量"),
)
def product_named_by_its_change(subject: str, measure: str) -> bool:
    """A product named right before its change verb (`钢增长28%`, `煤增加了六千万吨`) is the
    subject as the text names it: the output word of a product run (`产量`) is added only
    to an amount that stands alone for the product's output (`纸52万吨`)."""
    return bool(subject) and measure in _CHANGE_MEASURES


_CUMULATIVE = re.compile(r"(?:累计|共有|总数|总量|达到|达)[^，,。；]{0,3}$")


@rule(
    Example("新增国家级5G工厂14家，累计81家。", "81", "value", 81, "家", "国家级5G工厂"),
    Example("新增上市公司3家，年末共有58家。", "3", "value", 3, "家", "新增上市公司"),
)
def stock_of_the_new(name: str, left: str) -> str:
    """`新增国家级5G工厂14家，累计81家`: the total after the newly added is of the things
    themselves, not of the new ones (`国家级5G工厂`); ``left`` is the clause before the number."""
    if not name.startswith("新增") or name.startswith("新增加") or len(name) < 5 or "新增" in left:
        # (新增就业…累计达到30万人: a short act stays the new jobs, counted over years)
        return name
    return name[2:] if _CUMULATIVE.search(left) else name


CONTRIBUTION = ("拉动", "下拉", "拉低", "带动")


@rule(
    Example(
        "甲县生产总值增长5.1%，占比39.9%，拉动全州经济增长2.1个百分点。",
        "2.1",
        "pp_change",
        2.1,
        "个百分点",
        "甲县生产总值拉动全州经济",
    ),
    Example(
        "乙县工业增加值增长8%，拉动全市工业增加值增长1.5个百分点。",
        "1.5",
        "pp_change",
        1.5,
        "个百分点",
        "乙县拉动全市工业增加值",
    ),
)
def contribution_of(name: str, contributor: str | None) -> str:
    """`甲县…增长5.1%，拉动全州经济增长2.1个百分点`: a contribution to growth is the
    contributor's (the sentence's subject before it), never the whole it lifts alone."""
    if not contributor or not name.startswith(CONTRIBUTION) or contributor.startswith(CONTRIBUTION):
        return name
    # 乌恰县农林牧渔业总产值 lifting 农林牧渔业总产值: the contributor is 乌恰县
    whole = name[2:]
    shared = 0
    while (
        shared < min(len(whole), len(contributor))
        and whole[-1 - shared] == contributor[-1 - shared]
    ):
        shared += 1
    if shared >= 3 and len(contributor) - shared >= 2:
        contributor = contributor[:-shared]
    return contributor + name


def with_topic(subject: str, topic: str, clause_topic: bool, products: bool) -> str:
    """A bare attribute (`金额`), verb (`服务`) or product (`纸`) borrows from the topic."""
    if (
        products
        and len(subject) <= 8
        and not _MEASURE_NOUN.search(subject)
        and "产量" not in subject
    ):
        return subject + "产量"
    if not topic or not subject or topic.endswith(subject):
        return subject
    if subject in _ENROLMENT:
        # 普通高中31所，招生2.7万人；在校生7.3万人: each figure is of the places counted
        return _school_of(topic) + subject
    if subject in _GENERIC or subject in PLAN_NOUNS or subject.startswith("总"):
        return topic + subject
    if subject.startswith("进行") and len(subject) > 2:
        # 对14个社会工作项目进行定制型的指导42次: the act done to the thing just counted
        return topic + subject.rpartition("的")[2].removeprefix("进行")
    if subject in _VERB_SET:
        return topic + subject  # 服务近千人次: the verb of the activity just named
    if clause_topic and subject.startswith("在"):
        return topic + subject
    sibling = _SIBLING_MEASURE.search(topic)
    if sibling and sibling.start() > 0 and len(subject) <= 3 and not _OWN_MEASURE.search(subject):
        # 葡萄种植面积63万亩，杏8万亩: a bare item in a run measures what its sibling did
        return subject + sibling.group()
    return subject


_SIBLING_MEASURE = re.compile(
    r"(?:种植面积|播种面积|收获面积|产量|存栏|出栏|产值|增加值|零售额|营业收入)$"
)
# 利润, 收入, 投资 are amounts themselves, never items of a sibling's run
_OWN_MEASURE = re.compile(r"[量值额率数价积润入税本用资出款产]$")
# 亩产, 单产 are yields already: no 产量 is added to them
_MEASURE_NOUN = re.compile(r"[量值额率数价积产]$|[\u4e00-\u9fff]{2}(?:[了过]|进行|完成)")
# amounts of a product in its physical unit, in a passage about output
PHYSICAL_UNITS = re.compile(r"(?:吨|辆|台|架|只|立方米|马力|千瓦时|度|件|支|米|千瓦|箱|套)$")
OUTPUT_WORDS = re.compile(r"产量|产品|工业，|工业,")


def split_list(subject: str, count: int) -> list[str] | None:
    """`PM10和PM2.5浓度均值` → two subjects, each with the shared head noun."""
    if "等" in subject:
        return _split_examples(subject, count)
    if count < 2:
        return None
    sectors = three_sectors(subject, count)
    if sectors is not None:
        return sectors
    if count == 2 and subject.startswith("城乡") and not _LIST_SPLIT.search(subject):
        # 城乡居民收入分别为…和…: 城乡 is the towns and the countryside, in that order
        return ["城镇" + subject[2:], "农村" + subject[2:]]
    # 及 and 与 also join words inside a name (电气机械及器材制造业): try the strong marks first
    for splitter in (_LIST_SPLIT, _LIST_SPLIT_STRONG, _LIST_SPLIT_COMMA):
        parts = [p for p in splitter.split(subject) if p]
        if len(parts) == count:
            break
    else:
        return None
    last = parts[-1]
    shared = [_with_head(part, last) for part in parts[:-1]]
    return shared + [last]


_THREE_SECTORS = ("第一产业", "第二产业", "第三产业")
_SECTORS_WORD = re.compile(r"^(?:三次产业|三大产业)(?:分别)?")


@rule(
    Example(
        "三次产业分别拉动经济增长0.6、2.0、3.4个百分点。",
        "2.0",
        "pp_change",
        2.0,
        "个百分点",
        "第二产业拉动经济",
    ),
    Example(
        "三次产业对经济增长的贡献率分别为9.9%、33.4%和56.7%。", "9.9", "share", 9.9, "%", "第一产业"
    ),
)
def three_sectors(subject: str, count: int) -> list[str] | None:
    """`三次产业分别拉动经济增长0.6、2.0、3.4个百分点`: three numbers over the three sectors
    are of 第一产业, 第二产业 and 第三产业 in that order, each with the rest of the subject."""
    words = _SECTORS_WORD.match(subject) if count == 3 else None
    if words is None:
        return None
    rest = subject[words.end() :]
    return [sector + rest for sector in _THREE_SECTORS]


def _with_head(part: str, last: str) -> str:
    if len(part) >= len(last) - 1:
        return part
    if len(part) >= 3 and _OWN_MEASURE.search(part):
        return part  # 死亡人数、…、直接经济损失: a part naming its own measure needs no head
    if part.isascii() and not last[:1].isascii():
        return part
    if part.isascii():
        ascii_end = len(last) - len(last.lstrip(_ASCII_NAME))
        return part + last[ascii_end:]
    # 国家级、省级农业产业化龙头企业: the last part's modifier ends like this one
    same_end = last.find(part[-1], 0, len(part) + 1)
    head = _HEAD_NOUN.search(last)
    if same_end < 0 and head is not None and part.endswith("业"):
        # 农业、林业…和农林牧渔业专业及辅助性活动产值: sectors share only the measure noun
        return part + head.group()
    industry = _INDUSTRY_HEAD.search(last) if same_end < 0 else None
    if industry is not None:
        return part + industry.group()  # 新材料、生物医药产业产值: 新材料产业产值
    cut = same_end + 1 if same_end >= 0 else len(part)
    return part + last[cut:]


_HEAD_NOUN = re.compile(
    r"(?:总产值|产值|增加值|产量|销量|面积|收入|支出|投资|总额|零售额|利润|人数|浓度均值)$"
)


_INDUSTRY_HEAD = re.compile(r"(?:产业|行业)(?:总产值|产值|增加值|营业收入|收入|投资|利润)$")
_ASCII_NAME = "0123456789.ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def _split_examples(subject: str, count: int) -> list[str] | None:
    """`集成电路、传感器等新兴产品产量` → `集成电路产量`, `传感器产量`."""
    examples, _, rest = subject.rpartition("等")
    parts = [p for p in _LIST_SPLIT.split(examples) if p]
    if len(parts) != count:
        return None
    head = next((h for h in _LIST_HEADS if rest.endswith(h)), "")
    return [part + head for part in parts]


_YARDSTICK_WORDS = re.compile(
    r"^(?:分别)?(?:占|完成|达到?|为|是)了?|(?:的)?(?:比例|比重|进度)?(?:为|达到?)?$|"
    r"全年|年度|市级|省级|区级|下达的?|既定|预期|上级|总?(?:目标|任务|计划|预算)|的"
)


def named_task(phrase: str) -> str:
    """`完成基础教育优化布局总任务的` → `基础教育优化布局`; a yardstick of the year
    (`占全年绩效面积目标的`) measures the subject before it and names nothing."""
    if "全年" in phrase or "年度" in phrase:
        return ""
    task = trim(_YARDSTICK_WORDS.sub("", phrase))
    return task if len(task) >= 4 else ""
