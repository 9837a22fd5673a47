"""Pair the units of two outlines: sections first, then points within paired sections, then
whatever is left across the whole report, then points split in two or merged into one.

Similarity never sees markers or figures: it compares `Unit.masked`, so "组织集体学习10次" and
"组织集体学习12次" are the same sentence. Pairing is a global optimal assignment
(scipy's linear_sum_assignment) over a rapidfuzz similarity matrix, never greedy.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from itertools import pairwise

import numpy as np
from rapidfuzz import fuzz, process
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix

from .model import Alignment, Match, MatchHow, Outline, Unit, UnitKind
from .outline import joined_key
from .wordweights import WordWeights

# Thresholds, tuned on the labelled pairs in tests/pairs (the tuning record is docs/alignment.md).
SECTION_MIN = 0.30
"""Section pairs: bigram Dice of heading + body. Unrelated sections of one report score ~0.1-0.25."""
LOCAL_MIN = 0.40
"""Units inside a paired section: Indel ratio of the masked texts; 0.45 lost a reworded point."""
GAP_MIN = 0.20
"""Units left between two consecutive pairs of a section pair in order from this similarity
(the better of the character ratio and the weighted-word cosine; see _fill_gaps)."""
ABSORB_MIN = 0.25
"""A unpaired unit joins its neighbour's pair when this share of its word weight stands in the
partner (_absorb_neighbours)."""
LATIN_RATIO_MIN = 0.75
"""In English, the character ratio counts from here (unrelated sentences reach 0.5)..."""
LATIN_SHARE = 0.5
"""...English being a text at least half Latin letters."""
GLOBAL_MIN = 0.60
"""Units paired across sections (moved points): stricter, since the context no longer vouches."""
SHORT_CHARS = 30
SHORT_MIN = 0.60
"""Units shorter than SHORT_CHARS pair only from SHORT_MIN up, wherever they stand: short
sentences share their frame ("推进…建设。") by chance."""
POINT_TITLE_MAX = 25
"""A point's first sentence up to this many characters is its title ("加强干部作风建设。")."""
TITLE_WEIGHT = 0.6
"""Weight of the title-sentence similarity, blended with the whole text's: a title often
survives a rewritten body."""
LEAD_BONUS = 0.20
"""Leads of paired sections, and closings, are counterparts by position: reworded, they still pair."""
PART_MIN = 90
"""Split/merge: partial_ratio (0-100) of a part inside the whole."""
PART_COVER = 0.5
"""Split/merge: the parts must cover at least this share of the whole."""
PART_MIN_CHARS = 6
"""Split/merge: shorter parts ("各位代表！") match inside almost anything."""
PART_GRAM = 4
PART_GRAMS_INSIDE = 0.3
"""Split/merge: a part is looked for in a whole only when this share of its 4-grams stand in it
(a part at partial_ratio >= 90 shares far more; unrelated text shares almost none)."""
WHOLE_MIN_CHARS = 8
"""Split/merge: a whole shorter than this is not looked into for parts."""
TITLE_INSIDE_MIN = 80
"""Reworded split/merge: partial_ratio of a point's title sentence inside its neighbour's partner."""
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
STRADDLE_GAP = (2, 3)
"""Straddling units: at most this many new / old units between two matches to join them."""


class OutlineIndex:
    """What alignment derives from one outline, built once per `align` call and passed along
    (never stored on the outline: the outline stays as the outline stage made it)."""

    def __init__(self, outline: Outline, vectors: csr_matrix):
        self.outline = outline
        self.units = outline.units
        self.vectors = vectors
        """The units' weighted word vectors (wordweights.py), rows in unit order."""
        self.regions = _regions(outline)
        self.title_counts = Counter(u.masked[:u.masked.find("。") + 1] for u in outline.units)
        """How many units open with each title sentence (a title said twice tells nothing)."""
        self._subtree_grams: dict[int, frozenset[str]] = {}
        self._part_grams: dict[int, frozenset[str]] = {}

    def subtree_grams(self, idx: int) -> frozenset[str]:
        """Bigrams of a heading with everything under it: order-free, so reordered points still match."""
        grams = self._subtree_grams.get(idx)
        if grams is None:
            units = self.units
            level = units[idx].level
            parts = [units[idx].masked]
            for u in units[idx + 1:]:
                if (u.kind == UnitKind.HEADING and u.level <= level) or u.kind == UnitKind.CLOSING:
                    break
                parts.append(u.masked)
            grams = self._subtree_grams[idx] = _grams("".join(parts))
        return grams

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

    # 2. Inside each pair of regions.
    counterparts = _counterparts(old, new, section_pairs)
    for old_ids, new_ids in region_pairs:
        for i, j in _assign(old, new, old_ids, new_ids, LOCAL_MIN, counterparts, gap_min=GAP_MIN):
            pair(i, j, MatchHow.LOCAL)

    # 3. What is left, across the whole report (a point moved to another section).
    paired_new = set(paired_old.values())
    rest_old = [i for i in range(len(old.units)) if i not in paired_old]
    rest_new = [j for j in range(len(new.units)) if j not in paired_new]
    for i, j in _assign(old, new, rest_old, rest_new, GLOBAL_MIN):
        pair(i, j, MatchHow.GLOBAL)

    # 4. Splits and merges: those whose text stands nearly as it was, then reworded ones (an
    # unpaired unit beside a pair, whose words stand in its neighbour's partner).
    matches = _absorb_neighbours(old, new, _split_merge(old, new, matches))
    return Alignment(old_outline, new_outline, matches, section_pairs, weights)


