"""Figures paired across two years of real reports, against labels made by reading
(tests/pairs/real/README.md, "Figure pairs"): recall of changed indicators, precision of the pairs
made among labelled figures, and traps (wrong pairings a careless tool makes) never made.

A pair counts as right when it joins the two labelled figures, or two figures with the same texts
(a report that states 287.9亿元 twice may be paired at either place).
"""
from __future__ import annotations

import json

import pytest

import gold

# case: (recall of changed indicators, precision, traps made at most)
FLOORS = {
    "hailar-2016-2017": (0.80, 0.97, 0),
    "paras-2015-2016": (0.88, 0.97, 0),
    "en-2019-2020": (0.80, 0.97, 0),
    "paras-2017-2018": (0.65, 0.97, 0),  # held out when labelled; its misses were read since
    "hailar-2018-2019": (0.80, 0.97, 0),  # likewise (公厕34座, 机场路护坡 prompted fixes)
}


def _span(source: str, snippet: str, figure: str) -> tuple[int, int]:
    at = source.find(snippet)
    assert at >= 0 and source.find(snippet, at + 1) < 0 and snippet.endswith(figure), snippet
    return at + len(snippet) - len(figure), at + len(snippet)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def figure_scores(case: str) -> dict:
    comparison, _ = gold.load_case(f"real/{case}")
    labels = json.loads((gold.PAIRS / "real" / case / "figure_pairs.json").read_text(encoding="utf-8"))
    old, new = comparison.old, comparison.new

    def labelled(items):
        return [(_span(old.source, x["old"], x["old_figure"]), _span(new.source, x["new"], x["new_figure"]), x)
                for x in items]

    pairs, traps = labelled(labels["pairs"]), labelled(labels["traps"])
    ours = [((old.units[m.old_index].start + m.old.start, old.units[m.old_index].start + m.old.end),
             (new.units[m.new_index].start + m.new.start, new.units[m.new_index].start + m.new.end), m)
            for m in comparison.metrics if m.old is not None and m.new is not None]

    def joins(label, made) -> bool:
        return (_overlap(label[0], made[0]) and _overlap(label[1], made[1])) or \
            (made[2].old.text, made[2].new.text) == (label[2]["old_figure"], label[2]["new_figure"])

    changed = [p for p in pairs if not p[2].get("same")]
    found = [p for p in changed if any(joins(p, x) for x in ours)]
    named = [x for x in ours if any(_overlap(x[0], p[0]) or _overlap(x[1], p[1]) for p in pairs + traps)]
    right = [x for x in named if any(joins(p, x) for p in pairs)]
    made = [t for t in traps if any(_overlap(t[0], x[0]) and _overlap(t[1], x[1]) for x in ours)]
    return {"recall": len(found) / len(changed), "precision": len(right) / max(len(named), 1),
            "traps": [t[2].get("why", "") for t in made],
            "missed": [(p[2]["old_figure"], p[2]["new_figure"]) for p in changed if p not in found]}


@pytest.mark.parametrize("case", sorted(FLOORS))
def test_real_figure_pairs_hold(case):
    s = figure_scores(case)
    recall, precision, traps = FLOORS[case]
    assert s["recall"] >= recall, s
    assert s["precision"] >= precision, s
    assert len(s["traps"]) <= traps, s
