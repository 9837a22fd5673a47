"""Promises kept? Last year's quantified targets against what this year's report says happened.

A promise is a figure of last year's plan part (period `plan`, read by indicators.py from
headings such as 工作安排 / 主要预期目标 / Tasks for 2019): 国内生产总值增长6%以上, 城镇新增就业
1100万人以上, 居民消费价格涨幅3%左右. Its evidence is a figure of this year's review part (period
`year`) naming the same indicator the same way (metrics.keys_agree on measure and unit, names
matching as figures across rewritten text do), the best match when several do. Concrete tasks
without a figure are tracked when they name a thing to build or open (启动东山组团社区卫生服务中心,
新建污水处理厂: TASK): the thing is looked for in this year's review, and what is said of it there
decides (建成 / 投入使用 kept; 开工 / 推进 partial, or kept when the promise was only to start it;
a task and its evidence are carried as figures without a value, `comparator` "task").

The verdict reads the comparator as its author meant it:
- a floor (以上, 超过, 不低于, 高于): met at or above it, `exceeded` beyond it by EXCEED_SHARE;
- a ceiling (以内, 以下, 不超过, 不高于, 低于, 不到) and any target on an indicator where less is the aim
  (居民消费价格, 失业率, 赤字率, 能耗, 排放): met at or under it;
- around (左右, 约) or a plain value: met within AROUND_SHARE of it (of the value, or
  AROUND_POINTS percentage points for a rate), `exceeded` above that, `missed` below;
- a range (6%-6.5%): met inside, `exceeded` above, `missed` below.
`not_mentioned`: no figure of this year's review names the indicator (a finding worth a
question). `unclear`: evidence found without a value to compare (masked **), or the review speaks of
the indicator without a figure of it (_mentioned: 居民消费价格涨幅保持较低水平), unless it gives the
verdict itself in that clause (淘汰黄标车和老旧车指标超额完成: exceeded; 目标没有完成: missed), or speaks of
a group the target belongs to (各项约束性指标超额完成 for an emission target: `unclear`, _UMBRELLAS).

Names are compared without the words plans and reviews wrap them in (promise_name: 拟安排, 用于,
支出, 继续提高, 年内). A name that only says whose money it is (中央财政拟投入) would find any sum the
centre spent: its purpose is read from its sentences instead (_by_context). A plan that names no
stage of building counts starts (棚户区改造580万套 is the review's 棚户区住房改造开工601万套).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from .figures import scale_of
from .indicators import unit_periods
from .metrics import LEFTOVER_MIN, SUBSEQUENCE_SCORE, indicator_name, keys_agree, name_opens, name_similarity, same_count, short_forms
from .model import Figure, FiguresByUnit, Measure, Outline, Period, Role, UnitKind
from .wordweights import WordWeights, words_of

EXCEED_SHARE = 0.05
"""A floor beaten by more than this share of the target is `exceeded`."""
AROUND_SHARE = 0.05
"""左右 a level: met within this share of the target."""
AROUND_POINTS = 0.5
"""左右 a rate: met within this many percentage points."""
LESS_IS_AIM = re.compile(r"居民消费价格|物价|CPI|失业率|赤字|能耗|排放|负债率|consumer prices|unemployment|deficit|"
                         r"energy consumption|emissions", re.I)
"""Indicators whose targets are ceilings whatever the comparator (CPI 3%左右 is kept at 2%)."""
_FLOOR = ("以上", "超过", "不低于", "高于", "逾", "over", "more than", "above", "at least")
_CEILING = ("以内", "以下", "不超过", "不高于", "低于", "不到", "不足", "below", "under", "less than", "within", "up to")
_RANGE = "-－–—~～至到"
"""Between two figures, a range written with the unit on both ends: 6%－6.5%."""
TASK = re.compile(r"(建成|完成|启动|开工建设|开工|新建|开通|投用|启用)"
                  r"([^，。；：、！？,.;:!?\s“”\d]{2,20}?(?:中心|馆|园|站|厂|路|桥|隧道|工程|项目|小区|学校|幼儿园|医院|基地|平台|管网|"
                  r"公园|广场|市场|大楼|综合体))(?=[，。；、和及,;]|$)")
"""A concrete task of a plan: a verb of building or opening and the named thing, ending in what
kind of thing it is (…服务中心, …大桥, …工程). Not 打造 / 创建 (aims, not things to finish), and
not a task with a count in it (新建2所幼儿园: a figure, tracked as one)."""
TASK_KEY_MIN = 5
"""A task's thing is found in this year's review by its longest ending said there, of at least
this many characters (东山组团社区卫生服务中心 -> 卫生服务中心; not 服务中心, which every report has)."""
_DONE = re.compile(r"建成|完成|完工|竣工|投入使用|投用|开通|通车|落成|交付|启用|挂牌|运营|运行")
_UNDER_WAY = re.compile(r"开工|启动|推进|在建|加快|主体|正在|开展|实施|建设")
_START_VERBS = ("启动", "开工", "开工建设")
_TASK_VERBS = re.compile(r"^(?:实施|建设|新建|改建|扩建)+")
STATUSES = ("not_mentioned", "missed", "unclear", "partial", "kept", "exceeded")
"""In the order a reviewer reads them: what was not reported, what was missed, first."""


@dataclass
class Promise:
    plan_unit: int
    """Index of last year's outline unit holding the target."""
    plan: Figure
    comparator: str
    """floor | ceiling | around | range | exact, or task (a thing to build: plan and evidence carry no value)"""
    evidence_unit: int | None = None
    evidence: Figure | None = None
    status: str = "not_mentioned"

    @property
    def indicator(self) -> str:
        return self.plan.name

    @property
    def target(self) -> float | None:
        return self.plan.value

    @property
    def outcome(self) -> float | None:
        """The evidence's value in the target's unit (超过1万亿元 against 9884.5亿元 is 10000)."""
        if self.evidence is None or self.evidence.value is None:
            return None
        return self.evidence.value * scale_of(self.evidence.unit)[0] / scale_of(self.plan.unit)[0]


