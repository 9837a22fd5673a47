"""Classify every aligned unit (same / numbers_only / edited / added / removed), mark moves,
attach inline diffs, and order the result as the later report reads."""
from __future__ import annotations

import multiprocessing as mp
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .align import Alignment, Match, align
from .formulae import Formulae, load_formulae
from .metrics import Metric, figures_by_unit, keep_figures, pair_figures, pair_leftovers
from .recycle import MIN_CHARS, Recycling, Shares, find_recycled
from .outline import Outline, joined_key
from .textnorm import mask_figures
from .worddiff import Diff, word_diff

STATUSES = ("same", "numbers_only", "edited", "added", "removed")


@dataclass
class Row:
    """One entry of the comparison: a unit of either report, or a pair of them."""

    kind: str
    level: int
    old: int | None
    """Index into the old outline's units, None when this row has no old unit."""
    new: int | None
    status: str
    similarity: float = 0.0
    moved: bool = False
    diff: Diff | None = None
    group: int | None = None
    """Rows of one split/merge share a group number; the first row carries the diff."""
    join: str | None = None
    """"split" (one old unit became several) or "merge" (several became one)."""
    moved_from: int | None = None
    """For a unit now under another heading: the old heading it stood under (index in old)."""
    old_place: int | None = None
    """For a level-1 heading whose section changed place: its 1-based place in the old report."""


@dataclass
class Comparison:
    old: Outline
    new: Outline
    rows: list[Row]
    alignment: Alignment
    summary: Counter = field(default_factory=Counter)
    metrics: list[Metric] = field(default_factory=list)
    """Every figure of both reports, paired where it can be, in the later report's order."""
    recycling: Recycling | None = None
    """Runs of the later report found in the earlier one."""
    shares: Shares | None = None


def compare(old: Outline, new: Outline, min_recycled: int = MIN_CHARS, formulae: Formulae | None = None) -> Comparison:
    """Align, classify, pair figures and find recycled text. `formulae` defaults to the shipped list."""
    formulae = formulae if formulae is not None else load_formulae()
    independent = _start_independent(old, new, min_recycled, formulae)
    alignment = align(old, new)
    by_old, by_new = alignment.partner_maps()
    moved_sections = _moved_sections(alignment.section_pairs)
    keyed: list[tuple[tuple, Row]] = []
    group_no = 0

    for match in alignment.matches:
        status, similarity = _classify(old, new, match)
        moved = _moved(alignment, match, by_old, moved_sections)
        first_old = match.old[0]
        diff = None if status == "same" else word_diff(
            "".join(old.units[i].text for i in match.old), "".join(new.units[j].text for j in match.new))
        join = match.how if match.how in ("split", "merge") else None
        group = None
        if join:
            group_no += 1
            group = group_no
        old_unit = old.units[first_old]
        moved_from = old_place = None
        if moved and old_unit.kind == "heading" and old_unit.level == 1:
            old_place = old.sections().index(first_old) + 1
        elif moved and _parent_changed(alignment, match, by_old):
            moved_from = old_unit.parent
        # One row per unit of the longer side; a split/merge's rows share a group number.
        for k in range(max(len(match.old), len(match.new))):
            i = match.old[k] if k < len(match.old) else None
            j = match.new[k] if k < len(match.new) else None
            u = new.units[j if j is not None else match.new[-1]]
            position = (j, 0, 0) if j is not None else (match.new[-1], 0, i)
            keyed.append((position, Row(u.kind, u.level, i, j, status, similarity, moved,
                                        diff if k == 0 else None, group, join, moved_from, old_place)))

    for j, u in enumerate(new.units):
        if j not in by_new:
            keyed.append(((j, 0, 0), Row(u.kind, u.level, None, j, "added")))
    anchor = -1  # new position of the nearest earlier old unit that has one
    for i, u in enumerate(old.units):
        m = by_old.get(i)
        if m is not None:
            anchor = min(m.new)
        else:
            keyed.append(((anchor, 1, i), Row(u.kind, u.level, i, None, "removed")))
    keyed.sort(key=lambda kr: kr[0])
    rows = [r for _, r in keyed]
    recycling, (old_figures, new_figures) = independent()
    keep_figures(old, old_figures)
    keep_figures(new, new_figures)
    return Comparison(old, new, rows, alignment, Counter(r.status for r in rows), _metrics(old, new, alignment, rows),
                      recycling, Shares(new.source, recycling))


