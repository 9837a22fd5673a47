"""The review page as a file: self-contained, escaped, in either language."""
from __future__ import annotations

import re

import reportdiff
from conftest import SAMPLES
from reportdiff import outline_text
from reportdiff.compare import compare
from reportdiff.report.html import render_html, templates_dir


def samples_page(lang="zh") -> str:
    return render_html(reportdiff.compare_files(SAMPLES / "2021.txt", SAMPLES / "2022.txt"), lang)


def test_self_contained_no_network():
    page = samples_page()
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<link" not in page and "@import" not in page


def test_page_shows_statuses_new_and_dropped():
    page = samples_page()
    for label in ("原文照搬", "仅改数字", "有改写", "新增", "删去"):
        assert label in page
    assert "<del>10次</del>" in page and "<ins>12次</ins>" in page
    assert "科学精准抓好疫情防控" in page  # the dropped point is listed
    assert "English" not in page
    assert "figures only" in samples_page("en")


def test_report_text_is_escaped():
    hostile = "报告<script>alert(1)</script>\n一、抓学习。</style>{{ 7*7 }}&lt;b&gt;一是学习。二是落实<img src=x onerror=alert(2)>。\n"
    page = render_html(compare(outline_text("报告\n一、抓学习。一是学习。二是落实。\n"), outline_text(hostile)))
    assert "<script>alert(1)" not in page and "<img src=x" not in page and "</style>{{" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "{{ 7*7 }}" in page and "&amp;lt;b&amp;gt;" in page


def test_templates_are_found():
    assert (templates_dir() / "review.html.j2").is_file()


def test_samples_page_weight():
    assert len(samples_page().encode("utf-8")) < 500_000


def test_figures_masked_both_years_are_listed_apart():
    """**次 → **次 tells a reviewer nothing: those rows fold away below the figures that say something."""
    from reportdiff.report.view import build_view
    view = build_view(reportdiff.compare_files(SAMPLES / "2021.txt", SAMPLES / "2022.txt"))
    assert view.masked_both and all(m.old.startswith("**") and m.new.startswith("**") for m in view.masked_both)
    assert not any(m.old.startswith("**") and m.new.startswith("**") for m in view.metrics)
    assert any(m.label == "本年隐去" and m.old == "8次" for m in view.metrics)  # 8次 → **次 stays in sight


def test_renumbering_is_not_shown_as_a_change_and_hidden_figures_are_flagged():
    from reportdiff.report.view import build_view
    view = build_view(reportdiff.compare_files(SAMPLES / "2021.txt", SAMPLES / "2022.txt"))
    rows = [r for s in view.sections for r in s.rows]
    renumbered = next(r for r in rows if r.old and r.old[0].text.startswith("四是注重统筹"))
    for side, marker in ((renumbered.old, "四是"), (renumbered.new, "三是")):
        assert "".join(seg.text for seg in side).startswith(marker)
        assert all(not seg.change for seg in _covering(side, len(marker)))
    assert any(seg.change for seg in renumbered.new)  # its changed figures are still marked
    hidden = next(r for r in rows if r.old and r.old[0].text.startswith("一是聚焦主责主业"))
    assert hidden.masked_note == "本年隐去3处数字"  # 8次, 15次, 4次 became **次


def _covering(segments, length):
    """The segments that hold the first `length` characters."""
    out, seen = [], 0
    for seg in segments:
        if seen >= length:
            break
        out.append(seg)
        seen += len(seg.text)
    return out


SPLIT_OLD = """某镇2021年工作总结
一、抓党建
全年组织集体学习10次，开展专题研讨4次，党员干部理论水平明显提升；同时整顿软弱涣散村党组织3个，选派第一书记5名驻村帮扶。
二、抓发展
全年完成固定资产投资3.8亿元，同比增长12%。
"""
SPLIT_NEW = """某镇2022年工作总结
一、抓党建
全年组织集体学习12次，开展专题研讨6次，党员干部理论水平明显提升。
整顿软弱涣散村党组织2个，选派第一书记6名驻村帮扶。
二、抓发展
全年完成固定资产投资4.1亿元，同比增长8%。
"""


def _group_rows(view, join_label):
    return [r for s in view.sections for r in s.rows if r.join == join_label]


def _text(segments, change=None):
    return "".join(s.text for s in segments if change is None or s.change == change)


def test_split_rows_show_the_whole_old_unit_once_and_each_new_part_with_its_changes():
    """One old paragraph became two: the old text shows once, each new part on its own row, the
    word diff cut between them (12次 on the first part, 2个 on the second)."""
    from reportdiff.report.view import build_view
    view = build_view(compare(outline_text(SPLIT_OLD), outline_text(SPLIT_NEW)))
    first, second = _group_rows(view, "一拆多")
    assert first.status == second.status == "edited"
    assert _text(first.old).startswith("全年组织集体学习10次") and _text(first.old).endswith("驻村帮扶。")
    assert second.old == []
    assert _text(first.new) == "全年组织集体学习12次，开展专题研讨6次，党员干部理论水平明显提升。"
    assert _text(second.new) == "整顿软弱涣散村党组织2个，选派第一书记6名驻村帮扶。"
    assert "10次" in _text(first.old, "del") and "12次" in _text(first.new, "ins")
    assert "2个" in _text(second.new, "ins") and "12次" not in _text(second.new)


