"""Find the figures of a text: value, unit, qualifier, masked or not; and what is *not* a figure.

Rules (tested in tests/test_figures.py):
- A figure is a number with a unit from lexicon.UNITS (次, 人次, 亿元, %, 个百分点 …), or a percentage
  (92%, 百分之八, 五成 = 50%). Arabic (1,200 / 3.8 / full-width), Chinese (十二, 三千, 两万) and
  mixed (1.5万) numbers; trailing 万/亿 are folded into the unit (3.2亿元 is 3.2 in 亿元).
- Qualifiers are kept: 余/多 after the number, 近/约/超过/逾/不到/不足/接近 before it, 以上/左右/以内/以下
  after the unit; ranges (3至5个) keep both ends. All of these make a figure approximate.
- 人口 counted with no unit (农村贫困人口减少1240万) counts people: 1240 in 万人.
- Fractions are shares: 三分之一 and 1/3 are 33.3%, 一半 is 50% (said of a change or a share: 减少一半).
- Masked figures (**, ＊＊, ××, XX) have no value and are flagged.
- Not figures: years and dates (2022年, 12月, 5日), ordinals (第一, 第3), a lone 一 (一批, 一年来),
  numbers inside quotes or book titles (“四个意识”, 《**日报》), and the fixed formulae and idioms of
  NUMBERED_PHRASES (八项规定, 二十大, 十大专项整治, 千家万户 …).
"""
from __future__ import annotations

import re
import unicodedata

from .lexicon import CN_NUMERALS, COMPOUND, DIGITS, EN_FIGURE_RE, EN_SCALES, EN_UNITS, FIGURE_RE, MASK, QUALIFIERS_AFTER, QUALIFIERS_BEFORE
from .model import Figure

NUMBERED_PHRASES = sorted(set("""
四个意识 四个自信 两个维护 两个确立 四个全面 五位一体 两个责任 一岗双责 八项规定 四风 三会一课 两学一做
十八大 十九大 二十大 十八届 十九届 二十届 一中全会 二中全会 三中全会 四中全会 五中全会 六中全会 七中全会
十一五 十二五 十三五 十四五 十五五 一带一路 双减 三农 三资 六稳 六保 三去一降一补 放管服 十大专项整治
六大纪律 五化 三级组织体系 五级负责制 四个网格 四个行动 四支队伍 三必到 五必访 一村一辅警 八进八创 三做一评
四个一 十小 一江碧水 四套班子 两新组织 三重一大 两委 三大攻坚战 两个一百年 两个大局 三新一高 一国两制 九二共识 中国梦
千家万户 千方百计 万无一失 一心一意 四面八方 五湖四海 百花齐放 千变万化 万众一心 一以贯之 一张蓝图
两个市场 两种资源 两条腿 两个积极性 二元结构 城乡二元
个方面 个字 学前三年 一把手 一线 一体化 一系列 一些 一定 一道 一起 一切 统一 唯一 之一 一公里 最后一公里 一站式 一网通办 一件事
""".split()), key=len, reverse=True)
"""Set phrases and idioms whose numerals count nothing (八项规定, 千家万户): never figures."""

_FULLWIDTH = str.maketrans("０１２３４５６７８９，．", "0123456789,.")
_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}
_QUOTED = re.compile(r"“[^”\n]{0,30}”|「[^」\n]{0,30}」|《[^》\n]{0,40}》|\"[^\"\n]{0,30}\"")
_DATE = re.compile(rf"(?:1[89]|20)[{DIGITS}]{{2}}年度?|[{DIGITS}]{{1,2}}月份?|[{DIGITS}]{{1,2}}[日号]")
_NAMED_SPAN = re.compile(rf"[{CN_NUMERALS}]+年(?=行动|规划|计划|攻坚|专项|工程|目标|振兴|发展规划|纲要|决战)|"
                         rf"(?<=建党|建军|建国|建校|成立)[{CN_NUMERALS}\d]+(?:周)?年")
"""A span of years that names a plan or an anniversary (三年行动, 十年规划, 建军一百年): no count."""
_POINTS_AHEAD = re.compile(r"(?:以下|如下|上述|这些|这)$")
_UNIT_INSIDE_WORD = {"部": "分门委署", "件": "事"}
"""A unit character that opens a longer word here (三部分, 三部门) is not a unit."""


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