def comparator_of(figure: Figure) -> str:
    if figure.high is not None:
        return "range"
    q = figure.qualifier.lower()
    if any(word in q for word in ("不超过", "不高于", "no more than", "not more than")):  # before the floors
        return "ceiling"
    if any(word in q for word in _FLOOR):
        return "floor"
    if any(word in q for word in _CEILING):
        return "ceiling"
    if "左右" in q or "约" in q or "about" in q or "around" in q:
        return "around"
    return "exact"


_STANDS_NOW = re.compile(r"目前|现已|已经?(?:开工|建成|设立|达到|超过|完成)|已经有|已有(?!基础)|"
                         r"^(?:我国|全国|全省|全市|全区)?(?:拥有|有)$|^(?:去年|上年)")
"""Where things stand, said in a plan to argue from: 目前…已经超过2万亿元; 已开工的57个项目; 我国有13亿人口;
a clause on last year (去年价格上涨的翘尾影响约有1个百分点). Not 在已有基础上…20万公里 (a target).
Not 已 alone: 中央财政已按…4%编制预算 is a target the budget is made for."""
_CHANGE_WORD = re.compile(r"^(?:同比|比上年|比去年)?(?:增加|减少|提高|扩大|多|少)了?$")


def _change_after(text: str, f: Figure, figs: list[Figure]) -> bool:
    """Whether the figure is a bare change (增加1700亿元) in a clause of its own right after a level
    of the same unit (中央财政赤字1.12万亿元，增加1700亿元): what the target adds to last year's."""
    start = _clause_start(text, f.start)
    before = [g for g in figs if g.end <= start and text[g.end:start].strip("，,；; ") == ""
              and scale_of(g.unit)[1] == scale_of(f.unit)[1]]
    return bool(before) and bool(_CHANGE_WORD.match(text[start:f.start].strip()))


_ON_LAST_YEAR = re.compile(r"比(?:去年|上年)(?:预算|预计数?|执行数)?(?:增加|减少|提高|扩大|多|少)了?$")
_SPANS_OF_TIME = frozenset({"年", "个月", "月", "天", "日", "周年", "years", "months"})
"""Units of a span of time, which in a plan say how long (争取用三年, 改革开放30年), not a target."""


