"""Alignment and statuses, scored against hand-labelled gold pairs and real reports."""
from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gold
import reportdiff
from conftest import CORPUS, SAMPLES, needs_corpus
from reportdiff import outline_text
from reportdiff.compare import compare


@pytest.mark.parametrize("case", ["samples", "bureau", "street"])
def test_gold_alignment(case):
    comparison, labels = gold.load_case(case)
    s = gold.score(comparison, labels)
    assert s.pair_recall >= 0.95, s.misses
    assert s.status_accuracy >= 0.90, s.misses
    assert s.added_found == s.added and s.removed_found == s.removed, s.misses


def test_gold_moves_are_reported():
    for case in ("samples", "bureau", "street"):
        s = gold.score(*gold.load_case(case))
        assert s.moved_right >= 0.9 * s.pairs, s.misses


def accounted(comparison) -> bool:
    """Every unit of both reports stands in exactly one row."""
    olds = sorted(r.old for r in comparison.rows if r.old is not None)
    news = sorted(r.new for r in comparison.rows if r.new is not None)
    return olds == list(range(len(comparison.old.units))) and news == list(range(len(comparison.new.units)))


def test_samples_statuses_and_figures():
    comparison = reportdiff.compare_files(SAMPLES / "2021.txt", SAMPLES / "2022.txt")
    assert accounted(comparison)
    def by_text(prefix):
        return next(r for r in comparison.rows if r.new is not None and comparison.new.units[r.new].content.startswith(prefix))

    learning = by_text("二是强化理论武装。")
    assert learning.status == "edited"
    assert [-1, "10次"] in [list(d) for d in learning.diff] and [1, "12次"] in [list(d) for d in learning.diff]
    assert by_text("二是着力加强污染防治。").moved  # moved from 产业 to 民生
    assert by_text("二是着力加强污染防治。").status == "same"
    dropped = [comparison.old.units[r.old].content for r in comparison.rows if r.status == "removed"]
    assert any("疫情防控" in t for t in dropped)
    assert by_text("三是创新镇党建。").status == "added"


def test_removed_units_stand_where_they_were():
    comparison = reportdiff.compare_files(SAMPLES / "2021.txt", SAMPLES / "2022.txt")
    rows = comparison.rows
    k = next(n for n, r in enumerate(rows) if r.status == "removed" and "疫情" in comparison.old.units[r.old].content)
    before = rows[k - 1]
    assert before.old is not None and "社会保障" in comparison.old.units[before.old].content


