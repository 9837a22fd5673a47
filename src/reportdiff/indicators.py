"""What each figure measures: its subject (what it counts, readable alone), its measure (a level,
a growth rate, an increment, a share), the period it covers (the year under review, several
years, a yearly average, next year's plan) and its role in a from-to phrase. metrics.py pairs
figures only when these agree, so a level never meets an increment, a five-year total never a
one-year result, a base year's value never the value reached.

Read from the figure's clause and sentence, and from where the unit stands: a section titled
过去五年工作回顾 or a paragraph opening 五年来，… covers several years until another says
otherwise; a section of 工作安排 or 预期目标 holds plans.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import lru_cache
from itertools import accumulate

from .figures import find_figures
from .lexicon import PEOPLE_NOUN
from .model import Figure, FiguresByUnit, Measure, Outline, Period, Role, UnitKind
from .worddiff import tokenize

Words = Callable[[str], Iterable[str]]

_CLAUSE_END = "，,。；;：:、！!？?\n（(）)|"
_SENTENCE_END = "。；;！!？?\n"
_LEAD_WORDS = ("其中", "全年", "共计", "累计", "先后", "全镇", "全区", "全县", "全市", "全省", "全国", "同时", "并且", "我们",
               "我区", "我市", "我县", "我镇", "实现", "今年", "去年", "上年", "当年", "并", "共", "已", "还", "也", "和", "及", "与")
_TRAIL_WORDS = ("要", "将", "在", "拟按", "拟", "控制在", "保持在", "稳定在",
                "提高到", "提升到", "增加到", "增长到", "下降到", "降低到", "上升到", "达到", "增至", "降至", "超过", "分别",
                "累计", "共计", "先后", "约", "近", "达", "为", "到", "至", "共", "了", "是", "有", "从", "由",
                "由上年下降", "由上年增长", "由去年下降", "由去年增长")
NOTE_CHARS = 40
"""A bracketed note this long or shorter is skipped when looking for what a figure counts."""
SUBJECT_MAX = 12
"""Chinese subjects longer than this keep their head and tail (分专题…学习)."""
EN_SUBJECT_WORDS = 6
"""English subjects: at most this many words before the figure."""

_GROWTH_VERB = re.compile(r"(?:增长|下降|提高|降低|上涨|上升|回落|增加|减少|下滑|扩大|缩小|攀升|回升|增|降|涨|减)了?$")
_GROWTH_NOUN = re.compile(r"(?:增速|增幅|涨幅|降幅|增长率|增长)(?:为|是|达|达到)?$")
_TO_WORD = re.compile(r"(?:提高|提升|增加|增长|下降|降低|上升|减少|扩大|缩小|达)?(?:到|至)$|转为(?:增长|下降)?$")
_TURNED = re.compile(r"转为(增长|下降)$")
_FROM_WORD = re.compile(r"(?:从|由)(?:人均|每人每年|每人|每年|年均|(?:上年|去年)?(?:下降|增长))?$")
"""从54万亿元增加到82.7万亿元; a rate's too: 工业企业利润由上年下降2.3%转为增长8.5%."""
_PROJECT_TOTAL = re.compile(r"总投资|计划总投资|总规模|total investment", re.I)
_AVERAGE = re.compile(r"年均|年平均|平均每年|平均增长|average annual|annual average|a year on average", re.I)
_GENERIC = re.compile(r"(?:按可比口径|按可比价格?计算|扣除价格因素)?(?:同比|比上年|较上年|比去年|比上年同期|年均)?"
                      r"(?:增长|下降|提高|增加|减少|上涨|回落|下滑|增|降)?了?"
                      r"|完成|实现|投资|投入|达到|其中|分别|总额|总量|规模|累计完成|共完成|新增|增速|增幅|涨幅|省级|市级|区级"
                      r"|全镇村|全区|全市|人均")
"""Subjects that say nothing alone: the figure's indicator is named earlier in the sentence."""
_EN_STOP_TAIL = re.compile(r"\b(?:by|to|of|at|about|around|nearly|almost|over|more than|less than|under|some|roughly|was|were|is|are|"
                           r"reached|totaled|totalled|stood at|hit|the|a|an|and|with|from|for|than|in|on)$", re.I)
_EN_GROWTH = re.compile(r"\b(?:grew|grow|growth|rose|rise|risen|increased?|fell|fallen|dropped|declined?|decreased?|up|down|"
                        r"expanded|contracted|cut|reduced|lowered|raised)(?: by)?(?: another| a further)?$", re.I)
_EN_INCREMENT = re.compile(r"\b(?:an? )?(?:increase|rise|decrease|drop|reduction|cut)s? of$", re.I)

