"""Pair the units of two outlines: sections first, then points within paired sections, then
whatever is left across the whole report, then points split in two or merged into one.

Similarity never sees markers or figures: it compares `Unit.masked`, so "组织集体学习10次" and
"组织集体学习12次" are the same sentence. Pairing is a global optimal assignment
(scipy's linear_sum_assignment) over a rapidfuzz similarity matrix, never greedy.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process
from scipy.optimize import linear_sum_assignment

from .outline import Outline, Unit, joined_key

# Thresholds, tuned on the labelled pairs in tests/pairs (see docs/alignment.md).
SECTION_MIN = 0.30
"""Section pairs: bigram Dice of heading + body. Unrelated sections of one report score ~0.1-0.25."""
LOCAL_MIN = 0.40
"""Units inside a paired section: Indel ratio of the masked texts."""
GLOBAL_MIN = 0.60
"""Units paired across sections (moved points): stricter, since the context no longer vouches."""
PART_MIN = 90
"""Split/merge: partial_ratio (0-100) of a part inside the whole."""
PART_COVER = 0.5
PART_MIN_CHARS = 6
TITLE_INSIDE_MIN = 80
"""Reworded split/merge: partial_ratio of a point's title sentence inside its neighbour's partner."""
"""Split/merge: shorter parts ("各位代表！") match inside almost anything."""
"""Split/merge: the parts must cover at least this share of the whole."""
TITLE_WEIGHT = 0.6
"""Weight of the title-sentence similarity, blended with the whole text's."""
TITLE_MAX = 25
SHORT_CHARS = 30
SHORT_MIN = 0.60
"""Units shorter than SHORT_CHARS pair only from SHORT_MIN up, wherever they stand."""
LEAD_BONUS = 0.20
"""Leads of paired sections, and closings, are counterparts by position: reworded, they still pair."""
DENSE_LIMIT = 4_000_000
"""Above this many cells, the cross-section matrix is blocked by shared 4-grams."""


@dataclass
class Match:
    """Units paired across the two reports: one-to-one, or one-to-many for a split/merge."""

    old: tuple[int, ...]
    new: tuple[int, ...]
    how: str
    """section | local | global | split (one old, several new) | merge (several old, one new)"""


@dataclass
class Alignment:
    old: Outline
    new: Outline
    matches: list[Match]
    section_pairs: dict[int, int]
    """Paired level-1 headings, old index -> new index."""

    def partner_maps(self) -> tuple[dict[int, Match], dict[int, Match]]:
        by_old = {i: m for m in self.matches for i in m.old}
        by_new = {j: m for m in self.matches for j in m.new}
        return by_old, by_new


def align(old: Outline, new: Outline) -> Alignment:
    paired_old: dict[int, int] = {}
    matches: list[Match] = []

    def pair(i: int, j: int, how: str) -> None:
        paired_old[i] = j
        matches.append(Match((i,), (j,), how))

    # 1. Regions: front matter, each level-1 section, closing. Sections pair by content.
    old_regions, new_regions = _regions(old), _regions(new)
    region_pairs: list[tuple[list[int], list[int]]] = []
    for key in ("front", "back"):
        if key in old_regions and key in new_regions:
            region_pairs.append((old_regions[key], new_regions[key]))
    old_secs = [k for k in old_regions if isinstance(k, int)]
    new_secs = [k for k in new_regions if isinstance(k, int)]
    section_pairs: dict[int, int] = {}
    if old_secs and new_secs:
        score = _dice_matrix([_subtree_grams(old, i) for i in old_secs], [_subtree_grams(new, j) for j in new_secs])
        for r, c in zip(*linear_sum_assignment(score, maximize=True)):
            if score[r, c] >= SECTION_MIN:
                i, j = old_secs[r], new_secs[c]
                section_pairs[i] = j
                pair(i, j, "section")
                region_pairs.append((old_regions[i][1:], new_regions[j][1:]))

    # 2. Inside each pair of regions.
    counterparts = _counterparts(old, new, section_pairs)
    for old_ids, new_ids in region_pairs:
        for i, j in _assign(old, new, old_ids, new_ids, LOCAL_MIN, counterparts):
            pair(i, j, "local")

    # 3. What is left, across the whole report (a point moved to another section).
    paired_new = set(paired_old.values())
    rest_old = [i for i in range(len(old.units)) if i not in paired_old]
    rest_new = [j for j in range(len(new.units)) if j not in paired_new]
    for i, j in _assign(old, new, rest_old, rest_new, GLOBAL_MIN):
        pair(i, j, "global")

    # 4. Splits and merges.
    matches = _split_merge(old, new, matches)
    return Alignment(old, new, matches, section_pairs)


