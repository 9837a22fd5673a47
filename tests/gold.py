"""Score a comparison against a hand-labelled gold alignment (tests/pairs/<case>/gold.json).

Gold names units by a distinctive substring, so it does not depend on how the outline
numbers units: a gold pair is found when the unit holding the old substring and the unit
holding the new substring share a row or a split/merge group.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import reportdiff
from reportdiff.compare import Comparison, compare

PAIRS = Path(__file__).parent / "pairs"


@dataclass
class Score:
    pairs: int = 0
    pairs_found: int = 0
    status_right: int = 0
    moved_right: int = 0
    added: int = 0
    added_found: int = 0
    removed: int = 0
    removed_found: int = 0
    paired_rows: int = 0
    """Rows pairing an old unit the labels name (in a gold pair, or removed) with a new unit..."""
    paired_right: int = 0
    """...of which the gold pairs that old unit with that new unit (or a unit of its group)."""
    misses: list[str] = field(default_factory=list)

    @property
    def pair_recall(self) -> float:
        return self.pairs_found / self.pairs

    @property
    def pair_precision(self) -> float:
        return self.paired_right / self.paired_rows if self.paired_rows else 1.0

    @property
    def added_recall(self) -> float:
        return (self.added_found + self.removed_found) / ((self.added + self.removed) or 1)

    @property
    def status_accuracy(self) -> float:
        return self.status_right / self.pairs


def load_case(name: str) -> tuple[Comparison, dict]:
    case = PAIRS / name
    comparison = compare(reportdiff.load(case / "old.txt"), reportdiff.load(case / "new.txt"))
    return comparison, json.loads((case / "gold.json").read_text(encoding="utf-8"))


def _unit_at(outline, needle: str) -> int:
    pos = outline.source.find(needle)
    assert pos >= 0 and outline.source.find(needle, pos + 1) < 0, f"gold substring not unique: {needle}"
    return next(k for k, u in enumerate(outline.units) if u.start <= pos < u.end)


def score(comparison: Comparison, gold: dict) -> Score:
    s = Score()
    row_of_old: dict[int, object] = {}
    row_of_new: dict[int, object] = {}
    for row in comparison.rows:
        key = ("g", row.group) if row.group is not None else id(row)
        if row.old is not None:
            row_of_old[row.old] = (key, row)
        if row.new is not None:
            row_of_new[row.new] = (key, row)
    for g in gold["pairs"]:
        s.pairs += 1
        i, j = _unit_at(comparison.old, g["old"]), _unit_at(comparison.new, g["new"])
        (ka, ra), (kb, rb) = row_of_old[i], row_of_new[j]
        if ka != kb:
            s.misses.append(f"not paired: {g['old']} / {g['new']} (got {ra.status} / {rb.status})")
            continue
        s.pairs_found += 1
        if ra.status == g["status"]:
            s.status_right += 1
        else:
            s.misses.append(f"status {ra.status} != {g['status']}: {g['new']}")
        if ra.moved == g.get("moved", ra.moved):
            s.moved_right += 1
        else:
            s.misses.append(f"moved {ra.moved} != {g.get('moved')}: {g['new']}")
    gold_of_old: dict[int, set[int]] = {}
    for g in gold["pairs"]:
        gold_of_old.setdefault(_unit_at(comparison.old, g["old"]), set()).add(_unit_at(comparison.new, g["new"]))
    labelled = set(gold_of_old) | {_unit_at(comparison.old, needle) for needle in gold["removed"]}
    for row in comparison.rows:
        if row.old is not None and row.new is not None and row.old in labelled:
            s.paired_rows += 1
            group = row_of_old[row.old][0]
            s.paired_right += any(row_of_new[j][0] == group for j in gold_of_old.get(row.old, ()))
    for needle in gold["added"]:
        s.added += 1
        row = row_of_new[_unit_at(comparison.new, needle)][1]
        s.added_found += row.status == "added"
        if row.status != "added":
            s.misses.append(f"not added ({row.status}): {needle}")
    for needle in gold["removed"]:
        s.removed += 1
        row = row_of_old[_unit_at(comparison.old, needle)][1]
        s.removed_found += row.status == "removed"
        if row.status != "removed":
            s.misses.append(f"not removed ({row.status}): {needle}")
    return s