# Where a unit stands: cues that set the period of what follows.
_MULTI_HEAD = re.compile(r"过去五年|五年来|[二三四五六七八九十]年来|十[一二三四五]五”?(?:时期|期间)|past (?:five|\w+) years", re.I)
_ONE_YEAR_HEAD = re.compile(r"(?:19|20)\d\d年(?!和)|过去一年|一年来|去年|last year|in (?:19|20)\d\d", re.I)
_PLAN_HEAD = re.compile(r"工作(?:安排|打算|思路|任务|建议|部署)|总体部署|下步|打算|重点工作|主要任务|目标任务|预期目标|主要目标|"
                        r"总体要求|政策取向|下一步|"
                        r"展望|明年|今后|(?:19|20)\d\d年(?:的)?(?:政府)?工作|requirements|priorities|targets|tasks|plans? for|"
                        r"work for (?:19|20)\d\d", re.I)
REVIEW_HEAD = re.compile(r"回顾|成绩|成效|总结|review|achievements", re.I)
_MULTI_OPENING = re.compile(r"(?:过去|近|这)?[二三四五六七八九十]年(?:来|间|里|中|多来)|过去[二三四五六七八九十]年|"
                            r"“?十[一二三四五]五”?(?:时期|期间)|"
                            r"(?:over|in) the past (?:five|\w+) years", re.I)
_ONE_YEAR_OPENING = re.compile(r"过去的?一年|一年来|去年|刚刚过去的|(?:19|20)\d\d年[，,]|last year|in (?:19|20)\d\d,", re.I)
_ONE_YEAR_SENTENCE = re.compile(r"过去的?一年|一年来|去年|全年|(?:19|20)\d\d年(?!以来|来|间|至|到|—|-|～)|last year|in (?:19|20)\d\d\b",
                                re.I)
_STOCK_REACHED = re.compile(r"(?:达到|达|超过|突破)$")
_ADDED_UP = re.compile(r"累计|(?<![公中])共|新增|新建|完成")
"""A level said to be reached (达到, 超过) in a review of several years is where a stock stands at
their end, unless it adds up what the years did (城镇新增就业达到6431万人, 累计…)."""
_PAST_YEAR_SENTENCE = re.compile(r"过去的?一年|去年|last year", re.I)
"""A sentence of a plan part that opens so reports the year past (State Council 2011)."""
OPENING_CHARS = 24
"""A paragraph's opening, where period cues count (各位代表，刚刚过去的2015年，…)."""
_PLAN_OPENING = re.compile(r"(?:今年|明年|(?:19|20)\d\d年)(?:经济社会发展|发展)?的?主要预期目标|主要预期目标|"
                           r"the (?:main |major )?(?:projected )?targets for", re.I)
_MULTI_IN_SENTENCE = re.compile(r"(?<!\d\d\d)[二三四五六七八九十\d]年(?:来|间|累计|共|中(?!央)|多来)|五年|十[一二三四五]五”?(?:时期|期间)|"
                                r"(?:past|over) (?:the )?(?:five|\w+) years|five-year", re.I)


def figures_by_unit(outline: Outline, words: Words = tokenize) -> FiguresByUnit:
    """Figures of every unit, offsets relative to the unit's text, each described."""
    periods = unit_periods(outline)
    out: FiguresByUnit = {}
    for k, u in enumerate(outline.units):
        figs = find_figures(u.text)
        for f in figs:
            describe(u.text, f, figs, words, periods[k])
        figs = [g for f in figs for g in _for_each_item(u.text, f, figs, words)]
        if figs:
            out[k] = figs
    return out


def unit_periods(outline: Outline) -> list[Period]:
    """The period each unit speaks of, by the cues of level-1 headings (回顾 / 过去五年 / 工作安排)
    and of paragraph openings (五年来，… / 去年，…), each holding until the next."""
    out: list[Period] = []
    section = current = Period.YEAR
    for u in outline.units:
        content = u.content
        if u.kind == UnitKind.HEADING and u.level <= 1:
            if _MULTI_HEAD.search(content) and not _ONE_YEAR_HEAD.search(content):
                section = Period.MULTI_YEAR  # 过去五年工作回顾; “十三五”时期主要目标: five years either way
            elif _PLAN_HEAD.search(content) and not REVIEW_HEAD.search(content):
                section = Period.PLAN
            elif section != Period.PLAN or REVIEW_HEAD.search(content) or _ONE_YEAR_HEAD.search(content):
                section = Period.YEAR  # after the plan begins, sections of tasks stay plans
            current = section
        elif u.kind == UnitKind.CLOSING:
            current = Period.YEAR
        else:
            opening = content[:OPENING_CHARS]
            if _PLAN_OPENING.search(content[:2 * OPENING_CHARS]):
                current = Period.PLAN
            elif _MULTI_OPENING.search(opening):
                current = Period.MULTI_YEAR
            elif section != Period.PLAN and _ONE_YEAR_OPENING.search(opening):
                current = Period.YEAR
            elif u.kind == UnitKind.HEADING:
                current = section
        out.append(current)
    return out