def track_promises(old: Outline, new: Outline, old_figures: FiguresByUnit, new_figures: FiguresByUnit,
                   weights: WordWeights | None = None) -> list[Promise]:
    """Last year's quantified targets, each with this year's evidence and a verdict. `weights`: the
    pair's word weights (the alignment's), built here when not given."""
    weights = weights or WordWeights(old.units, new.units)
    targets = []
    for k, figs in sorted(old_figures.items()):
        text = old.units[k].text
        skip = None
        for f, after in zip(figs, [*figs[1:], None]):
            if f is skip or f.period != Period.PLAN or not f.name or f.masked or f.role == Role.FROM \
                    or f.unit in _SPANS_OF_TIME or (not f.is_rate and _ON_LAST_YEAR.search(text, 0, f.start)) \
                    or _STANDS_NOW.search(text[_clause_start(text, f.start):f.start]) or _change_after(text, f, figs):
                continue  # a from-base (税率从16%降至13%) is where things stand, not a promise; 用三年 is a time;
                # 赤字1.2万亿元，比去年预算增加4000亿元 (or just 增加1700亿元): the difference restates the target before it;
                # 目前…已经超过2万亿元: a fact the plan argues from
            if after is not None and after.start == f.end + 1 and text[f.end] in _RANGE and after.unit == f.unit:
                f = replace(f, high=after.value, text=text[f.start:after.end], end=after.end)  # 6%－6.5%
                skip = after
            targets.append((k, f))
    results = [(k, f) for k, figs in sorted(new_figures.items()) for f in figs if f.period == Period.YEAR]
    results += [(k, replace(f, period=Period.YEAR)) for k, figs in sorted(new_figures.items()) for f in figs
                if f.period == Period.MULTI_YEAR and f.measure == Measure.SHARE and f.role != Role.FROM]
    # A share a five-year review gives is where things stand at its end, the plan's year
    # (新型农村社会养老保险试点覆盖24%的县 in 2011's review of 2006-2010), not a total of the years.
    review = _review_units(new)
    promises = []
    for k, plan in _said_once(targets, old):
        promise = Promise(k, plan, comparator_of(plan))
        name = promise_name(plan.name)
        comparable = [(j, r) for j, r in results if keys_agree(_as_result(plan, r), r)
                      and same_count(plan.unit, r.unit)]  # 20条 of roads is no evidence for 万平方米
        best = _by_name(name, comparable, plan) if _specific(name) or _DOING.fullmatch(name) else None
        if best is None and not _specific(name):
            best = _by_context(_context(old.units[k].text, plan), comparable, new, weights)
            if best is not None and _DOING.fullmatch(name) and not _of_size(plan, best[2]):
                best = None  # 再解决6000万人: not the 2.15亿 a five-year review says were served
        if best is not None:
            promise.evidence_unit, promise.evidence = best[1], best[2]
            promise.status = judge(promise)
        elif (said := _mentioned(name, review)) is not None and (later := _said_later(said, comparable, new, plan)):
            promise.evidence_unit, promise.evidence = said[0], later
            promise.status = judge(promise)
        elif said is not None:  # 居民消费价格涨幅保持较低水平: nothing to compare
            _spoken_of(promise, new, said, name)
            promise.status = _verdict_said(_clause_at(new.units[said[0]].text, said[1], said[2]))
        elif (said := _said_of_group(name, review)) is not None:  # 各项约束性指标超额完成: of none by name
            _spoken_of(promise, new, said, name)
            promise.status = "unclear"
        promises.append(promise)
    return promises


