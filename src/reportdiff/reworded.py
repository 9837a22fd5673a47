"""Step 4 of the alignment: reworded counterparts, units still unpaired after the character and
order steps that a reader pairs by what they are about: each other's clear best by weighted words
(`mutual_best`), a phrase said once in each report (`shared_phrase`), then each other's clear best
by words and character pairs together (`mutual_blend`). All pair only units of
the same role (plan with plan, review with review): last year's plan and this year's review of
it share words, but they are a promise and its outcome (promises.py), not text carried over."""
from __future__ import annotations

from collections import Counter

import numpy as np
from scipy.sparse import csr_matrix

from .assign import KINDS_APART, SHORT_CHARS, compatible, latin
from .model import Match
from .unitindex import OutlineIndex
from .wordweights import char_pair_vectors

MUTUAL_MIN = 0.30
"""Reworded counterparts (step 4): units still unpaired that are each other's best by weighted
words pair from this cosine..."""
MUTUAL_SHORT = 0.40
"""...from this one when either is shorter than SHORT_CHARS, wherever they stand (short lines in one
section share frames: 推进乡村旅游公路建设 / 推进卫生健康体系建设; 0.55 until plan and review were
kept apart, which removed most of the strangers between 0.40 and 0.55)..."""
MUTUAL_CONTEXT_MIN = 0.15
"""...and longer ones from this one when where they stand vouches for them (their headings, or their
level-1 sections, are paired with each other, or a neighbour with the other's neighbour)..."""
MUTUAL_MARGIN = 0.05
"""...when the best beats the second best of either unit by this much (a tie is a guess).
Tuned on four Chinese real pairs, checked on three held out (docs/alignment.md)."""


def mutual_best(old: OutlineIndex, new: OutlineIndex, old_ids: list[int], new_ids: list[int],
                matches: list[Match]) -> list[tuple[int, int]]:
    """Units left unpaired (headings apart) whose best counterpart by weighted words is each
    other, clearly: how a reader pairs a point rewritten so far that no character measure sees
    it (`大力优化外商投资环境` / `促进外商投资稳定增长`), by its specific words. Not in English:
    tried there, it paired as many strangers as counterparts (shared frames, "We will step up")."""
    old_ids = [i for i in old_ids if _eligible(old, i)]
    new_ids = [j for j in new_ids if _eligible(new, j)]
    if not old_ids or not new_ids:
        return []
    cos = (old.vectors[old_ids] @ new.vectors[new_ids].T).tocsr()
    by_old = {i: m for m in matches for i in m.old}
    out = []
    for i, j, best in _clear_bests(cos, old_ids, new_ids):
        if best < MUTUAL_CONTEXT_MIN or not _same_role(old.roles[i], new.roles[j]):
            continue
        ui, uj = old.units[i], new.units[j]
        short = min(len(ui.masked), len(uj.masked)) < SHORT_CHARS
        if short and best < MUTUAL_SHORT:
            continue
        if best < MUTUAL_MIN:
            heads = by_old.get(ui.parent)
            sections = by_old.get(ui.section)
            beside = any((i + d) in by_old and (j + d) in by_old[i + d].new for d in (-1, 1))
            if not beside and not (heads is not None and uj.parent in heads.new) \
                    and not (sections is not None and uj.section in sections.new):
                continue
        out.append((i, j))
    return out


def _eligible(index: OutlineIndex, k: int) -> bool:
    """Steps 4's units: not headings or titles (they pair by what stands under them), not empty,
    not English."""
    u = index.units[k]
    return u.kind not in KINDS_APART and bool(u.masked) and not latin(u.masked)


def _clear_bests(scores: csr_matrix, old_ids: list[int], new_ids: list[int]) -> list[tuple[int, int, float]]:
    """(old, new, score) of the cells that are the largest of both their row and their column,
    by MUTUAL_MARGIN over the second largest of either (a tie is a guess)."""
    row_best, row_second = _best_two(scores)
    col_best, col_second = _best_two(scores.T.tocsr())
    return [(old_ids[r], new_ids[c], best) for r, (c, best) in enumerate(row_best)
            if c >= 0 and col_best[c][0] == r and best - max(row_second[r], col_second[c]) >= MUTUAL_MARGIN]


