"""Normalize text for matching: NFKC, unified quotes, no layout whitespace, figures masked.

Matching never sees the original text: it compares *keys* built here, while every unit keeps
its exact original text and offsets.
"""
from __future__ import annotations

import re
import unicodedata

from .figures import UNITS

QUOTES = str.maketrans({
    "“": '"', "”": '"', "„": '"', "「": '"', "」": '"', "『": '"', "』": '"', "〝": '"', "〞": '"',
    "‘": "'", "’": "'", "﹃": '"', "﹄": '"',
})
_WS = re.compile(r"\s+")
# Space is layout, not content, next to a CJK character ("政 府 工 作 报 告").
_CJK_SPACE = re.compile(r"(?<=[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]) | (?=[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef])")

CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
# A figure, for masking: Arabic (1,200 / 3.8 / 92%), masked (** ＊＊ ×× XX), or Chinese numerals
# that count something (三千余人次, 十二次). Runs through the NFKC form, so full-width digits are ASCII.
_MEASURE = "个次人名项件起家所户套场期轮处间份元亩吨米公里年月日天批条座台辆栋笔位支类种倍成只头株棵张本册部篇"
FIGURE = re.compile(
    r"\d+(?:,\d{3})*(?:\.\d+)?"
    r"|\*{2,}|＊{2,}|×{2,}|[Xx]{2,}"
    rf"|[{CN_DIGITS}]+(?=[余多]?[万亿千百]?[{_MEASURE}])"
)
FIGURE_MASK = "#"


# A figure as written in the original text, with its qualifier and unit: one word for the
# inline diff (12次 -> 15次 shows as a whole, never "2" -> "5").
_DIGIT = "0-9０-９"
FIGURE_TOKEN = re.compile(
    r"(?:[近约超逾]|超过|不到|不足)?"
    rf"(?:[{_DIGIT}]+(?:[,，][{_DIGIT}]{{3}})*(?:[.．][{_DIGIT}]+)?|\*{{2,}}|＊{{2,}}|×{{2,}}|[XxＸｘ]{{2,}}|[{CN_DIGITS}]+(?=[余多]?[万亿千百]?[{_MEASURE}%％]))"
    r"(?:[余多])?(?:[万亿千百]+)?"
    rf"(?:{'|'.join(re.escape(u) for u in UNITS)}|余|月|日)?"
)


def normalize(text: str) -> str:
    """Comparable form of a text: NFKC, one kind of quote, layout whitespace removed."""
    text = unicodedata.normalize("NFKC", text).translate(QUOTES)
    text = _WS.sub(" ", text).strip()
    return _CJK_SPACE.sub("", text)


def mask_figures(normalized: str) -> str:
    """Replace every figure in normalized text by one placeholder: 组织集体学习10次 -> 组织集体学习#次."""
    return FIGURE.sub(FIGURE_MASK, normalized)
