"""Recycled text: the runs of the later report that stand anywhere in the earlier one.

Both texts become a *stream* of comparable characters: whitespace dropped, NFKC and one kind of
quote, and every figure folded into one placeholder, so 组织集体学习10次 and 组织集体学习12次 read the
same. Runs are found from an index of every K-gram of the earlier stream (K = the minimum run
length) and extended forward, in time linear in the texts. A run whose figures differ is
*template reuse* (figures swapped); otherwise it is a verbatim copy. Characters inside a common
formula (formulae.py) are counted apart: everyone must write them.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

import numpy as np

from .lexicon import FIGURE_MASK_RE
from .model import RecycledKind, Recycling, Span, Unit
from .textnorm import INVISIBLE, QUOTES

MIN_CHARS = 10
LATIN_MIN_CHARS = 40
"""In English (a text at least LATIN_SHARE letters a-z) a run counts from this many characters,
spaces dropped: about eight words. Ten characters there are two words ("we will"), which every
English report shares: the first English pages showed "67% carried over" for a rewritten report."""
LATIN_SHARE = 0.5
_SENTENCE_END = set("。！？；!?;")
_SPACE_CODES = np.array([ord(c) for c in " \t\n\r\f\v\u3000\u00a0\u2028\u2029\x1c\x1d\x1e\x1f\x85" + INVISIBLE +
                         "\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"],
                        dtype=np.uint32)
MAX_CANDIDATES = 16
"""Positions of one K-gram tried when extending (boilerplate repeats; the first few suffice)."""
PLACEHOLDER = "\uE000"


@dataclass
class Stream:
    """Comparable characters of a text, each with the original span it stands for."""

    chars: str
    starts: np.ndarray
    ends: np.ndarray
    figures: dict[int, str]
    """Stream position of a placeholder -> the figure it stands for, as written (NFKC)."""
    positions: np.ndarray
    """The placeholders' stream positions, sorted."""


@cache
def _fold(ch: str) -> str:
    """One character's comparable form (NFKC, one kind of quote), kept to one character."""
    norm = unicodedata.normalize("NFKC", ch).translate(QUOTES)
    return norm if len(norm) == 1 else ch


def stream(text: str) -> Stream:
    """The comparable stream of a text, built with whole-array operations (a report of 500,000
    characters takes a fraction of a second)."""
    folded = text.translate({ord(ch): _fold(ch) for ch in set(text)})
    codes = np.frombuffer(folded.encode("utf-32-le"), dtype=np.uint32).copy()
    keep = ~np.isin(codes, _SPACE_CODES)
    ends = np.arange(1, len(text) + 1, dtype=np.int64)
    figures: dict[int, str] = {}
    position = np.zeros(0, dtype=np.int64)
    # Figures are found on the folded text (one character for one, so offsets hold): full-width
    # ＸＸ and １２ are figures as ** and 12 are.
    spans = [m.span() for m in FIGURE_MASK_RE.finditer(folded)]
    for a, b in spans:
        keep[a:b] = False
        keep[a] = True
        codes[a] = ord(PLACEHOLDER)
        ends[a] = b
    starts = np.flatnonzero(keep)
    chars = codes[starts].tobytes().decode("utf-32-le")
    if spans:
        position = np.searchsorted(starts, [a for a, _ in spans])
        figures = {int(p): unicodedata.normalize("NFKC", text[a:b]) for p, (a, b) in zip(position, spans)}
    return Stream(chars, starts, ends[starts], figures, np.asarray(position, dtype=np.int64))