def describe(text: str, fig: Figure, figures: list[Figure], words: Words, period: Period = Period.YEAR) -> None:
    """Fill in the figure's subject, measure, period and role, from its text and the unit's period."""
    english = _is_english(fig)
    start = _clause_start(text, fig.start)
    before_figs = [f for f in figures if start <= f.start and f.end <= fig.start]
    lead_from = before_figs[-1].end if before_figs else start
    lead = _YEAR_PHRASE.sub("", text[lead_from:fig.start].strip())
    fig.role = _role(text, fig, figures, lead, english)
    fig.measure = _measure(fig, lead, english, text[fig.end:fig.end + 12])
    _, listed = _listed(text, fig, figures)
    if listed and listed[0] is not fig:
        fig.measure = listed[0].measure  # 分别增长8%和9%: the verb before the list says it for all
    sentence_start = _sentence_start(text, fig.start)
    said_before = text[sentence_start:fig.start]
    added_up = _ADDED_UP.search(text[start:fig.start])
    from_base = any(f.role == Role.FROM for f in before_figs)
    if _AVERAGE.search(text[start:fig.start]):
        fig.period = Period.AVERAGE
    elif _PROJECT_TOTAL.search(text[start:fig.start]):
        fig.period = Period.MULTI_YEAR  # 总投资30亿元的项目: a project's size, over its whole life
    elif fig.role == Role.TO and period != Period.PLAN and not (period == Period.MULTI_YEAR and added_up and not from_base):
        fig.period = Period.YEAR  # 由2010年的162.4亿元增加到2015年的287.9亿元: the level reached now (not a
        # total the years added up to, 五年来城镇新增就业达到6431万人, unless from a base)
    elif period != Period.PLAN and _MULTI_IN_SENTENCE.search(said_before):
        fig.period = Period.MULTI_YEAR
    elif period == Period.MULTI_YEAR and _ONE_YEAR_SENTENCE.match(text[_full_sentence_start(text, fig.start):].lstrip()):
        fig.period = Period.YEAR  # 五年来，… 2015年城镇居民收入完成30788元: that year's figure
    elif period == Period.MULTI_YEAR and fig.measure == Measure.LEVEL and not added_up \
            and (_STOCK_REACHED.search(text[start:fig.start]) or fig.text.startswith(("超过", "突破"))):
        fig.period = Period.YEAR  # 过去五年，… 铁路营业里程达到12.1万公里: where the stock stands now
    elif period == Period.PLAN and _reports_the_past_year(text, fig.start):
        fig.period = Period.YEAR  # 2011年工作: …过去一年，…成绩。国内生产总值增长10.3%: last year's result, in the plan's lead
    else:
        fig.period = period
    base = next((f for f in reversed(figures) if start <= f.start and f.end <= fig.start and f.role == Role.FROM), None)
    if fig.role == Role.TO and base is not None:
        fig.name = base.name  # what the base counted, the value reached counts
        if base.measure == Measure.GROWTH:
            fig.measure = Measure.GROWTH  # 由上年下降2.3%转为增长8.5%: a rate of growth turned round,
            fig.name += turned.group(1) if (turned := _TURNED.search(lead)) else ""  # its way said (…下降)
    elif english:
        fig.name = _english_subject(text, fig, figures)
        if not _content(fig.name):  # GDP reached 99.1 trillion yuan, representing a 6.1 percent increase
            opens = max([sentence_start, *(m.end() for m in re.finditer(r"[.;!?]\s", text[:fig.start]))])
            earlier = [f for f in figures if opens <= f.start and f.end <= fig.start and _content(f.name)]
            fig.name = " ".join(_content(earlier[-1].name)) if earlier else fig.name
    else:
        fig.name = _said_again(text, fig, _subject(text, fig, figures))
        if (verb := _list_verb(text, fig, figures)) and not _leading_verb(fig.name):
            fig.name = verb + fig.name  # 新建改建高速公路6700多公里、农村公路29万公里: both were built
        if fig.name.startswith("分别") and not listed and (shared := _said_of_all(text, fig, sentence_start)):
            fig.name = shared + fig.name.removeprefix("分别")
        elif _says_nothing(fig.name) and re.fullmatch(PEOPLE_NOUN, noun := fig.unit.lstrip("万亿余多")):
            fig.name += noun  # 新增510万沼气用户: what is counted is said by the unit, not earlier in the sentence
        elif _says_nothing(fig.name):
            fig.name = _named_earlier(text, fig, figures, sentence_start) or fig.name
    fig.subject = fig.name if english else _shorten(_shown(fig.name, fig.measure), words)