def _absorb_neighbours(old: OutlineIndex, new: OutlineIndex, matches: list[Match]) -> list[Match]:
    """A unit left unpaired beside a paired unit (under the same heading) joins that pair when
    most of its weighted words stand in the pair's single unit on the other side: three old
    paragraphs rewritten as one (a merge), one split in two (a split). Repeated until nothing
    joins, so a run of such paragraphs joins one by one."""
    by_old = {i: m for m in matches for i in m.old}
    by_new = {j: m for m in matches for j in m.new}
    for split in (False, True):  # merges (old units join), then splits (new units join)
        units, own, other_side = (new, by_new, old) if split else (old, by_old, new)
        joined = True
        while joined:
            joined = False
            for x, unit in enumerate(units.units):
                if x in own or unit.kind in _NOT_SPLIT or len(unit.masked) < PART_MIN_CHARS:
                    continue
                best: tuple[float, Match] | None = None
                for y in (x - 1, x + 1):
                    m = own.get(y)
                    if m is None or units.units[y].parent != unit.parent:
                        continue
                    partner = m.old if split else m.new
                    if len(partner) != 1 or other_side.units[partner[0]].kind in _NOT_SPLIT:
                        continue
                    cover = _coverage(units.vectors[x], other_side.vectors[partner[0]])
                    if cover >= ABSORB_MIN and (best is None or cover > best[0]):
                        best = (cover, m)
                if best is None:
                    continue
                m = best[1]
                grown = Match(m.old, tuple(sorted((*m.new, x))), MatchHow.SPLIT) if split else \
                    Match(tuple(sorted((*m.old, x))), m.new, MatchHow.MERGE)
                matches[matches.index(m)] = grown
                for i in grown.old:
                    by_old[i] = grown
                for j in grown.new:
                    by_new[j] = grown
                joined = True
    return matches


def _coverage(part: csr_matrix, whole: csr_matrix) -> float:
    """Share of the part's word weight (its squared, normalised TF-IDF) on words the whole has too."""
    inside = np.isin(part.indices, whole.indices)
    return float(np.sum(part.data[inside] ** 2))


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


def _regions(outline: Outline) -> dict[int | str, list[int]]:
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


def _grams(text: str) -> frozenset[str]:
    return frozenset(text[k:k + 2] for k in range(len(text) - 1))


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    total = len(a) + len(b)
    return 2 * len(a & b) / total if total else 0.0


def _dice_matrix(a: list[frozenset[str]], b: list[frozenset[str]]) -> np.ndarray:
    """Dice of every pair of bigram sets, as one sparse product (hundreds of sections stay fast)."""
    from scipy.sparse import csr_matrix

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


_NOT_SPLIT = (UnitKind.HEADING, UnitKind.TITLE)
"""Kinds never split or merged."""


def _compatible(a: Unit, b: Unit) -> bool:
    if UnitKind.HEADING in (a.kind, b.kind) or UnitKind.TITLE in (a.kind, b.kind):
        return a.kind == b.kind
    return True