def _said_later(said: tuple[int, int, int], comparable: list[tuple[int, Figure]], new: Outline,
                plan: Figure) -> Figure | None:
    """The one figure that could be the target's, later in the sentence of the review that names it
    (…开展新型农村社会养老保险试点，3.58亿人参保，…，覆盖面扩大到60%以上: the share the target set), of
    the target's order of size (not the 1839亿元 of subsidies after 最低收购价, for 每50公斤提高5到7元)."""
    j, _, end = said
    text = new.units[j].text
    stops = [at for mark in "。；;" if (at := text.find(mark, end)) >= 0]
    later = [r for k, r in comparable if k == j and end <= r.start < min(stops, default=len(text))]
    if len(later) != 1 or not _OF_WHAT_CAME_BEFORE.match(promise_name(later[0].name)):
        return None  # 地区生产总值稳中有升；社会消费品零售总额…增长6.9%: a figure of its own indicator
    return later[0] if _of_size(plan, later[0]) else None


_OF_WHAT_CAME_BEFORE = re.compile(r"覆盖面|覆盖率|覆盖范围|比例|比重|规模|总量|总数")
"""Names of a measure of something said before them in the sentence (…试点，…，覆盖面扩大到60%以上)."""
SIZE_RATIO = 5.0
"""A figure more than this many times the target, or less than its share of it, is of something else."""


def _of_size(plan: Figure, result: Figure) -> bool:
    """Whether a result is of the target's order of size (SIZE_RATIO)."""
    if not plan.value or result.value is None:
        return False
    ratio = result.value * scale_of(result.unit)[0] / (plan.value * scale_of(plan.unit)[0])
    return 1 / SIZE_RATIO <= ratio <= SIZE_RATIO


def _spoken_of(promise: Promise, new: Outline, said: tuple[int, int, int], name: str) -> None:
    """Take the words of this year's review that speak of the promise (unit, start, end) as its
    evidence: a figure without a value."""
    j, start, end = said
    promise.evidence_unit = j
    promise.evidence = Figure(new.units[j].text[start:end], start, end, None, "", subject=name, name=name)


SAME_VALUE_MIN = 0.5
SAME_VALUE_RUN = 4
"""A result of the very value aimed at names the target from this name similarity, below LEFTOVER_MIN,
when the names share a run of SAME_VALUE_RUN characters (把小学学生人均公用经费提高到300元 /
提前一年实现农村中小学生人均公用经费500元和300元的目标: 公用经费). Not 进口增长10% by 出口增长10%, nor
铁路投资 by 公路投资: a shared frame."""


def _by_name(name: str, comparable: list[tuple[int, Figure]], plan: Figure) -> tuple[float, int, Figure] | None:
    """The result whose name names the promise's indicator best (LEFTOVER_MIN at least)."""
    best: tuple[float, int, Figure] | None = None
    for j, result in comparable:
        other = promise_name(result.name)
        if not _STAGE.search(name):
            other = _STARTED.sub("", other)  # 棚户区改造580万套 is counted by 棚户区住房改造开工601万套
        score = name_similarity(name, other) if _specific(other) or _DOING.fullmatch(other) else 0.0
        if score and name_opens(name, other):
            score = max(score, SUBSEQUENCE_SCORE)  # a list item named by its verb: …、新开工630万套 / 新开工保障性安居工程666万套
        if score and _words_within(name, other):
            score = max(score, SUBSEQUENCE_SCORE)  # 新农合和城镇居民医保补助标准 / 对城镇居民医保和新农合的补助标准
        if score >= SAME_VALUE_MIN and _same_value(plan, result) and _shared_run(name, other) >= SAME_VALUE_RUN:
            score = max(score, LEFTOVER_MIN)
        if score >= LEFTOVER_MIN and (best is None or score > best[0]):
            best = (score, j, result)
    return best


def _shared_run(a: str, b: str) -> int:
    """Length of the longest run of characters two names share."""
    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match().size


def _same_value(plan: Figure, result: Figure) -> bool:
    if plan.value is None or result.value is None:
        return False
    return math.isclose(plan.value * scale_of(plan.unit)[0], result.value * scale_of(result.unit)[0])


WITHIN_WORDS_MIN = 3


def _words_within(a: str, b: str) -> bool:
    """Whether every word of one name stands in the other, in any order, the shorter of at least
    WITHIN_WORDS_MIN words (a list said in another order: 新农合和城镇居民医保 / 城镇居民医保和新农合).
    Not one word in a longer name (国内生产总值 in 单位国内生产总值能耗)."""
    words_a, words_b = set(words_of(a)), set(words_of(b))
    short, long = sorted((words_a, words_b), key=len)
    return len(short) >= WITHIN_WORDS_MIN and short <= long


