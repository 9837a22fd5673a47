"""Alignment on real reports written by others, labelled by reading (tests/pairs/real/README.md).

The floors are the scores reached when they were set (recall, precision, added/removed found),
less a small margin: they catch a change that loses real counterparts or pairs strangers. The
held-out pairs were never used to choose a threshold; their floors guard the same way.
"""
from __future__ import annotations

import pytest

import gold

# pair: (pair recall, pair precision, added/removed recall) floors
FLOORS = {
    "hailar-2018-2019": (0.67, 0.95, 0.95),
    "paras-2017-2018": (0.78, 0.93, 0.92),
    "hailar-2016-2017": (0.76, 0.90, 0.82),
    "cn-2019-2020": (0.52, 0.82, 0.90),
    "en-2019-2020": (0.45, 0.86, 0.93),  # recall traded for precision (assign.LATIN_GAP_MIN)
    "hailar-2014-2015": (0.85, 0.93, 0.85),  # held out
    "paras-2013-2014": (0.42, 0.92, 0.80),  # held out
    "paras-2015-2016": (0.56, 0.89, 0.90),  # labelled after the tuning: held out too
}


@pytest.mark.parametrize("case", sorted(FLOORS))
def test_real_pair_scores_hold(case):
    comparison, labels = gold.load_case(f"real/{case}")
    s = gold.score(comparison, labels)
    recall, precision, found = FLOORS[case]
    summary = (f"recall {s.pair_recall:.2f}, precision {s.pair_precision:.2f} ({s.paired_right}/{s.paired_rows}), "
               f"added/removed {s.added_recall:.2f}")
    assert s.pair_recall >= recall, summary
    assert s.pair_precision >= precision, summary
    assert s.added_recall >= found, summary


@pytest.mark.parametrize("case,old_snippet,new_snippet", [
    ("paras-2015-2016", "深化国企国资改革。准确界定不同国", "大力推进国有企业改革。今明两年，"),
    ("paras-2015-2016", "围绕服务实体经济推进金融改革。推", "深化金融体制改革。加快改革完善现"),
    ("paras-2017-2018", "更好激发非公有制经济活力", "支持民营企业发展。坚持“两个毫不动摇”"),
    ("paras-2013-2014", "大力加强文化建设。覆盖城乡的公共文化设施", "促进文化事业和文化产业健康发展"),
    ("cn-2019-2020", "抓紧布局国家实验室，重组国家", "加快建设国家实验室，重组国家"),
    ("cn-2019-2020", "加强廉洁政府建设，一体推进", "加强廉洁政府建设，坚决惩治腐败"),
    ("cn-2019-2020", "多渠道扩大学前教育供给", "发展普惠性学前教育，帮助民办幼儿园纾困"),
], ids=["guoqi", "jinrong", "minying", "wenhua", "shiyanshi", "lianjie", "xueqian"])
def test_reworded_counterparts_pair(case, old_snippet, new_snippet):
    """Points rewritten so far that only their specific words (国有企业, 金融, 文化, 国家实验室)
    say they are the same matter: each is the other's clear best, so they pair (align.py step 4)."""
    comparison, _ = gold.load_case(f"real/{case}")
    i, j = gold._unit_at(comparison.old, old_snippet), gold._unit_at(comparison.new, new_snippet)
    by_old, _ = comparison.alignment.partner_maps()
    assert i in by_old and j in by_old[i].new


@pytest.mark.parametrize("case", ["cn-2019-2020", "paras-2015-2016", "paras-2013-2014", "paras-2017-2018",
                                  "en-2019-2020"])
def test_points_under_counterpart_headings_are_not_moved(case):
    """A point is "moved" when it left a heading that still has a counterpart. Where both years'
    headings went unpaired (2019's （一）–（八） became 2020's 三、–五、; 2015's 二、 became 2016's 三、),
    or several headings became one (English 2019's 2., 3. and 8. became 2020's IV.), their points
    are not flagged: at most one flag of all is on a point whose two headings the
    labels pair (the issue measured 27 of 51 spurious on the State Council pair)."""
    comparison, labels = gold.load_case(f"real/{case}")
    pairs = {(gold._unit_at(comparison.old, g["old"]), gold._unit_at(comparison.new, g["new"])) for g in labels["pairs"]}
    moved = [r for r in comparison.rows if r.moved and r.old is not None and r.new is not None]
    spurious = [r for r in moved if (comparison.old.units[r.old].parent, comparison.new.units[r.new].parent) in pairs]
    assert len(spurious) <= 1, [comparison.new.units[r.new].text[:20] for r in spurious]


@pytest.mark.parametrize("old_snippet,new_snippet", [
    ("（一）继续创新和完善宏观调控", "三、加大宏观政策实施力度"),
    ("（三）坚持创新引领发展", "四、依靠改革激发市场主体活力"),
    ("（九）推动全方位对外开放", "七、推进更高水平对外开放"),
])
def test_renamed_subsection_pairs_with_the_section_it_became(old_snippet, new_snippet):
    """2019's tasks （一）–（十） became 2020's sections 三、–八、, renamed: they pair by the specific
    words of all that stands under them (宏观政策, 市场主体, 对外开放), not by their titles."""
    comparison, _ = gold.load_case("real/cn-2019-2020")
    i, j = gold._unit_at(comparison.old, old_snippet), gold._unit_at(comparison.new, new_snippet)
    by_old, _ = comparison.alignment.partner_maps()
    assert i in by_old and by_old[i].new == (j,)


@pytest.mark.parametrize("case", sorted(FLOORS))
def test_every_unit_in_at_most_one_match(case):
    """However many steps pair units (order, words, phrases, titles joining their leads), a unit
    of either report stands in one match at most, and every unit has its row."""
    comparison, _ = gold.load_case(f"real/{case}")
    matches = comparison.alignment.matches
    old_ids = [i for m in matches for i in m.old]
    new_ids = [j for m in matches for j in m.new]
    assert len(old_ids) == len(set(old_ids)) and len(new_ids) == len(set(new_ids))
    assert sorted(r.old for r in comparison.rows if r.old is not None) == list(range(len(comparison.old.units)))
    assert sorted(r.new for r in comparison.rows if r.new is not None) == list(range(len(comparison.new.units)))


@pytest.mark.parametrize("case,old_snippet,new_snippet", [
    ("paras-2017-2018", "促进消费稳定增长。适应消费需求变化", "促进外商投资稳定增长。加强与国际通行"),
    ("paras-2013-2014", "完善社会保障制度。坚持全覆盖", "完善住房保障机制。以全体人民住有所居"),
    ("paras-2013-2014", "加强和创新社会管理。改进政府提供", "加强城镇化管理创新和机制建设"),
], ids=["xiaofei-waishang", "shebao-zhufang", "shehui-chengzhen"])
def test_titles_sharing_a_frame_do_not_pair_strangers(case, old_snippet, new_snippet):
    """Title sentences alike only in their frame (促进…稳定增长, 完善…保障…) over bodies that share no
    specific word are different matters (the issue's example, paired at 0.16): not a pair."""
    comparison, _ = gold.load_case(f"real/{case}")
    i, j = gold._unit_at(comparison.old, old_snippet), gold._unit_at(comparison.new, new_snippet)
    by_old, _ = comparison.alignment.partner_maps()
    assert i not in by_old or j not in by_old[i].new
