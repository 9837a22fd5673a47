"""The outline: headings at every level, same-line headings, inline points, title/preamble/closing,
lossless on every input. Expected trees are written by hand: (kind, level, marker, start of content)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reportdiff
from conftest import SAMPLES, SEED, SHARED_SEED, corpus_files, needs_corpus
from reportdiff import outline_text


def tree(text: str) -> list[tuple[str, int, str, str]]:
    outline = outline_text(text)
    assert "".join(u.text for u in outline.units) == text
    out = []
    for u in outline.units:
        body = (u.content[len(u.marker):] if u.marker else u.content).lstrip()
        out.append((u.kind, u.level, u.marker, body[:6]))
    return out


SNIPPETS = {
    "same-line heading, lead, 一是 points, misnumbering": (
        "2022年述职报告\n\n一年来工作如下：\n"
        "一、抓学习。始终坚定信念。一是保持定力。自觉遵守纪律。三是强化武装。组织学习12次。三是增强自觉。落实到位。\n"
        "二、抓发展。一是推动项目。实施项目**个。二是推进改革。成效明显。\n"
        "一年来，我履职尽责，但仍有差距。\n",
        [("title", 0, "", "2022年述"), ("preamble", 0, "", "一年来工作如"),
         ("heading", 1, "一、", "抓学习。"), ("lead", 2, "", "始终坚定信念"),
         ("point", 2, "一是", "保持定力。自"), ("point", 2, "三是", "强化武装。组"), ("point", 2, "三是", "增强自觉。落"),
         ("heading", 1, "二、", "抓发展。"), ("point", 2, "一是", "推动项目。实"), ("point", 2, "二是", "推进改革。成"),
         ("closing", 0, "", "一年来，我履")]),
    "（一） subsections with 1. numbered lines": (
        "街道工作总结\n一、党建工作\n（一）组织建设\n1.开展主题党日24次。\n2.发展党员8名。\n（二）作风建设\n1、整治四风问题3起。\n二、民生工作\n全年投入资金500万元。\n",
        [("title", 0, "", "街道工作总结"), ("heading", 1, "一、", "党建工作"), ("heading", 2, "（一）", "组织建设"),
         ("point", 3, "1.", "开展主题党日"), ("point", 3, "2.", "发展党员8名"), ("heading", 2, "（二）", "作风建设"),
         ("point", 3, "1、", "整治四风问题"), ("heading", 1, "二、", "民生工作"), ("lead", 2, "", "全年投入资金")]),
    "enumeration inside one sentence": (
        "述职报告\n一、存在的问题。主要表现在：一是理论学习不够深入；二是工作创新不够；三是作风建设还需加强。\n",
        [("title", 0, "", "述职报告"), ("heading", 1, "一、", "存在的问题。"), ("lead", 2, "", "主要表现在："),
         ("point", 2, "一是", "理论学习不够"), ("point", 2, "二是", "工作创新不够"), ("point", 2, "三是", "作风建设还需")]),
    "第一，第二， and 第一时间 is not a marker": (
        "报告\n一、抓落实。第一，坚持第一时间传达学习。第二，狠抓督查，督办事项36件。\n",
        [("title", 0, "", "报告"), ("heading", 1, "一、", "抓落实。"),
         ("point", 2, "第一，", "坚持第一时间"), ("point", 2, "第二，", "狠抓督查，督")]),
    "首先 其次 最后; 最后一公里 is not a marker": (
        "总结\n一、工作举措\n首先，打通服务群众最后一公里。其次，健全机制。最后，强化考核。\n",
        [("title", 0, "", "总结"), ("heading", 1, "一、", "工作举措"),
         ("point", 2, "首先，", "打通服务群众"), ("point", 2, "其次，", "健全机制。"), ("point", 2, "最后，", "强化考核。")]),
    "第一部分 above 一、, levels by marker style": (
        "年度报告\n第一部分 工作回顾\n一、经济发展\n地区生产总值增长6.5%。\n"
        "第二部分 工作安排\n一、稳增长\n（1）扩大投资。\n（2）促进消费。\n",
        [("title", 0, "", "年度报告"), ("heading", 1, "第一部分", "工作回顾"), ("heading", 2, "一、", "经济发展"),
         ("lead", 3, "", "地区生产总值"), ("heading", 1, "第二部分", "工作安排"), ("heading", 2, "一、", "稳增长"),
         ("point", 3, "（1）", "扩大投资。"), ("point", 3, "（2）", "促进消费。")]),
    "circled numbers and ——items under a heading": (
        "报告\n一、主要成绩\n——经济运行保持在合理区间。增长6.9%。\n——结构调整取得积极进展。\n二、下步打算\n①抓项目。②抓招商。\n",
        [("title", 0, "", "报告"), ("heading", 1, "一、", "主要成绩"), ("point", 2, "——", "经济运行保持"),
         ("point", 2, "——", "结构调整取得"), ("heading", 1, "二、", "下步打算"),
         ("point", 2, "①", "抓项目。"), ("point", 2, "②", "抓招商。")]),
    "1.5万 and 2022年 are not markers; blank lines and full-width indent": (
        "　　工作总结\n\n　　2022年，全镇完成投资1.5万元。\n\n　　1.5万元用于修路。\n\n　　一、抓党建\n\n　　党员1.2万名。\n",
        [("title", 0, "", "工作总结"), ("preamble", 0, "", "2022年，"), ("preamble", 0, "", "1.5万元用"),
         ("heading", 1, "一、", "抓党建"), ("lead", 2, "", "党员1.2万")]),
    "heading paragraph followed by unmarked paragraphs: lead then points": (
        "报告\n一、2021年工作回顾\n过去一年，我们攻坚克难。\n经济运行稳中向好。\n（一）稳增长。投资增长8%。\n（二）惠民生。新增就业1.2万人。\n",
        [("title", 0, "", "报告"), ("heading", 1, "一、", "2021年工"), ("lead", 2, "", "过去一年，我"),
         ("point", 2, "", "经济运行稳中"), ("point", 2, "（一）", "稳增长。投资"), ("point", 2, "（二）", "惠民生。新增")]),
}


@pytest.mark.parametrize("name", list(SNIPPETS))
def test_snippet_outline(name):
    text, expected = SNIPPETS[name]
    assert tree(text) == expected


def test_seed_outline():
    outline = reportdiff.load(SEED)
    kinds = [(u.kind, u.marker) for u in outline.units]
    assert kinds[:3] == [("title", ""), ("preamble", ""), ("heading", "一、")]
    assert next(u.content for u in outline.units if u.kind == "heading") == "一、旗帜鲜明讲政治，坚持不懈抓学习。"
    assert len(outline.sections()) == 5
    # Section 四 has 一是, 三是, 三是 (misnumbered): three points, nothing lost.
    four = outline.sections()[3]
    points = [u.marker for u in outline.units if u.parent == four and u.kind == "point"]
    assert points == ["一是", "三是", "三是"]
    assert outline.units[-1].kind == "closing" and outline.units[-1].content.startswith("一年来")
    assert sum(u.kind == "point" for u in outline.units) == 16


def test_samples_have_the_same_shape():
    old, new = reportdiff.load(SAMPLES / "2021.txt"), reportdiff.load(SAMPLES / "2022.txt")
    assert len(old.sections()) == len(new.sections()) == 5


@pytest.mark.skipif(not SHARED_SEED.is_file(), reason="../shared/seeds is not beside this checkout")
def test_samples_2022_is_the_seed_as_it_is():
    assert (SAMPLES / "2022.txt").read_bytes() == SHARED_SEED.read_bytes()


@needs_corpus
@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_corpus_outlines_are_lossless_and_plausible(path):
    outline = reportdiff.load(path)
    assert "".join(u.text for u in outline.units) == outline.source
    assert 2 <= len(outline.sections()) <= 12
    assert sum(u.kind == "closing" for u in outline.units) <= 0.2 * len(outline.units)
    assert all(u.text for u in outline.units)


MARKERS = ["一、", "二、", "（一）", "（二）", "1.", "2、", "（1）", "①", "一是", "二是", "三是", "第一，", "首先，", "最后，",
           "——", "第一部分"]
PIECES = st.lists(st.one_of(
    st.sampled_from(MARKERS),
    st.sampled_from(["\n", "\n\n", "\r\n", "\r", "　　", " ", "。", "；", "：", "，", "“", "”"]),
    st.text(alphabet="抓党建促发展学习12次**3.8亿元年一二三是的工作", min_size=1, max_size=12),
), max_size=40)


@settings(max_examples=300, deadline=None)
@given(PIECES)
def test_outline_is_lossless_on_generated_text(pieces):
    text = "".join(pieces)
    outline = outline_text(text)
    assert "".join(u.text for u in outline.units) == text
    assert all(u.start < u.end for u in outline.units) or not text


def test_markdown_headings_give_levels_by_their_hashes():
    text = "# 2022年工作总结\n## 一、主要工作\n抓党建。组织集体学习12次。\n## 二、存在问题\n学习不够深入。\n"
    units = outline_text(text).units
    assert [(u.kind, u.level) for u in units] == [("heading", 1), ("heading", 2), ("lead", 3), ("heading", 2), ("lead", 3)]
    assert "".join(u.text for u in units) == text


def test_english_capital_lines_are_section_titles():
    """A shareholder letter or a 10-K: ALL-CAPS lines head sections; the first line stays the title."""
    text = ("ANNUAL REPORT 2021\nLETTER TO SHAREHOLDERS\nWe had a good year. Revenue grew by 5 percent.\n"
            "ITEM 1A. RISK FACTORS\nWe may incur increased costs.\nOur business depends on customers.\n")
    units = outline_text(text).units
    assert [(u.kind, u.level) for u in units] == [("title", 0), ("heading", 1), ("lead", 2), ("heading", 1), ("lead", 2),
                                                  ("point", 2)]


def test_english_footnotes_and_sign_off_close_the_letter():
    """Notes `(1) Based on…` whose markers stand glued to the text they annotate (`in 2023.(1)`) are
    not numbered headings, and `Sincerely,` with what follows is the letter's closing."""
    text = ("Letter to Shareholders\nDear Shareholders,\nRevenue grew 12% to $42.5 billion in 2023.(1) Cloud grew.(2)\n"
            "OUR STRATEGY\nWe continue to invest in AI.\nWe returned $10 billion to shareholders.\n"
            "Sincerely,\nJane Doe\n(1) Based on constant currency.\n(2) Non-GAAP measure; see below.\n")
    units = outline_text(text).units
    assert [u.kind.value for u in units if u.kind.value == "heading"] == ["heading"]
    assert [u.kind.value for u in units[-4:]] == ["closing"] * 4
    numbered = outline_text("Report\nPLAN\n(1) Grow revenue.\nWe will sell more.\n(2) Cut costs.\nWe will spend less.\n").units
    assert [u.text[:3] for u in numbered if u.kind.value == "heading"] == ["PLA", "(1)", "(2)"]  # not notes: no glued marker


