"""Normalize text for matching: NFKC, unified quotes, no layout whitespace, figures masked.

Matching never sees the original text: it compares *keys* built here, while every unit keeps
its exact original text and offsets.
"""
from __future__ import annotations

import re
import unicodedata

from .lexicon import FIGURE_MASK_RE

QUOTES = str.maketrans({
    "“": '"', "”": '"', "„": '"', "「": '"', "」": '"', "『": '"', "』": '"', "〝": '"', "〞": '"',
    "‘": "'", "’": "'", "﹃": '"', "﹄": '"',
})
_WS = re.compile(r"\s+")
# Space is layout, not content, next to a CJK character ("政 府 工 作 报 告").
_CJK_SPACE = re.compile(r"(?<=[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]) | (?=[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef])")
FIGURE_MASK = "#"


def normalize(text: str) -> str:
    """Comparable form of a text: NFKC, one kind of quote, layout whitespace removed."""
    text = unicodedata.normalize("NFKC", text).translate(QUOTES)
    text = _WS.sub(" ", text).strip()
    return _CJK_SPACE.sub("", text)


def mask_figures(normalized: str) -> str:
    """Replace every figure in normalized text by one placeholder: 组织集体学习10次 -> 组织集体学习#次."""
    return FIGURE_MASK_RE.sub(FIGURE_MASK, normalized)
