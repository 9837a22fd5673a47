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
    misses: list[str] = field(default_factory=list)

    @property
    def pair_recall(self) -> float:
        return self.pairs_found / self.pairs

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
