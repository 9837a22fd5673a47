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
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
"""Characters that show nothing (zero-width spaces and joiners, word joiner, a BOM inside the
text, soft hyphen): pasted from the web or Word, they are not content and never count as edits.
The lossless text keeps them; only the comparable form drops them."""
_INVISIBLE = re.compile(f"[{INVISIBLE}]")
_WS = re.compile(r"\s+")
# Space is layout, not content, next to a CJK character ("政 府 工 作 报 告").
_CJK_SPACE = re.compile(r"(?<=[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]) | (?=[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef])")
FIGURE_MASK = "#"


def normalize(text: str) -> str:
    """Comparable form of a text: NFKC, one kind of quote, invisible characters and layout
    whitespace removed. Spaces beside CJK characters and full-width punctuation are removed
    before NFKC turns "，" into ",", so "， " (a no-break space after a comma) is "，"."""
    text = _WS.sub(" ", _INVISIBLE.sub("", text)).strip()
    text = _CJK_SPACE.sub("", text)
    text = unicodedata.normalize("NFKC", text).translate(QUOTES)
    return _CJK_SPACE.sub("", text)


def mask_figures(normalized: str) -> str:
    """Replace every figure in normalized text by one placeholder: 组织集体学习10次 -> 组织集体学习#次."""
    return FIGURE_MASK_RE.sub(FIGURE_MASK, normalized)