def _counterparts(old: Outline, new: Outline, section_pairs: dict[int, int]) -> set[tuple[int, int]]:
    """Units that stand in the same place: the leads of paired sections, and the closings
    when each report has a single closing paragraph."""
    def leads(outline: Outline) -> dict[int, int]:
        return {u.parent: k for k, u in enumerate(outline.units) if u.kind == "lead"}

    old_leads, new_leads = leads(old), leads(new)
    out = {(old_leads[i], new_leads[j]) for i, j in section_pairs.items() if i in old_leads and j in new_leads}
    old_closing = [k for k, u in enumerate(old.units) if u.kind == "closing"]
    new_closing = [k for k, u in enumerate(new.units) if u.kind == "closing"]
    if len(old_closing) == len(new_closing) == 1:
        out.add((old_closing[0], new_closing[0]))
    return out


def _regions(outline: Outline) -> dict:
    """front (title, preamble) / level-1 heading index -> [heading, descendants...] / back (closing)."""
    regions: dict = {}
    for idx, u in enumerate(outline.units):
        if u.section >= 0:
            regions.setdefault(u.section, []).append(idx)
        elif u.kind in ("title", "preamble"):
            regions.setdefault("front", []).append(idx)
        elif u.kind == "closing":
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


def _subtree_grams(outline: Outline, idx: int) -> frozenset[str]:
    """Bigrams of a heading with everything under it: order-free, so reordered points still match."""
    cache = outline.__dict__.setdefault("_subtree_grams", {})
    if idx not in cache:
        units = outline.units
        level = units[idx].level
        parts = [units[idx].masked]
        for u in units[idx + 1:]:
            if u.kind == "heading" and u.level <= level or u.kind in ("closing",):
                break
            parts.append(u.masked)
        cache[idx] = _grams("".join(parts))
    return cache[idx]


def _compatible(a: Unit, b: Unit) -> bool:
    if a.kind == "heading" or b.kind == "heading":
        return a.kind == b.kind
    if a.kind == "title" or b.kind == "title":
        return a.kind == b.kind
    return True


def _assign(old: Outline, new: Outline, old_ids: list[int], new_ids: list[int], minimum: float,
            counterparts: set[tuple[int, int]] = frozenset()) -> list[tuple[int, int]]:
    """Optimal one-to-one pairing of two sets of units, keeping pairs scoring >= minimum."""
    if not old_ids or not new_ids:
        return []
    if len(old_ids) * len(new_ids) > DENSE_LIMIT:
        return _assign_blocked(old, new, old_ids, new_ids, minimum)
    bonus = {(r, c) for r, i in enumerate(old_ids) for c, j in enumerate(new_ids) if (i, j) in counterparts}
    score = _scores(old, new, old_ids, new_ids, minimum - LEAD_BONUS if bonus else minimum)
    for r, c in bonus:
        if score[r, c] > 0:
            score[r, c] += LEAD_BONUS
    for r, c in zip(*np.nonzero((score > 0) & (score < minimum))):  # below minimum, only counterparts pass
        if (r, c) not in bonus:
            score[r, c] = 0
    rows, cols = linear_sum_assignment(score, maximize=True)
    return [(old_ids[r], new_ids[c]) for r, c in zip(rows, cols) if score[r, c] >= minimum]


