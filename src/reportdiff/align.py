"""Pair the units of two outlines: sections first, then units within paired sections (in
order), then whatever is left across the whole report (moves), then units split in two or
merged into one. The steps are here; how two sets of units pair is assign.py, splits and merges
splitmerge.py, what is derived from each outline unitindex.py (docs/alignment.md).

Similarity never sees markers or figures: it compares `Unit.masked`, so "组织集体学习10次" and
"组织集体学习12次" are the same sentence.
"""
from __future__ import annotations

from collections import Counter

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix

from .assign import KINDS_APART, SHORT_CHARS, assign, compatible, latin
from .indicators import unit_periods
from .model import Alignment, Match, MatchHow, Outline, Period, UnitKind
from .splitmerge import absorb_neighbours, join_titles, split_merge
from .unitindex import OutlineIndex, index_pair
from .wordweights import WordWeights

# Thresholds, tuned on the labelled pairs in tests/pairs (the tuning record is docs/alignment.md).
SECTION_MIN = 0.30
"""Section pairs: bigram Dice of heading + body. Unrelated sections of one report score ~0.1-0.25."""
LOCAL_MIN = 0.40
"""Units inside a paired section: Indel ratio of the masked texts; 0.45 lost a reworded point."""
GAP_MIN = 0.20
"""Units left between two consecutive pairs of a section pair in order from this similarity
(the better of the character ratio and the weighted-word cosine; see _fill_gaps)."""
GLOBAL_MIN = 0.60
"""Units paired across sections (moved points): stricter, since the context no longer vouches."""


def align(old_outline: Outline, new_outline: Outline) -> Alignment:
    """Pair the units of two outlines (neither is changed)."""
    weights = WordWeights(old_outline.units, new_outline.units)
    old, new = index_pair(old_outline, new_outline, weights)
    paired_old: dict[int, int] = {}
    matches: list[Match] = []

    def pair(i: int, j: int, how: MatchHow) -> None:
        paired_old[i] = j
        matches.append(Match((i,), (j,), how))

    # 1. Regions: front matter, each level-1 section, closing. Sections pair by content.
    old_regions, new_regions = old.regions, new.regions
    region_pairs: list[tuple[list[int], list[int]]] = []
    for key in ("front", "back"):
        if key in old_regions and key in new_regions:
            region_pairs.append((old_regions[key], new_regions[key]))
    old_secs = [k for k in old_regions if isinstance(k, int)]
    new_secs = [k for k in new_regions if isinstance(k, int)]
    section_pairs: dict[int, int] = {}
    if old_secs and new_secs:
        score = _dice_matrix([old.subtree_grams(i) for i in old_secs], [new.subtree_grams(j) for j in new_secs])
        for r, c in zip(*linear_sum_assignment(score, maximize=True)):
            if score[r, c] >= SECTION_MIN:
                i, j = old_secs[r], new_secs[c]
                section_pairs[i] = j
                pair(i, j, MatchHow.SECTION)
                region_pairs.append((old_regions[i][1:], new_regions[j][1:]))
    # A section of one year may be a subsection of the other's (sections 三-六 became (二)-(八) of
    # one section): unpaired sections pair with subheadings of the other side by their bodies.
    claimed_old: set[int] = set()
    claimed_new: set[int] = set()
    for i, j in _across_levels(old, new, [i for i in old_secs if i not in section_pairs],
                               [j for j in new_secs if j not in section_pairs.values()]):
        inner_old, inner_new = set(old.under(i)), set(new.under(j))
        if (inner_old | {i}) & claimed_old or (inner_new | {j}) & claimed_new:
            continue  # nested in a pair made across levels already
        claimed_old |= inner_old | {i}
        claimed_new |= inner_new | {j}
        pair(i, j, MatchHow.SECTION)
        region_pairs = [([k for k in a if k not in inner_old and k != i], [k for k in b if k not in inner_new and k != j])
                        for a, b in region_pairs]
        region_pairs.append((sorted(inner_old), sorted(inner_new)))

    # 2. Inside each pair of regions.
    counterparts = _counterparts(old, new, section_pairs)
    for old_ids, new_ids in region_pairs:
        for i, j in assign(old, new, old_ids, new_ids, LOCAL_MIN, counterparts, gap_min=GAP_MIN):
            pair(i, j, MatchHow.LOCAL)

    # 3. What is left, across the whole report (a point moved to another section).
    paired_new = set(paired_old.values())
    rest_old = [i for i in range(len(old.units)) if i not in paired_old]
    rest_new = [j for j in range(len(new.units)) if j not in paired_new]
    for i, j in assign(old, new, rest_old, rest_new, GLOBAL_MIN):
        pair(i, j, MatchHow.GLOBAL)

    # 4. Reworded counterparts: units still unpaired that are each other's best by their
    # specific words (see _mutual_best).
    paired_new = set(paired_old.values())
    rest_old = [i for i in range(len(old.units)) if i not in paired_old]
    rest_new = [j for j in range(len(new.units)) if j not in paired_new]
    old_roles, new_roles = _roles(old_outline), _roles(new_outline)
    for i, j in _mutual_best(old, new, rest_old, rest_new, matches):
        if _same_role(old_roles[i], new_roles[j]):
            pair(i, j, MatchHow.GLOBAL)
    paired_new = set(paired_old.values())
    rest_old = [i for i in range(len(old.units)) if i not in paired_old]
    rest_new = [j for j in range(len(new.units)) if j not in paired_new]
    for i, j in _shared_phrase(old, new, rest_old, rest_new):
        if _same_role(old_roles[i], new_roles[j]):
            pair(i, j, MatchHow.GLOBAL)

    # 5. Splits and merges: those whose text stands nearly as it was, then reworded ones (an
    # unpaired unit beside a pair, whose words stand in its neighbour's partner).
    matches = join_titles(old, new, absorb_neighbours(old, new, split_merge(old, new, matches)))
    return Alignment(old_outline, new_outline, matches, section_pairs, weights)


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