def _for_each_item(text: str, fig: Figure, figures: list[Figure], words: Words) -> list[Figure]:
    """The figure once for each of the urban and rural people it is said of, when 分别 gives both one
    value (城镇和农村居民人均可支配收入分别达35512元、25689元，分别同比增长7.8%: both grew 7.8%; 城乡居民人均
    可支配收入分别增长7.5%: a target for each), so each pairs with its own figure of the other year;
    else the figure alone. The copies stand on the same span (docs/json.md)."""
    clause = _clause_start(text, fig.start)
    cue = text.rfind("分别", clause, fig.start)
    if cue < 0 or any(cue < f.start < fig.start for f in figures) or _listed(text, fig, figures)[0]:
        return [fig]
    core = _EACH_TAIL.sub("", fig.name)
    rest = fig.name[len(core):]
    if core.startswith("城乡") and len(core) > 2:
        items = ["城镇" + core[2:], "农村" + core[2:]]
    elif m := _URBAN_AND_RURAL.match(core):
        items = [m.group(1) + m.group(3), m.group(2) + m.group(3)]  # 城镇和农村居民收入: 城镇居民收入, 农村居民收入
    else:
        return [fig]
    return [replace(fig, name=item + rest, subject=_shorten(_shown(item + rest, fig.measure), words), notes=list(fig.notes))
            for item in items]


_EACH_TAIL = re.compile(r"(?:分别|同比|比上年|较上年|增长|下降|提高|增加|达到|达|完成|实现)+$")
_URBAN_AND_RURAL = re.compile(r"^(城镇|城市)[和与及、](农村牧区|农村|乡村)(.+)$")


def _shown(name: str, measure: Measure) -> str:
    """The name as a reader wants it: without the verbs of the sentence (完成, 达到), and without
    增长 for a growth rate (the page tags it 增速)."""
    tail = r"(?:完成|实现|达到|达|为)+$" if measure != Measure.GROWTH else \
        r"(?:完成|实现|达到|达|为)+$|\s*(?:预期|同比|比上年|较上年)?(?:增长|下降|上涨|增|降)了?$"
    return re.sub(tail, "", name).strip() or name


def _says_nothing(name: str) -> bool:
    """A name that names no indicator (同比增长, 投资完成, 达)."""
    core = re.sub(r"^(?:完成|实现|累计完成|共完成)|(?:完成|实现|达到|了)+$", "", name)
    return bool(_GENERIC.fullmatch(core)) or name in _TRAIL_WORDS


def _is_english(fig: Figure) -> bool:
    return bool(_LATIN.search(fig.unit) or _LATIN.search(fig.text))


def _after_last(text: str, marks: str, at: int) -> int:
    """The offset after the last of `marks` before `at`, or 0."""
    ends = _mark_offsets(text, marks)
    k = bisect_left(ends, at)
    return ends[k - 1] + 1 if k else 0


@lru_cache(maxsize=16)
def _mark_offsets(text: str, marks: str) -> list[int]:
    """Offsets of `marks` in a unit's text, found once for all its figures."""
    return [m.start() for m in re.finditer(f"[{re.escape(marks)}]", text)]


def _clause_start(text: str, at: int) -> int:
    at = _after_last(text, _CLAUSE_END, at)
    if at > 0 and text[at - 1] in "）)":  # a note in brackets inside the clause: 广义货币M2（注：…）预期增长12%
        opening = max(text.rfind("（", 0, at), text.rfind("(", 0, at))
        if opening >= 0 and at - opening <= NOTE_CHARS:
            return _clause_start(text, opening)
    return at


def sentence_at(text: str, start: int, end: int | None = None) -> str:
    """The sentence holding text[start:end] (to its full stop or semicolon): what a reviewer quotes."""
    first = _sentence_start(text, start)
    ends = [k for k in (text.find(mark, end if end is not None else start) for mark in _SENTENCE_END) if k >= 0]
    return text[first:(min(ends) + 1 if ends else len(text))].strip()


def _reports_the_past_year(text: str, at: int) -> bool:
    """In a plan part: the sentence opens with 过去一年 / 去年, or the one before did and this one
    says nothing of the year ahead (过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%…)."""
    start = _full_sentence_start(text, at)
    if _PAST_YEAR_SENTENCE.match(text[start:].lstrip()):
        return True
    before = _full_sentence_start(text, max(start - 1, 0))
    return start > 0 and bool(_PAST_YEAR_SENTENCE.match(text[before:start].lstrip())) \
        and not _AHEAD.search(text[start:at])


