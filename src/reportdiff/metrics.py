"""Pair the figures of two reports: each figure of a paired unit with its counterpart, by what
it counts (subject), its unit and its place; never by equal value (投放点210个 vs 再就业210人),
and only when their keys agree (indicators.py): the same measure (a level never with an
increment or a growth rate), the same period (one year never with five), the same role in a
from-to phrase (a base never with the value reached), and a rate only with a rate.

Figures left unpaired (their paragraphs were rewritten, added or dropped) pair across the whole
report when they name the same indicator, once on each side (pair_leftovers)."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz
from scipy.optimize import linear_sum_assignment

from .figures import scale_of
from .lexicon import PEOPLE_NOUN
from .model import Change, Figure, FiguresByUnit, Metric, Period, Role
from .worddiff import tokenize

PAIR_MIN = 0.55
"""Figures of an edited unit pair from this score..."""
SUBJECT_WEIGHT, UNIT_WEIGHT, PLACE_WEIGHT = 0.6, 0.25, 0.15
"""...of what they count, their unit of measure and their place in the unit: the subject decides..."""
SUBJECT_MIN = 0.4
"""...and names less alike than this never pair, however well unit and place agree."""
LEFTOVER_MIN = 0.85
"""Figures of unpaired units pair across the report only with nearly the same indicator name
(the Indel ratio of the names, or one name ending the other: 城镇新增就业 / 新增就业)..."""
LEFTOVER_SUBJECT_CHARS = 4
"""...of at least this many characters (省级, 约谈 say too little)..."""
QUALIFIED_SCORE = 0.95
"""A name ending the other (城镇新增就业 / 新增就业): the same indicator, though less surely than the
same name (赤字 2.38万亿元 and 中央财政赤字 1.55万亿元 stand in one sentence of both years)."""
SUBSEQUENCE_SCORE = 0.9
"""A name whose characters all stand, in order, in the other's, with the same last two (the head
noun in Chinese: 单位国内生产总值能耗 is not 国内生产总值)."""
PREFIX_MIN = 3
"""In one unit pair, a name that opens the other (再开工 / 再开工重大水利工程: one says what was started)
names the same, from this many characters (name_opens)."""
LEFTOVER_MARGIN = 0.05
"""...and better than any other candidate by this much (城镇新增就业 = 城镇新增就业, before 城镇新增就业人数)."""
_NAME_NOISE = re.compile(r"^(?:全年|全区|全市|全县|全镇|全省|全国|今年|去年|上年|当年|我区|我市|我县|累计|共|已|其中|实现|完成了?|"
                         r"(?:投资|投入)(?=完成))+|"
                         r"(?:完成|实现|达到|达|为|要|将|同比|比上年|较上年|比去年|增长|下降|提高|降低|增加|减少|上涨|上升|回落)+$")
"""Words around a name that vary between years' wording. A sum spent opens with 投资…完成 and says
after it what on (投资1.2亿元完成了机场路护坡改造): the frame is house style, the works are the indicator
(投资总额 and 投入产出比 keep their 投资, 投入)."""


_SAME_INDICATOR = [(re.compile(pattern), name) for pattern, name in (
    (r"单位(?:国内|地区)?生产总值能耗|单位GDP能耗|万元GDP能耗", "能耗强度"),
    (r"服务业(?:增加值)?(?:在国内生产总值中的|在地区生产总值中的|占国内生产总值的?|占地区生产总值的?|占GDP的?)?比重", "服务业比重"),
    (r"(?:一般|地方)?公共(?:财政)?预算收入", "一般公共预算收入"),
    (r"(?:财政)?赤字占(?:国内|地区)生产总值的?比重|财政赤字率", "赤字率"),
    (r"旅游接待人数|接待游客人数|接待游客", "接待游客"),
    (r"GDP", "国内生产总值"),
    (r"居民收入", "居民人均可支配收入"),  # 居民人均可支配收入实际增长6.3% / 居民收入增长7.3%
    (r"(?<=人均可支配收入)实际", ""),
    (r"^(?:今年|年度)?的?经济增长(?=预期|目标|速度|$)", "国内生产总值增长"),  # 经济增长预期目标 is GDP growth
)]
"""Names official reports give one indicator in different years (the 2015 budget law renamed
公共财政预算收入 一般公共预算收入; 能耗强度 is 单位国内生产总值能耗): one name each, before names are
compared. Only names whose sameness is not a judgement call."""


_SAME_INDICATOR_EN = [(re.compile(pattern), name) for pattern, name in (
    (r"\bgross domestic product\b", "gdp"),
    (r"\bconsumer price index\b|\bconsumer prices\b", "cpi"),
)]
"""English names of one indicator, spelled out or abbreviated."""


def keys_agree(a: Figure, b: Figure) -> bool:
    """Whether two figures can be the same indicator at all (see the module's docstring)."""
    if a.measure != b.measure or a.period != b.period or a.is_rate != b.is_rate:
        return False
    if (a.role == Role.FROM) != (b.role == Role.FROM):
        return False
    return scale_of(a.unit)[1] == scale_of(b.unit)[1] or not (a.is_rate or b.is_rate)


def pair_figures(old_figures: FiguresByUnit, new_figures: FiguresByUnit, old_ids: Sequence[int],
                 new_ids: Sequence[int], same_shape: bool) -> list[Metric]:
    """Metrics of one aligned row (or split/merge group). `same_shape`: the masked texts are equal,
    so figures correspond one to one in order."""
    old_figs = [(i, f) for i in old_ids for f in old_figures.get(i, [])]
    new_figs = [(j, f) for j in new_ids for f in new_figures.get(j, [])]
    pairs: list[tuple[int, int]] = []
    if same_shape and len(old_figs) == len(new_figs):
        pairs = [(k, k) for k in range(len(old_figs))]
    elif old_figs and new_figs:
        score = np.zeros((len(old_figs), len(new_figs)))
        for r, (_, a) in enumerate(old_figs):
            for c, (_, b) in enumerate(new_figs):
                if not keys_agree(a, b) or not same_count(a.unit, b.unit):
                    continue  # 38.6公里 of pipes and 29个 of them are not one figure changed by 25%
                name_a, name_b = indicator_name(a.name), indicator_name(b.name)
                subject = name_similarity(name_a, name_b)
                if name_opens(name_a, name_b):
                    subject = max(subject, SUBSEQUENCE_SCORE)  # 再开工27个项目 / 再开工20项重大水利工程
                if subject < (LEFTOVER_MIN if a.period == Period.MULTI_YEAR else SUBJECT_MIN):
                    continue  # multi-year totals (a project's 总投资) pair only by a clearly shared name
                unit = 1.0 if scale_of(a.unit)[1] == scale_of(b.unit)[1] else 0.0
                place = 1 - abs(r / max(len(old_figs) - 1, 1) - c / max(len(new_figs) - 1, 1))
                score[r, c] = SUBJECT_WEIGHT * subject + UNIT_WEIGHT * unit + PLACE_WEIGHT * place
        rows, cols = linear_sum_assignment(score, maximize=True)
        pairs = [(r, c) for r, c in zip(rows, cols) if score[r, c] >= PAIR_MIN]
    out = [_metric(old_figs[r], new_figs[c]) for r, c in pairs]
    used_old, used_new = {r for r, _ in pairs}, {c for _, c in pairs}
    out += [_metric(old_figs[r], None) for r in range(len(old_figs)) if r not in used_old]
    out += [_metric(None, new_figs[c]) for c in range(len(new_figs)) if c not in used_new]
    return out


def name_opens(a: str, b: str) -> bool:
    """Whether one name, of PREFIX_MIN characters at least, opens the other."""
    return min(len(a), len(b)) >= PREFIX_MIN and (a.startswith(b) or b.startswith(a))


def same_count(a: str, b: str) -> bool:
    """Whether two units count in one way: the same base (亿元 and 万元), people by any noun for them
    (再解决6000万人 / 6069万农民), or general counters (个, 项; 件 and 部 of laws: 行政法规38件 / 8部;
    座 and 处 of places: 3座 / 3处)."""
    base_a, base_b = (_counted(scale_of(unit)[1]) for unit in (a, b))
    return base_a == base_b or {base_a, base_b} <= {"个", "项", "件", "部"} or {base_a, base_b} <= {"座", "处"}


def _counted(base: str) -> str:
    return "人" if re.fullmatch(PEOPLE_NOUN, base) else base.lower()  # 15,781 Yuan / 17,175 yuan


def indicator_name(subject: str) -> str:
    """A subject without what varies between years' wording (全区…完成, 同比)."""
    if _LATIN.search(subject.replace("GDP", "")):  # English (单位GDP能耗 is Chinese)
        name = subject.lower()
        for pattern, same in _SAME_INDICATOR_EN:
            name = pattern.sub(same, name)
        return name
    name = _NAME_NOISE.sub("", subject.replace(" ", "").replace("分别", "")) or subject
    for pattern, same in _SAME_INDICATOR:
        name = pattern.sub(same, name)
    return name


def name_similarity(a: str, b: str) -> float:
    """How surely two indicator names (indicator_name) name the same thing, 0-1."""
    if _LATIN.search(a) or _LATIN.search(b):
        # English: the content words, one set inside the other (local government bonds).
        words_a, words_b = _content_words(a), _content_words(b)
        if not words_a or not words_b:
            return 0.0
        return len(words_a & words_b) / min(len(words_a), len(words_b)) if min(len(words_a), len(words_b)) >= 2 \
            else 2 * len(words_a & words_b) / (len(words_a) + len(words_b))
    if (_AVERAGE_OF_YEAR.search(a) and _YEAR_END.search(b)) or (_YEAR_END.search(a) and _AVERAGE_OF_YEAR.search(b)):
        return 0.0  # 年末失业率 is not the year's 平均 rate
    if bool(_FLOW.search(a)) != bool(_FLOW.search(b)) and not _BUILT.search(a if _FLOW.search(b) else b):
        return 0.0  # 新建铁路投产里程 (built this year) is not 铁路营业里程 (all there is)
    if "人均" in a + b and "收入" in a and "收入" in b and _whose_income(a) != _whose_income(b):
        return 0.0  # 城镇居民人均可支配收入 is not all residents' (居民人均可支配收入), nor 农村's
    if a == b:
        return 1.0
    if a.endswith(b) or b.endswith(a):
        return QUALIFIED_SCORE  # 城镇新增就业 / 新增就业: the same indicator, more or less qualified
    short, long = sorted((a, b), key=len)
    if short[-2:] == long[-2:] and _subsequence(short, long):
        return SUBSEQUENCE_SCORE  # 棚户区改造 / 棚户区住房改造: the head noun (last) kept, a word inserted
    return fuzz.ratio(a, b) / 100


_LATIN = re.compile(r"[A-Za-z]")
_FLOW = re.compile(r"新增|新建|新开工|新改建|新投产|新登记|新设")
"""A name that counts what was added in the year, as against the stock of the same thing..."""
_URBAN = re.compile(r"城镇|城市")
_RURAL = re.compile(r"农村|农民|牧民|牧区")


def _whose_income(name: str) -> tuple[bool, bool]:
    """Whose income a name gives (urban, rural): incomes of different people never pair, though one
    name ends the other (农村牧区常住居民 and 农民 are both rural)."""
    return bool(_URBAN.search(name)), bool(_RURAL.search(name))


_AVERAGE_OF_YEAR = re.compile(r"平均|全年")
_YEAR_END = re.compile(r"年末|年底|末")
_BUILT = re.compile(r"建成|建设|改造|改建|扩建|开工|完成|实施|投产|增加|增长")
"""...unless the other name says so in its own words (建成蔬菜大棚 / 新建成蔬菜大棚)."""
_EN_FUNCTION = {"the", "a", "an", "of", "in", "on", "for", "to", "by", "and", "with", "was", "were", "is", "are", "will",
                "be", "been", "grew", "rose", "fell", "increased", "decreased", "reached", "exceeding", "over", "this", "year",
                "last", "more", "than", "about", "nearly", "further", "another", "up", "down", "cut", "reduced", "increase",
                "growth", "rise", "fall", "drop", "decrease"}
"""Words of an English name that say how, not what: the measure (growth, a level) is the figure's
key already (GDP growth of 6 percent is GDP grew by 6.1 percent)."""


def _content_words(name: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", name.lower()) if w not in _EN_FUNCTION}


def _subsequence(short: str, long: str) -> bool:
    rest = iter(long)
    return all(ch in rest for ch in short)


def pair_leftovers(metrics: list[Metric]) -> list[Metric]:
    """Pair the figures left alone (their units were rewritten, added or dropped) across the whole
    report when they count the same thing: agreeing keys and the same indicator name, said once on
    each side (地区生产总值完成 in a rewritten review paragraph). Metrics already paired are
    returned as they are."""
    removed = [m for m in metrics if m.change == Change.REMOVED]
    added = [m for m in metrics if m.change == Change.ADDED]
    if not removed or not added:
        return metrics

    def key(m: Metric) -> tuple:
        f = m.figure
        return indicator_name(f.name), f.measure, f.period, f.role == Role.FROM, scale_of(f.unit)[1]

    # A name said more than once on one side (同比增长) cannot tell which figure is which, unless
    # it is said with the same value (旅游收入69亿元 in the review and again in the five-year summary):
    # then its first mention stands for it.
    def said_once(side: list[Metric]) -> set[tuple]:
        values = {(key(m), m.figure.text) for m in side}
        return {k for k, n in Counter(k for k, _ in values).items() if n == 1}

    once_removed, once_added = said_once(removed), said_once(added)
    first_removed = {key(m): id(m) for m in reversed(removed)}
    first_added = {key(m): id(m) for m in reversed(added)}
    score = np.zeros((len(removed), len(added)))
    for r, a in enumerate(removed):
        ka = key(a)
        if ka not in once_removed or first_removed[ka] != id(a):
            continue
        for c, b in enumerate(added):
            kb = key(b)
            if kb in once_added and first_added[kb] == id(b) and ka[1:] == kb[1:] and keys_agree(a.figure, b.figure) \
                    and min(len(ka[0]), len(kb[0])) >= LEFTOVER_SUBJECT_CHARS:
                score[r, c] = max(name_similarity(ka[0], kb[0]), _same_thing_counted(a.figure, b.figure))
    rows, cols = linear_sum_assignment(score, maximize=True)
    joined = {(r, c) for r, c in zip(rows, cols) if score[r, c] >= LEFTOVER_MIN}
    # Unambiguous only: a name matching another on the other side nearly as well is left alone.
    joined = {(r, c) for r, c in joined if _clear_best(score[r], c) and _clear_best(score[:, c], r)}
    if not joined:
        return metrics
    used = {id(removed[r]) for r, _ in joined} | {id(added[c]) for _, c in joined}
    out = [m for m in metrics if id(m) not in used]
    out += [_metric((_index(removed[r].old_index), removed[r].figure), (_index(added[c].new_index), added[c].figure))
            for r, c in joined]
    return out


_THINGS = frozenset("座所栋处艘架")
"""Units that count one kind of built thing each (座 of 公厕, 所 of 学校): two names sharing the
thing's own word count the same, however the verbs around it differ."""
_BUILD_WORDS = frozenset({"新建", "改造", "建成", "完成", "改建", "扩建", "维修", "建设", "年内", "全年", "实施", "提升"})
COUNTED_SCORE = 0.86
"""Just over LEFTOVER_MIN: a pair by the thing counted stands only when it is the clear best."""


def _same_thing_counted(a: Figure, b: Figure) -> float:
    """COUNTED_SCORE when two figures count one kind of thing (建成6座水冲式公厕 / 改造新建公厕28座):
    the last word of both names beyond the verbs of building, the thing itself (not 农村 of
    新建农村幼儿园 and 改造农村卫生院), else 0."""
    if a.unit != b.unit or a.unit not in _THINGS:
        return 0.0
    things = [[w for w in tokenize(short_forms(f.name))
               if len(w) >= 2 and w not in _BUILD_WORDS][-1:] for f in (a, b)]
    return COUNTED_SCORE if things[0] and things[0] == things[1] else 0.0


_SHORT = {"公共厕所": "公厕", "技术改造": "技改"}
"""Things reports name in full one year and by their short form the next."""
_SHORT_NAMES = re.compile("|".join(_SHORT))


def short_forms(text: str) -> str:
    """`text` with the things of _SHORT by their short form (鼓励企业技术改造 -> 鼓励企业技改)."""
    return _SHORT_NAMES.sub(lambda m: _SHORT[m.group()], text)


def _clear_best(scores: np.ndarray, best: int) -> bool:
    rest = np.delete(scores, best)
    return not rest.size or rest.max() <= scores[best] - LEFTOVER_MARGIN


def _index(index: int | None) -> int:
    assert index is not None, "a figure's side has a unit"
    return index


def _metric(old: tuple[int, Figure] | None, new: tuple[int, Figure] | None) -> Metric:
    m = Metric(old[1] if old else None, new[1] if new else None, old[0] if old else None, new[0] if new else None)
    if m.old is None:
        m.change = Change.ADDED
    elif m.new is None:
        m.change = Change.REMOVED
    else:
        (old_scale, old_base), (new_scale, new_base) = scale_of(m.old.unit), scale_of(m.new.unit)
        if old_base != new_base:
            m.flags.append("unit_differs")
        if m.old.qualifier != m.new.qualifier:
            m.flags.append("qualifier_differs")  # 5.5%左右 -> 5.5%以内: the same value, a tighter target
        if m.old.value is not None and m.new.value is not None:
            if m.in_points:  # rates: the difference in percentage points, no relative change
                m.delta = round(m.new.value - m.old.value, 6)
            else:
                old_value = m.old.value * old_scale / new_scale  # in the new figure's unit
                m.delta = round(m.new.value - old_value, 6)
                m.ratio = round(m.delta / old_value, 6) if old_value else None
            m.change = Change.UP if m.delta > 0 else Change.DOWN if m.delta < 0 else Change.UNCHANGED
    if m.approx:
        m.flags.append("approx")
    return m