def _mutual_best(old: OutlineIndex, new: OutlineIndex, old_ids: list[int], new_ids: list[int],
                 matches: list[Match]) -> list[tuple[int, int]]:
    """Units left unpaired (headings apart) whose best counterpart by weighted words is each
    other, clearly: how a reader pairs a point rewritten so far that no character measure sees
    it (`大力优化外商投资环境` / `促进外商投资稳定增长`), by its specific words. Not in English:
    tried there, it paired as many strangers as counterparts (shared frames, "We will step up")."""
    def eligible(index: OutlineIndex, k: int) -> bool:
        u = index.units[k]
        return u.kind not in KINDS_APART and bool(u.masked) and not latin(u.masked)

    old_ids = [i for i in old_ids if eligible(old, i)]
    new_ids = [j for j in new_ids if eligible(new, j)]
    if not old_ids or not new_ids:
        return []
    cos = (old.vectors[old_ids] @ new.vectors[new_ids].T).tocsr()
    row_best, row_second = _best_two(cos)
    col_best, col_second = _best_two(cos.T.tocsr())
    by_old = {i: m for m in matches for i in m.old}
    out = []
    for r, (c, best) in enumerate(row_best):
        if c < 0 or col_best[c][0] != r or best < MUTUAL_CONTEXT_MIN:
            continue
        if best - max(row_second[r], col_second[c]) < MUTUAL_MARGIN:
            continue
        i, j = old_ids[r], new_ids[c]
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


PHRASE_CHARS = 10
"""Step 4, last: units still unpaired that share a phrase this long (masked, no figure in it) that
no other unit of either report says pair (依法根治拖欠农民工工资问题 / 要根治拖欠农民工工资问题，…).
8 paired more, with more strangers; 12 fewer. Not in English (any two sentences share ten letters)."""