REAL = SAMPLES.parent / "tests" / "pairs" / "real"


def _subsections(outline, section_title: str) -> list[tuple[str, str]]:
    """(kind, opening) of the units right under a level-1 section, in order."""
    top = next(k for k, u in enumerate(outline.units) if u.is_section_heading and section_title in u.text)
    return [(u.kind.value, u.text[:6]) for u in outline.units if u.parent == top]


def test_one_paragraph_subsections_are_headings_as_their_sequence_says():
    """海拉尔 2019 writes （一）…（五） of its review each as one paragraph (`（一）三大攻坚战强力突破。
    坚决贯彻…`) and （六） as a title line: all six are subsections, each title its heading and the
    rest its lead; the paragraphs after them (各位代表！这些成绩…) stand under the section again."""
    outline = outline_text((REAL / "hailar-2018-2019" / "new.txt").read_text(encoding="utf-8"))
    under = _subsections(outline, "2018年工作回顾")
    headings = [opening for kind, opening in under if kind == "heading"]
    assert headings == ["（一）三大攻", "（二）城市建", "（三）产业项", "（四）发展活", "（五）民生事", "（六）政府自"]
    title = next(u for u in outline.units if u.text.startswith("（一）三大攻坚战"))
    assert title.text == "（一）三大攻坚战强力突破。"
    assert outline.units[outline.units.index(title) + 1].kind.value == "lead"
    assert ("point", "各位代表！这") in under and ("point", "同时，我们也") in under
    assert under.index(("point", "各位代表！这")) > under.index(("heading", "（六）政府自"))


