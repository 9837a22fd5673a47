"""One-to-one pairing of two sets of units: a similarity matrix (characters, weighted words,
title sentences, subtrees for headings), its optimal assignment, the order step that fills gaps,
and the bounded paths for sets too large for one matrix."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from itertools import pairwise

import numpy as np
from rapidfuzz import fuzz, process
from scipy.optimize import linear_sum_assignment

from .model import Unit, UnitKind
from .unitindex import OutlineIndex, dice

SHORT_CHARS = 30
SHORT_MIN = 0.60
"""Units shorter than SHORT_CHARS pair only from SHORT_MIN up, wherever they stand: short
sentences share their frame ("推进…建设。") by chance."""
TITLE_WEIGHT = 0.6
"""Weight of the title-sentence similarity, blended with the whole text's: a title often
survives a rewritten body."""
TITLE_WORDS_MIN = 0.12
"""...and only where the whole texts' weighted-word cosine reaches this: on the seven Chinese
labelled pairs, of the pairs a title decided, 10 were wrong, 7 of them below 0.12 (3 right were)."""
LEAD_BONUS = 0.20
"""Leads of paired sections, and closings, are counterparts by position: reworded, they still pair."""
LATIN_RATIO_MIN = 0.75
"""In English, the character ratio counts from here (unrelated sentences reach 0.5)..."""
LATIN_GAP_MIN = 0.25
"""...and the gaps between pairs in order fill only from this weighted-word cosine, not GAP_MIN
(English 2019-2020: of the gap pairs from 0.20 to 0.25, 10 of 19 were strangers sharing a frame,
"We will step up efforts to ..."; precision 0.86 -> 0.89, recall 0.51 -> 0.48)..."""
LATIN_SHARE = 0.5
"""...English being a text at least half Latin letters."""
DENSE_LIMIT = 4_000_000
"""Above this many cells, the matrix is blocked by shared 4-grams (memory stays bounded)..."""
DENSE_WORK = 10_000_000_000
"""...and above this product of the two sides' characters (about 3 s of ratios here; the largest
real matrix seen, in a 500,000-character pair, is 4.3e8), so time stays bounded too."""
BLOCK_GRAM = 4
"""Blocked path: units are compared only when they share a gram of this many characters..."""
BLOCK_CANDIDATES = 8
"""...and only with the units sharing the most grams with them..."""
BLOCK_MAX_POSTINGS = 200
"""...not counting grams found in more units than this (推进, 加强: what every paragraph says)."""
KINDS_APART = (UnitKind.HEADING, UnitKind.TITLE)
"""Kinds that pair only with their own kind."""


def compatible(a: Unit, b: Unit) -> bool:
    return a.kind == b.kind or (a.kind not in KINDS_APART and b.kind not in KINDS_APART)


def assign(old: OutlineIndex, new: OutlineIndex, old_ids: list[int], new_ids: list[int], minimum: float,
            counterparts: set[tuple[int, int]] | None = None, gap_min: float | None = None) -> list[tuple[int, int]]:
    """Optimal one-to-one pairing of two sets of units, keeping pairs scoring >= minimum.
    `counterparts` (old, new) stand in the same place and get LEAD_BONUS; `gap_min`: see
    `_assign_dense` (not on the blocked path of huge sets)."""
    if not old_ids or not new_ids:
        return []
    if not _dense_fits(old, new, old_ids, new_ids):
        return _assign_blocked(old, new, old_ids, new_ids, minimum, counterparts or set())
    return _assign_dense(old, new, old_ids, new_ids, minimum, counterparts or set(), gap_min)


def _dense_fits(old: OutlineIndex, new: OutlineIndex, old_ids: list[int], new_ids: list[int]) -> bool:
    """Whether the whole similarity matrix is small enough to compute: cells (memory) and
    characters compared (time: a ratio costs about the product of the two lengths)."""
    if len(old_ids) * len(new_ids) > DENSE_LIMIT:
        return False
    chars_old = sum(len(old.units[i].masked) for i in old_ids)
    chars_new = sum(len(new.units[j].masked) for j in new_ids)
    return chars_old * chars_new <= DENSE_WORK


def _assign_dense(old: OutlineIndex, new: OutlineIndex, old_ids: list[int], new_ids: list[int], minimum: float,
                  counterparts: set[tuple[int, int]], gap_min: float | None = None) -> list[tuple[int, int]]:
    """`assign` over the whole similarity matrix. With `gap_min` (units in document order, in a
    pair of counterpart regions), units left between two consecutive pairs are then paired in
    order from `gap_min` up: where they stand vouches for them."""
    if not old_ids or not new_ids:
        return []
    bonus = {(r, c) for r, i in enumerate(old_ids) for c, j in enumerate(new_ids) if (i, j) in counterparts}
    floor = minimum - LEAD_BONUS if bonus else minimum
    score = _scores(old, new, old_ids, new_ids, min(floor, gap_min) if gap_min is not None else floor)
    weak = score.copy() if gap_min is not None else None
    if weak is not None:
        weak[_latin_cells(old, new, old_ids, new_ids) & (weak < LATIN_GAP_MIN)] = 0
    score[score < floor] = 0
    for r, c in bonus:
        if score[r, c] > 0:
            score[r, c] += LEAD_BONUS
    for r, c in zip(*np.nonzero((score > 0) & (score < minimum))):  # below minimum, only counterparts pass
        if (r, c) not in bonus:
            score[r, c] = 0
    rows, cols = linear_sum_assignment(score, maximize=True)
    found = [(r, c) for r, c in zip(rows, cols) if score[r, c] >= minimum]
    if weak is not None and gap_min is not None:
        found += _fill_gaps(weak, found, gap_min)
    return [(old_ids[r], new_ids[c]) for r, c in found]


def _fill_gaps(weak: np.ndarray, anchors: list[tuple[int, int]], minimum: float) -> list[tuple[int, int]]:
    """Pairs in order between the anchors that keep the order of both reports (the longest such
    chain), each gap aligned by dynamic programming: the monotone pairing of the most total
    similarity, cells from `minimum` up (as sentence aligners do inside a pair of documents)."""
    chain = _longest_chain(sorted(anchors))
    taken_rows = {r for r, _ in anchors}
    taken_cols = {c for _, c in anchors}
    out: list[tuple[int, int]] = []
    bounds = [(-1, -1), *chain, (weak.shape[0], weak.shape[1])]
    for (r0, c0), (r1, c1) in pairwise(bounds):
        rows = [r for r in range(r0 + 1, r1) if r not in taken_rows]
        cols = [c for c in range(c0 + 1, c1) if c not in taken_cols]
        if rows and cols:
            out += _monotone(weak[np.ix_(rows, cols)], minimum, rows, cols)
    return out


def _longest_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of (row, col) pairs, sorted by row, whose cols increase too."""
    tails: list[int] = []  # tails[k]: index in pairs of the smallest col ending a chain of length k+1
    tail_cols: list[int] = []  # their cols, kept sorted for bisection
    before: list[int] = [-1] * len(pairs)
    for k, (_, c) in enumerate(pairs):
        lo = bisect_left(tail_cols, c)
        before[k] = tails[lo - 1] if lo else -1
        if lo == len(tails):
            tails.append(k)
            tail_cols.append(c)
        else:
            tails[lo] = k
            tail_cols[lo] = c
    chain: list[tuple[int, int]] = []
    k = tails[-1] if tails else -1
    while k >= 0:
        chain.append(pairs[k])
        k = before[k]
    return chain[::-1]