def _roles(outline: Outline) -> list[bool | None]:
    """Whether each unit speaks of the plan, for the steps that pair on words alone (or None, the
    closing: see _same_role): the plan, or the review
    (last year's plan for 农村危房改造 and this year's review of it share words, but they are a
    promise and its outcome, not the same text carried over)."""
    return [None if u.kind == UnitKind.CLOSING else period == Period.PLAN
            for u, period in zip(outline.units, unit_periods(outline))]


def _same_role(a: bool | None, b: bool | None) -> bool:
    """A closing speaks of both (its exhortations are often last year's plan for the government itself)."""
    return a is None or b is None or a == b


def _shared_phrase(old: OutlineIndex, new: OutlineIndex, old_ids: list[int], new_ids: list[int]) -> list[tuple[int, int]]:
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
            and compatible(old.units[i], new.units[j]) and not latin(old.units[i].masked)]


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


def _across_levels(old: OutlineIndex, new: OutlineIndex, old_secs: list[int], new_secs: list[int]) -> list[tuple[int, int]]:
    """Unpaired level-1 sections of either side with level-2 headings of the other, paired by
    the bigram Dice of their subtrees (as sections are), from SECTION_MIN."""
    def subheadings(index: OutlineIndex) -> list[int]:
        return [k for k, u in enumerate(index.units) if u.kind == UnitKind.HEADING and u.level == 2]

    out: list[tuple[int, int]] = []
    for ids_old, ids_new in ((old_secs, subheadings(new)), (subheadings(old), new_secs)):
        if not ids_old or not ids_new:
            continue
        score = _dice_matrix([old.subtree_grams(i) for i in ids_old], [new.subtree_grams(j) for j in ids_new])
        for r, c in zip(*linear_sum_assignment(score, maximize=True)):
            if score[r, c] >= SECTION_MIN:
                out.append((ids_old[r], ids_new[c]))
    return out


def _counterparts(old: OutlineIndex, new: OutlineIndex, section_pairs: dict[int, int]) -> set[tuple[int, int]]:
    """Units that stand in the same place: the leads of paired sections, and the closings
    when each report has a single closing paragraph."""
    def leads(index: OutlineIndex) -> dict[int, int]:
        return {u.parent: k for k, u in enumerate(index.units) if u.kind == UnitKind.LEAD}

    old_leads, new_leads = leads(old), leads(new)
    out = {(old_leads[i], new_leads[j]) for i, j in section_pairs.items() if i in old_leads and j in new_leads}
    old_closing = [k for k, u in enumerate(old.units) if u.kind == UnitKind.CLOSING]
    new_closing = [k for k, u in enumerate(new.units) if u.kind == UnitKind.CLOSING]
    if len(old_closing) == len(new_closing) == 1:
        out.add((old_closing[0], new_closing[0]))
    return out


def _dice_matrix(a: list[frozenset[str]], b: list[frozenset[str]]) -> np.ndarray:
    """Dice of every pair of bigram sets, as one sparse product (hundreds of sections stay fast)."""

    vocab: dict[str, int] = {}

    def incidence(sets: list[frozenset[str]]) -> tuple[list[int], list[int]]:
        rows, cols = [], []
        for r, grams in enumerate(sets):
            for g in grams:
                rows.append(r)
                cols.append(vocab.setdefault(g, len(vocab)))
        return rows, cols

    ra, ca = incidence(a)
    rb, cb = incidence(b)
    width = len(vocab) or 1
    ma = csr_matrix((np.ones(len(ra), np.float32), (ra, ca)), shape=(len(a), width))
    mb = csr_matrix((np.ones(len(rb), np.float32), (rb, cb)), shape=(len(b), width))
    shared = (ma @ mb.T).toarray()
    sizes = np.add.outer(np.array([len(x) for x in a], np.float32), np.array([len(x) for x in b], np.float32))
    return np.divide(2 * shared, sizes, out=np.zeros_like(shared), where=sizes > 0)