def test_merge_rows_show_each_old_part_and_the_whole_new_unit_once():
    """Two old paragraphs became one: each old part on its own row, the new text once."""
    from reportdiff.report.view import build_view
    view = build_view(compare(outline_text(SPLIT_NEW), outline_text(SPLIT_OLD)))
    first, second = _group_rows(view, "多合一")
    assert _text(first.old) == "全年组织集体学习12次，开展专题研讨6次，党员干部理论水平明显提升。"
    assert _text(second.old) == "整顿软弱涣散村党组织2个，选派第一书记6名驻村帮扶。"
    assert _text(first.new).startswith("全年组织集体学习10次") and second.new == []
    assert "2个" in _text(second.old, "del") and "3个" in _text(first.new, "ins")
    page = render_html(compare(outline_text(SPLIT_NEW), outline_text(SPLIT_OLD)))
    assert page.count("多合一") >= 2  # both rows carry the label


def test_similarity_says_which_key_words_the_years_share():
    """Hovering an edited row's similarity shows the rare words both years use."""
    page = samples_page()
    assert 'title="两年共有的关键词：' in page
    assert 'title="key words in both years: ' in samples_page("en")


def test_every_row_says_where_it_stands_and_can_be_cited():
    """Each side of a row shows its place; "copy reference" gives the row's place in both reports
    as a memo cites it. Paragraphs are the report's lines within a part; the seed writes a whole
    part on one line (heading, lead, 一是…三是), so its points add their marker."""
    from reportdiff.report.cite import places, short
    from reportdiff.report.labels import LABELS
    from reportdiff.report.view import build_view

    labels = LABELS["zh"]
    old, new = reportdiff.load(SAMPLES / "2021.txt"), reportdiff.load(SAMPLES / "2022.txt")
    cited = [short(p, labels) for p in places(new)]
    opening = {u.text[:6]: c for u, c in zip(new.units, cited)}
    assert opening["一、旗帜鲜明"] == "第一部分标题"
    assert opening["始终坚定理想"] == "第一部分第1段"
    assert opening["二是强化理论"] == "第一部分第1段（二是）"
    assert opening["三是全面加强"] == "第三部分第1段（三是）"
    real = reportdiff.load(SAMPLES.parent / "tests" / "pairs" / "real" / "hailar-2018-2019" / "new.txt")
    opening = {u.text[:8]: short(p, labels) for u, p in zip(real.units, places(real))}
    assert opening["过去的一年，在区"] == "第一部分第1段"
    assert opening["（一）三大攻坚战"] == opening["坚决贯彻落实上级"] == "第一部分第2段"  # a subsection on one line
    assert opening["（二）城市建管水"] == "第一部分第3段"
    assert opening["各位代表，幸福靠"] == "结尾第1段"

    view = build_view(compare(old, new))
    rows = [r for s in view.sections for r in s.rows]
    paired = next(r for r in rows if r.status == "edited" and r.old_place and r.new_place)
    assert paired.reference == f"2022年报告 {paired.new_place}（上年对应：2021年报告 {paired.old_place}）"
    added = next(r for r in rows if r.status == "added")
    assert added.reference == f"2022年报告 {added.new_place}"
    html = render_html(compare(old, new))
    assert html.count('class="ref"') == sum(bool(r.old_place) + bool(r.new_place) for r in rows)
    assert html.count('class="cite js-only"') == len(rows)


def test_longest_recycled_passages_are_listed_and_linked():
    """The findings list the longest runs copied from last year (海拉尔 2018 -> 2019), longest
    first, each cited in both reports and linked to its row; set phrases are not among them."""
    from reportdiff.report.view import build_view

    real = SAMPLES.parent / "tests" / "pairs" / "real" / "hailar-2018-2019"
    comparison = reportdiff.compare_files(real / "old.txt", real / "new.txt")
    view = build_view(comparison)
    passages = view.passages
    assert passages and [p.chars for p in passages] == sorted((p.chars for p in passages), reverse=True)
    assert all(p.kind in ("verbatim", "figures_swapped") and p.chars >= 20 for p in passages)
    assert any(p.text.startswith("社会消费品零售总额完成174.2亿元") and p.kind == "figures_swapped" for p in passages)
    assert passages[0].new_place.startswith("2019年报告 ") and passages[0].old_place.startswith("2018年报告 ")
    html = render_html(comparison)
    assert all(f'id="{p.anchor}"' in html for p in passages) and 'href="#passages"' in html
