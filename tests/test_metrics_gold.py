"""Figures paired across years, scored against hand labels (tests/pairs/<case>/figures.json):
recall and precision >= 0.95 on changed-figure pairs, and no formula or year taken as a figure."""
from __future__ import annotations

import json

import pytest

import gold
from reportdiff.indicators import figures_by_unit

CASES = ["samples", "bureau", "street"]


def locate(source: str, context: str, value: str) -> tuple[int, int]:
    at = source.find(context)
    assert at >= 0 and source.find(context, at + 1) < 0, context
    inner = context.find(value)
    assert inner >= 0, (context, value)
    return at + inner, at + inner + len(value)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def load(case):
    comparison, _ = gold.load_case(case)
    labels = json.loads((gold.PAIRS / case / "figures.json").read_text(encoding="utf-8"))
    return comparison, labels


def absolute(outline, unit, figure) -> tuple[int, int]:
    start = outline.units[unit].start
    return start + figure.start, start + figure.end


def score(case):
    comparison, labels = load(case)
    old_src, new_src = comparison.old.source, comparison.new.source
    gold_pairs = [(locate(old_src, p["old"], p["old_value"]), locate(new_src, p["new"], p["new_value"]),
                   p["old_value"] != p["new_value"]) for p in labels["pairs"]]
    ours = [(absolute(comparison.old, m.old_index, m.old), absolute(comparison.new, m.new_index, m.new), m)
            for m in comparison.metrics if m.old is not None and m.new is not None]
    changed_gold = [(o, n) for o, n, changed in gold_pairs if changed]
    found = [g for g in changed_gold if any(overlaps(g[0], o) and overlaps(g[1], n) for o, n, _ in ours)]
    ours_changed = [(o, n, m) for o, n, m in ours if m.old.text != m.new.text]
    right = [x for x in ours_changed if any(overlaps(g[0], x[0]) and overlaps(g[1], x[1]) for g in changed_gold)]
    return comparison, labels, changed_gold, found, ours_changed, right


@pytest.mark.parametrize("case", CASES)
def test_changed_figure_pairs_recall_and_precision(case):
    _, _, changed_gold, found, ours_changed, right = score(case)
    recall = len(found) / len(changed_gold)
    precision = len(right) / max(len(ours_changed), 1)
    missed = [g for g in changed_gold if g not in found]
    assert recall >= 0.95, (recall, missed[:5])
    assert precision >= 0.95, (precision, [(x[2].old.text, x[2].new.text, x[2].subject) for x in ours_changed if x not in right][:5])


@pytest.mark.parametrize("case", CASES)
def test_no_formula_or_year_is_a_figure(case):
    comparison, labels = load(case)
    for side, outline, key in (("old", comparison.old, "not_figures_old"), ("new", comparison.new, "not_figures_new")):
        src = outline.source
        figure_spans = []
        for p in labels["pairs"]:
            figure_spans.append(locate(src, p[side], p[f"{side}_value"]))
        for p in labels["removed" if side == "old" else "added"]:
            figure_spans.append(locate(src, p[side], p[f"{side}_value"]))
        not_figures = []
        for context in labels[key]:
            at = src.find(context)
            not_figures.append((at, at + len(context)))
        for unit, figures in figures_by_unit(outline).items():
            for f in figures:
                span = absolute(outline, unit, f)
                if any(overlaps(span, nf) for nf in not_figures) and not any(overlaps(span, g) for g in figure_spans):
                    pytest.fail(f"{case} {side}: {f.text!r} in {src[span[0] - 8:span[1] + 4]!r} is not a figure")


def test_figures_of_rewritten_paragraphs_pair_by_subject():
    from reportdiff import outline_text
    from reportdiff.compare import compare

    old = ("报告\n一、工作回顾\n面对严峻形势，全区上下同心协力。社会消费品零售总额完成159.5亿元。同比增长6.9%。\n"
           "二、工作安排\n抓好项目建设。同比增长8%。\n")
    new = ("报告\n一、工作回顾\n这一年极不平凡，我们迎难而上，社会消费品零售总额完成174.2亿元。同比增长6.2%。\n"
           "二、工作安排\n狠抓招商引资。同比增长9%。\n")
    comparison = compare(outline_text(old), outline_text(new))
    paired = {(m.old.text, m.new.text): m.change for m in comparison.metrics if m.old and m.new}
    assert paired.get(("159.5亿元", "174.2亿元")) == "up"
    # 同比增长 is said twice on each side: which is which cannot be told from the words.
    assert not any(m.subject == "同比增长" and m.old and m.new and m.change != "same" and
                   (m.old.text, m.new.text) in (("6.9%", "9%"), ("8%", "6.2%")) for m in comparison.metrics)