def _monotone(weak: np.ndarray, minimum: float, rows: list[int], cols: list[int]) -> list[tuple[int, int]]:
    """The order-keeping pairing of rows and cols with the largest sum of cells >= minimum."""
    n, m = weak.shape
    best = np.zeros((n + 1, m + 1), np.float32)
    for r in range(1, n + 1):
        for c in range(1, m + 1):
            cell = weak[r - 1, c - 1]
            take = best[r - 1, c - 1] + cell if cell >= minimum else 0.0
            best[r, c] = max(best[r - 1, c], best[r, c - 1], take)
    out = []
    r, c = n, m
    while r > 0 and c > 0:
        cell = weak[r - 1, c - 1]
        if cell >= minimum and best[r, c] == best[r - 1, c - 1] + cell:
            out.append((rows[r - 1], cols[c - 1]))
            r, c = r - 1, c - 1
        elif best[r, c] == best[r - 1, c]:
            r -= 1
        else:
            c -= 1
    return out[::-1]


def _scores(old: OutlineIndex, new: OutlineIndex, old_ids: list[int], new_ids: list[int], minimum: float) -> np.ndarray:
    a = [old.units[i].masked for i in old_ids]
    b = [new.units[j].masked for j in new_ids]
    score = process.cdist(a, b, scorer=fuzz.ratio, dtype=np.float32, workers=1) / 100
    # Letters repeat in any two English sentences: there the character ratio counts only when
    # the texts are nearly the same, and words decide the rest.
    latin_a = np.array([latin(t) for t in a])[:, None]
    latin_b = np.array([latin(t) for t in b])[None, :]
    score[(latin_a | latin_b) & (score < LATIN_RATIO_MIN)] = 0
    la = np.array([len(t) for t in a])[:, None]
    lb = np.array([len(t) for t in b])[None, :]
    short = np.minimum(la, lb) < SHORT_CHARS
    # Reworded text keeps its specific words: the weighted-word cosine, where it says more (not
    # for short units: three words in common make a short sentence look the same).
    words = (old.vectors[old_ids] @ new.vectors[new_ids].T).toarray().astype(np.float32)
    score = np.maximum(score, np.where(short, 0, words))
    # A point's short title sentence ("加强干部作风建设。") often survives a rewritten body, when the
    # bodies still share some specific words (促进消费稳定增长 / 促进外商投资稳定增长 share a frame).
    ta = [old.title(t) for t in a]
    tb = [new.title(t) for t in b]
    if any(ta) and any(tb):
        titles = process.cdist(ta, tb, scorer=fuzz.ratio, dtype=np.float32, workers=1) / 100
        titles[[not t for t in ta], :] = 0
        titles[:, [not t for t in tb]] = 0
        titles[words < TITLE_WORDS_MIN] = 0
        score = np.maximum(score, TITLE_WEIGHT * titles + (1 - TITLE_WEIGHT) * score)
    score[short & (score < max(minimum, SHORT_MIN))] = 0
    score[score < minimum] = 0
    for r, i in enumerate(old_ids):
        ui = old.units[i]
        for c, j in enumerate(new_ids):
            uj = new.units[j]
            if not compatible(ui, uj):
                score[r, c] = 0
            elif ui.kind == UnitKind.HEADING:  # a sub-heading is as similar as what stands under it
                score[r, c] = max(score[r, c], dice(old.subtree_grams(i), new.subtree_grams(j)))
    return score


