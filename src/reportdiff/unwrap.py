"""Rejoin a text file hard-wrapped at a fixed width (pasted from a PDF, an e-mail, a terminal), so
that a paragraph is one line again and `增长27.` + `3%` is one figure.

A file counts as wrapped only when it clearly is: most of its lines reach one width and most of
those stop mid-sentence. Reports written one paragraph (or one sentence) a line never are: their
lines end sentences, at any width. Inside a wrapped file a line break stays where a line stops
short of the width, before an indented line, a blank line or a heading marker; other breaks go
(Chinese joins with nothing between, English with a space).
"""
from __future__ import annotations

import re
import unicodedata
from itertools import pairwise

MIN_LINES = 8
"""Fewer lines than this say too little to call a file wrapped."""
WRAP_SHARE = 0.6
"""A file is wrapped when this share of its line breaks (between two lines of text) are wraps..."""
MID_SENTENCE_SHARE = 0.5
"""...and at least this share of those wraps fall mid-sentence."""
SLACK = 2
"""Columns a wrapper may leave free at a line's end (a Chinese character it would not start a
line with pulls the one before down too)."""

# Shared with pdf.py, which joins wrapped lines too.
ENDS_SENTENCE = re.compile(r"[。！？!?；;：:」』”\"'’）)]$|[.](?<![0-9].)$")
OPENS_PARAGRAPH = re.compile(r"[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|第[一二三四五六七八九十\d]+[部分章节条]|"
                             r"\d{1,2}(?:[、．]|\.(?!\d))|[①-⑳]|——|[-•*#] |[IVX]+\.\s")
"""A line opening a paragraph by its marker (一、 （二） 1. ① —— • II.): never the tail of a wrap."""
LATIN_END = re.compile(r"[A-Za-z0-9,;:.)%'’\"”!?]$")
_LATIN_START = re.compile(r"^[A-Za-z0-9(\"“$]")
_FIRST_TOKEN = re.compile(r"[A-Za-z0-9.,%$'’\"“(-]+|.")


def columns(line: str) -> int:
    """Display width: a Chinese character takes two columns, as a fixed-width wrap counts them."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def unwrap(text: str) -> str | None:
    """The text with its hard wraps joined, or None when it is not hard-wrapped."""
    lines = [line.rstrip("\r") for line in text.split("\n")]
    content = [line.rstrip() for line in lines if line.strip()]
    if len(content) < MIN_LINES:
        return None
    if sum(1 for line in content if not ENDS_SENTENCE.search(line)) < MID_SENTENCE_SHARE * WRAP_SHARE * len(content):
        return None  # most lines end a sentence: written a paragraph or a sentence a line (cheap, checked first)
    widths = sorted(columns(line) for line in content)
    width = widths[int(0.9 * (len(widths) - 1))]
    pairs = [(a, b) for a, b in pairwise(lines) if a.strip() and b.strip()]
    wraps = [(a, b) for a, b in pairs if _is_wrap(a.rstrip(), b, width)]
    if len(wraps) < WRAP_SHARE * max(len(pairs), 1) or \
            sum(1 for a, _ in wraps if not ENDS_SENTENCE.search(a.rstrip())) < MID_SENTENCE_SHARE * len(wraps):
        return None
    out: list[str] = []
    for k, line in enumerate(lines):
        if k and out and out[-1].strip() and line.strip() and _is_wrap(lines[k - 1].rstrip(), line, width):
            out[-1] = out[-1].rstrip() + joint(out[-1], line.strip()) + line.strip()
        else:
            out.append(line.rstrip())
    return "\n".join(out)


def joint(before: str, after: str) -> str:
    """What joins two wrapped lines (here and in pdf.py): a space between English words, nothing in Chinese or inside
    a number cut in two (8 / 000亩, 27. / 3%)."""
    if not LATIN_END.search(before) or not _LATIN_START.search(after):
        return ""
    return "" if before[-1] in "0123456789." and after[0].isdigit() else " "


def _is_wrap(line: str, following: str, width: int) -> bool:
    """Whether the break after `line` was made by wrapping: the next line's first word would not
    have fitted, and the next line does not open a paragraph (indent, marker, list dash)."""
    if not line or following[:1].isspace() or OPENS_PARAGRAPH.match(following):
        return False
    token = _FIRST_TOKEN.match(following.strip())
    space = 1 if LATIN_END.search(line) and _LATIN_START.search(following.strip()) else 0
    return columns(line) + space + columns(token.group() if token else "") > width - SLACK