def _scores(old: Outline, new: Outline, old_ids: list[int], new_ids: list[int], minimum: float) -> np.ndarray:
    a = [old.units[i].masked for i in old_ids]
    b = [new.units[j].masked for j in new_ids]
    score = process.cdist(a, b, scorer=fuzz.ratio, dtype=np.float32, workers=1) / 100
    # A point's short title sentence ("加强干部作风建设。") often survives a rewritten body.
    ta = [_title(t, old) for t in a]
    tb = [_title(t, new) for t in b]
    if any(ta) and any(tb):
        titles = process.cdist(ta, tb, scorer=fuzz.ratio, dtype=np.float32, workers=1) / 100
        titles[[not t for t in ta], :] = 0
        titles[:, [not t for t in tb]] = 0
        score = np.maximum(score, TITLE_WEIGHT * titles + (1 - TITLE_WEIGHT) * score)
    # Short sentences share their frame ("推进…建设。") by chance: demand more of them.
    la = np.array([len(t) for t in a])[:, None]
    lb = np.array([len(t) for t in b])[None, :]
    score[(np.minimum(la, lb) < SHORT_CHARS) & (score < max(minimum, SHORT_MIN))] = 0
    score[score < minimum] = 0
    for r, i in enumerate(old_ids):
        ui = old.units[i]
        for c, j in enumerate(new_ids):
            uj = new.units[j]
            if not _compatible(ui, uj):
                score[r, c] = 0
            elif ui.kind == "heading":  # a sub-heading is as similar as what stands under it
                score[r, c] = max(score[r, c], _dice(_subtree_grams(old, i), _subtree_grams(new, j)))
    return score


def _title(masked: str, outline: Outline) -> str:
    """The first sentence of a unit when it is a short title followed by more text and no other
    unit of the report opens with the same title; else ""."""
    end = masked.find("。")
    if not (0 < end <= TITLE_MAX and end < len(masked) - 1):
        return ""
    counts = outline.__dict__.get("_title_counts")
    if counts is None:
        counts = outline.__dict__["_title_counts"] = Counter(u.masked[:u.masked.find("。") + 1] for u in outline.units)
    return masked[:end] if counts[masked[:end + 1]] == 1 else ""


def _assign_blocked(old: Outline, new: Outline, old_ids: list[int], new_ids: list[int], minimum: float) -> list[tuple[int, int]]:
    """Large leftovers: only units sharing a 4-gram are compared; each connected group is assigned alone."""
    index: dict[str, set[int]] = {}
    for c, j in enumerate(new_ids):
        t = new.units[j].masked
        for k in range(0, max(len(t) - 3, 1), 2):
            index.setdefault(t[k:k + 4], set()).add(c)
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
        for k in range(max(len(t) - 3, 1)):
            hits.update(index.get(t[k:k + 4], ()))
        best = {c for c, _ in hits.most_common(8)}
        candidates[r] = best
        for c in best:
            parent[find(r)] = find(len(old_ids) + c)
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for r in candidates:
        if candidates[r]:
            groups.setdefault(find(r), ([], []))[0].append(old_ids[r])
    for c in range(len(new_ids)):
        root = find(len(old_ids) + c)
        if root in groups:
            groups[root][1].append(new_ids[c])
    out = []
    for a, b in groups.values():
        out.extend(_assign(old, new, a, b, minimum))
    return out


