"""Classify every aligned unit (verbatim / figures only / edited / added / removed), mark moves,
attach inline diffs, pair the figures, find recycled text, and order the result as the later
report reads."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from concurrent.futures import Executor

from rapidfuzz import fuzz

from .align import align
from .consistency import find_inconsistencies
from .errors import ReportdiffError
from .formulae import Formulae, load_formulae
from .indicators import figures_by_unit, unit_periods
from .metrics import pair_figures, pair_leftovers
from .model import Alignment, Comparison, FiguresByUnit, Match, MatchHow, Metric, Outline, Period, Recycling, Row, Status, Unit
from .outline import joined_key
from .promises import track_promises, track_tasks
from .recycle import MIN_CHARS, Shares, find_recycled
from .textnorm import mask_figures
from .worddiff import word_diff

MIN_RECYCLED_FLOOR = 4
"""Shorter recycled runs would be common words, not copying."""
MAX_UNITS = 20_000
"""Units (paragraphs, points) of one report compared at most. Real yearly reports have hundreds
(a 500,000-character pair about 2,400); tens of thousands means a data dump, not a report, and
would take minutes: refused at once, with this number in the message."""
MAX_CHARS = 2_000_000
"""Characters of one report compared at most: the longest real reports have about 100,000, the
benchmark pair 500,000 (about 10 s); a few million take minutes, so they are refused at once."""


def compare(old: Outline, new: Outline, min_recycled: int = MIN_CHARS, formulae: Formulae | None = None,
            executor: Executor | None = None, max_units: int = MAX_UNITS, max_chars: int = MAX_CHARS) -> Comparison:
    """Align, classify, pair figures and find recycled text; neither outline is changed.

    `formulae` defaults to the shipped list. With an `executor` (a process pool, say), the work
    that needs neither the alignment nor the diffs (recycled text, figures) runs there meanwhile;
    the result is the same either way. The library never starts processes by itself: that is
    the caller's choice (the command line does for large pairs)."""
    if min_recycled < MIN_RECYCLED_FLOOR:
        raise ReportdiffError(f"--min-recycled must be at least {MIN_RECYCLED_FLOOR} characters")
    for outline in (old, new):
        if len(outline.source) > max_chars:
            raise ReportdiffError(f"{outline.path}: {len(outline.source):,} characters; reportdiff compares reports of at "
                                  f"most {max_chars:,} (--max-chars)")
        if len(outline.units) > max_units:
            raise ReportdiffError(f"{outline.path}: {len(outline.units):,} paragraphs and points; reportdiff compares "
                                  f"reports of at most {max_units:,} (--max-units)")
    formulae = formulae if formulae is not None else load_formulae()
    independent = _start_independent(old, new, min_recycled, formulae, executor)
    alignment = align(old, new)
    rows = _rows(alignment)
    recycling, (old_figures, new_figures) = independent()
    metrics = _metrics(alignment, rows, old_figures, new_figures)
    plan_found = Period.PLAN in unit_periods(old)
    promises = [*track_promises(old, new, old_figures, new_figures, alignment.weights), *track_tasks(old, new)] if plan_found else []
    return Comparison(old, new, rows, alignment, metrics, recycling, Shares(new.source, recycling),
                      Counter(r.status for r in rows), promises, plan_found,
                      find_inconsistencies(old, new, rows, metrics, recycling))


def _rows(alignment: Alignment) -> list[Row]:
    """One row per unit of either report (a pair shares a row), in the later report's order; a
    removed unit stands after the nearest earlier old unit that has a partner."""
    old, new = alignment.old, alignment.new
    by_old, by_new = alignment.partner_maps()
    moved_sections = _moved_sections(alignment.section_pairs)
    homes = _homes(alignment, by_old, by_new)
    keyed: list[tuple[tuple[int, int, int], Row]] = []
    group_no = 0

    for match in alignment.matches:
        status, similarity = _classify(old, new, match)
        moved = _moved(alignment, match, by_old, by_new, moved_sections, homes)
        first_old = match.old[0]
        terms = alignment.weights.shared(match.old, match.new) if alignment.weights else []
        diff = None if status == Status.VERBATIM else word_diff(
            "".join(old.units[i].text for i in match.old), "".join(new.units[j].text for j in match.new))
        join = match.how if match.how in (MatchHow.SPLIT, MatchHow.MERGE) else None
        group = None
        if join:
            group_no += 1
            group = group_no
        old_unit = old.units[first_old]
        moved_from = old_place = None
        if moved and old_unit.is_section_heading:
            old_place = old.sections().index(first_old) + 1
        elif moved and _parent_changed(alignment, match, by_old, by_new, homes):
            moved_from = old_unit.parent
        # One row per unit of the longer side; a split/merge's rows share a group number.
        for k in range(max(len(match.old), len(match.new))):
            i = match.old[k] if k < len(match.old) else None
            j = match.new[k] if k < len(match.new) else None
            u = new.units[j if j is not None else match.new[-1]]
            position = (j, 0, 0) if j is not None else (match.new[-1], 0, i or 0)
            keyed.append((position, Row(kind=u.kind, level=u.level, old=i, new=j, status=status,
                                        similarity=similarity, moved=moved, diff=diff if k == 0 else None,
                                        group=group, join=join, moved_from=moved_from, old_place=old_place,
                                        terms=terms if k == 0 else [])))

    for j, u in enumerate(new.units):
        if j not in by_new:
            keyed.append(((j, 0, 0), Row(kind=u.kind, level=u.level, old=None, new=j, status=Status.ADDED)))
    anchor = -1  # new position of the nearest earlier old unit that has one
    for i, u in enumerate(old.units):
        m = by_old.get(i)
        if m is not None:
            anchor = min(m.new)
        else:
            keyed.append(((anchor, 1, i), Row(kind=u.kind, level=u.level, old=i, new=None, status=Status.REMOVED)))
    keyed.sort(key=lambda kr: kr[0])
    return [r for _, r in keyed]