_STAGE = re.compile(r"开工|建成|竣工|完工|交付")
_STARTED = re.compile(r"(?:新)?开工(?:建设)?$")
"""A plan that names no stage of building counts what starts (棚户区改造580万套): the review's 开工
of the same thing is its outcome, not its 建成."""


CONTEXT_MIN = 0.15
CONTEXT_MARGIN = 2.0
"""A sum named only by whose money it is (中央财政拟投入420亿元) is what its sentence and the one
before say it is for (实施更加积极的就业政策): its evidence is the sum of the review whose sentences
say the same, by the cosine of their weighted words (wordweights), at least CONTEXT_MIN and ahead of
the next sum by CONTEXT_MARGIN (鼓励企业加快技术改造，安排200亿元技改专项资金 for 支持企业加快技术改造。
中央财政拟安排200亿元专项资金). Known limit: sentences sharing a topic but not a purpose can pair (对义务教育阶段教师
实行绩效工资制度，中央财政为此将投入120亿元 with 中央下达农村义务教育经费666亿元, were it the only sum
whose sentences say 义务教育); on the labelled State Council years no such pair was made."""


def _by_context(words: Counter[str], comparable: list[tuple[int, Figure]], new: Outline,
                weights: WordWeights) -> tuple[float, int, Figure] | None:
    scored = sorted(((weights.cosine(words, _context(new.units[j].text, r)), j, r) for j, r in comparable),
                    key=lambda s: -s[0])
    if not scored or scored[0][0] < CONTEXT_MIN:
        return None
    close = [s for s in scored if s[0] * CONTEXT_MARGIN > scored[0][0]]
    if len(close) == 1:
        return scored[0]
    # Sums said in one sentence share its words (中央财政投入水利资金500亿元，其中农田水利300亿元): their
    # own clauses tell them apart, by the same margin.
    clauses = sorted(((weights.cosine(words, Counter(words_of(_clause_at(new.units[j].text, r.start, r.end)))), j, r)
                      for _, j, r in close), key=lambda s: -s[0])
    if clauses[0][0] > 0 and clauses[1][0] * CONTEXT_MARGIN <= clauses[0][0]:
        return clauses[0]
    return None


def _context(text: str, figure: Figure) -> Counter[str]:
    """The words of a figure's sentence and of the sentence before it in its unit, things by their
    short forms (技术改造 in a plan is 技改 in the review). Two sentences before were tried: they found
    the 1030亿元 of 保障性住房 (State Council 2011), and in a paragraph of targets they bring in the
    targets before (test_promises: 中央财政拟投入420亿元 after 再减少农村贫困人口…)."""
    start = text.rfind("。", 0, max(text.rfind("。", 0, figure.start), 0)) + 1
    end = text.find("。", figure.end)
    return Counter(words_of(short_forms(text[start:end if end >= 0 else len(text)])))


MENTION_MIN_CHARS = 4
MENTION_SHARE = 0.7
"""A target without a figure of the review is still spoken of when the review says at least this
share of its name (promise_name), at least MENTION_MIN_CHARS characters long and saying what it
counts (_specific: two characters beyond whose money it is): 新型农村社会养老保险试点 of
新型农村社会养老保险试点覆盖全国. Not 财政赤字 of 中央财政赤字 (two thirds: 0.65 gained one label of
2013-2014 and lost two of 2016-2017, 增加的财政赤字 spoken of the total). Not 居民消费 of
居民消费价格总涨幅, nor 公立医院 of 县级公立医院综合改革试点扩大: a part that short names something
else as often. Failing that, a name of two words or more (each of two characters at least) is spoken
of where one clause of the review says all its words, in any order (淘汰钢铁 in 钢铁、水泥等15个重点行业
淘汰落后产能年度任务如期完成); a sentence was tried and is too wide (铁路投资 in a sentence that says
扩大有效投资 and, two clauses on, 中西部铁路)."""