def _assign(old: OutlineIndex, new: OutlineIndex, old_ids: list[int], new_ids: list[int], minimum: float,
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
    """`_assign` over the whole similarity matrix. With `gap_min` (units in document order, in a
    pair of counterpart regions), units left between two consecutive pairs are then paired in
    order from `gap_min` up: where they stand vouches for them."""
    if not old_ids or not new_ids:
        return []
    bonus = {(r, c) for r, i in enumerate(old_ids) for c, j in enumerate(new_ids) if (i, j) in counterparts}
    floor = minimum - LEAD_BONUS if bonus else minimum
    score = _scores(old, new, old_ids, new_ids, min(floor, gap_min) if gap_min is not None else floor)
    weak = score.copy() if gap_min is not None else None
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
    before: list[int] = [-1] * len(pairs)
    for k, (_, c) in enumerate(pairs):
        lo = bisect_left([pairs[t][1] for t in tails], c)
        before[k] = tails[lo - 1] if lo else -1
        if lo == len(tails):
            tails.append(k)
        else:
            tails[lo] = k
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
    latin_a = np.array([_latin(t) for t in a])[:, None]
    latin_b = np.array([_latin(t) for t in b])[None, :]
    score[(latin_a | latin_b) & (score < LATIN_RATIO_MIN)] = 0
    la = np.array([len(t) for t in a])[:, None]
    lb = np.array([len(t) for t in b])[None, :]
    short = np.minimum(la, lb) < SHORT_CHARS
    # Reworded text keeps its specific words: the weighted-word cosine, where it says more (not
    # for short units: three words in common make a short sentence look the same).
    cosine = (old.vectors[old_ids] @ new.vectors[new_ids].T).toarray().astype(np.float32)
    cosine[np.broadcast_to(short, cosine.shape)] = 0
    score = np.maximum(score, cosine)
    # A point's short title sentence ("加强干部作风建设。") often survives a rewritten body.
    ta = [old.title(t) for t in a]
    tb = [new.title(t) for t in b]
    if any(ta) and any(tb):
        titles = process.cdist(ta, tb, scorer=fuzz.ratio, dtype=np.float32, workers=1) / 100
        titles[[not t for t in ta], :] = 0
        titles[:, [not t for t in tb]] = 0
        score = np.maximum(score, TITLE_WEIGHT * titles + (1 - TITLE_WEIGHT) * score)
    score[short & (score < max(minimum, SHORT_MIN))] = 0
    score[score < minimum] = 0
    for r, i in enumerate(old_ids):
        ui = old.units[i]
        for c, j in enumerate(new_ids):
            uj = new.units[j]
            if not _compatible(ui, uj):
                score[r, c] = 0
            elif ui.kind == UnitKind.HEADING:  # a sub-heading is as similar as what stands under it
                score[r, c] = max(score[r, c], _dice(old.subtree_grams(i), new.subtree_grams(j)))
    return score


_LETTER = re.compile(r"[A-Za-z]")


def _latin(text: str) -> bool:
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
    apart = (UnitKind.HEADING, UnitKind.TITLE)
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
        if not _compatible(a, b):
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


def _split_merge(old: OutlineIndex, new: OutlineIndex, matches: list[Match]) -> list[Match]:
    """Pair a unit with two or more units of the other report that together make it up. Units
    already in a group (from _absorb_neighbours) stay in it."""
    single = [m for m in matches if len(m.old) == len(m.new) == 1]
    by_old = {m.old[0]: m for m in single}
    by_new = {m.new[0]: m for m in single}
    groups: list[Match] = []
    taken_old: set[int] = {i for m in matches if len(m.old) + len(m.new) > 2 for i in m.old}
    taken_new: set[int] = {j for m in matches if len(m.old) + len(m.new) > 2 for j in m.new}
    replaced: set[int] = set()  # ids of the one-to-one matches a group took the place of

    def live(m: Match | None) -> Match | None:
        return None if m is None or id(m) in replaced else m

    def can_be_part(o: OutlineIndex, p: int) -> bool:
        return o.units[p].kind not in _NOT_SPLIT and len(o.units[p].masked) >= PART_MIN_CHARS

    for side in (MatchHow.SPLIT, MatchHow.MERGE):
        split = side == MatchHow.SPLIT
        whole_o, part_o = (old, new) if split else (new, old)
        whole_map, part_map = (by_old, by_new) if split else (by_new, by_old)
        taken_whole, taken_part = (taken_old, taken_new) if split else (taken_new, taken_old)
        # Units that may become parts: no live one-to-one match, not in a group; kept up to date
        # below, so each whole looks only at these (sets, not a scan of the report per whole).
        free = {p for p in range(len(part_o.units))
                if p not in taken_part and live(part_map.get(p)) is None and can_be_part(part_o, p)}
        free_in: dict[int | str, set[int]] = {}
        for p in free:
            free_in.setdefault(part_o.region_key(p), set()).add(p)
        for w, unit in enumerate(whole_o.units):
            if unit.kind in _NOT_SPLIT or len(unit.masked) < WHOLE_MIN_CHARS or w in taken_whole:
                continue
            own = live(whole_map.get(w))  # None too when its partner went into an earlier group
            partner = own.new[0] if own and split else (own.old[0] if own else None)
            if partner is not None and part_o.units[partner].masked == unit.masked:
                continue  # paired with its exact counterpart: nothing was split off
            candidates = free_in.get(part_o.region_key(partner), set()) if partner is not None else free
            pool = sorted(p for p in candidates if len(part_o.units[p].masked) < len(unit.masked))
            if partner is not None and partner not in taken_part and can_be_part(part_o, partner) \
                    and len(part_o.units[partner].masked) < len(unit.masked):
                pool = sorted([*pool, partner])
            whole_grams = whole_o.part_grams(w)
            pool = [p for p in pool if _contained(part_o.part_grams(p), whole_grams)]
            if len(pool) < 2:
                continue
            found = process.extract(unit.masked, [part_o.units[p].masked for p in pool], scorer=fuzz.partial_ratio,
                                    score_cutoff=PART_MIN, limit=None)
            # partial_ratio(query, choice) is symmetric in which one is shorter: the part is inside the whole.
            parts, seen = [], set()
            for p in sorted(pool[k] for _, _, k in found):  # a repeated line ("各位代表！") counts once
                if part_o.units[p].masked not in seen:
                    seen.add(part_o.units[p].masked)
                    parts.append(p)
            if len(parts) < 2 or sum(len(part_o.units[p].masked) for p in parts) < PART_COVER * len(unit.masked):
                continue
            gone = [m for m in [own, *(live(part_map.get(p)) for p in parts)] if m is not None]
            replaced.update(id(m) for m in gone)
            taken_whole.add(w)
            taken_part.update(parts)
            for p in parts:
                free.discard(p)
                free_in.get(part_o.region_key(p), set()).discard(p)
            for m in gone:  # a partner left behind by a replaced match may now be a part
                for p in (m.new if split else m.old):
                    if p not in taken_part and can_be_part(part_o, p):
                        free.add(p)
                        free_in.setdefault(part_o.region_key(p), set()).add(p)
            groups.append(Match((w,), tuple(parts), side) if split else Match(tuple(parts), (w,), side))
    matches = [m for m in matches if id(m) not in replaced]
    return _join_straddlers(old, new, _split_by_title(old, new, matches, groups))


def _contained(part: frozenset[str], whole: frozenset[str]) -> bool:
    """Enough of the part's grams stand in the whole for the part to be inside it (partial_ratio
    is quadratic in long texts: it runs only on parts that pass this)."""
    return len(part & whole) >= PART_GRAMS_INSIDE * len(part)


def _split_by_title(old: OutlineIndex, new: OutlineIndex, matches: list[Match], groups: list[Match]) -> list[Match]:
    """A reworded split: an unpaired unit whose title sentence stands inside the unit its
    neighbour is paired with ("3.加快既有住宅加装电梯。" split off "…积极推动既有住宅加装电梯…")."""
    for side in (MatchHow.SPLIT, MatchHow.MERGE):
        split = side == MatchHow.SPLIT
        part_o, whole_o = (new, old) if split else (old, new)
        pairs = {(m.new[0] if split else m.old[0]): m for m in matches if len(m.old) == len(m.new) == 1}
        paired_parts = {k for m in matches + groups for k in (m.new if split else m.old)}
        for z, unit in enumerate(part_o.units):
            title = part_o.title(unit.masked)
            if z in paired_parts or not title or unit.kind in _NOT_SPLIT:
                continue
            for y in (z - 1, z + 1):
                m = pairs.get(y)
                if m is None or not 0 <= y < len(part_o.units) or part_o.units[y].parent != unit.parent:
                    continue
                w = m.old[0] if split else m.new[0]
                if fuzz.partial_ratio(title, whole_o.units[w].masked) >= TITLE_INSIDE_MIN:
                    matches.remove(m)
                    del pairs[y]
                    parts = tuple(sorted((y, z)))
                    groups.append(Match((w,), parts, side) if split else Match(parts, (w,), side))
                    paired_parts.add(z)
                    break
    return matches + groups


def _join_straddlers(old: OutlineIndex, new: OutlineIndex, matches: list[Match]) -> list[Match]:
    """Join neighbouring matches when a unit straddles them: one layout's line holds the end of
    one paragraph and the start of the next. Joined only when the texts then agree exactly."""
    by_new = sorted(matches, key=lambda m: m.new[0])
    paired_old = {i for m in matches for i in m.old}
    paired_new = {j for m in matches for j in m.new}
    out: list[Match] = []
    for m in by_new:
        prev = out[-1] if out else None
        if prev is not None and m.new[0] - prev.new[-1] <= STRADDLE_GAP[0] and 0 < m.old[0] - prev.old[-1] <= STRADDLE_GAP[1]:
            gap_old = tuple(range(prev.old[-1] + 1, m.old[0]))
            gap_new = tuple(range(prev.new[-1] + 1, m.new[0]))
            if not (set(gap_old) & paired_old) and not (set(gap_new) & paired_new) and (gap_old or gap_new):
                joined_o, joined_n = prev.old + gap_old + m.old, prev.new + gap_new + m.new
                if joined_key(old.outline, joined_o) == joined_key(new.outline, joined_n):
                    out[-1] = Match(joined_o, joined_n, MatchHow.MERGE if len(joined_o) > len(joined_n) else MatchHow.SPLIT)
                    continue
        out.append(m)
    return out
