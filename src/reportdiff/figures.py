"""Find the figures of a text: value, unit, qualifier, masked or not; and what is *not* a figure.

Rules (tested in tests/test_figures.py):
- A figure is a number with a unit from lexicon.UNITS (次, 人次, 亿元, %, 个百分点 …), or a percentage
  (92%, 百分之八, 五成 = 50%). Arabic (1,200 / 3.8 / full-width), Chinese (十二, 三千, 两万) and
  mixed (1.5万) numbers; trailing 万/亿 are folded into the unit (3.2亿元 is 3.2 in 亿元).
- Qualifiers are kept: 余/多 after the number, 近/约/超过/逾/不到/不足/接近 before it, 以上/左右/以内/以下
  after the unit; ranges (3至5个) keep both ends. All of these make a figure approximate.
- Masked figures (**, ＊＊, ××, XX) have no value and are flagged.
- Not figures: years and dates (2022年, 12月, 5日), ordinals (第一, 第3), a lone 一 (一批, 一年来),
  numbers inside quotes or book titles (“四个意识”, 《**日报》), and the fixed formulae and idioms of
  NUMBERED_PHRASES (八项规定, 二十大, 十大专项整治, 千家万户 …).
"""
from __future__ import annotations

import re

from .lexicon import CN_NUMERALS, DIGITS, FIGURE_RE, MASK
from .model import Figure

NUMBERED_PHRASES = sorted(set("""
四个意识 四个自信 两个维护 两个确立 四个全面 五位一体 两个责任 一岗双责 八项规定 四风 三会一课 两学一做
十八大 十九大 二十大 十八届 十九届 二十届 一中全会 二中全会 三中全会 四中全会 五中全会 六中全会 七中全会
十一五 十二五 十三五 十四五 十五五 一带一路 双减 三农 三资 六稳 六保 三去一降一补 放管服 十大专项整治
六大纪律 五化 三级组织体系 五级负责制 四个网格 四个行动 四支队伍 三必到 五必访 一村一辅警 八进八创 三做一评
四个一 十小 一江碧水 四套班子 两新组织 三重一大 两委 三大攻坚战 两个一百年 两个大局 三新一高 一国两制 九二共识 中国梦
千家万户 千方百计 万无一失 一心一意 四面八方 五湖四海 百花齐放 千变万化 万众一心 一以贯之 一张蓝图
个方面 学前三年 一把手 一线 一体化 一系列 一些 一定 一道 一起 一切 统一 唯一 之一 一公里 最后一公里 一站式 一网通办 一件事
""".split()), key=len, reverse=True)
"""Set phrases and idioms whose numerals count nothing (八项规定, 千家万户): never figures."""

_FULLWIDTH = str.maketrans("０１２３４５６７８９，．", "0123456789,.")
_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}
_QUOTED = re.compile(r"“[^”\n]{0,30}”|「[^」\n]{0,30}」|《[^》\n]{0,40}》|\"[^\"\n]{0,30}\"")
_DATE = re.compile(rf"(?:1[89]|20)[{DIGITS}]{{2}}年度?|[{DIGITS}]{{1,2}}月份?|[{DIGITS}]{{1,2}}[日号]")


def parse_chinese_number(s: str) -> float | None:
    """十二 -> 12, 一百二十 -> 120, 三千 -> 3000, 一万二千 -> 12000, 三点五 -> 3.5; None if not a number."""
    if not s:
        return None
    if "点" in s:
        whole, _, frac = s.partition("点")
        w = parse_chinese_number(whole) if whole else 0
        if w is None or not frac or any(c not in _CN_DIGIT for c in frac):
            return None
        return w + float("0." + "".join(str(_CN_DIGIT[c]) for c in frac))
    total, section, digit = 0, 0, None
    for ch in s:
        if ch in _CN_DIGIT:
            if digit is not None and ch not in "零〇" and digit != 0:  # "二三" is not a number
                return None
            digit = _CN_DIGIT[ch]
        elif ch in _CN_SMALL:
            section += (1 if digit is None else digit) * _CN_SMALL[ch]
            digit = None
        elif ch in _CN_BIG:
            section += digit or 0
            total = (total + section) * _CN_BIG[ch] if total < _CN_BIG[ch] else total + section * _CN_BIG[ch]
            section, digit = 0, None
        else:
            return None
    return float(total + section + (digit or 0))


def _number(raw: str) -> tuple[float | None, bool]:
    """(value, masked) of a number as written."""
    if re.fullmatch(MASK, raw):
        return None, True
    if re.match(rf"[{DIGITS}]", raw):
        return float(raw.translate(_FULLWIDTH).replace(",", "")), False
    return parse_chinese_number(raw), False