PARALLEL_FROM = 100_000
"""From this many characters (both reports), recycled text and figures are found in a second
process while the main one aligns and diffs: the machine has two cores, and they do not depend
on each other."""


def _independent_work(old: Outline, new: Outline, min_recycled: int, formulae: Formulae):
    return find_recycled(old.source, new.source, min_recycled, formulae), (figures_by_unit(old), figures_by_unit(new))


def _start_independent(old: Outline, new: Outline, min_recycled: int, formulae: Formulae):
    """Start the work that needs neither the alignment nor the diffs; returns a callable for its result."""
    if len(old.source) + len(new.source) < PARALLEL_FROM or "fork" not in mp.get_all_start_methods():
        return lambda: _independent_work(old, new, min_recycled, formulae)
    pool = ProcessPoolExecutor(max_workers=1, mp_context=mp.get_context("fork"))
    future = pool.submit(_independent_work, old, new, min_recycled, formulae)

    def result():
        try:
            return future.result()
        finally:
            pool.shutdown()
    return result


def _metrics(old: Outline, new: Outline, alignment: Alignment, rows: list[Row]) -> list[Metric]:
    row_of_old = {r.old: k for k, r in enumerate(rows) if r.old is not None}
    row_of_new = {r.new: k for k, r in enumerate(rows) if r.new is not None}
    metrics: list[Metric] = []
    for match in alignment.matches:
        same_shape = joined_key(old, match.old) == joined_key(new, match.new) or \
            mask_figures(joined_key(old, match.old)) == mask_figures(joined_key(new, match.new))
        metrics += pair_figures(old, new, match.old, match.new, same_shape)
    by_old, by_new = alignment.partner_maps()
    metrics += pair_figures(old, new, [i for i in range(len(old.units)) if i not in by_old], [], False)
    metrics += pair_figures(old, new, [], [j for j in range(len(new.units)) if j not in by_new], False)
    metrics = pair_leftovers(metrics)
    for m in metrics:
        m.row = row_of_new[m.new_unit] if m.new_unit is not None else row_of_old[m.old_unit]
    metrics.sort(key=lambda m: (m.row, m.new.start if m.new else m.old.start))
    return metrics


def _classify(old: Outline, new: Outline, match: Match) -> tuple[str, float]:
    a = "".join(old.units[i].key for i in match.old)
    b = "".join(new.units[j].key for j in match.new)
    similarity = fuzz.ratio(a, b) / 100
    if a == b:
        return "same", 1.0
    a_masked = "".join(old.units[i].masked for i in match.old)
    b_masked = "".join(new.units[j].masked for j in match.new)
    if len(match.old) + len(match.new) > 2:
        a, b = joined_key(old, match.old), joined_key(new, match.new)
        if a == b:
            return "same", 1.0
        a_masked, b_masked = mask_figures(a), mask_figures(b)
    if a_masked == b_masked:
        return "numbers_only", similarity
    return "edited", similarity


def _moved_sections(section_pairs: dict[int, int]) -> set[int]:
    """Old level-1 headings whose place among the sections both reports share has changed."""
    by_old = sorted(section_pairs)
    new_rank = {j: r for r, j in enumerate(sorted(section_pairs.values()))}
    return {i for r, i in enumerate(by_old) if new_rank[section_pairs[i]] != r}


def _moved(alignment: Alignment, match: Match, by_old: dict[int, Match], moved_sections: set[int]) -> bool:
    """A unit moved when it now sits under a different heading, or its whole section moved."""
    old_u = alignment.old.units[match.old[0]]
    if old_u.section in moved_sections:
        return True
    if old_u.kind == "heading" and old_u.level == 1:
        return False
    return _parent_changed(alignment, match, by_old)


def _parent_changed(alignment: Alignment, match: Match, by_old: dict[int, Match]) -> bool:
    """The unit's heading in the later report is not the counterpart of its heading before."""
    old_u = alignment.old.units[match.old[0]]
    new_u = alignment.new.units[match.new[0]]
    if old_u.parent < 0 or new_u.parent < 0:
        return (old_u.parent < 0) != (new_u.parent < 0)
    parent_match = by_old.get(old_u.parent)
    return parent_match is None or new_u.parent not in parent_match.new