def _mentioned(name: str, review: list[tuple[int, str]]) -> tuple[int, int, int] | None:
    """(unit, start, end) of the longest part of `name` said in this year's review (MENTION_SHARE).
    Chinese names only: a part of an English name is a word or two that any sentence may say
    (GDP growth -> "growth" of world economic growth)."""
    if _LATIN.search(name):
        return None
    for size in range(len(name), max(MENTION_MIN_CHARS, math.ceil(MENTION_SHARE * len(name))) - 1, -1):
        for cut in range(len(name) - size + 1):
            part = name[cut:cut + size]
            if not _specific(part):
                continue
            for j, text in review:
                if (at := text.find(part)) >= 0:
                    return j, at, at + size
    for own, other in _PRICES_IN_WORDS:
        if own.search(name):
            texts = dict(review)
            said = [(j, m.start(), m.end()) for j, text in review for m in re.finditer(other, text)]
            # 物价 is said of prices in passing (遏制物价过快上涨) and, once, of the target (物价调控目标没有完成).
            verdicts = [s for s in said if _verdict_said(_clause_at(texts[s[0]], s[1], s[2])) != "unclear"]
            if said:
                return (verdicts or said)[0]
    words = set(words_of(name))
    if len(name) < MENTION_MIN_CHARS or len(words) < 2 or any(len(w) < 2 for w in words):
        return None
    for j, text in review:  # 淘汰钢铁 in 钢铁、水泥等15个重点行业淘汰落后产能年度任务如期完成
        for clause in _CLAUSE.finditer(text):
            if all(w in clause.group() for w in words):
                return j, clause.start(), clause.end()
    return None


_PRICES_IN_WORDS = ((re.compile(r"居民消费价格|CPI"), "物价(?!局)"),)
"""What a review calls the CPI target when it gives no figure of it (物价调控目标没有完成); not 物价局."""
_CLAUSE = re.compile(r"[^，；。,;！？]+")  # _CLAUSE_MARKS, and the ends of exclamations and questions


_UMBRELLAS = [(re.compile(umbrella), re.compile(members)) for umbrella, members in (
    (r"主要污染物", r"化学需氧量|氨氮|二氧化硫|氮氧化物"),  # the narrower group first
    (r"约束性指标", r"能耗|能源消耗|二氧化碳|化学需氧量|氨氮|二氧化硫|氮氧化物|主要污染物|耕地保有量|森林"),
)]
"""Names the plans give a group of targets (the five-year plans' 约束性指标: energy and emission
intensity, the four 主要污染物, farmland, forest): a review that speaks of the group speaks of each
target in it, though of none comparably (各项约束性指标超额完成: `unclear`, the claim shown beside it)."""


def _said_of_group(name: str, review: list[tuple[int, str]]) -> tuple[int, int, int] | None:
    """(unit, start, end) of the first group name in this year's review that the target belongs to."""
    for umbrella, members in _UMBRELLAS:
        if members.search(name):
            for j, text in review:
                if (m := umbrella.search(text)) is not None:
                    return j, m.start(), m.end()
    return None


_SAID_EXCEEDED = re.compile(r"超额完成|超额实现|超过预期目标")
_SAID_MISSED = re.compile(r"(?:没有|未能|未)(?:完成|实现|达到)")
_SAID_KEPT = re.compile(r"(?:如期|全面|圆满|顺利)(?:完成|实现)|目标(?:任务)?(?:完成|实现)|控制在预算(?:范围)?内")


def _verdict_said(clause: str) -> str:
    """The verdict the review's own clause gives a target it names without a figure
    (淘汰黄标车和老旧车指标超额完成: exceeded), else `unclear`."""
    if _SAID_EXCEEDED.search(clause):
        return "exceeded"
    if _SAID_MISSED.search(clause):
        return "missed"
    return "kept" if _SAID_KEPT.search(clause) else "unclear"


def _review_units(new: Outline) -> list[tuple[int, str]]:
    """(index, text) of the units of this year's review part: where outcomes are told."""
    return [(j, u.text) for j, (u, period) in enumerate(zip(new.units, unit_periods(new)))
            if period == Period.YEAR and u.kind != UnitKind.HEADING]


