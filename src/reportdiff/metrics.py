"""Pair the figures of two reports: each figure of a paired unit with its counterpart, by what
it counts (subject), its unit and its place; never by equal value (投放点210个 vs 再就业210人)."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz
from scipy.optimize import linear_sum_assignment

from .figures import find_figures, subject_of
from .model import Change, Figure, FiguresByUnit, Metric, Outline
from .worddiff import tokenize

PAIR_MIN = 0.55
"""Figures of an edited unit pair from this score..."""
SUBJECT_WEIGHT, UNIT_WEIGHT, PLACE_WEIGHT = 0.6, 0.25, 0.15
"""...of what they count, their unit of measure and their place in the unit: the subject decides."""
_SCALE = {"万": 1e4, "亿": 1e8}
LEFTOVER_MIN = 0.85
"""Figures of unpaired units pair across the report only with nearly the same subject..."""
LEFTOVER_SUBJECT_CHARS = 4
"""...of at least this many characters (省级, 约谈 say too little)."""


def figures_by_unit(outline: Outline) -> FiguresByUnit:
    """Figures of every unit, offsets relative to the unit's text, subjects filled in."""
    out: FiguresByUnit = {}
    for k, u in enumerate(outline.units):
        figs = find_figures(u.text)
        for f in figs:
            f.subject = subject_of(u.text, f, tokenize, figs)
        if figs:
            out[k] = figs
    return out


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
                subject = fuzz.ratio(a.subject, b.subject) / 100
                unit = 1.0 if _base(a.unit) == _base(b.unit) else 0.0
                place = 1 - abs(r / max(len(old_figs) - 1, 1) - c / max(len(new_figs) - 1, 1))
                score[r, c] = SUBJECT_WEIGHT * subject + UNIT_WEIGHT * unit + PLACE_WEIGHT * place
        rows, cols = linear_sum_assignment(score, maximize=True)
        pairs = [(r, c) for r, c in zip(rows, cols) if score[r, c] >= PAIR_MIN]
    out = [_metric(old_figs[r], new_figs[c]) for r, c in pairs]
    used_old, used_new = {r for r, _ in pairs}, {c for _, c in pairs}
    out += [_metric(old_figs[r], None) for r in range(len(old_figs)) if r not in used_old]
    out += [_metric(None, new_figs[c]) for c in range(len(new_figs)) if c not in used_new]
    return out


def pair_leftovers(metrics: list[Metric]) -> list[Metric]:
    """Pair the figures left alone (their units were rewritten, added or dropped) across the whole
    report when they count the same thing: a close subject and the same unit (地区生产总值完成 in
    a rewritten review paragraph). Metrics already paired are returned as they are."""
    removed = [m for m in metrics if m.change == Change.REMOVED]
    added = [m for m in metrics if m.change == Change.ADDED]
    if not removed or not added:
        return metrics
    # A subject said more than once on one side (同比增长) cannot tell which figure is which.
    once_removed = {s for s, n in Counter(m.subject for m in removed).items() if n == 1}
    once_added = {s for s, n in Counter(m.subject for m in added).items() if n == 1}
    score = np.zeros((len(removed), len(added)))
    for r, a in enumerate(removed):
        for c, b in enumerate(added):
            if a.subject in once_removed and b.subject in once_added and _base(a.unit) == _base(b.unit) \
                    and min(len(a.subject), len(b.subject)) >= LEFTOVER_SUBJECT_CHARS:
                score[r, c] = fuzz.ratio(a.subject, b.subject) / 100
    rows, cols = linear_sum_assignment(score, maximize=True)
    joined = {(r, c) for r, c in zip(rows, cols) if score[r, c] >= LEFTOVER_MIN}
    if not joined:
        return metrics
    used = {id(removed[r]) for r, _ in joined} | {id(added[c]) for _, c in joined}
    out = [m for m in metrics if id(m) not in used]
    out += [_metric((_index(removed[r].old_index), removed[r].figure), (_index(added[c].new_index), added[c].figure))
            for r, c in joined]
    return out


def _base(unit: str) -> str:
    return unit[1:] if unit[:1] in _SCALE and len(unit) > 1 else unit


def _scale(unit: str) -> float:
    return _SCALE.get(unit[:1], 1.0) if len(unit) > 1 else 1.0


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
        if _base(m.old.unit) != _base(m.new.unit):
            m.flags.append("unit_differs")
        if m.old.value is not None and m.new.value is not None:
            old_value = m.old.value * _scale(m.old.unit) / _scale(m.new.unit)  # in the new figure's unit
            m.delta = round(m.new.value - old_value, 6)
            m.ratio = round(m.delta / old_value, 6) if old_value else None
            m.change = Change.UP if m.delta > 0 else Change.DOWN if m.delta < 0 else Change.UNCHANGED
    if m.approx:
        m.flags.append("approx")
    return m