def _split_merge(old: Outline, new: Outline, matches: list[Match]) -> list[Match]:
    """Pair a unit with two or more units of the other report that together make it up."""
    by_old = {m.old[0]: m for m in matches}
    by_new = {m.new[0]: m for m in matches}
    groups: list[Match] = []
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    for side in ("split", "merge"):
        whole_o, part_o = (old, new) if side == "split" else (new, old)
        whole_map, part_map = (by_old, by_new) if side == "split" else (by_new, by_old)
        taken_whole, taken_part = (taken_old, taken_new) if side == "split" else (taken_new, taken_old)
        for w, unit in enumerate(whole_o.units):
            if unit.kind in ("heading", "title") or len(unit.masked) < 8 or w in taken_whole:
                continue
            own = whole_map.get(w)
            partner = own.new[0] if own and side == "split" else (own.old[0] if own else None)
            if partner is not None and part_o.units[partner].masked == unit.masked:
                continue  # paired with its exact counterpart: nothing was split off
            region = _region_of(part_o, partner) if partner is not None else None
            pool = [p for p in (region if region is not None else range(len(part_o.units)))
                    if p not in taken_part and part_o.units[p].kind not in ("heading", "title")
                    and (p == partner or p not in part_map)
                    and PART_MIN_CHARS <= len(part_o.units[p].masked) < len(unit.masked)]
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
            if own:
                matches.remove(own)
            for p in parts:
                other = part_map.get(p)
                if other in matches:
                    matches.remove(other)
            taken_whole.add(w)
            taken_part.update(parts)
            groups.append(Match((w,), tuple(parts), side) if side == "split" else Match(tuple(parts), (w,), side))
    return _join_straddlers(old, new, _split_by_title(old, new, matches, groups))


def _split_by_title(old: Outline, new: Outline, matches: list[Match], groups: list[Match]) -> list[Match]:
    """A reworded split: an unpaired unit whose title sentence stands inside the unit its
    neighbour is paired with ("3.加快既有住宅加装电梯。" split off "…积极推动既有住宅加装电梯…")."""
    for side in ("split", "merge"):
        part_o, whole_o = (new, old) if side == "split" else (old, new)
        pairs = {(m.new[0] if side == "split" else m.old[0]): m for m in matches}
        paired_parts = {k for m in matches + groups for k in (m.new if side == "split" else m.old)}
        for z, unit in enumerate(part_o.units):
            title = _title(unit.masked, part_o)
            if z in paired_parts or not title or unit.kind in ("heading", "title"):
                continue
            for y in (z - 1, z + 1):
                m = pairs.get(y)
                if m is None or not 0 <= y < len(part_o.units) or part_o.units[y].parent != unit.parent:
                    continue
                w = m.old[0] if side == "split" else m.new[0]
                if fuzz.partial_ratio(title, whole_o.units[w].masked) >= TITLE_INSIDE_MIN:
                    matches.remove(m)
                    del pairs[y]
                    parts = tuple(sorted((y, z)))
                    groups.append(Match((w,), parts, side) if side == "split" else Match(parts, (w,), side))
                    paired_parts.add(z)
                    break
    return matches + groups


def _join_straddlers(old: Outline, new: Outline, matches: list[Match]) -> list[Match]:
    """Join neighbouring matches when a unit straddles them: one layout's line holds the end of
    one paragraph and the start of the next. Joined only when the texts then agree exactly."""
    by_new = sorted(matches, key=lambda m: m.new[0])
    paired_old = {i for m in matches for i in m.old}
    paired_new = {j for m in matches for j in m.new}
    out: list[Match] = []
    for m in by_new:
        prev = out[-1] if out else None
        if prev is not None and m.new[0] - prev.new[-1] <= 2 and 0 < m.old[0] - prev.old[-1] <= 3:
            gap_old = tuple(range(prev.old[-1] + 1, m.old[0]))
            gap_new = tuple(range(prev.new[-1] + 1, m.new[0]))
            if not (set(gap_old) & paired_old) and not (set(gap_new) & paired_new) and (gap_old or gap_new):
                joined_o, joined_n = prev.old + gap_old + m.old, prev.new + gap_new + m.new
                if joined_key(old, joined_o) == joined_key(new, joined_n):
                    out[-1] = Match(joined_o, joined_n, "merge" if len(joined_o) > len(joined_n) else "split")
                    continue
        out.append(m)
    return out


def _region_of(outline: Outline, idx: int) -> list[int]:
    """Units sharing idx's level-1 section (or its front/back region)."""
    regions = outline.__dict__.get("_regions")
    if regions is None:
        regions = outline.__dict__["_regions"] = _regions(outline)
    u = outline.units[idx]
    return regions[u.section if u.section >= 0 else ("back" if u.kind == "closing" else "front")]