IndependentResult = tuple[Recycling, tuple[FiguresByUnit, FiguresByUnit]]


def _independent_work(old: Outline, new: Outline, min_recycled: int, formulae: Formulae) -> IndependentResult:
    return find_recycled(old.source, new.source, min_recycled, formulae), (figures_by_unit(old), figures_by_unit(new))


def _start_independent(old: Outline, new: Outline, min_recycled: int, formulae: Formulae,
                       executor: Executor | None) -> Callable[[], IndependentResult]:
    """Start the work that needs neither the alignment nor the diffs; returns a callable for its result."""
    if executor is None:
        return lambda: _independent_work(old, new, min_recycled, formulae)
    future = executor.submit(_independent_work, old, new, min_recycled, formulae)
    return future.result


def _metrics(alignment: Alignment, rows: list[Row], old_figures: FiguresByUnit,
             new_figures: FiguresByUnit) -> list[Metric]:
    old, new = alignment.old, alignment.new
    row_of_old = {r.old: k for k, r in enumerate(rows) if r.old is not None}
    row_of_new = {r.new: k for k, r in enumerate(rows) if r.new is not None}
    metrics: list[Metric] = []
    for match in alignment.matches:
        same_shape = joined_key(old, match.old) == joined_key(new, match.new) or \
            mask_figures(joined_key(old, match.old)) == mask_figures(joined_key(new, match.new))
        metrics += pair_figures(old_figures, new_figures, match.old, match.new, same_shape)
    by_old, by_new = alignment.partner_maps()
    metrics += pair_figures(old_figures, new_figures, [i for i in range(len(old.units)) if i not in by_old], [], False)
    metrics += pair_figures(old_figures, new_figures, [], [j for j in range(len(new.units)) if j not in by_new], False)
    metrics = pair_leftovers(metrics)
    for m in metrics:
        if m.new_index is not None:
            m.row = row_of_new[m.new_index]
        elif m.old_index is not None:
            m.row = row_of_old[m.old_index]
    metrics.sort(key=lambda m: (m.row, m.figure.start))
    return metrics


def _classify(old: Outline, new: Outline, match: Match) -> tuple[Status, float]:
    a = "".join(old.units[i].key for i in match.old)
    b = "".join(new.units[j].key for j in match.new)
    similarity = fuzz.ratio(a, b) / 100
    if a == b:
        return Status.VERBATIM, 1.0
    a_masked = "".join(old.units[i].masked for i in match.old)
    b_masked = "".join(new.units[j].masked for j in match.new)
    if len(match.old) + len(match.new) > 2:
        a, b = joined_key(old, match.old), joined_key(new, match.new)
        if a == b:
            return Status.VERBATIM, 1.0
        a_masked, b_masked = mask_figures(a), mask_figures(b)
    if a_masked == b_masked:
        return Status.FIGURES_ONLY, similarity
    return Status.EDITED, similarity


def _moved_sections(section_pairs: dict[int, int]) -> set[int]:
    """Old level-1 headings whose place among the sections both reports share has changed."""
    by_old = sorted(section_pairs)
    new_rank = {j: r for r, j in enumerate(sorted(section_pairs.values()))}
    return {i for r, i in enumerate(by_old) if new_rank[section_pairs[i]] != r}


def _moved(alignment: Alignment, match: Match, by_old: dict[int, Match], by_new: dict[int, Match],
           moved_sections: set[int], homes: Homes) -> bool:
    """A unit moved when it now sits under a different heading, or its whole section moved."""
    old_u = alignment.old.units[match.old[0]]
    if old_u.section in moved_sections:
        return True
    if old_u.is_section_heading:
        return False
    return _parent_changed(alignment, match, by_old, by_new, homes)


def _parent_changed(alignment: Alignment, match: Match, by_old: dict[int, Match], by_new: dict[int, Match],
                    homes: Homes) -> bool:
    """The unit's heading in the later report is neither the counterpart of its heading before
    nor where that heading's points went (see _homes); nor was its old heading where the points
    of its new heading came from."""
    old_u = alignment.old.units[match.old[0]]
    new_u = alignment.new.units[match.new[0]]
    if old_u.parent < 0 or new_u.parent < 0:
        return (old_u.parent < 0) != (new_u.parent < 0)
    old_home, new_home = homes
    went = by_old[old_u.parent].new if old_u.parent in by_old else (old_home.get(old_u.parent),)
    came = by_new[new_u.parent].old if new_u.parent in by_new else (new_home.get(new_u.parent),)
    return new_u.parent not in went and old_u.parent not in came


Homes = tuple[dict[int, int], dict[int, int]]


def _homes(alignment: Alignment, by_old: dict[int, Match], by_new: dict[int, Match]) -> Homes:
    """For each heading without a counterpart, the heading of the other report under which most
    of its paired points stand: three subsections of one year merged into one section of the next
    (or a section split) left their points together, and none of them moved."""
    def plurality(units: list[Unit], partners: dict[int, Match], other: list[Unit], of_other: int) -> dict[int, int]:
        votes: dict[int, Counter[int]] = {}
        for k, u in enumerate(units):
            m = partners.get(k)
            if m is None or u.parent < 0 or u.parent in partners:
                continue
            theirs = other[(m.old, m.new)[of_other][0]].parent
            if theirs >= 0:
                votes.setdefault(u.parent, Counter())[theirs] += 1
        return {h: c.most_common(1)[0][0] for h, c in votes.items()}

    old, new = alignment.old.units, alignment.new.units
    return plurality(old, by_old, new, 1), plurality(new, by_new, old, 0)