_MAGNITUDE = {"亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2}


def compound_value(raw: str, scale: str = "") -> float:
    """1万6千 -> 16000; before a scale, in that scale: 1亿3千(万) -> 13000 (万), as 1亿3千万 is
    1亿 and 3千万. The last digit without a magnitude counts one step below the one before it
    (1万6千5 is 16500: rarely written, read as said)."""
    unit = _MAGNITUDE.get(scale, 1.0)
    total, last = 0.0, 1.0
    for digits, magnitude in re.findall(rf"([{DIGITS}]+|[一二两三四五六七八九])([亿万千百]?)", raw):
        n = float(digits.translate(_FULLWIDTH)) if digits[0] not in "一二两三四五六七八九" else float(parse_chinese_number(digits) or 0)
        if magnitude:
            factor = _MAGNITUDE[magnitude]
            # a magnitude below the scale applies to it (3千 before 万 is 3千万); above it, it is a count of the scale
            last = factor / unit if factor >= unit else factor
        else:
            last = last / 10
        total += n * last
    return total


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
    spans += [m.span() for m in _NAMED_SPAN.finditer(text)]
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
        if num_start > 0 and text[num_start - 1] in "第届":
            continue  # 第3次, 十五届九次全会: ordinals, not counts
        if num_start > 0 and text[num_start - 1] == "每":
            continue  # 每50公斤提高3元: the measure a rate is per, not a count
        if text[num_start] in CN_NUMERALS and (_POINTS_AHEAD.search(text, max(0, num_start - 2), num_start)
                                                or text.startswith("指标", end)):
            continue  # 抓好以下五项, 这三项改革, 物价总水平两个指标: the text's own items, counted (not 45个指标)
        if m.group("pct"):
            value = parse_chinese_number(m.group("pctnum"))
            if value is None:
                continue
            out.append(Figure(m.group(), start, end, value, "%", _qualifier(m)))
            continue
        raw = m.group("num")
        if raw[0] in CN_NUMERALS and not any(c in raw for c in "零〇一二两三四五六七八九十"):
            continue  # 千家, 万人: a scale word alone is not a number
        if raw[0] in CN_NUMERALS and m.group("unit") == "期" and not m.group("plus"):
            continue  # 二期工程, 三期: a phase, not a count
        if raw in ("一", "零", "〇"):
            continue  # 一批, 一年来, 零部件, 零成本: almost never a count worth reporting
        if end < len(text) and text[end] in _UNIT_INSIDE_WORD.get(m.group("unit"), ""):
            continue
        scale = m.group("scale") or ""
        if raw[0] in CN_NUMERALS and len(raw) > 1 and raw[-1] in "万亿" and not scale:
            raw, scale = raw[:-1], raw[-1]  # 两万人 is 2 in 万人, as 2万人 is
        if re.fullmatch(COMPOUND, raw):  # the scale may be written into the unit: 1亿3千多万人次
            value, masked = compound_value(raw, scale or m.group("unit")[0]), False
        else:
            value, masked = _number(raw)
        if value is None and not masked:
            continue
        unit = scale + m.group("unit")
        high = None
        if m.group("num2"):
            high, _ = _number(m.group("num2"))
        if unit == "年" and value is not None and 1800 <= value <= 2100:
            continue  # a year
        if unit == "年" and (_LOOKING_BACK.search(text, max(0, num_start - 2), num_start) or _LOOKING_BACK_AFTER.match(text, end)):
            continue  # 过去五年, 三年来: the span a passage looks back over, not a figure of it
        if unit == "成":
            if value is None or value > 10:
                continue
            value, unit = value * 10, "%"
        out.append(Figure(m.group(), start, end, value, unit, _qualifier(m), masked, high))
    for more in (_people_without_unit if "人口" in text else None, _fractions,
                 _english_figures if _ENGLISH_NUMBER.search(text) else None):
        if more is not None:  # figures the main pattern cannot read, where it read none
            taken = [(f.start, f.end) for f in out]
            out += [f for f in more(text) if not any(a < f.end and f.start < b for a, b in taken)]
    out.sort(key=lambda f: f.start)
    return out


_PEOPLE_WITHOUT_UNIT = re.compile(rf"人口(?:总数|数量)?(?:减少|增加|增长|下降|达到|达|为|有|共|累计|控制在)?"
                                  rf"(?P<before>{'|'.join(QUALIFIERS_BEFORE)})?"
                                  rf"(?P<num>[{DIGITS}]+(?:[.．][{DIGITS}]+)?)(?P<scale>[万亿])(?P<plus>多|余)?"
                                  rf"(?P<after>{'|'.join(QUALIFIERS_AFTER)})?(?=[，。；、,;]|$)")
"""人口 counted without a unit, right after the word or its verb (农村贫困人口减少1240万, 易地扶贫搬迁人口
超过240万): people, in 万人. Not a sum said later in the clause (流动人口服务中心投入300万)."""


def _people_without_unit(text: str) -> list[Figure]:
    out = []
    for m in _PEOPLE_WITHOUT_UNIT.finditer(text):
        value, _ = _number(m.group("num"))
        start = m.start("before") if m.group("before") else m.start("num")
        out.append(Figure(text[start:m.end()], start, m.end(), value, m.group("scale") + "人", _qualifier(m)))
    return out


_CN_COUNT = "一二两三四五六七八九十百千"
_FRACTION = re.compile(rf"(?P<before>{'|'.join(QUALIFIERS_BEFORE)})?"
                       rf"(?:(?<![{_CN_COUNT}])(?P<den>[{_CN_COUNT}]+|[{DIGITS}]{{1,3}})分之(?P<num>[{_CN_COUNT}]+|[{DIGITS}]{{1,3}})"
                       rf"|(?<![{DIGITS}A-Za-z第./／])(?P<num2>[1-9１-９])[/／](?P<den2>[2-9２-９])(?![{DIGITS}./／月日号])"
                       r"|(?P<half>一半))"
                       rf"(?P<after>{'|'.join(QUALIFIERS_AFTER)})?")
"""Fractions, as shares in %: 三分之一, 十二分之一, 1/3 (one digit over one: not 7/8月, 1/3/2020, G1/2),
and 一半 where a change or a share is said of it (减少一半, 一半以上; not 另一半)."""
_HALF_AFTER = re.compile(r"(?:减少|缩减|压减|削减|减|下降|降低|降|提高|增加|增长|超过|近|约|占|达|达到)$")


def _fractions(text: str) -> list[Figure]:
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    out = []
    for m in _FRACTION.finditer(text):
        start = m.start("before") if m.group("before") else m.start()
        if any(a < m.end() and m.start() < b for a, b in quoted) or text[max(start - 1, 0):start] in ("第", "每"):
            continue
        if m.group("half"):
            if not (_HALF_AFTER.search(text, 0, m.start("half")) or m.group("after")):
                continue
            num, den = 1.0, 2.0
        else:
            num, den = (_number(m.group(k) or m.group(k + "2"))[0] or 0.0 for k in ("num", "den"))
        if not 0 < num < den:
            continue
        out.append(Figure(m.group(), m.start(), m.end(), round(100 * num / den, 1), "%", _qualifier(m)))
    return out


_LOOKING_BACK = re.compile(r"(?:过去|最近|近|这)$")
_LOOKING_BACK_AFTER = re.compile(r"(?:以来|来|间|里)")


_ENGLISH_NUMBER = re.compile(r"[0-9][ -]?(?:thousand|million|billion|trillion|percent|per cent|percentage|yuan|dollars|"
                             r"mu|hectares|tons|tonnes|kilomet|km|people|persons|households)|[$¥][0-9]|RMB ?[0-9]|"
                             r"[0-9],[0-9]{3}")
"""Whether a text may hold an English figure at all: Chinese text, with digits in every other
paragraph, skips the English pass."""


def _english_figures(text: str) -> list[Figure]:
    """Figures written the English way: 6.1 percent, $42.5 billion, 13.52 million, 360,000. The
    scale word leads the unit as 万/亿 do in Chinese (billion US$, trillion yuan, million)."""
    out = []
    for m in EN_FIGURE_RE.finditer(text):
        num, cur, scale, unit = m.group("num"), m.group("cur"), m.group("scale"), m.group("unit")
        if not (cur or scale or unit or "," in num):
            continue  # 2019, Article 5, G20: a bare number says nothing
        value = float(num.replace(",", ""))
        high = float(m.group("num2").replace(",", "")) if m.group("num2") else None
        noun = EN_UNITS[unit] if unit else ("US$" if cur and "$" in cur else "yuan" if cur else "")
        start = m.start("cur") if cur else m.start("num")
        if m.group("before"):
            start = m.start("before")
        if high is not None and not (scale or unit):
            continue  # 5-6 with no unit of its own: no figure
        if high is not None and re.search(r"\bfrom\s*$", text[:start], re.I):
            start, value, high = m.start("num2"), high, None  # rose from 5 to 6 percent: the value reached, no range
        qualifier = (m.group("before") or "").strip() if start <= m.start("num") else ""
        out.append(Figure(text[start:m.end()], start, m.end(), value, " ".join(x for x in (scale, noun) if x), qualifier, high=high))
    return out


def scale_of(unit: str) -> tuple[float, str]:
    """(scale, base unit) of a figure's unit: 亿元 -> (1e8, 元), 万亿元 -> (1e12, 元), billion US$ -> (1e9, US$)."""
    unit = unicodedata.normalize("NFKC", unit)  # ％ is %: a report typed in full width compares with one that is not
    word, _, rest = unit.partition(" ")
    if word in EN_SCALES:
        return EN_SCALES[word], rest
    scale = 1.0
    while unit[:1] in _CN_BIG and len(unit) > 1:
        scale *= _CN_BIG[unit[:1]]
        unit = unit[1:]
    return scale, unit


def _qualifier(m: re.Match) -> str:
    """The qualifiers a pattern read, in the order written (超过…多…以上), from whichever of its groups
    before / plus / plus2 / after it has."""
    return "".join(m.group(g) or "" for g in ("before", "plus", "plus2", "after") if g in m.re.groupindex)
