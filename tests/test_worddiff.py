"""The inline diff: whole words, whole figures, exact reconstruction."""
from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SAMPLES
from reportdiff.worddiff import new_text, old_text, tokenize, word_diff


def test_figures_are_single_tokens():
    assert "12次" in tokenize("组织集体学习12次")
    assert "3.8亿元" in tokenize("投资3.8亿元")
    assert "1,200人次" in tokenize("培训教师1,200人次")
    assert "三千余人次" in tokenize("培训三千余人次")
    assert "**个" in tokenize("新建**个平台")
    assert "１００％" in tokenize("覆盖率１００％")


def test_changed_figure_is_shown_whole():
    diff = word_diff("组织集体学习10次，集中轮训干部150人", "组织集体学习12次，集中轮训干部200人")
    assert diff == [(0, "组织集体学习"), (-1, "10次"), (1, "12次"), (0, "，集中轮训干部"), (-1, "150人"), (1, "200人")]


def test_no_digit_level_diffs_on_the_samples():
    old = (SAMPLES / "2021.txt").read_text(encoding="utf-8")
    new = (SAMPLES / "2022.txt").read_text(encoding="utf-8")
    diff = word_diff(old, new)
    assert old_text(diff) == old and new_text(diff) == new
    for side in (-1, 1):  # no segment boundary falls inside a number
        segments = [t for op, t in diff if op in (0, side)]
        for left, right in itertools.pairwise(segments):
            assert not (left[-1].isdigit() and right[0].isdigit()), (left, right)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="组织学习12次**。，亿元3.8干部的是一二三 \n", max_size=60),
       st.text(alphabet="组织学习12次**。，亿元3.8干部的是一二三 \n", max_size=60))
def test_diff_rebuilds_both_texts(a, b):
    diff = word_diff(a, b)
    assert old_text(diff) == a and new_text(diff) == b


def test_long_unrelated_paragraphs_diff_quickly_and_losslessly(monkeypatch):
    """Paragraphs too long for diff-match-patch's bisection (pasted text without line breaks) take
    the C++ path: same contract, old and new rebuilt exactly, a figure still one word."""
    import reportdiff.worddiff as worddiff

    old = "全年组织集体学习12次，开展专题研讨4次。" * 40
    new = "深入推进乡村振兴，完成农村户厕改造300户。" * 40
    monkeypatch.setattr(worddiff, "DMP_MAX_CELLS", 1)
    diff = worddiff.word_diff(old, new)
    assert old_text(diff) == old and new_text(diff) == new
    assert any(op == -1 and "12次" in t for op, t in diff) and any(op == 1 and "300户" in t for op, t in diff)
    same_old, same_new = "组织集体学习10次。" + old, "组织集体学习12次。" + old
    assert worddiff.word_diff(same_old, same_new)[:3] == [(0, "组织集体学习"), (-1, "10次"), (1, "12次")]