def test_an_address_to_the_hall_ends_the_last_subsection():
    """State Council 2018: （三）–（八） are one-paragraph subsections between （二） and （九）, which
    have paragraphs under them; `各位代表！` and the summaries after it stand under section 一 again,
    not inside （九）."""
    outline = outline_text((REAL / "paras-2017-2018" / "new.txt").read_text(encoding="utf-8"))
    under = _subsections(outline, "过去五年工作回顾")
    headings = [opening for kind, opening in under if kind == "heading"]
    assert [h[:3] for h in headings] == ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）", "（八）", "（九）"]
    after = [opening for _, opening in under[under.index(("heading", headings[-1])) + 1:]]
    assert after[0].startswith("各位代表！") and any(opening.startswith("过去五年") for opening in after)


def test_dash_titles_head_the_sentences_after_them():
    """State Council 2020, a sentence a line: `——经济运行总体平稳。` titles the sentences after it
    (国内生产总值…, 城镇新增就业…) up to the next dash title; after the last one, `我们隆重庆祝…`
    speaks for the whole section again. Beside them as points, the figures lost their topic."""
    outline = outline_text((REAL / "cn-2019-2020" / "new.txt").read_text(encoding="utf-8"))
    under = _subsections(outline, "2019年和今年以来工作回顾")
    dashes = [opening for kind, opening in under if kind == "heading"]
    assert dashes == ["——经济运行", "——经济结构", "——发展新动", "——改革开放", "——三大攻坚", "——民生进一"]
    first = next(k for k, u in enumerate(outline.units) if u.text.startswith("——经济运行总体平稳"))
    body = [u for u in outline.units if u.parent == first]
    assert [u.text[:6] for u in body] == ["国内生产总值", "城镇新增就业", "居民消费价格", "国际收支基本"]
    assert body[0].kind.value == "lead" and body[0].level == outline.units[first].level + 1
    assert under.index(("point", "我们隆重庆祝")) > under.index(("heading", "——民生进一"))