_AHEAD = re.compile(r"今年|明年|要|将|拟|预期|力争|this year|will", re.I)


def _full_sentence_start(text: str, at: int) -> int:
    """Start of the sentence to its full stop (；does not end it): where a year is named."""
    return _after_last(text, "。！？!?\n", at)


def _sentence_start(text: str, at: int) -> int:
    return _after_last(text, _SENTENCE_END, at)


def _role(text: str, fig: Figure, figures: list[Figure], lead: str, english: bool) -> Role:
    """从54万亿元增加到82.7万亿元: 54 is the base (from), 82.7 the value reached (to)."""
    if english:
        if re.search(r"\bfrom$", lead):
            return Role.FROM
        return Role.TO if re.search(r"\bto$", lead) else Role.NONE
    if _FROM_WORD.search(lead):
        return Role.FROM
    if _TO_WORD.search(lead):
        return Role.TO
    return Role.NONE


def _measure(fig: Figure, lead: str, english: bool, text_after: str = "") -> Measure:
    rate = fig.is_rate
    if fig.unit in ("个百分点", "百分点", "percentage points"):
        return Measure.INCREMENT  # a change of a rate
    if english:
        lead = lead.rstrip()
        if re.match(r" (?:increase|rise|decrease|drop|reduction|cut|growth)\b", text_after):
            return Measure.GROWTH if rate else Measure.INCREMENT  # a 6.1 percent increase; an 800 billion yuan increase
        if _EN_INCREMENT.search(lead) and not rate:
            return Measure.INCREMENT
        if _EN_GROWTH.search(lead) or re.search(r"\b(?:growth|increase|rise|decrease|drop) (?:rate )?of$", lead, re.I):
            return Measure.GROWTH if rate else Measure.INCREMENT
        return Measure.SHARE if rate else Measure.LEVEL
    lead = re.sub(r"(?:约|近|超过|接近|将近|逾|不到|不足|分别|达|为|是)$", "", lead)
    if fig.role == Role.TO or _TO_WORD.search(lead):
        return Measure.SHARE if rate else Measure.LEVEL
    if _GROWTH_VERB.search(lead):
        return Measure.GROWTH if rate else Measure.INCREMENT
    if rate and _GROWTH_NOUN.search(lead):
        return Measure.GROWTH
    return Measure.SHARE if rate else Measure.LEVEL


def _subject(text: str, fig: Figure, figures: list[Figure]) -> str:
    """What a figure counts: the clause before it (组织集体学习12次 -> 组织集体学习), or the words
    after it when the clause opens with the figure (**件信访交办件全部办结 -> 信访交办件全部办结);
    in a list with 分别, its own item (城镇和农村居民收入分别达到A和B: B is 农村居民收入)."""
    listed = _listed_subject(text, fig, figures)
    if listed:
        return listed
    start = _clause_start(text, fig.start)
    before_figs = [f for f in figures if start <= f.start and f.end <= fig.start]
    if before_figs and text[before_figs[-1].end:fig.start] in _JOINERS and "分别" not in text[start:fig.start] \
            and not _says_nothing(before_figs[-1].name) and len(before_figs[-1].name) >= 2:
        return before_figs[-1].name  # 人均公用经费500元和300元: two values of what the first is named
    if before_figs and fig.start - before_figs[-1].end >= 2:  # 辖市**个基层组织达标创建率**% -> 基层组织达标创建率
        start = before_figs[-1].end
    before = _trim(text[start:fig.start])
    end = fig.end
    while end < len(text) and text[end] not in _CLAUSE_END:
        end += 1
    later = [f for f in figures if fig.end <= f.start < end]
    after = _trim(text[fig.end:later[0].start if later else end])
    if after.startswith("作为") and len(after) > 4:
        return after.removeprefix("作为")  # 将农民人均纯收入2300元作为新的国家扶贫标准: the figure is the standard
    if after not in ("", "项目", "工程") and _VERB_ONLY.fullmatch(before) \
            and (fig.unit in _CLASSIFIERS or text.startswith("的", fig.end)):
        return before + after.removeprefix("的")  # 再开工20项重大水利工程: the verb says what was done, the noun after it to what;
        # so does 努力完成4000户的改造任务
    if len(before) > 2 or (before and not after):
        return before
    # The clause opens with the figure, or nearly (辖市32个基层组织…): what follows names it.
    return before + after