BLEND_MIN = 0.25
"""Then, of the units still unpaired, each other's clear best (MUTUAL_MARGIN) by the mean of the
word cosine and the character-pair cosine (wordweights.char_pair_vectors) pair from this mean,
short or long (`加强廉洁政府建设，一体推进不敢腐…` / `加强廉洁政府建设，坚决惩治腐败。`: word cosine 0.27).
On the seven Chinese labelled pairs after the steps before it: 16 right, 1 wrong at 0.25; 9 and 1
at 0.30; the word cosine alone at 0.25 made 20 right and 11 wrong."""


def mutual_blend(old: OutlineIndex, new: OutlineIndex, old_ids: list[int], new_ids: list[int]) -> list[tuple[int, int]]:
    """Units left unpaired (headings apart) that are each other's clear best by words and
    character pairs together: short reworded lines, where two or three shared words decide."""
    old_ids = [i for i in old_ids if _eligible(old, i)]
    new_ids = [j for j in new_ids if _eligible(new, j)]
    if not old_ids or not new_ids:
        return []
    old_pairs, new_pairs = char_pair_vectors([old.units[i] for i in old_ids], [new.units[j] for j in new_ids])
    blend = ((old.vectors[old_ids] @ new.vectors[new_ids].T + old_pairs @ new_pairs.T) / 2).tocsr()
    return [(i, j) for i, j, score in _clear_bests(blend, old_ids, new_ids)
            if score >= BLEND_MIN and _same_role(old.roles[i], new.roles[j])]


PHRASE_CHARS = 10
"""Step 4, after mutual_best: units still unpaired that share a phrase this long (masked, no figure in it) that
no other unit of either report says pair (依法根治拖欠农民工工资问题 / 要根治拖欠农民工工资问题，…).
8 paired more, with more strangers; 12 fewer. Not in English (any two sentences share ten letters)."""


def _same_role(a: bool | None, b: bool | None) -> bool:
    """Plan with plan, review with review (OutlineIndex.roles); a closing speaks of both (its
    exhortations are often last year's plan for the government itself)."""
    return a is None or b is None or a == b


def shared_phrase(old: OutlineIndex, new: OutlineIndex, old_ids: list[int], new_ids: list[int]) -> list[tuple[int, int]]:
    """Units left unpaired that share a phrase of PHRASE_CHARS characters that no other unit of
    either report says, and no other such phrase ties either of them elsewhere: a phrase said once
    in each report (as patience diff trusts lines that occur once) is the same matter."""
    n = PHRASE_CHARS

    def grams(index: OutlineIndex) -> dict[str, list[int]]:
        where: dict[str, list[int]] = {}
        for k, u in enumerate(index.units):
            t = u.masked
            for g in {t[p:p + n] for p in range(len(t) - n + 1)}:
                if "#" not in g:
                    where.setdefault(g, []).append(k)
        return where

    in_old, in_new = grams(old), grams(new)
    free_old, free_new = set(old_ids), set(new_ids)
    tied: set[tuple[int, int]] = set()
    for g, ks in in_old.items():
        js = in_new.get(g)
        if js is not None and len(ks) == 1 and len(js) == 1 and ks[0] in free_old and js[0] in free_new:
            tied.add((ks[0], js[0]))
    ties_of_old = Counter(i for i, _ in tied)
    ties_of_new = Counter(j for _, j in tied)
    return [(i, j) for i, j in sorted(tied) if ties_of_old[i] == 1 and ties_of_new[j] == 1
            and compatible(old.units[i], new.units[j]) and not latin(old.units[i].masked)
            and _same_role(old.roles[i], new.roles[j])]


def _best_two(matrix: csr_matrix) -> tuple[list[tuple[int, float]], list[float]]:
    """Per row of a sparse matrix: (column, value) of its largest cell ((-1, 0) when empty), and
    its second largest value (0 when none): linear in the stored cells, never a dense matrix."""
    best: list[tuple[int, float]] = []
    second: list[float] = []
    for r in range(matrix.shape[0]):
        lo, hi = matrix.indptr[r], matrix.indptr[r + 1]
        values = matrix.data[lo:hi]
        if not len(values):
            best.append((-1, 0.0))
            second.append(0.0)
            continue
        k = int(values.argmax())
        best.append((int(matrix.indices[lo + k]), float(values[k])))
        second.append(float(np.partition(values, -2)[-2]) if len(values) > 1 else 0.0)
    return best, second