def test_dash_points_written_as_paragraphs_stay_points():
    """State Council 2014 writes each dash item as one paragraph (`——经济运行稳中向好。国内生产总值…`),
    and a list of one-line dash items has nothing under any of them: points, as before."""
    outline = outline_text("报告\n一、回顾\n主要成绩是：\n——经济运行稳中向好。国内生产总值达到56.9万亿元。\n"
                           "——结构调整取得积极成效。粮食产量超过1.2万亿斤。\n二、打算\n重点抓好：\n——稳增长。\n——调结构。\n——惠民生。\n")
    dashes = [u for u in outline.units if u.marker == "——"]
    assert len(dashes) == 5 and all(u.kind.value == "point" for u in dashes)
    dateline = outline_text("政府工作报告\n——2020年5月22日在第十三届全国人民代表大会第三次会议上\n国务院总理 李克强\n"
                            "各位代表：\n现在，我代表国务院，向大会报告政府工作。\n")
    assert all(u.kind.value != "heading" for u in dateline.units)  # a dateline titles nothing


def test_shi_titles_head_their_sentences_and_dash_lists_end_before_them():
    """State Council 2019, a sentence a line: after the dash list (its last title
    `——人民生活持续改善。` ends at `一年来，我们…`), `一是创新和完善宏观调控，经济保持平稳运行。`
    titles the sentences up to `二是…`, as a dash title does."""
    outline = outline_text((REAL / "cn-2019-2020" / "old.txt").read_text(encoding="utf-8"))
    units = outline.units
    last_dash = next(k for k, u in enumerate(units) if u.text.startswith("——人民生活持续改善"))
    assert [u.text[:4] for u in units if u.parent == last_dash][-1] != "一年来，"
    assert next(u for u in units if u.text.startswith("一年来，我们深入贯彻")).parent == units[last_dash].parent
    first = next(k for k, u in enumerate(units) if u.text.startswith("一是创新和完善宏观调控"))
    assert units[first].kind.value == "heading" and units[first].marker == "一是"
    body = [u for u in units if u.parent == first]
    assert len(body) == 8 and body[0].text.startswith("面对新情况新变化")
    assert next(u for u in units if u.text.startswith("二是扎实打好三大攻坚战")).parent == units[first].parent


