"""The fact grammar: number tokens plus their clause context become facts.

One pass over the number tokens. For each, the clause text before it gives
the measure words and the subject; the sentence and section give the period
and whether it states a plan. `分别` lists and structure ratios spread one
subject phrase over several numbers.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import NamedTuple

from planwatch.extract import subjects
from planwatch.extract.budgets import budget_left_unchanged
from planwatch.extract.comparisons import base_year_amount, change_against_other_base
from planwatch.extract.illustrations import not_measured
from planwatch.extract.layout import Layout
from planwatch.extract.measures import Reading, classify
from planwatch.extract.model import Fact
from planwatch.extract.numbers import MEDAL, NumberToken, is_unitless_reading
from planwatch.extract.tense import achieved_to_date, capped, is_closed, is_future
from planwatch.periods import Period

# 3.8%和4.3%: a list; 3%-5%: a range, whose bounds share one reading
_LIST_GAP = re.compile(r"[、和及与\s]{0,2}|[-－—~～至到]")
_RANGE_DASHES = "-－—~～至到"
_RESPECTIVE_GAP = re.compile(r"[、和及与\s,，]{1,2}")
_RUN_UP = 240
_SCENE = re.compile(
    r"(?:稳步|加快|全面|大力|积极|深入)?(?:推进|推动|开展|实施)([\u4e00-\u9fff]{2,14}?)"
    r"(?:实施|建设|工作|改革)?(?=[，,；;])"
)
# acts done within a scene; words that are also nouns (服务, 管理, 发展) are left out
_SCENE_ACT = re.compile(r"部署|安装|建成|新建|改造|交付|接入|上线|开通|培训|发放|配备|铺设")
_COMPARABLE = re.compile(r"同口径|可比口径")
_LONGEST_LIST = 16  # 分别 lists name a handful of items; longer runs are not one list
_PREDICATE_START = re.compile(
    r"再创|创|实现|保持|继续|持续|稳定|达到|完成|突破|超过|位居|居|增长|下降|一直|处于|"
    # 包括…在内: an aside on what is counted, naming nothing
    r"包括|不包括|不含"
)
_BASIS = re.compile(r"按[^，,。；]{1,10}计算")
# 生铁、钢、煤炭、发电设备、机车、汽车、动力机械等产品的产量: a list of examples runs longer
_TOPIC_LIST = re.compile(r"[\u4e00-\u9fff、]{2,40}(?<=[量值额数率])")
_TOPIC_CLAUSE = re.compile(r"[\u4e00-\u9fff、]{2,24}")
_RATIO_GAP = re.compile(r"[：:︰∶]")
_RATIO_SUBJECT = re.compile(r"结构|比例|之比|比为")
_NEAR = 24  # how far before a number a date word still governs it
_PARTS_SLACK = 2.0  # parts of a whole, rounded, add up to 100 within this
_THREE_SECTORS = ("第一产业", "第二产业", "第三产业")
# 产品的产量都有增长：never 品的产量, a head cut from the middle of a word
_COLON_HEAD = re.compile(
    r"((?:(?!的)[\u4e00-\u9fff]){0,2}?(?:人数|产量|面积|总额|产值))[^。；：]{0,8}：$"
)
# the whole after a rate: words with no numeral, not a change (上升到1954年的33%)
_RATE_OF = re.compile(
    r"的?(?!上升|下降|提高|降低|增长|增加|减少)"
    r"((?:(?![一二三四五六七八九十百千万亿零〇两])[\u4e00-\u9fff]){2,16})(?=[，,。；;]|$)"
)
_PLAN_NOUNS = tuple(subjects.PLAN_NOUNS)
_NEW_OR_LIFTING = frozenset("新拉下带")  # 新增…累计, 拉动/下拉/带动: see the reader's names
_SPACES = re.compile(r"[ \u3000]+")
_SPAN_LEAD = re.compile(r"[\s\u3000—\-－、和及与]*")

# a subject's indicator name, and whether its good direction is down (失业率, 能耗)
IndicatorLookup = Callable[[str], tuple[str | None, bool]]


class _Context(NamedTuple):
    """What the numbers of one clause share: where the phrase starts, period, basis, mode."""

    start: int
    period: str | None
    basis: str | None
    target: bool


class TooSlow(Exception):
    """Reading a document took longer than its time budget."""


class Reader:
    """Reads the facts of one document; `topic` carries a subject between clauses."""

    def __init__(
        self,
        text: str,
        layout: Layout,
        indicator: IndicatorLookup,
        deadline: float | None = None,
    ) -> None:
        self.text = text
        self.deadline = deadline  # a time.monotonic() reading past which reading stops
        self.layout = layout
        self.indicator = indicator
        self.topic = ""
        self.topic_line = -1
        self.topic_pos = -1
        self.facts: list[Fact] = []

    def read(self, tokens: list[NumberToken]) -> list[Fact]:
        index, previous_end = 0, 0
        while index < len(tokens):
            if self.deadline is not None and time.monotonic() > self.deadline:
                raise TooSlow(f"reading stopped at character {tokens[index].start}")
            clause_start = self.layout.clause_start(tokens[index].start)
            group = self._group(tokens, index, clause_start)
            if tokens[index].unit is None and len(group) < 2 and not self._bare_ok(tokens[index]):
                index += 1
                continue
            previous_end = self._read_group(group, previous_end, clause_start)
            index += len(group)
        return self.facts

    def _group(self, tokens: list[NumberToken], index: int, clause_start: int) -> list[NumberToken]:
        """The token at `index` and the tokens listed right after it (`3.8%和4.3%`, `1.2：36.6`)."""
        group = [tokens[index]]
        ratio = tokens[index].unit is None
        gap = _RATIO_GAP if ratio else _LIST_GAP
        start = group[0].start
        if not ratio and self.text.find("分别", max(clause_start, start - _RUN_UP), start) >= 0:
            gap = _RESPECTIVE_GAP
        while index + len(group) < len(tokens) and len(group) < _LONGEST_LIST:
            following = tokens[index + len(group)]
            if (following.unit is None) != ratio:
                break
            # measured from where the number's words begin: 百分之九点四和百分之十四点五
            # (no gap pattern spans more than two characters: a longer one is settled here)
            between = following.lead - group[-1].span_end
            if between > 2 or not gap.fullmatch(self.text, group[-1].span_end, following.lead):
                break
            group.append(following)
        return group

    def _is_range(self, group: list[NumberToken]) -> bool:
        between = self.text[group[0].span_end : group[1].lead]
        return len(between) == 1 and between in _RANGE_DASHES

    def _outside_brackets(self, left_start: int, previous_end: int) -> int:
        """机床（不包括简易机床，下同）增加了…: a comma inside brackets ends no clause."""
        close = self.text.find("）", left_start - 1, left_start + 24)
        if close < 0 or self.text.find("（", left_start - 1, close) >= 0:
            return left_start
        opened = self.text.rfind("（", max(0, left_start - 24, previous_end), left_start)
        if opened < 0:
            return left_start  # (含公交车2990辆，巡游出租车…): items inside brackets
        return max(self.layout.clause_start(opened), self.topic_pos + 1, opened - _RUN_UP)

    def _bare_ok(self, token: NumberToken) -> bool:
        if MEDAL.match(self.text, token.end):
            return True
        return is_unitless_reading(self.text, token.start)

    def _read_group(self, group: list[NumberToken], previous_end: int, clause_start: int) -> int:
        """Facts for one number or list of numbers; returns how far the text has been read."""
        first = group[0]
        layout = self.layout
        # an object read after the previous count may run past this number: never beyond it
        left_start = max(clause_start, previous_end, first.lead - _RUN_UP)
        left_start = min(self._outside_brackets(left_start, previous_end), first.lead)
        # 下降  14.5%: the spaces a PDF puts before a number are no words
        left = self.text[left_start : first.lead].rstrip(" \u3000\t")
        # the sentence's run-up, bounded: plan words sit near the numbers they govern
        own_sentence = layout.sentence_start(first.start)
        sentence = self.text[max(own_sentence, first.lead - _RUN_UP) : first.lead]
        section = layout.section(first.start)
        period, named = layout.period_before(first.start, own_sentence, section)
        planned_section = section.target
        closed = named and is_closed(period, layout.document_period, layout.ahead)
        target = (planned_section and not closed) or self._ahead(period, named, sentence)
        if target and achieved_to_date(sentence):
            target = False
        hint = subjects.trim(left)
        past = not planned_section and self._reviewed(period)
        reading = classify(left, first.unit, sentence, None if past else target, hint)
        if not reading.measure or not_measured(self.text, first, left, sentence):
            return previous_end  # 是上年的1.5倍: a multiple with no growth word
        if reading.measure == "value" and budget_left_unchanged(self.text, group[-1].span_end):
            reading = Reading("target_value", reading.sign, reading.cut)
        if reading.measure == "yoy_growth":
            clause = self.text[clause_start : first.lead]
            if change_against_other_base(clause, period):
                reading = Reading("change", reading.sign, reading.cut)
        if not named and reading.measure.startswith("target") and not layout.ahead:
            # 中兴通讯计划在我区落地三个项目: a plan that names no date (a work report's are the year's)
            period = period if planned_section else None
        period = None if not named and "逐步" in sentence else period  # 逐步形成4家…公司
        base_year = base_year_amount(left) if left.endswith("的") else None
        if base_year is not None:
            # the base's amount was reached, even in a sentence of plans (将由1955年的46%提高到…)
            period, named = base_year, True
            if reading.measure == "target_value":
                level = "share" if first.unit in ("%", "‰") else "value"
                reading = Reading(level, reading.sign, reading.cut)
        subject = _subject(left, reading, group, hint)
        names, consumed = self._names(group, subject, left_start, reading)
        if names is None:
            return consumed
        lead = _SPAN_LEAD.match(self.text, left_start, first.start)
        context = _Context(
            start=lead.end() if lead else left_start,
            period=period.code if period else None,
            basis="comparable" if _comparable(left, sentence) else None,
            target=target,
        )
        if len(names) == 1 and names[0][:1] in _NEW_OR_LIFTING:
            names = [subjects.stock_of_the_new(names[0], left[-12:])]
            if names[0].startswith(subjects.CONTRIBUTION):
                names = [subjects.contribution_of(names[0], self._contributor(own_sentence))]
        for token, name in zip(group, names, strict=True):
            self.facts.append(self._fact(token, name, reading, context, len(group)))
        return consumed

    def _fact(
        self, token: NumberToken, name: str, reading: Reading, context: _Context, listed: int
    ) -> Fact:
        measure = reading.measure
        if token.unit is None:
            # a bare number is a ratio part (share) or an index reading (value)
            measure = "share" if listed > 1 else ("target_value" if context.target else "value")
        name = subjects.unquoted(name).removeprefix("比").removeprefix("较")
        if " " in name or "\u3000" in name:
            name = _SPACES.sub("", name)  # 新建  5G-A通信基站: a PDF's spacing is no part of a name
        # 增长2倍 keeps its unit as written: a growth of 2 times (facts.md)
        value, unit = token.value * reading.sign + reading.offset, token.unit
        indicator, lower_is_better = self.indicator(name) if name else (None, False)
        return Fact(
            subject=name or None,
            measure=measure,
            value=value,
            unit=unit,
            period=context.period,
            span=(context.start, token.span_end),
            number_span=(token.start, token.end),
            text=self.text[context.start : token.span_end],
            indicator=indicator,
            qualifier=capped(measure, token.qualifier, lower_is_better),
            basis=context.basis,
        )

    def _contributor(self, sentence_start: int) -> str | None:
        """The subject of the sentence's latest fact: what a contribution to growth is of."""
        for fact in reversed(self.facts[-8:]):
            if fact.span[0] < sentence_start:
                return None
            if fact.subject and not fact.subject.startswith(subjects.CONTRIBUTION):
                return fact.subject
        return None

    def _reviewed(self, period: Period | None) -> bool:
        """A work report's figures for an earlier year: results, whatever the verb (争取…资金)."""
        document = self.layout.document_period
        if not self.layout.ahead or period is None or document is None:
            return False
        return period.year < document.year

    def _ahead(self, period: Period | None, named: bool, sentence: str) -> bool:
        """下半年…, 预计全年…: a period the document has not yet closed holds plans."""
        document = self.layout.document_period
        if is_future(period, document, named, self.layout.ahead):
            return True
        if document is not None and "年内" in sentence[-_NEAR:]:
            return self.layout.ahead or document.months < 12  # 年内完成…: a year still open
        if period is None or document is None or "预计" not in sentence:
            return False
        return period.year == document.year and period.months > document.months

    def _names(
        self, group: list[NumberToken], subject: str, left_start: int, reading: Reading
    ) -> tuple[list[str] | None, int]:
        """One subject per token, and the offset up to which the text has been read."""
        first = group[0]
        end = group[-1].span_end
        if first.unit is None and len(group) > 1:
            return self._ratio_names(group, subject), end
        medal = MEDAL.match(self.text, first.end) if first.unit is None else None
        if medal is not None:
            return [medal.group()], medal.end()
        if len(group) == 1:
            return self._single_name(first, subject, left_start, reading.measure)
        if len(group) == 2 and self._is_range(group):
            # 旅游度假区、旅游休闲街区2-3家: both bounds are of the whole subject
            names, consumed = self._single_name(group[-1], subject, left_start)
            return names * 2, max(consumed, end)
        if subject:
            parts = subjects.split_list(subject, len(group)) or self._groups_of(
                group, subject, left_start
            )
        else:
            # 木材和水泥的产量，也将分别增长9.4%和14.5%: the list sits in the clause before
            parts = subjects.split_list(self._clause_topic(left_start), len(group))
            parts = parts or self._earlier_subjects(len(group), first.start)
            right, right_end = subjects.object_after(self.text, end, group[-1].unit, True)
            if parts is None and right:
                # 完成370余块2000余平方米主次干道门面招牌勘查设计: amounts of one object
                return [right] * len(group), right_end
        if parts is None:
            name = self._carry(subject, first.start, left_start, False)
            return [name] * len(group), end
        self._remember(subject, first.start)
        return parts, end

    def _single_name(
        self, token: NumberToken, subject: str, left_start: int, measure: str = "value"
    ) -> tuple[list[str], int]:
        """The subject of a lone number: its own clause's, one after it, or the topic."""
        if not subject and token.unit in ("%", "‰"):
            described = _RATE_OF.match(self.text, token.span_end)
            if described is not None:
                # 67.5%的初中毕业生升入高中, 60%学校纳入集团管理: the rate names its whole after it
                self._remember(described.group(1), token.start)
                return [described.group(1)], described.end()
        after_verb = subjects.ends_with_verb(subject)
        right, right_end = subjects.object_after(self.text, token.span_end, token.unit, after_verb)
        # 国营商业和合作社营商业将占54.9%: a share of the two together, so no shared head
        percent = token.unit in ("%", "‰")
        head = subject if percent else subjects.shared_head(subject)
        named = subjects.combine(head, right)
        as_written = subjects.product_named_by_its_change(named, measure)
        if named and len(named) <= 6 and not as_written:
            named += self._list_head(token.start)
        end = right_end if right and named != subject else token.span_end
        products = not as_written and self._about_output(token, named)
        return [self._carry(named, token.start, left_start, products)], end

    def _list_head(self, pos: int) -> str:
        """`招生人数将为：高等学校10万人，小学2000万人`: the measure the colon puts over items."""
        colon = self.text.rfind("：", max(0, pos - _RUN_UP), pos)
        if colon < 0:
            return ""  # the common case, settled before finding the sentence
        start = max(self.layout.sentence_start(pos), pos - _RUN_UP)
        head = _COLON_HEAD.search(self.text, start, colon + 1) if colon >= start else None
        # 主要产品产量：钢620万吨: the product group is no part of each product's name
        return head.group(1).removeprefix("产品") if head is not None else ""

    def _ratio_names(self, group: list[NumberToken], subject: str) -> list[str] | None:
        if not _RATIO_SUBJECT.search(subject):
            return None
        if abs(sum(token.value for token in group) - 100) > _PARTS_SLACK:
            return None  # 收入之比突破1：1: one quantity against another, no parts of a whole
        if "三次产业" in subject or "三产" in subject:
            if len(group) == 3:
                return list(_THREE_SECTORS)
        return [subject] * len(group)

    def _about_output(self, token: NumberToken, subject: str) -> bool:
        """Whether `汽车120.5万辆` reads as output of a product (汽车产量)."""
        if not subject or token.unit is None or not subjects.PHYSICAL_UNITS.search(token.unit):
            return False
        line_start = self.layout.line_start(token.start)
        if self.topic.endswith("产量") and self.topic_line == line_start - 1:
            return True  # a run of products: 汽车120.5万辆；铝材776.5万吨
        window = max(line_start, token.start - 60)
        return bool(subjects.OUTPUT_WORDS.search(self.text, window, token.start))

    def _carry(self, subject: str, pos: int, left_start: int, products: bool) -> str:
        """The subject, completed or replaced by the topic when it is bare or empty."""
        if subject and len(subject) <= 4 and _SCENE_ACT.match(subject):
            scene, scene_end = self._scene(pos)
            # a thing counted since the scene was set is the nearer topic (举办…6场,惠民1200人)
            if scene and (self.topic_pos < scene_end or self.topic.startswith(scene)):
                # 稳步推进准入系统实施,部署49家单位,安装终端2910台: acts within the system
                self._remember(scene + subject, pos)
                return scene + subject
        if subject and not subjects.borrows(subject):
            # 地区生产总值: a subject that takes nothing from a topic, so none is looked for
            subject = subjects.with_topic(subject, "", False, products)
            self._remember(subject, pos)
            return subject
        topic = self._clause_topic(left_start)
        from_clause = bool(topic)
        line = self.layout.line_start(pos) - 1
        if not topic and line == self.topic_line:
            topic = self.topic
        if subject:
            # a bare word borrows only from its own sentence (全市面积 is no 能源消费总量面积)
            same_sentence = from_clause or self.topic_pos >= self.layout.sentence_start(pos)
            subject = subjects.with_topic(
                subject, topic if same_sentence else "", from_clause, products
            )
            self._remember(subject, pos)
            return subject
        if from_clause:
            self._remember(topic, pos)  # 发电机：从三万千瓦增加到二十万千瓦
        return topic

    def _groups_of(
        self, group: list[NumberToken], subject: str, left_start: int
    ) -> list[str] | None:
        """`省级6项、市级5项，分别完成投资30亿元、20亿元`: each amount is of one group counted."""
        if "分别" not in self.text[left_start : group[0].lead]:
            return None
        groups = self._earlier_subjects(len(group), group[0].start)
        measured = subject.removeprefix("分别")
        return [name + measured for name in groups] if groups and measured else None

    def _earlier_subjects(self, count: int, pos: int) -> list[str] | None:
        """`新开工3166套,分配入住3247套,分别占全年目标50.3%、75.6%`: 分别 over earlier facts."""
        sentence_start = self.layout.sentence_start(pos)
        recent = self.facts[-2 * count - 4 :]  # the listed facts sit just before
        earlier = [f for f in recent if f.span[0] >= sentence_start and f.subject]
        if len(earlier) < count:
            return None
        names = [f.subject or "" for f in earlier[-count:]]
        return names if len(set(names)) == count else None

    def _scene(self, pos: int) -> tuple[str, int]:
        """What the sentence says is being pushed forward (`推进X实施`) and where that ends."""
        start = max(self.layout.sentence_start(pos), pos - _RUN_UP)
        scenes = list(_SCENE.finditer(self.text, start, pos))
        if not scenes:
            return "", -1
        return subjects.trim(scenes[-1].group(1)), scenes[-1].end()

    def _clause_topic(self, left_start: int) -> str:
        """A short clause naming a topic before the number's own clause (`农业，粮食产量…`)."""
        sentence_start = self.layout.sentence_start(left_start)
        if left_start <= sentence_start + 1 or self.layout.clause_start(left_start) != left_start:
            return ""
        before_start = self.layout.clause_start(left_start - 1)
        if before_start < sentence_start:
            return ""
        clause = self.text[before_start : left_start - 1].strip(" \u3000")
        if _BASIS.fullmatch(clause) and before_start > sentence_start + 1:
            # 投资额，按可比部分计算，只比1954年增加了9%: the basis clause names nothing
            before_start = self.layout.clause_start(before_start - 1)
            clause = self.text[before_start : self.text.rfind(clause, before_start) - 1]
            clause = clause.strip(" \u3000")
        clause = subjects.strip_year(clause)  # １９５５年国家决算用于…的支出，共占…
        listed = "等" in clause and _TOPIC_LIST.fullmatch(clause) is not None
        if not (listed or _TOPIC_CLAUSE.fullmatch(clause)) or _PREDICATE_START.match(clause):
            return ""  # 再创新高 says something; it names nothing
        if "相抵" in clause:
            return ""  # 三项增减相抵: it sums what came before, naming nothing
        if self.facts and self.facts[-1].number_span and self.facts[-1].span[1] > before_start:
            return ""  # 钢产量拟定为六百万吨: a clause with its own number is no topic
        return subjects.trim(clause)

    def _remember(self, subject: str, pos: int) -> None:
        if subject.startswith(("比", "较")) or subject.endswith(_PLAN_NOUNS):
            # 比预算数28亿元少8亿元, 超过原定计划427亿元的15.3%: the base is never the topic
            return
        self.topic = subject
        self.topic_pos = pos
        self.topic_line = self.layout.line_start(pos) - 1


def _comparable(left: str, sentence: str) -> bool:
    """同口径, 可比口径: a rate on a comparable basis (the words are rare: test 口径 first)."""
    if "口径" not in left and "口径" not in sentence[-12:]:
        return False
    return bool(_COMPARABLE.search(left) or _COMPARABLE.search(sentence[-12:]))


def _subject(left: str, reading: Reading, group: list[NumberToken], hint: str) -> str:
    """The subject written before the number, its measure words cut off."""
    bare = subjects.without_quoted_names(left[: reading.cut], group[0].unit)
    if bare == left and len(group) == 1:
        return hint
    subject = subjects.trim(bare, 24 if len(group) == 1 else 80)
    if not subject and reading.measure == "completion" and not reading.offset:
        subject = subjects.named_task(left[reading.cut :])
    return subject