_JOINERS = ("和", "、", "及", "与", "或")
"""Between two figures of one clause with no 分别 before them: the second is a value of what the first
counts (参保率保持在90%和98%以上)."""
_CLASSIFIERS = frozenset("个项座所条家处栋台辆艘架只头批")
"""Units that count things, the thing named after them (建成6座水冲式公厕). _subject leaves out a
noun after them that names nothing more than the verb does (再开工27个项目, …工程)."""
_VERB_ONLY = re.compile(r"(?:年内|今年|全年|再|又|新|要|将|已|努力|全力|全面|确保|力争)*"
                        r"(?:新建|改建|扩建|改扩建|改造|建成|建设|开工|完成|实施|启动|新增|增加|维修|淘汰)+(?:了)?")
"""A subject that is a verb of building (or of closing, 淘汰) alone (再开工, 新建改建): what it counts
follows the figure."""


def _said_again(text: str, fig: Figure, name: str) -> str:
    """A name that opens with the word the clause before ended on takes what that clause said of it
    (扎实推进新型农村社会养老保险试点，试点范围扩大到23%的县: 新型农村社会养老保险试点范围扩大)."""
    start = _clause_start(text, fig.start)
    if start < 2 or text[start - 1] not in "，," or not name or not text.startswith(name, start):
        return name
    first = next(iter(tokenize(name)), "")
    before = text[_clause_start(text, start - 1):start - 1]
    if len(first) < 2 or not before.endswith(first):
        return name
    words = list(tokenize(before))
    while len(words) > 1 and words[0] in _DOING_WORDS:
        words.pop(0)  # 扎实推进…: what is done, not the thing
    return "".join(words)[:-len(first)] + name


_DOING_WORDS = frozenset({"扎实", "推进", "加快", "继续", "实施", "深入", "全面", "积极", "大力", "稳步", "开展", "启动",
                          "完善", "加强", "推动", "深化", "进一步", "着力", "切实", "认真", "抓好", "做好", "稳妥"})


def _list_verb(text: str, fig: Figure, figures: list[Figure]) -> str:
    """The verb of building that opens the item before, when the figure's clause is the next item of
    a 、 list right after that item's figure, or ""."""
    start = _clause_start(text, fig.start)
    if start < 1 or text[start - 1] != "、":
        return ""
    item = next((f for f in figures if f.end == start - 1), None)
    name = item.name if item is not None else ""
    verb = _leading_verb(name)
    return verb if verb != name else ""


def _leading_verb(name: str) -> str:
    """The verbs of building that open a name, ending where a word of it ends (建设 of 建设学校; not
    of 建设银行, one word), or ""."""
    verb = _VERB_ONLY.match(name)
    if not verb:
        return ""
    ends = set(accumulate(len(w) for w in tokenize(name)))
    return verb.group() if verb.end() in ends else ""


def _listed(text: str, fig: Figure, figures: list[Figure]) -> tuple[list[str], list[Figure]]:
    """(names, figures) of the 分别 list holding the figure (二氧化硫、氮氧化物排放要分别减少3%和5%),
    or two empty lists when it is in none or names and figures do not count the same."""
    sentence = _sentence_start(text, fig.start)
    cue = text.rfind("分别", sentence, fig.start)
    if cue < 0:
        return [], []
    end = cue
    while end < len(text) and text[end] not in "，,；;。！？!?\n":
        end += 1  # the list runs to the clause's end: 、 and 和 join its figures
    listed = [f for f in figures if cue < f.start < end]
    names = _list_names(text, sentence, cue)
    if len(names) == 1 and names[0].startswith("城乡") and len(listed) == 2:
        names = ["城镇" + names[0][2:], "农村" + names[0][2:]]  # 城乡居民收入分别…: 城镇…, 农村…
    if fig not in listed or len(names) != len(listed) or len(names) < 2:
        return [], []
    return names, listed


def _list_names(text: str, sentence: int, cue: int) -> list[str]:
    """The names before a 分别: back to the clause start, split at 和/与/及/、. When they say
    nothing (…，同比分别增长6.5%、7%), the names of an earlier list in the sentence."""
    names_from = cue
    while names_from > sentence and text[names_from - 1] not in "，,。；;：:":
        names_from -= 1
    names = [x for x in (_trim(x) for x in re.split(r"[和与及、]", text[names_from:cue])) if x]
    if all(_GENERIC.fullmatch(x) or x in ("同比", "比上年", "较上年") for x in names):
        earlier = text.rfind("分别", sentence, names_from)
        return _list_names(text, sentence, earlier) if earlier >= 0 else []
    return names


