"""Units that became several, or several that became one: nearly verbatim (a part stands inside
the whole), by a title sentence, straddling two layouts, or reworded (its words stand in the
neighbour's partner)."""
from __future__ import annotations

import numpy as np
from rapidfuzz import fuzz, process
from scipy.sparse import csr_matrix

from .assign import SHORT_CHARS, latin
from .model import Match, MatchHow, UnitKind
from .outline import joined_key
from .unitindex import OutlineIndex

ABSORB_MIN = 0.25
"""An unpaired unit joins its neighbour's pair when this share of its word weight stands in the
partner (absorb_neighbours)..."""
ABSORB_MIN_LATIN = 0.4
"""...and in English this share: its everyday words (policy, improve, support) stand in any long
paragraph (en-2019-2020: 0.25 -> 0.4 made 6 more paired rows right and lost 6 labelled pairs)."""
SUBSECTION_MIN = 0.3
"""join_titles: a title and lead both unpaired pair with a paragraph of the other year from this
cosine of their words together."""
PART_MIN = 90
"""Split/merge: partial_ratio (0-100) of a part inside the whole."""
PART_COVER = 0.5
"""Split/merge: the parts must cover at least this share of the whole."""
PART_MIN_CHARS = 6
"""Split/merge: shorter parts ("各位代表！") match inside almost anything."""
PART_GRAMS_INSIDE = 0.3
"""Split/merge: a part is looked for in a whole only when this share of its 4-grams stand in it
(a part at partial_ratio >= 90 shares far more; unrelated text shares almost none)."""
WHOLE_MIN_CHARS = 8
"""Split/merge: a whole shorter than this is not looked into for parts."""
TITLE_INSIDE_MIN = 80
"""Reworded split/merge: partial_ratio of a point's title sentence inside its neighbour's partner."""
STRADDLE_GAP = (2, 3)
"""Straddling units: at most this many new / old units between two matches to join them."""
_NOT_SPLIT = (UnitKind.HEADING, UnitKind.TITLE)
"""Kinds never split or merged."""


def absorb_neighbours(old: OutlineIndex, new: OutlineIndex, matches: list[Match]) -> list[Match]:
    """A unit left unpaired beside a paired unit (under the same heading) joins that pair when
    most of its weighted words stand in the pair's single unit on the other side: three old
    paragraphs rewritten as one (a merge), one split in two (a split). Repeated until nothing
    joins, so a run of such paragraphs joins one by one."""
    by_old = {i: m for m in matches for i in m.old}
    by_new = {j: m for m in matches for j in m.new}
    words_in = {False: _words_in(new), True: _words_in(old)}  # the other side's, by direction
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
                    need = ABSORB_MIN_LATIN if latin(unit.masked) else ABSORB_MIN
                    if cover >= need and (best is None or cover > best[0]):
                        best = (cover, m)
                if best is not None and len(unit.masked) < SHORT_CHARS and best[0] < _best_coverage(units.vectors[x], words_in[split]):
                    continue  # a short line's few words stand in many paragraphs: only its best one takes it
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


def join_titles(old: OutlineIndex, new: OutlineIndex, matches: list[Match]) -> list[Match]:
    """A subsection of one year written as a title line and its lead, whose lead is paired with a
    single point of the other year (that year wrote the matter as one paragraph, `过去的一年，面对
    城乡发展短板，我们…。…`): the unpaired title joins the pair, so the point stands beside the
    title and the lead together."""
    for split in (True, False):  # title in the new report, then in the old
        units = new if split else old
        own = {k: m for m in matches for k in (m.new if split else m.old)}
        for h, unit in enumerate(units.units):
            if unit.kind != UnitKind.HEADING or unit.level < 2 or h in own or h + 1 >= len(units.units):
                continue
            lead = units.units[h + 1]
            m = own.get(h + 1)
            if lead.kind != UnitKind.LEAD or lead.parent != h:
                continue
            if m is None:
                m = _pair_subsection(old, new, h, {x for q in matches for x in (q.old if split else q.new)}, split)
                if m is None:
                    continue
                matches.append(m)
            if len(m.old) != 1 or len(m.new) != 1:
                continue
            other = old if split else new
            if other.units[(m.old if split else m.new)[0]].kind in _NOT_SPLIT or "\n" in unit.text:
                continue  # a title on a line of its own heads a subsection: it pairs as a heading or not at all
            grown = Match(m.old, (h, *m.new), MatchHow.SPLIT) if split else Match((h, *m.old), m.new, MatchHow.MERGE)
            matches[matches.index(m)] = grown
            own[h] = own[h + 1] = grown
    return matches


def _pair_subsection(old: OutlineIndex, new: OutlineIndex, h: int, paired_other: set[int], split: bool) -> Match | None:
    """An unpaired title and lead (at h, h+1) against the units of the other report not paired
    yet (`paired_other`: those that are): the lead pairs with the one whose words are most like
    the title's and the lead's together, from SUBSECTION_MIN (the title then joins them)."""
    units, other = (new, old) if split else (old, new)
    free = [x for x in range(len(other.units)) if x not in paired_other and other.units[x].kind not in _NOT_SPLIT]
    if not free:
        return None
    both = units.vectors[h] + units.vectors[h + 1]
    scores = (other.vectors[free] @ both.T).toarray().ravel() / max(float(np.sqrt(both.multiply(both).sum())), 1e-9)
    k = int(scores.argmax())
    if scores[k] < SUBSECTION_MIN:
        return None
    x = free[k]
    return Match((x,), (h + 1,), MatchHow.GLOBAL) if split else Match((h + 1,), (x,), MatchHow.GLOBAL)


def _words_in(index: OutlineIndex) -> csr_matrix:
    """Which words each unit has (1 where its vector is not 0)."""
    present = index.vectors.copy()
    present.data[:] = 1
    return present


def _best_coverage(part: csr_matrix, words_in: csr_matrix) -> float:
    """The part's largest _coverage in any unit (`words_in`: _words_in of the other report)."""
    return float((words_in @ part.multiply(part).T).max()) if words_in.shape[0] else 0.0


def _coverage(part: csr_matrix, whole: csr_matrix) -> float:
    """Share of the part's word weight (its squared, normalised TF-IDF) on words the whole has too."""
    inside = np.isin(part.indices, whole.indices)
    return float(np.sum(part.data[inside] ** 2))


def split_merge(old: OutlineIndex, new: OutlineIndex, matches: list[Match]) -> list[Match]:
    """Pair a unit with two or more units of the other report that together make it up. Units
    already in a group stay in it."""
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
