"""The figure grammar, in one place: numerals, units, measure words, qualifiers and the patterns
built from them. figures.py (extraction), textnorm.py (masking for matching), recycle.py (the
comparable stream) and worddiff.py (a figure with its unit is one word) all use these.

Each pattern says which text it runs on: the original text (full-width digits and punctuation
as written) or the NFKC form that matching compares.
"""
from __future__ import annotations

import re

CN_NUMERALS = "零〇一二两三四五六七八九十百千万亿"
"""Characters of a Chinese number (三千余人次, 十二次, 两万)."""
CN_ORDINALS = "一二三四五六七八九十"
"""Characters of an enumeration marker (一、 （三） 五是): no 零/两, no 百千万."""
DIGITS = "0-9０-９"
"""A character class body: ASCII and full-width digits."""
ARABIC = rf"[{DIGITS}]+(?:[,，][{DIGITS}]{{3}})*(?:[.．][{DIGITS}]+)?"
"""1,200 / 3.8 / １２ / 3．8, as written."""
MASK = r"\*{2,}|＊{2,}|×{2,}|[XxＸｘ]{2,}"
"""A figure hidden by its author: ** ＊＊ ×× XX."""

# Longest first, so 人次 wins over 人 and 万平方米 over 平方米.
UNITS = sorted(set("""
个百分点 百分点 % ％ 成 倍
元 亿元 万元 千元 美元 万美元 亿美元
人次 万人次 亿人次 人 万人 亿人 万人口 亿人口 名 位 户 万户 家 所 个 项 件 起 宗 批 次 场次 场 期 轮 班 处 间 份 套 座 栋 幢 台 辆 艘 架
条 支 类 种 篇 部 册 本 张 床 剂次 万剂次 剂 例 单 笔
平方米 万平方米 平方公里 公顷 亩 万亩 公里 千米 米 吨 万吨 千克 公斤 斤 立方米 万立方米 千瓦 万千瓦 千瓦时 标箱
年 个月 天 小时 分钟
""".split()), key=len, reverse=True)
"""Units a figure extracted for the metrics table must carry (a bare number is not reported)."""
MEASURE_WORDS = "个次人名项件起家所户套场期轮处间份元亩吨米公里年月日天批条座台辆栋笔位支类种倍成只头株棵张本册部篇"
"""Single characters after which a Chinese numeral counts something (三千余人次, 十二次): for
masking and diff words, where 三 alone (三是, 三农) must stay text."""
QUALIFIERS_BEFORE = ("不超过", "超过", "不到", "不足", "不低于", "不高于", "低于", "高于", "接近", "将近", "近", "约", "逾")
QUALIFIERS_AFTER = ("以上", "左右", "以内", "以下", "多")
RANGE_SIGNS = "至|到|~|～|-|—|－|–"

_UNIT = "|".join(re.escape(u) for u in UNITS)
PEOPLE_NOUN = r"[\u4e00-\u9fff]{0,3}?(?:人口|农民工|农民|群众|用户)"
_PEOPLE = rf"(?<=[万亿余多])(?![余多以]){PEOPLE_NOUN}"
"""People counted in 万 or 亿 by what they are (6000万农村人口, 20多万无电人口, 510万沼气用户, 2亿农民工):
the noun is the unit and names what is counted; any such noun counts people (metrics.same_count:
6000万人 / 6069万农民). A qualifier (余, 以上) is no part of it."""

FIGURE_MASK_RE = re.compile(
    rf"{ARABIC}|{MASK}|[{CN_NUMERALS}]+(?=[余多]?[万亿千百]?[{MEASURE_WORDS}])"
)
"""A figure to mask for matching: on NFKC text (textnorm) or its character-wise fold (recycle)."""

FIGURE_WORD_RE = re.compile(
    r"(?:[近约超逾]|超过|不到|不足)?"
    rf"(?:{ARABIC}|{MASK}|[{CN_NUMERALS}]+(?=[余多]?[万亿千百]?[{MEASURE_WORDS}%％]))"
    r"(?:[余多])?(?:[万亿千百]+)?"
    rf"(?:{_UNIT}|余|月|日)?"
)
"""A figure as one word of the inline diff, with its qualifier and unit (12次 -> 15次 shows
whole, never "2" -> "5"): on the original text."""

COMPOUND = rf"[{DIGITS}]+[万亿](?:[{DIGITS}]+|[一二两三四五六七八九])[千百](?:[{DIGITS}]+|[一二两三四五六七八九])?"
"""Digits with Chinese magnitudes inside, as speeches write them: 1万6千(多户), 1亿3千(多万人次)."""
_NUMBER = rf"(?:{COMPOUND}|{ARABIC}|{MASK}|[{CN_NUMERALS}]+)"
FIGURE_RE = re.compile(
    rf"(?P<before>{'|'.join(QUALIFIERS_BEFORE)})?"
    rf"(?:(?P<pct>百分之(?P<pctnum>[{CN_NUMERALS}点]+))"
    rf"|(?P<num>{_NUMBER})(?:(?P<range>{RANGE_SIGNS})(?P<num2>{_NUMBER}))?"
    r"(?:(?<=[0-9０-９])[ \u3000])?"  # a space after digits: "425 亿美元" (PDFs, English-style typing)
    rf"(?P<plus>余|多)?(?P<scale>万亿(?![元人美])|亿(?![元人美])|万(?![元人户亩吨平千美立次剂]))?(?P<plus2>余|多)?(?P<unit>{_UNIT}|{_PEOPLE}))"
    rf"(?P<after>{'|'.join(QUALIFIERS_AFTER)})?"
)
"""A figure for the metrics table, with named parts (value, range, scale, unit, qualifiers): on
the original text, so offsets point into it."""

EN_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
EN_UNITS = {
    "percentage points": "percentage points", "percentage point": "percentage points",
    "percent": "%", "per cent": "%", "%": "%",
    "yuan": "yuan", "US dollars": "US$", "dollars": "US$", "mu": "mu", "hectares": "hectares",
    "metric tons": "tons", "tons": "tons", "tonnes": "tons", "kilometers": "km", "kilometres": "km", "km": "km",
    "people": "people", "persons": "people", "households": "households",
}
"""English units as written -> the unit a figure carries (percent and per cent are %)."""
_EN_UNIT = "|".join(re.escape(u) for u in sorted(EN_UNITS, key=len, reverse=True))
EN_FIGURE_RE = re.compile(
    r"(?<![\w.,$])(?P<before>(?i:about|around|nearly|almost|over|more than|less than|under|some|roughly|within|above|below|"
    r"at least|up to|close to|approximately) )?"
    r"(?P<cur>US\$|\$|RMB ?|¥)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:(?: to |-|–)(?P<num2>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?=[ -]?[a-z%]))?"
    rf"(?:[ -](?P<scale>{'|'.join(EN_SCALES)})\b)?"
    rf"(?: ?(?P<unit>{_EN_UNIT})(?![A-Za-z]))?"
)
"""An English figure (6.1 percent, $42.5 billion, 13.52 million, 2.36 trillion yuan, 360,000, a
range 6 to 6.5 percent): on the original text. A bare number counts only with a currency, a
scale, a unit or thousands separators (2019 and Article 5 are not figures)."""