def test_sections_in_another_order_pair_as_in_the_same_order():
    text = (SAMPLES / "2022.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    head, sections, tail = lines[:3], lines[3:8], lines[8:]
    shuffled = "\n".join(head + [sections[k] for k in (3, 0, 4, 2, 1)] + tail)
    same_order = compare(outline_text(text), outline_text(text))
    other_order = compare(outline_text(text), outline_text(shuffled))
    assert {r.status for r in same_order.rows} == {"same"}
    assert {r.status for r in other_order.rows} == {"same"}
    assert len(other_order.rows) == len(same_order.rows)
    assert any(r.moved for r in other_order.rows)
    assert accounted(other_order)


@settings(max_examples=25, deadline=None)
@given(st.permutations(range(5)), st.randoms(use_true_random=False))
def test_properties_self_and_shuffled(order, rnd):
    text = (SAMPLES / "2021.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    head, sections, tail = lines[:3], lines[3:8], lines[8:]
    shuffled = "\n".join(head + [sections[k] for k in order] + tail)
    comparison = compare(outline_text(text), outline_text(shuffled))
    assert {r.status for r in comparison.rows} == {"same"}
    moved = [r.moved for r in comparison.rows if comparison.new.units[r.new].kind == "heading"]
    assert any(moved) == (list(order) != sorted(order))
    assert accounted(comparison)


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_every_character_is_accounted_for(data):
    """Random edits of the samples: both inputs are rebuilt exactly from the rows."""
    old = (SAMPLES / "2021.txt").read_text(encoding="utf-8")
    new = (SAMPLES / "2022.txt").read_text(encoding="utf-8")
    rnd = random.Random(data.draw(st.integers(0, 10**6)))
    sentences = new.split("。")
    for _ in range(rnd.randint(0, 6)):
        k = rnd.randrange(len(sentences))
        action = rnd.choice(["drop", "dup", "swap", "digit"])
        if action == "drop":
            sentences.pop(k)
        elif action == "dup":
            sentences.insert(rnd.randrange(len(sentences)), sentences[k])
        elif action == "swap":
            j = rnd.randrange(len(sentences))
            sentences[k], sentences[j] = sentences[j], sentences[k]
        else:
            sentences[k] = sentences[k].replace("**", str(rnd.randint(1, 999)), 1)
    new = "。".join(sentences)
    comparison = compare(outline_text(old), outline_text(new))
    assert accounted(comparison)
    rebuilt_old = "".join(comparison.old.units[r.old].text for r in sorted(
        (r for r in comparison.rows if r.old is not None), key=lambda r: r.old))
    rebuilt_new = "".join(comparison.new.units[r.new].text for r in comparison.rows if r.new is not None)
    assert rebuilt_old == old and rebuilt_new == new


@needs_corpus
def test_two_layouts_of_one_report_are_the_same_text():
    """State Council 2016, one sentence a line vs one paragraph a line: >= 90% of characters `same`."""
    comparison = reportdiff.compare_files(CORPUS / "gov-work-report-cn/2016.txt", CORPUS / "gov-work-report-cn-paras/2016.txt")
    assert accounted(comparison)
    for side in ("old", "new"):
        outline = getattr(comparison, side)
        total = sum(len(u.key) for u in outline.units)
        same = sum(len(outline.units[getattr(r, side)].key) for r in comparison.rows
                   if getattr(r, side) is not None and r.status == "same")
        assert same / total >= 0.90, (side, same / total)


@needs_corpus
@pytest.mark.parametrize("old,new", [
    ("gov-work-report-cn/2021.txt", "gov-work-report-cn/2022.txt"),
    ("hailar-district-gov-work-report/2018.txt", "hailar-district-gov-work-report/2019.txt"),
])
def test_real_consecutive_years(old, new):
    comparison = reportdiff.compare_files(CORPUS / old, CORPUS / new)
    assert accounted(comparison)
    counts = comparison.summary
    # Real reports: the review and plan sections pair, much is edited, some is new.
    assert len(comparison.alignment.section_pairs) >= 2
    assert counts["edited"] > 0 and counts["added"] > 0


def test_an_executor_gives_the_same_result_and_inputs_stay_untouched():
    """The independent work (recycled text, figures) may run in a process pool: same result as in
    one process, and compare() never changes the outlines it is given."""
    import copy
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    from reportdiff.report.to_json import comparison_as_dict

    old, new = reportdiff.load(SAMPLES / "2021.txt"), reportdiff.load(SAMPLES / "2022.txt")
    before = copy.deepcopy((old, new))
    one = comparison_as_dict(compare(old, new))
    assert (old, new) == before and vars(old).keys() == vars(before[0]).keys()
    context = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        two = comparison_as_dict(compare(old, new, executor=pool))
    assert one == two
    assert comparison_as_dict(compare(old, new)) == one  # a second run on the same outlines: same result


def test_a_pair_says_why_with_rare_words_both_years_use():
    """A reworded pair carries the rarest words both years use (JSON `terms`, the page's hover),
    never the house style every paragraph shares."""
    from reportdiff.report.to_json import comparison_as_dict

    real = SAMPLES.parent / "tests" / "pairs" / "real" / "hailar-2018-2019"
    comparison = reportdiff.compare_files(real / "old.txt", real / "new.txt")
    row = next(r for r in comparison.rows if r.new is not None and "民生事业提标升级" in comparison.new.units[r.new].text)
    assert row.status == "edited" and {"低保金", "退役"} <= set(row.terms)
    group = [r for r in comparison.rows if r is row or (row.group is not None and r.group == row.group)]
    old_text = "".join(comparison.old.units[r.old].text for r in group if r.old is not None)
    new_text = "".join(comparison.new.units[r.new].text for r in group if r.new is not None)
    for term in row.terms:  # (the 2019 subsection is a title and its lead, against one 2018 paragraph)
        assert term in old_text and term in new_text
    assert not {"推进", "加强", "坚持"} & set(row.terms)
    entry = comparison_as_dict(comparison)["units"][comparison.rows.index(row)]
    assert entry["terms"] == row.terms
