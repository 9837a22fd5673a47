"""Pair the units of two outlines: sections first, then units within paired sections (in
order), then whatever is left across the whole report (moves), then reworded counterparts by
their specific words, then units split in two or merged into one. The steps are here; how two
sets of units pair is assign.py, reworded counterparts reworded.py, splits and merges
splitmerge.py, what is derived from each outline unitindex.py (docs/alignment.md).

Similarity never sees markers or figures: it compares `Unit.masked`, so "组织集体学习10次" and
"组织集体学习12次" are the same sentence.
"""
from __future__ import annotations

import re

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix

from .assign import assign
from .model import Alignment, Match, MatchHow, Outline, UnitKind
from .reworded import mutual_best, mutual_blend, shared_phrase
from .splitmerge import absorb_neighbours, join_titles, split_merge
from .unitindex import OutlineIndex, index_pair
from .wordweights import WordWeights

# Thresholds, tuned on the labelled pairs in tests/pairs (the tuning record is docs/alignment.md).
SECTION_MIN = 0.30
"""Section pairs: bigram Dice of heading + body. Unrelated sections of one report score ~0.1-0.25..."""
SECTION_WORDS_MIN = 0.40
"""...and a section with a heading of the other year's level below it (_across_levels) also by the
cosine of their summed word vectors (OutlineIndex.subtree_vectors), from this: specific words say
more than bigrams when a section was rewritten (cn-2019-2020: 2019's （一）宏观调控 against 2020's
三、加大宏观政策实施力度 scores Dice 0.20, cosine 0.51, the next best cosine 0.30). Not between sections
of one level: there a section holding all of the year's tasks (三、2016年重点工作) is close to every
task section by the cosine of a sum (paras-2015-2016 precision 0.94 -> 0.79)."""
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
        for i, j in _pair_sections(old, new, old_secs, new_secs, by_words=False):
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

    # 2. Inside each pair of regions; then the subheadings left, by what stands under them (a
    # renamed subsection: （三）进一步释放国内需求潜力 / （七）积极扩大消费和促进有效投资).
    counterparts = _counterparts(old, new, section_pairs)
    for old_ids, new_ids in region_pairs:
        for i, j in assign(old, new, old_ids, new_ids, LOCAL_MIN, counterparts, gap_min=GAP_MIN):
            pair(i, j, MatchHow.LOCAL)
    paired_new = set(paired_old.values())
    for old_ids, new_ids in region_pairs:
        heads_old = [i for i in old_ids if old.units[i].kind == UnitKind.HEADING and i not in paired_old]
        heads_new = [j for j in new_ids if new.units[j].kind == UnitKind.HEADING and j not in paired_new]
        for i, j in _pair_subsections(old, new, heads_old, heads_new):
            if _marker_kind(old.units[i].marker) == _marker_kind(new.units[j].marker):
                pair(i, j, MatchHow.SECTION)  # not 八是…法治政府 with ——民生进一步改善


    def leftovers() -> tuple[list[int], list[int]]:
        paired_new = set(paired_old.values())
        return ([i for i in range(len(old.units)) if i not in paired_old],
                [j for j in range(len(new.units)) if j not in paired_new])

    # 3. What is left, across the whole report (a point moved to another section).
    for i, j in assign(old, new, *leftovers(), GLOBAL_MIN):
        pair(i, j, MatchHow.GLOBAL)

    # 4. Reworded counterparts (reworded.py): units still unpaired that are each other's clear
    # best by their specific words, then those sharing a phrase no other unit says.
    for i, j in mutual_best(old, new, *leftovers(), matches):
        pair(i, j, MatchHow.GLOBAL)
    for i, j in shared_phrase(old, new, *leftovers()):
        pair(i, j, MatchHow.GLOBAL)
    for i, j in mutual_blend(old, new, *leftovers()):
        pair(i, j, MatchHow.GLOBAL)

    # 5. Splits and merges: those whose text stands nearly as it was, then reworded ones (an
    # unpaired unit beside a pair, whose words stand in its neighbour's partner).
    matches = join_titles(old, new, absorb_neighbours(old, new, split_merge(old, new, matches)))
    return Alignment(old_outline, new_outline, matches, section_pairs, weights)


def _across_levels(old: OutlineIndex, new: OutlineIndex, old_secs: list[int], new_secs: list[int]) -> list[tuple[int, int]]:
    """Unpaired level-1 sections of either side with level-2 headings of the other, paired by
    their subtrees: bigram Dice from SECTION_MIN or word cosine from SECTION_WORDS_MIN."""
    def subheadings(index: OutlineIndex) -> list[int]:
        return [k for k, u in enumerate(index.units) if u.kind == UnitKind.HEADING and u.level == 2]

    out: list[tuple[int, int]] = []
    for ids_old, ids_new in ((old_secs, subheadings(new)), (subheadings(old), new_secs)):
        out += _pair_sections(old, new, ids_old, ids_new, by_words=True)
    return out


def _pair_sections(old: OutlineIndex, new: OutlineIndex, old_ids: list[int], new_ids: list[int],
                   by_words: bool) -> list[tuple[int, int]]:
    """Headings paired one to one by what stands under them: the assignment of the most total
    similarity, the better of bigram Dice (from SECTION_MIN) and word cosine (from SECTION_WORDS_MIN),
    each put on a common scale by its floor."""
    if not old_ids or not new_ids:
        return []
    dice = _dice_matrix([old.subtree_grams(i) for i in old_ids], [new.subtree_grams(j) for j in new_ids])
    score = dice / SECTION_MIN
    if by_words:
        score = np.maximum(score, old.subtree_vectors(old_ids) @ new.subtree_vectors(new_ids).T / SECTION_WORDS_MIN)
    return [(old_ids[r], new_ids[c]) for r, c in zip(*linear_sum_assignment(score, maximize=True)) if score[r, c] >= 1]


SUBSECTION_WORDS_MIN = 0.30
SUBSECTION_MARGIN = 0.10
"""Subheadings left unpaired inside a pair of sections pair by the word cosine of their subtrees
from this (the section pair vouches for the context), each the other's best by SUBSECTION_MARGIN."""


def _pair_subsections(old: OutlineIndex, new: OutlineIndex, old_ids: list[int], new_ids: list[int]) -> list[tuple[int, int]]:
    if not old_ids or not new_ids:
        return []
    score = old.subtree_vectors(old_ids) @ new.subtree_vectors(new_ids).T
    out = []
    for r, row in enumerate(score):
        c = int(np.argmax(row))
        col = score[:, c]
        if row[c] >= SUBSECTION_WORDS_MIN and int(np.argmax(col)) == r \
                and np.partition(np.append(row, 0), -2)[-2] <= row[c] - SUBSECTION_MARGIN \
                and np.partition(np.append(col, 0), -2)[-2] <= row[c] - SUBSECTION_MARGIN:
            out.append((old_ids[r], new_ids[c]))
    return out


def _marker_kind(marker: str) -> str:
    """A marker with its number left out: （三） and （七） are one kind, 八是 and —— two."""
    return re.sub(r"[\d０-９一二三四五六七八九十百IVXivx]+", "#", marker.strip())


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