# The State Council's 2008 report in English (../shared/corpus/gov-work-report-en/2008.txt), abridged.
EN_DASH_LIST = """Report on the Work of the Government
I. Review of the Work of the Past Five Years
We made major achievements in reform, opening up and modernization.
– The economy reached a new high.
China's GDP in 2007 reached 24.66 trillion yuan, an increase of 65.5% over 2002.
Total government revenue reached 5.13 trillion yuan, a 171% increase over 2002.
– The agricultural tax was rescinded, ending the centuries-old practice of farmers paying taxes.
China's grain output rose four consecutive years to reach 501.5 million tons in 2007.
– Progress was made in developing democracy and the legal system. Greater efforts were made to safeguard people's rights.
– People's living standards improved significantly.
Fifty-one million urban jobs were created over the past five years.
We also reduced the number of people living in poverty every year.
All these improvements fully demonstrate that great strides were made.
II. Tasks for This Year
We will keep prices stable.
"""


def test_english_dash_titles_head_their_paragraphs_and_the_list_ends():
    """As 政府工作报告 does in Chinese, the English edition titles paragraphs with en- or em-dash
    lines (– The economy reached a new high.; 2021: —Improving people's wellbeing…, no full stop):
    each titles the paragraphs after it, even one that opens with "We"; a dash item of two
    sentences stands beside the titles; "All these improvements…" speaks for the section again."""
    units = outline_text(EN_DASH_LIST).units
    by_opening = {u.text[:24]: (k, u) for k, u in enumerate(units)}
    economy, _ = by_opening["– The economy reached a "]
    assert units[economy].kind.value == "heading"
    assert [u.text[:12] for u in units if u.parent == economy] == ["China's GDP ", "Total govern"]
    _, democracy = by_opening["– Progress was made in d"]
    assert democracy.kind.value == "point" and democracy.parent == units[economy].parent
    living, _ = by_opening["– People's living standa"]
    assert [u.text[:12] for u in units if u.parent == living] == ["Fifty-one mi", "We also redu"]
    assert by_opening["All these improvements f"][1].parent == units[economy].parent


@needs_corpus
def test_english_state_council_dash_lists():
    from conftest import CORPUS

    for year, titles in (("2008", 7), ("2021", 9)):
        units = reportdiff.load(CORPUS / "gov-work-report-en" / f"{year}.txt").units
        heads = [u for u in units if u.kind.value == "heading" and u.text[:1] in "—–"]
        assert len(heads) == titles, year
        assert len({u.level for u in heads}) == 1, year  # siblings, one level