def _said_of_all(text: str, fig: Figure, sentence: int) -> str:
    """The names of an earlier 分别 list, as written, when a later 分别 gives them one value, the
    figure standing in no list of its own (城镇和农村居民人均可支配收入分别达35512元、25689元，
    分别同比增长7.8%: both grew 7.8%)."""
    cue = text.rfind("分别", sentence, fig.start)
    earlier = text.rfind("分别", sentence, cue) if cue >= 0 else -1
    if earlier < 0:
        return ""
    names_from = earlier
    while names_from > sentence and text[names_from - 1] not in "，,。；;：:":
        names_from -= 1
    return text[names_from:earlier].strip()


def _listed_subject(text: str, fig: Figure, figures: list[Figure]) -> str:
    """The subject of a figure in a 分别 list, or "" when it is not in one."""
    names, listed = _listed(text, fig, figures)
    if not names:
        return ""
    k = listed.index(fig)
    last = names[-1]
    if k == len(names) - 1 or len(names[k]) >= len(last):
        return names[k]
    # 城镇和农村常住居民人均可支配收入: the last item carries the name all items share.
    tail = "".join(list(tokenize(last))[1:])
    return names[k] + tail


def _named_earlier(text: str, fig: Figure, figures: list[Figure], sentence_start: int) -> str:
    """For a generic subject (同比增长, 投资): the indicator named earlier in the sentence, or by
    the sentence before (东山组团建设步伐加快。投资3.5亿元), with the generic word
    (地区生产总值完成303亿元，同比增长7.5% -> 地区生产总值 增长)."""
    generic = re.sub(r"^(?:按可比口径|按可比价格?计算|扣除价格因素|同比|比上年|较上年|比去年|比上年同期|完成|实现)+|"
                     r"(?:完成|实现|达到|了)+$", "", fig.name)
    if generic in _SAY_NOTHING:
        generic = ""
    earlier = [f for f in figures if sentence_start <= f.start and f.end <= fig.start and f.name
               and not _says_nothing(f.name)]
    if earlier:
        head = re.sub(r"(?:完成|实现|达到|达|为|上升|提高|增长|下降|增加|减少)$", "", earlier[-1].name)
    else:
        head = _first_clause(text, sentence_start, _clause_start(text, fig.start))
        if not head and sentence_start > 0:  # the sentence opens with it: the one before names it
            head = _first_clause(text, _sentence_start(text, sentence_start - 1), sentence_start - 1)
    if not head:
        return ""
    return head if not generic or head.endswith(generic) else f"{head} {generic}"


_SAY_NOTHING = {"", "完成", "实现", "达到", "达", "为", "其中", "分别", "共", "累计完成", "共完成", "总额", "总量", "规模"}


def _first_clause(text: str, start: int, end: int) -> str:
    return _trim(re.split(r"[，,；;：:]", text[start:end], maxsplit=1)[0])


_NOTE = re.compile(r"[（(][^（()）]*[)）]")
_YEAR_PHRASE = re.compile(r"(?<=[由从到至])?(?:去年|上年|今年|(?:19|20)\d\d年)(?:底|末)?的?$|"
                          r"^(?:到|至|截至)?(?:去年|上年|今年|(?:19|20)\d\d年)(?:底|末)?[，,]?")
"""A year in a subject (由2010年的, 到2015年底) dates the figure; it does not name the indicator."""


_LEAD_RE = re.compile("^(?:" + "|".join(sorted(_LEAD_WORDS, key=len, reverse=True)) + ")(?=.)")
_TRAIL_RE = re.compile("(?<=.)(?:" + "|".join(sorted(_TRAIL_WORDS, key=len, reverse=True)) + ")$")


def _trim(clause: str) -> str:
    """A clause without the words around a name (全区…, …达到, 由2010年的)."""
    clause = _NOTE.sub("", clause).strip(" \u3000\t|")
    while True:
        trimmed = _YEAR_PHRASE.sub("", clause) or clause
        trimmed = _TRAIL_RE.sub("", _LEAD_RE.sub("", trimmed))
        if trimmed == clause:
            return clause
        clause = trimmed


def _shorten(clause: str, words: Words) -> str:
    """A long clause keeps its head (the verb, 分专题学习) and its tail (the object), in whole words."""
    if len(clause) <= SUBJECT_MAX:
        return clause
    parts = list(words(clause))
    head, tail = "", ""
    for w in parts:
        if len(head) + len(w) > SUBJECT_MAX // 2 and head:
            break
        head += w
    for w in reversed(parts):
        if len(tail) + len(w) > SUBJECT_MAX // 2 and tail:
            break
        tail = w + tail
    if len(head) + len(tail) >= len(clause):
        return clause
    return head + "…" + tail