def _latin_cells(old: OutlineIndex, new: OutlineIndex, old_ids: list[int], new_ids: list[int]) -> np.ndarray:
    """Cells where either unit is English."""
    latin_a = np.array([latin(old.units[i].masked) for i in old_ids])[:, None]
    latin_b = np.array([latin(new.units[j].masked) for j in new_ids])[None, :]
    return latin_a | latin_b


_LETTER = re.compile(r"[A-Za-z]")


def latin(text: str) -> bool:
    """Mostly Latin letters (English), where character overlap says little."""
    letters = len(_LETTER.findall(text))
    return letters > LATIN_SHARE * max(len(text), 1)


def _assign_blocked(old: OutlineIndex, new: OutlineIndex, old_ids: list[int], new_ids: list[int], minimum: float,
                    counterparts: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """Large sets: only units sharing a BLOCK_GRAM-gram (or standing in the same place) are
    compared; each connected group is assigned alone, over its whole matrix (never blocked again:
    the groups would come out the same), or greedily over its candidate pairs when even the group
    is over DENSE_LIMIT (memory stays bounded whatever the input).

    First, units with the same masked text pair in order (the k-th copy with the k-th copy):
    repeated boilerplate would otherwise make every unit a candidate of every other. Headings pair
    by what stands under them, not by their own words, so they are assigned apart, all against
    all: they are few, and pair only with headings anyway."""
    out = _pair_identical(old, new, old_ids, new_ids)
    paired_old, paired_new = {i for i, _ in out}, {j for _, j in out}
    old_ids = [i for i in old_ids if i not in paired_old]
    new_ids = [j for j in new_ids if j not in paired_new]
    apart = KINDS_APART
    old_heads = [i for i in old_ids if old.units[i].kind in apart]
    new_heads = [j for j in new_ids if new.units[j].kind in apart]
    if (old_heads or new_heads) and _dense_fits(old, new, old_heads, new_heads):
        out += _assign_dense(old, new, old_heads, new_heads, minimum, counterparts)
        old_ids = [i for i in old_ids if old.units[i].kind not in apart]
        new_ids = [j for j in new_ids if new.units[j].kind not in apart]
    g = BLOCK_GRAM
    index: dict[str, set[int]] = {}
    for c, j in enumerate(new_ids):
        t = new.units[j].masked
        for k in range(0, max(len(t) - g + 1, 1), 2):  # every second gram of the new side suffices
            index.setdefault(t[k:k + g], set()).add(c)
    for gram in [gram for gram, posting in index.items() if len(posting) > BLOCK_MAX_POSTINGS]:
        del index[gram]  # in that many units, a gram tells nothing about which is the counterpart
    parent = list(range(len(old_ids) + len(new_ids)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    candidates: dict[int, set[int]] = {}
    for r, i in enumerate(old_ids):
        t = old.units[i].masked
        hits: Counter = Counter()
        for k in range(max(len(t) - g + 1, 1)):
            hits.update(index.get(t[k:k + g], ()))
        best = {c for c, _ in hits.most_common(BLOCK_CANDIDATES)}
        candidates[r] = best
        for c in best:
            parent[find(r)] = find(len(old_ids) + c)
    row = {i: r for r, i in enumerate(old_ids)}
    column = {j: c for c, j in enumerate(new_ids)}
    for i, j in counterparts:  # standing in the same place, they are compared whatever their words
        if i in row and j in column:
            candidates[row[i]].add(column[j])
            parent[find(row[i])] = find(len(old_ids) + column[j])
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for r, best in candidates.items():
        if best:
            groups.setdefault(find(r), ([], []))[0].append(old_ids[r])
    for c in range(len(new_ids)):
        root = find(len(old_ids) + c)
        if root in groups:
            groups[root][1].append(new_ids[c])
    for a, b in groups.values():
        if _dense_fits(old, new, a, b):
            out.extend(_assign_dense(old, new, a, b, minimum, counterparts))
        else:
            members = set(b)
            pairs = [(old_ids[r], new_ids[c]) for r, best in candidates.items() if old_ids[r] in a
                     for c in best if new_ids[c] in members]
            out.extend(_assign_greedy(old, new, pairs, minimum, counterparts))
    return out


def _pair_identical(old: OutlineIndex, new: OutlineIndex, old_ids: list[int], new_ids: list[int]) -> list[tuple[int, int]]:
    """Units of the same kind and the same masked text, paired in order of appearance."""
    waiting: dict[tuple[UnitKind, str], list[int]] = {}
    for j in reversed(new_ids):
        u = new.units[j]
        if u.masked:
            waiting.setdefault((u.kind, u.masked), []).append(j)
    out = []
    for i in old_ids:
        u = old.units[i]
        queue = waiting.get((u.kind, u.masked))
        if queue:
            out.append((i, queue.pop()))
    return out


def _assign_greedy(old: OutlineIndex, new: OutlineIndex, pairs: list[tuple[int, int]], minimum: float,
                   counterparts: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """Candidate pairs scored one by one (whole-text ratio, the short-unit rule, the counterpart
    bonus) and taken best first: the bounded fallback for a group too large for one matrix."""
    scored = []
    for i, j in pairs:
        a, b = old.units[i], new.units[j]
        if not compatible(a, b):
            continue
        score = fuzz.ratio(a.masked, b.masked) / 100 + (LEAD_BONUS if (i, j) in counterparts else 0.0)
        if score >= minimum and (min(len(a.masked), len(b.masked)) >= SHORT_CHARS or score >= SHORT_MIN):
            scored.append((-score, i, j))
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    out = []
    for _, i, j in sorted(scored):
        if i not in taken_old and j not in taken_new:
            taken_old.add(i)
            taken_new.add(j)
            out.append((i, j))
    return out