_PLAN_AND_RESULT_WORDS = re.compile(
    r"^(?:要把|要|把|将|再|又|由)+|[\d０-９]+年|今年|去年|全年|年内|拟定为|拟定|拟|继续|预期|目标|预算|安排|用于|投入|支出|的|"
    r"每人每年|每年|(?:平均)?每\s*[\d０-９.．]*\s*(?:斤|公斤|吨|亩)?|提高到|增加到|扩大到|下降到|达到|提高|增加(?!值)|新增|水平|总额|为此|"
    r"(?:范围)?扩大$|覆盖$")
"""Words a plan and a review put around one indicator: 今年中央财政拟安排“三农”投入 is
中央财政用于“三农”的支出 of the next year's review; 企业退休人员基本养老金继续提高 is
企业退休人员基本养老金水平提高. One-character words only where the name opens with them (要把…, 再减少…):
inside a name they are parts of its words (主要, 再就业, 自由贸易)."""
_GENERIC = re.compile(r"中央财政|中央政府|各级财政|财政|中央|全国|地方|资金|专项|补助|补贴|标准")
"""Words of a name that say whose money, not what for: 中央财政拟投入 names no indicator by itself."""
_SHARE_OF_GDP = re.compile(r"占(?:国内|地区)生产总值的?(?:比重|比例)?$")


def promise_name(subject: str) -> str:
    """An indicator's name without the words a plan or a review wraps it in (_PLAN_AND_RESULT_WORDS).
    A share of GDP keeps what it is a share of (教育经费占国内生产总值 is not GDP growth). English
    names as indicator_name gives them."""
    name = indicator_name(subject)
    if _LATIN.search(name):
        return name
    return _PLAN_AND_RESULT_WORDS.sub("", _SHARE_OF_GDP.sub("占比", name.replace(" ", "")))


_LATIN = re.compile(r"[A-Za-z]{2}")


def _specific(name: str) -> bool:
    """Whether a name says what it counts, beyond whose money it is (_GENERIC) or what is done
    (_DOING: 再解决6000万人 counts what its sentence says, 安全饮水)."""
    return len(_GENERIC.sub("", name)) >= 2 and not _DOING.fullmatch(name)


_DOING = re.compile(r"(?:解决|完成|实现|开展|推进|落实|帮助|支持)+")
"""Verbs of doing that name no indicator alone (再解决6000万人…: what is solved, its sentence says)."""


def _said_once(targets: list[tuple[int, Figure]], old: Outline) -> list[tuple[int, Figure]]:
    """Targets without their restatements: a plan explains its figures (`提出国内生产总值增长8%左右，
    主要是…`), and the same value of the same indicator said again is one promise, the first; so is
    a value said again as what its clause is about (…，7%左右的速度可以实现比较充分的就业; not
…；300万套棚户区改造要加快推进, a target of its own)."""
    kept: list[tuple[int, Figure]] = []
    for k, f in targets:
        name = promise_name(f.name)
        text = old.units[k].text
        opens = not text[_clause_start(text, f.start):f.start].strip() and text[f.end:f.end + 1] == "的"
        if not any(g.text == f.text and (opens or name in (other := promise_name(g.name)) or other in name)
                   for _, g in kept):
            kept.append((k, f))
    return kept


def track_tasks(old: Outline, new: Outline) -> list[Promise]:
    """Last year's concrete tasks (TASK) in its plan part, each with what this year's review says of it."""
    review = _review_units(new)
    promises = []
    for k, (u, period) in enumerate(zip(old.units, unit_periods(old))):
        if period != Period.PLAN or u.kind == UnitKind.HEADING:
            continue
        for m in TASK.finditer(u.text):
            thing = _TASK_VERBS.sub("", m.group(2))  # 启动实施黑羊站水厂改扩建工程: the thing, not 实施…
            plan = Figure(m.group(), m.start(), m.end(), None, "", subject=thing, name=thing, period=Period.PLAN)
            promise = Promise(k, plan, "task")
            found = _said_of(thing, review)
            if found is not None:
                _spoken_of(promise, new, found, thing)
                said = _clause_at(new.units[found[0]].text, found[1], found[2])
                if _DONE.search(said):
                    promise.status = "kept"
                elif _UNDER_WAY.search(said):  # under way: all a promise to start (启动, 开工) asked for
                    promise.status = "kept" if m.group(1) in _START_VERBS else "partial"
                else:
                    promise.status = "unclear"
            promises.append(promise)
    return promises