def _english_subject(text: str, fig: Figure, figures: list[Figure]) -> str:
    """The words before an English figure in its clause (GDP grew by 6.1 percent -> GDP grew), or
    the noun phrase after it when the clause opens with it (2.15 trillion yuan of special local
    government bonds -> special local government bonds)."""
    start = fig.start
    while start > 0 and (text[start - 1] not in ",;:.!?\n—" or (start > 1 and text[start - 2].isdigit())):
        start -= 1  # a comma or point between digits (360,000; 6.1) does not end the clause
    before_figs = [f for f in figures if start <= f.start and f.end <= fig.start]
    if before_figs:
        start = before_figs[-1].end
    tokens = _EN_WORD.findall(re.sub(r"\([^)]*\)", " ", text[start:fig.start]))
    while tokens and _EN_STOP_TAIL.search(" ".join(tokens)):
        tokens.pop()
    while tokens and tokens[0].lower() in _EN_STOP_HEAD:
        tokens.pop(0)
    lowered = [w.lower() for w in tokens]
    verb = next((k for k, w in enumerate(lowered) if w in _EN_LINKING
                 or (w in _EN_AUXILIARY and lowered[k + 1:k + 2] in (["be"], ["been"]))), None)
    if verb is not None:  # the unemployment rate remained stable at … 5 percent; the rates … will be cut by
        subject = tokens[:verb]
        if "that" in lowered[:verb]:
            subject = subject[len(lowered[:verb]) - lowered[:verb][::-1].index("that"):]  # calculations indicate that…
        while subject and subject[0].lower() in _EN_STOP_HEAD:
            subject = subject[1:]
        if len(subject) >= 2:
            return " ".join(subject[:EN_SUBJECT_WORDS])
    if len(tokens) >= 2:
        return " ".join(tokens[-EN_SUBJECT_WORDS:])
    after = _EN_WORD.findall(re.split(r"[,;:.!?()]", text[fig.end:fig.end + 120])[0])
    if after and after[0].lower() in ("of", "in"):
        after = after[1:]  # 2.15 trillion yuan of special bonds
    elif passive := _EN_PASSIVE.match(" ".join(after)):  # 577.6 billion yuan is included in the budget for…
        words = passive.group(1).split()  # a phrase of its own: "for" and "in" go on inside it
        return " ".join(words[:next((k for k, w in enumerate(words) if w.lower() in _EN_CLAUSE_END), len(words))]
                        [:EN_SUBJECT_WORDS])
    stop = next((k for k, w in enumerate(after) if w.lower() in _EN_PHRASE_END), len(after))
    return " ".join(tokens + after[:min(stop, EN_SUBJECT_WORDS)])


_EN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_EN_LINKING = frozenset({"was", "were", "is", "are", "remained", "remains", "stood", "stands"})
_EN_AUXILIARY = frozenset({"will", "would", "should", "shall", "has", "have", "had"})
"""A linking verb or a passive (will be, has been) after an English subject: what stands before it is
the indicator (the surveyed unemployment rate remained stable at a comparatively low level of around 5
percent). Not an active verb: in `the central government will increase transfer payments by 10.9
percent` the subject is who acts, the words before the figure name what is counted."""
_EN_PASSIVE = re.compile(r"(?:is|are|was|were|will be|has been|have been) (?:\w+ )?"
                         r"(?!(?:expected|projected|estimated|scheduled|planned) )(?:\w+ed|spent|set aside) "
                         r"(?:in|for|to|on|into) (?:the )?(.+)", re.I)
"""A figure that is the subject of a passive (577.6 billion yuan is included in the central government
budget for…; 600 billion yuan will be earmarked for investment in…): what it is put into names it."""
_LATIN = re.compile(r"[A-Za-z]")
_EN_EMPTY = {"representing", "exceeding", "reaching", "reached", "increase", "increased", "growth", "grew", "rose", "up",
             "down", "an", "a", "by", "of", "which", "was", "is", "cut", "reduced", "fell", "stood", "at", "totaled", "hit",
             "the", "and", "or", "to", "with", "over", "more", "than", "nearly", "about", "around", "some", "almost"}


def _content(name: str) -> list[str]:
    """The words of an English name that name something (not reached, representing, an, by)."""
    return [w for w in _EN_WORD.findall(name) if w.lower() not in _EN_EMPTY]
_EN_STOP_HEAD = {"and", "with", "while", "the", "a", "an", "of", "in", "we", "our", "this", "last", "year", "which", "that"}
_EN_CLAUSE_END = {"were", "was", "are", "is", "will", "would", "should", "that", "which", "than", "and"}
_EN_PHRASE_END = {"were", "was", "are", "is", "have", "has", "had", "will", "would", "should", "to", "for", "from", "and",
                  "by", "of", "in", "on", "at", "with", "that", "which", "over", "than"}