def find_recycled(old_text: str, new_text: str, min_chars: int = MIN_CHARS, formulae=None) -> Recycling:
    """Maximal runs (>= min_chars comparable characters) of new_text that also stand in old_text."""
    old, new = stream(old_text), stream(new_text)
    k = min_chars
    letters = sum(ch.isascii() and ch.isalpha() for ch in new_text)
    if letters >= LATIN_SHARE * max(len(new_text.strip()), 1):
        k = max(k, LATIN_MIN_CHARS)
    index: dict[str, list[int]] = {}
    a = old.chars
    for q in range(len(a) - k + 1):
        positions = index.setdefault(a[q:q + k], [])
        if len(positions) < MAX_CANDIDATES:
            positions.append(q)
    spans: list[Span] = []
    runs: list[Span] = []
    p = 0
    b = new.chars
    while p <= len(b) - k:
        candidates = index.get(b[p:p + k])
        if not candidates:
            p += 1
            continue
        best_len, best_q = 0, -1
        for q in candidates:
            length = k
            while p + length < len(b) and q + length < len(a) and b[p + length] == a[q + length]:
                length += 1
            if length > best_len or (length == best_len and _same_figures(old, new, q, p, length)):
                best_len, best_q = length, q
        runs.append(_span(old, new, best_q, p, best_len))
        # Each sentence of a run is verbatim or figures-swapped on its own: a copied paragraph
        # stays a verbatim copy even when the run goes on into a sentence with new figures.
        cut = p
        for d in range(best_len):
            if b[p + d] in _SENTENCE_END or d == best_len - 1:
                spans.append(_span(old, new, best_q + (cut - p), cut, p + d + 1 - cut))
                cut = p + d + 1
        p += best_len
    formula_spans = formulae.find(new_text) if formulae is not None else []
    return Recycling(spans, runs, formula_spans)


def _span(old: Stream, new: Stream, q: int, p: int, length: int) -> Span:
    swapped = not _same_figures(old, new, q, p, length)
    return Span(int(new.starts[p]), int(new.ends[p + length - 1]), int(old.starts[q]), int(old.ends[q + length - 1]),
                RecycledKind.FIGURES_ONLY if swapped else RecycledKind.VERBATIM)


def _same_figures(old: Stream, new: Stream, q: int, p: int, length: int) -> bool:
    """The figures of new[p:p+length] are those of old[q:q+length]."""
    lo, hi = np.searchsorted(new.positions, [p, p + length])
    return all(old.figures.get(q + (int(k) - p)) == new.figures[int(k)] for k in new.positions[lo:hi])


_COUNTED = re.compile(r"[\w\u4e00-\u9fff*＊×]")
KINDS = tuple(RecycledKind)
"""The order of Shares.of(): verbatim, figures only, formulae."""


class Shares:
    """Share of counted characters (not whitespace, not punctuation) in each kind of recycled
    text, for any range of the later report, from prefix sums (O(1) a range)."""

    def __init__(self, text: str, recycling: Recycling):
        kind = np.zeros(len(text), dtype=np.int8)  # 0 new, 1 verbatim, 2 figures swapped, 3 formula
        for s in recycling.spans:
            kind[s.start:s.end] = 1 if s.kind == RecycledKind.VERBATIM else 2
        for a, b in recycling.formula_spans:
            inside = kind[a:b]
            inside[inside > 0] = 3
        counted = np.fromiter((bool(_COUNTED.match(ch)) for ch in text), dtype=bool, count=len(text))
        self._total = np.concatenate([[0], np.cumsum(counted)])
        self._kind = [np.concatenate([[0], np.cumsum(counted & (kind == k))]) for k in (1, 2, 3)]

    def of(self, start: int = 0, end: int | None = None) -> dict[str, float]:
        end = len(self._total) - 1 if end is None else end
        total = int(self._total[end] - self._total[start])
        parts = [int(c[end] - c[start]) / total if total else 0.0 for c in self._kind]
        out: dict[str, float] = dict(zip(KINDS, parts))
        out["total"] = parts[0] + parts[1]
        return out


P = TypeVar("P")


def cut_by_unit(spans: Iterable[tuple[int, int, P]], units: Sequence[Unit]) -> dict[int, list[tuple[int, int, P]]]:
    """Spans (start, end, payload) cut at unit boundaries: unit index -> [(start, end, payload)]."""
    starts = [u.start for u in units]
    out: dict[int, list[tuple[int, int, P]]] = {}
    for start, end, payload in spans:
        k = max(bisect_right(starts, start) - 1, 0)
        while k < len(units) and units[k].start < end:
            a, b = max(start, units[k].start), min(end, units[k].end)
            if a < b:
                out.setdefault(k, []).append((a, b, payload))
            k += 1
    return out