def _clause_at(text: str, start: int, end: int) -> str:
    """The clause (between ，；。) that names the thing: what is said of it, not of its neighbours
    in the sentence (医疗废物处理项目全面完工，东山组团社区卫生服务中心…主体完工)."""
    rights = [at for mark in _CLAUSE_MARKS if (at := text.find(mark, end)) >= 0]
    return text[_clause_start(text, start):min(rights, default=len(text))]


_CLAUSE_MARKS = "，；。,;"


def _clause_start(text: str, at: int) -> int:
    return max(text.rfind(mark, 0, at) for mark in _CLAUSE_MARKS) + 1


def _said_of(thing: str, review: list[tuple[int, str]]) -> tuple[int, int, int] | None:
    """(unit, start, end) of the longest ending of `thing` (at least TASK_KEY_MIN characters) said
    in this year's review; the first place it is said."""
    for cut in range(0, len(thing) - TASK_KEY_MIN + 1):
        key = thing[cut:]
        for j, text in review:
            at = text.find(key)
            if at >= 0:
                return j, at, at + len(key)
    return None


def _as_result(plan: Figure, result: Figure) -> Figure:
    """The plan figure as if it were a result of the year, for comparing keys. A percentage aimed
    at and a percentage reached are one rate whether the text reads it as a growth or a share
    (居民消费价格涨幅3.5%左右 in a plan, 居民消费价格涨幅控制在2.6% in the review; M2 likewise)."""
    measure = plan.measure
    if plan.is_rate and result.is_rate and {plan.measure, result.measure} <= _RATES:
        measure = result.measure
    elif measure == Measure.LEVEL and _CHANGE_AIMED.search(plan.name):
        measure = Measure.INCREMENT  # 再减少农村贫困人口1000万人以上 is 农村贫困人口减少1232万人 of the review
    return replace(plan, period=Period.YEAR, notes=[], measure=measure)


_RATES = {Measure.GROWTH, Measure.SHARE}
_CHANGE_AIMED = re.compile(r"(?:减少|增加)(?!值|$)")
"""A plan's amount named by one of these before what it counts (再减少农村贫困人口) is what the year
is to add or take away; not a name ending in it (财政赤字减少到: a level), nor 增加值 (a product)."""
_DECREASE = re.compile(r"下降|降低|减少|压减|减排")
"""A target that is itself a fall (能耗强度下降3.1%以上): more of it is better, whatever it measures."""


def judge(promise: Promise) -> str:
    target, high, outcome = promise.plan.value, promise.plan.high, promise.outcome
    if target is None or outcome is None or promise.evidence is None:
        return "unclear"
    rate = promise.plan.is_rate
    fall_aimed = _DECREASE.search(promise.plan.name) and promise.plan.role != Role.TO  # not 减少到1000亿元: a level
    less_is_aim = bool(LESS_IS_AIM.search(promise.plan.name)) and not fall_aimed
    comparator = promise.comparator
    slack = AROUND_POINTS if rate else AROUND_SHARE * abs(target)
    if comparator == "range" and high is not None:
        if outcome > high:
            return "missed" if less_is_aim else "exceeded"
        return "kept" if outcome >= target or less_is_aim else "missed"
    if comparator == "ceiling" or less_is_aim:
        limit = target + (slack if comparator == "around" else 0)
        return "kept" if outcome <= limit + 1e-9 else "missed"
    if comparator in ("around", "exact"):
        if outcome > target + slack:
            return "exceeded"
        return "kept" if outcome >= target - slack else "missed"
    if outcome < target - 1e-9:  # a floor
        return "missed"
    return "exceeded" if outcome > target + EXCEED_SHARE * abs(target) else "kept"

