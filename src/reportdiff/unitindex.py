"""What alignment derives from one outline of a pair: regions, subtree bigrams, title sentences,
word vectors; built once per pair and passed along, never stored on the outline."""
from __future__ import annotations

from collections import Counter
from functools import cached_property

import numpy as np
from scipy.sparse import csr_matrix

from .indicators import unit_periods
from .model import Outline, Period, UnitKind
from .wordweights import WordWeights

POINT_TITLE_MAX = 25
"""A point's first sentence up to this many characters is its title ("加强干部作风建设。")."""
PART_GRAM = 4
"""Split/merge: the gram size of a unit's part_grams."""


class OutlineIndex:
    """What alignment derives from one outline, built once per `align` call and passed along
    (never stored on the outline: the outline stays as the outline stage made it)."""

    def __init__(self, outline: Outline, vectors: csr_matrix):
        self.outline = outline
        self.units = outline.units
        self.vectors = vectors
        """The units' weighted word vectors (wordweights.py), rows in unit order."""
        self.regions = regions_of(outline)
        self.title_counts = Counter(u.masked[:u.masked.find("。") + 1] for u in outline.units)
        """How many units open with each title sentence (a title said twice tells nothing)."""
        self._subtree_grams: dict[int, frozenset[str]] = {}
        self._part_grams: dict[int, frozenset[str]] = {}

    @cached_property
    def roles(self) -> list[bool | None]:
        """Whether each unit speaks of the plan (True) or of the review (False); None for the
        closing. 继续推进农村危房改造 in last year's plan and 农村危房改造深入推进 in this year's review
        share words, but they are a promise and its outcome, not text carried over."""
        return [None if u.kind == UnitKind.CLOSING else period == Period.PLAN
                for u, period in zip(self.units, unit_periods(self.outline))]

    def subtree_grams(self, idx: int) -> frozenset[str]:
        """Bigrams of a heading with everything under it: order-free, so reordered points still match."""
        grams = self._subtree_grams.get(idx)
        if grams is None:
            parts = [self.units[k].masked for k in (idx, *self.under(idx))]
            grams = self._subtree_grams[idx] = bigrams("".join(parts))
        return grams

    def subtree_vectors(self, ids: list[int]) -> np.ndarray:
        """One L2-normalised row per heading: the sum of the word vectors of the heading and all
        under it, so `a @ b.T` says how much two sections speak of the same specific things."""
        rows = np.vstack([np.asarray(self.vectors[[k, *self.under(k)]].sum(axis=0)) for k in ids])
        norms = np.linalg.norm(rows, axis=1, keepdims=True)
        return np.divide(rows, norms, out=np.zeros_like(rows), where=norms > 0)

    def under(self, idx: int) -> list[int]:
        """The units under a heading, up to the next heading of its level or above (or the closing)."""
        level = self.units[idx].level
        out = []
        for k in range(idx + 1, len(self.units)):
            u = self.units[k]
            if (u.kind == UnitKind.HEADING and u.level <= level) or u.kind == UnitKind.CLOSING:
                break
            out.append(k)
        return out

    def part_grams(self, idx: int) -> frozenset[str]:
        """The unit's PART_GRAM-grams: a cheap test of whether it can stand inside another unit."""
        grams = self._part_grams.get(idx)
        if grams is None:
            t = self.units[idx].masked
            grams = self._part_grams[idx] = frozenset(t[k:k + PART_GRAM] for k in range(max(len(t) - PART_GRAM + 1, 1)))
        return grams

    def title(self, masked: str) -> str:
        """The first sentence of a unit when it is a short title followed by more text and no other
        unit of the report opens with the same title; else ""."""
        end = masked.find("。")
        if not (0 < end <= POINT_TITLE_MAX and end < len(masked) - 1):
            return ""
        return masked[:end] if self.title_counts[masked[:end + 1]] == 1 else ""

    def region_key(self, idx: int) -> int | str:
        """idx's level-1 section (its heading's index), or "front" / "back"."""
        u = self.units[idx]
        return u.section if u.section >= 0 else ("back" if u.kind == UnitKind.CLOSING else "front")


def index_pair(old: Outline, new: Outline, weights: WordWeights | None = None) -> tuple[OutlineIndex, OutlineIndex]:
    """The indexes of two outlines compared with each other (word weights are the pair's own)."""
    old_vectors, new_vectors = (weights or WordWeights(old.units, new.units)).vectors()
    return OutlineIndex(old, old_vectors), OutlineIndex(new, new_vectors)


def regions_of(outline: Outline) -> dict[int | str, list[int]]:
    """front (title, preamble) / level-1 heading index -> [heading, descendants...] / back (closing)."""
    regions: dict[int | str, list[int]] = {}
    for idx, u in enumerate(outline.units):
        if u.section >= 0:
            regions.setdefault(u.section, []).append(idx)
        elif u.kind in (UnitKind.TITLE, UnitKind.PREAMBLE):
            regions.setdefault("front", []).append(idx)
        elif u.kind == UnitKind.CLOSING:
            regions.setdefault("back", []).append(idx)
        else:  # body text before any level-1 heading (a report without headings)
            regions.setdefault("front", []).append(idx)
    return regions


def bigrams(text: str) -> frozenset[str]:
    return frozenset(text[k:k + 2] for k in range(len(text) - 1))


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    total = len(a) + len(b)
    return 2 * len(a & b) / total if total else 0.0