# Overlapping phrases (一公里 inside 最后一公里) need every start, hence the lookahead.
_NUMBERED_PHRASE = re.compile("(?=(" + "|".join(re.escape(f) for f in NUMBERED_PHRASES) + "))")


def _excluded_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _QUOTED.finditer(text)]
    spans += [(m.start(), m.start() + len(m.group(1))) for m in _NUMBERED_PHRASE.finditer(text)]
    return spans


def find_figures(text: str) -> list[Figure]:
    """Every figure of `text`, in order, with value, unit and qualifier (no subject)."""
    excluded = _excluded_spans(text)
    dates = [m.span() for m in _DATE.finditer(text)]
    out: list[Figure] = []
    for m in FIGURE_RE.finditer(text):
        start, end = m.span()
        num_start = m.start("pct") if m.group("pct") else m.start("num")
        if any(a < end and start < b for a, b in excluded):
            continue
        if any(a <= num_start < b for a, b in dates) and not m.group("pct"):
            continue
        if num_start > 0 and text[num_start - 1] in "第":
            continue
        if m.group("pct"):
            value = parse_chinese_number(m.group("pctnum"))
            if value is None:
                continue
            out.append(Figure(m.group(), start, end, value, "%", _qualifier(m)))
            continue
        raw = m.group("num")
        if raw[0] in CN_NUMERALS and not any(c in raw for c in "零〇一二两三四五六七八九十"):
            continue  # 千家, 万人: a scale word alone is not a number
        if raw == "一":
            continue  # 一批, 一年来, 一次性: almost never a count worth reporting
        scale = m.group("scale") or ""
        if raw[0] in CN_NUMERALS and len(raw) > 1 and raw[-1] in "万亿" and not scale:
            raw, scale = raw[:-1], raw[-1]  # 两万人 is 2 in 万人, as 2万人 is
        value, masked = _number(raw)
        if value is None and not masked:
            continue
        unit = scale + m.group("unit")
        high = None
        if m.group("num2"):
            high, _ = _number(m.group("num2"))
        if unit == "年" and value is not None and 1800 <= value <= 2100:
            continue  # a year
        if unit == "成":
            if value is None or value > 10:
                continue
            value, unit = value * 10, "%"
        out.append(Figure(m.group(), start, end, value, unit, _qualifier(m), masked, high))
    return out


def _qualifier(m: re.Match) -> str:
    return "".join(q for q in (m.group("before"), m.group("plus") if "plus" in m.re.groupindex else None,
                               m.group("plus2"), m.group("after")) if q)


_CLAUSE_END = "，,。；;：:、！!？?\n（(）)"
_LEAD_WORDS = ("其中", "全年", "共计", "累计", "先后", "全镇", "全区", "全县", "同时", "并且", "并", "共", "已", "我")
_TRAIL_WORDS = ("提高到", "提升到", "增加到", "增长到", "下降到", "达到", "增至", "降至", "超过", "分别", "累计", "共计",
                "先后", "约", "近", "达", "为", "到", "共", "了")
SUBJECT_MAX = 12


def subject_of(text: str, fig: Figure, words, figures: list[Figure] | None = None) -> str:
    """What a figure counts: the clause before it (组织集体学习12次 -> 组织集体学习), or the words
    after it when the clause opens with the figure (**件信访交办件全部办结 -> 信访交办件全部办结).
    `words` cuts text into words (jieba), so a subject never starts mid-word; `figures` are the
    text's figures when already known (a clause stops at a neighbouring figure)."""
    figures = find_figures(text) if figures is None else figures
    start = fig.start
    while start > 0 and text[start - 1] not in _CLAUSE_END:
        start -= 1
    before_figs = [f for f in figures if start <= f.start and f.end <= fig.start]
    if before_figs and fig.start - before_figs[-1].end >= 2:  # 辖市**个基层组织达标创建率**% -> 基层组织达标创建率
        start = before_figs[-1].end
    before = _trim(text[start:fig.start])
    end = fig.end
    while end < len(text) and text[end] not in _CLAUSE_END:
        end += 1
    later = [f for f in figures if fig.end <= f.start < end]
    after = _trim(text[fig.end:later[0].start if later else end])
    if len(before) > 2 or (before and not after):
        return _shorten(before, words)
    # The clause opens with the figure, or nearly (辖市32个基层组织…): what follows names it.
    return _shorten(before + after, words) if after else before


def _trim(clause: str) -> str:
    clause = clause.strip()
    changed = True
    while changed and clause:
        changed = False
        for w in _LEAD_WORDS:
            if clause.startswith(w) and len(clause) > len(w):
                clause, changed = clause[len(w):], True
        for w in _TRAIL_WORDS:
            if clause.endswith(w) and len(clause) > len(w):
                clause, changed = clause[:-len(w)], True
    return clause


def _shorten(clause: str, words) -> str:
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
