"""The alignment stage on its own: sections, points, moves, the blocked path, splits and merges,
checked on short hand-made reports of two consecutive years."""
from __future__ import annotations

import copy

import pytest

import reportdiff.align
import reportdiff.assign
import reportdiff.compare
import reportdiff.unitindex
from reportdiff import outline_text
from reportdiff.align import align
from reportdiff.model import Alignment, Match, MatchHow, Outline, UnitKind

# A town party secretary's report: in 2023 the sections are reordered, renumbered and retitled,
# （二）社会治理 is renamed 基层治理, 乡村振兴 is a new section, 污染防治 moved from the economy to
# 民生, 疫情防控 was dropped while 数字经济 and 廉政教育 are new points, figures changed everywhere.
# (The last line before the closing is no numbered line: such a line is outlined as a heading.)
OLD_YEAR = """2022年度述职报告
2022年，在县委、县政府的坚强领导下，我认真履行镇党委书记职责，较好完成了全年各项目标任务。现述职如下：
一、加强理论学习，提升政治素养
坚持把政治建设摆在首位，不断提高政治判断力、政治领悟力、政治执行力。一是强化理论武装。全年组织党委理论学习中心组集体学习10次，专题研讨4次，为党员干部讲授党课3次。二是严守政治纪律。自觉遵守政治纪律和政治规矩，坚决做到令行禁止，确保党中央决策部署在本镇落地见效。
二、坚持以人民为中心，改善民生福祉
把保障和改善民生作为一切工作的出发点和落脚点，持续办好民生实事。
（一）社会保障
1.推进乡村旅游公路建设。
2.全年发放低保、特困等救助资金1200万元，新增城镇就业860人，城乡居民医保参保率达到98%。
（二）社会治理
1.完善网格化管理体系。
2.坚持和发展新时代枫桥经验，调处各类矛盾纠纷150余起，信访事项全部按期办结。
三、聚焦项目建设，推动经济发展
始终把发展作为第一要务，全力以赴抓项目、稳增长、促发展。一是狠抓项目建设。全年实施重点项目24个，完成投资8.6亿元，解决项目建设中的矛盾问题30余个。二是优化营商环境。深化放管服改革，便民服务中心120项事项实现一窗受理，企业开办时间压缩至1个工作日。三是着力加强污染防治。扎实推进中央环保督察反馈问题整改，关停取缔小散乱污企业16家，辖区空气优良天数比例达到87%。四是抓好疫情防控。统筹疫情防控和经济社会发展，组织开展全员核酸检测4轮，累计接种新冠疫苗4.8万剂次，全力保障企业复工复产。
新的一年，我将继续坚持以习近平新时代中国特色社会主义思想为指导，牢记使命，奋发有为，以优异成绩回报组织和群众的信任。
"""
NEW_YEAR = """2023年度述职报告
2023年，在县委、县政府的坚强领导下，我认真履行镇党委书记职责，较好完成了全年各项目标任务。现述职如下：
一、践行为民宗旨，增进民生福祉
把保障和改善民生作为一切工作的出发点和落脚点，持续办好民生实事。
（一）社会保障
1.推进卫生健康体系建设。
2.全年发放低保、特困等救助资金1350万元，新增城镇就业920人，城乡居民医保参保率稳定在98%以上，新建幸福食堂3个。
（二）基层治理
1.健全应急管理指挥体系。
2.坚持和发展新时代枫桥经验，调处各类矛盾纠纷170余起，信访事项全部按期办结。
（三）生态环境
1.着力加强污染防治。扎实推进中央环保督察反馈问题整改，关停取缔小散乱污企业16家，辖区空气优良天数比例达到87%。
二、筑牢思想根基，锤炼政治品格
坚持把政治建设摆在首位，不断提高政治判断力、政治领悟力、政治执行力。一是强化理论武装。坚持第一议题制度，全年组织党委理论学习中心组集体学习12次、专题研讨5次，邀请市委党校教师开展专题辅导2场，带头为党员干部讲授党课4次。二是严守政治纪律。自觉遵守政治纪律和政治规矩，坚决做到令行禁止，确保党中央决策部署在本镇落地见效。三是加强廉政教育。组织观看警示教育片6部，开展廉政谈话80人次，筑牢拒腐防变思想防线。
三、稳住经济大盘，推动高质量发展
始终把发展作为第一要务，全力以赴抓项目、稳增长、促发展。一是狠抓项目建设。全年实施重点项目28个，完成投资9.2亿元，解决项目建设中的矛盾问题40余个。二是优化营商环境。深化放管服改革，便民服务中心150项事项实现一窗受理，企业开办时间压缩至半个工作日。三是发展数字经济。新引进电商企业9家，建成直播电商基地1个，网络零售额突破3亿元，带动就业800余人。
四、全面推进乡村振兴
新建高标准农田1.2万亩，流转土地8600亩，培育家庭农场42家、农民专业合作社15家，村集体经济收入全部超过10万元。
新的一年，我将继续坚持以习近平新时代中国特色社会主义思想为指导，牢记使命，奋发有为，以优异成绩回报组织和群众的信任。
"""

# A county work summary: 招商引资 split off 项目建设 (verbatim), 安全生产 merged into 社会治理,
# and 加装电梯 split off 基础设施 with a new title and a rewritten body.
SPLIT_OLD = """2022年度工作总结
一、聚焦项目建设，推动经济发展
始终把发展作为第一要务，全力以赴抓项目、稳增长、促发展。一是狠抓项目建设。全年实施重点项目24个，完成投资8.6亿元，解决项目建设中的矛盾问题30余个。大力推进招商引资，全年签约引进企业12个，招商引资到位资金5亿元。二是优化营商环境。深化放管服改革，便民服务中心120项事项实现一窗受理，企业开办时间压缩至1个工作日。
二、坚持以人民为中心，改善民生福祉
把保障和改善民生作为一切工作的出发点和落脚点。一是兜牢民生底线。全年发放低保、特困等救助资金1200万元，新增城镇就业860人。二是加强社会治理。坚持和发展新时代枫桥经验，调处各类矛盾纠纷150余起，信访事项全部按期办结。三是深入开展安全生产专项整治，排查整改各类隐患320处，全年未发生较大以上安全事故。
三、加强城市建设，提升城市品质
坚持以人为核心推进新型城镇化，城市功能持续完善。一是完善基础设施。新改建城市道路8条，积极推动既有住宅加装电梯，完成老旧小区改造12个，惠及居民3000余户。二是提升管理水平。深化城市精细化管理，开展市容环境综合整治，城区生活垃圾无害化处理率达到100%。
"""
SPLIT_NEW = """2023年度工作总结
一、聚焦项目建设，推动经济发展
始终把发展作为第一要务，全力以赴抓项目、稳增长、促发展。一是狠抓项目建设。全年实施重点项目28个，完成投资9.2亿元，解决项目建设中的矛盾问题40余个。二是大力推进招商引资，全年新签约引进企业15个，招商引资到位资金6亿元。三是优化营商环境。深化放管服改革，便民服务中心150项事项实现一窗受理，企业开办时间压缩至半个工作日。
二、坚持以人民为中心，改善民生福祉
把保障和改善民生作为一切工作的出发点和落脚点。一是兜牢民生底线。全年发放低保、特困等救助资金1350万元，新增城镇就业920人。二是加强社会治理。坚持和发展新时代枫桥经验，调处各类矛盾纠纷170余起，信访事项全部按期办结。深入开展安全生产专项整治，排查整改各类安全隐患410处，全年未发生较大以上安全事故。
三、加强城市建设，提升城市品质
坚持以人为核心推进新型城镇化，城市功能持续完善。一是完善基础设施。新改建城市道路10条，完成老旧小区改造15个，惠及居民4200余户。二是加快既有住宅加装电梯。成立专班上门服务，全年新增加装电梯36部。三是提升管理水平。深化城市精细化管理，开展市容环境综合整治，城区生活垃圾无害化处理率达到100%。
"""

# Points reshuffled both ways: last year's first point holds this year's second and third, and this
# year's first point holds last year's second and third.
SWAP_OLD = """2022年度述职报告
一、推进乡村振兴，建设美丽乡村
坚持农业农村优先发展，全面推进乡村振兴。一是新建村级党群服务中心5个，服务群众更加便捷。持续推进美丽乡村建设，改善农村人居环境。完成农村户厕改造1200户，农村卫生面貌明显改善。二是开展农民职业技能培训30期，培训农民1500人次。三是新增农村公益性岗位260个，托底安置困难群众。
"""
SWAP_NEW = """2023年度述职报告
一、推进乡村振兴，建设美丽乡村
坚持农业农村优先发展，全面推进乡村振兴。一是开展农民职业技能培训30期，培训农民1500人次。持续推进美丽乡村建设，改善农村人居环境。新增农村公益性岗位260个，托底安置困难群众。二是新建村级党群服务中心5个，服务群众更加便捷。三是完成农村户厕改造1200户，农村卫生面貌明显改善。
"""

PAIRS = {"years": (OLD_YEAR, NEW_YEAR), "split": (SPLIT_OLD, SPLIT_NEW)}


def aligned(old_text: str, new_text: str) -> tuple[Outline, Outline, Alignment]:
    old, new = outline_text(old_text), outline_text(new_text)
    return old, new, align(old, new)


def at(outline: Outline, text: str) -> int:
    """Index of the one unit whose text holds `text`."""
    found = [k for k, u in enumerate(outline.units) if text in u.content]
    assert len(found) == 1, (text, found)
    return found[0]


def match_of(alignment: Alignment, old: int | None = None, new: int | None = None) -> Match | None:
    """The match holding old unit `old` (or new unit `new`), None when it is unpaired."""
    by_old, by_new = alignment.partner_maps()
    return by_old.get(old) if old is not None else by_new.get(new)


def test_reordered_renumbered_sections_pair_by_content():
    """Sections moved to another place, under another number and title, still pair with their counterparts."""
    old, new, alignment = aligned(OLD_YEAR, NEW_YEAR)
    expected = {at(old, "加强理论学习"): at(new, "筑牢思想根基"),
                at(old, "聚焦项目建设"): at(new, "稳住经济大盘"),
                at(old, "坚持以人民为中心"): at(new, "践行为民宗旨")}
    assert alignment.section_pairs == expected
    for i, j in expected.items():
        assert Match((i,), (j,), MatchHow.SECTION) in alignment.matches


def test_new_unrelated_section_stays_unpaired():
    """A section with no counterpart last year pairs with nothing, nor does its body."""
    _, new, alignment = aligned(OLD_YEAR, NEW_YEAR)
    heading, body = at(new, "全面推进乡村振兴"), at(new, "新建高标准农田")
    assert heading not in alignment.section_pairs.values()
    assert match_of(alignment, new=heading) is None and match_of(alignment, new=body) is None


@pytest.mark.parametrize("old_text,new_text", [
    ("强化理论武装", "强化理论武装"),  # clause added, figures changed, a sentence more
    ("城乡居民医保参保率达到", "新建幸福食堂"),  # figures changed, a clause added
], ids=["title-kept", "clause-added"])
def test_reworded_point_pairs_inside_its_section(old_text, new_text):
    """A point on the same matter, reworded with new figures and a clause added, pairs with last year's."""
    old, new, alignment = aligned(OLD_YEAR, NEW_YEAR)
    i, j = at(old, old_text), at(new, new_text)
    assert match_of(alignment, old=i) == Match((i,), (j,), MatchHow.LOCAL)


def test_unrelated_new_point_stays_unpaired():
    """A new point on a matter last year never mentioned pairs with nothing, not even a dropped point beside it."""
    old, new, alignment = aligned(OLD_YEAR, NEW_YEAR)
    dropped, added = at(old, "抓好疫情防控"), at(new, "发展数字经济")
    assert alignment.section_pairs[old.units[dropped].section] == new.units[added].section
    assert match_of(alignment, old=dropped) is None
    assert match_of(alignment, new=added) is None and match_of(alignment, new=at(new, "加强廉政教育")) is None


def test_retitled_subheading_pairs_by_what_stands_under_it():
    """A sub-heading renamed (社会治理 -> 基层治理) pairs with last year's through the points under it."""
    old, new, alignment = aligned(OLD_YEAR, NEW_YEAR)
    i, j = at(old, "社会治理"), at(new, "基层治理")
    assert match_of(alignment, old=i) == Match((i,), (j,), MatchHow.LOCAL)


@pytest.mark.parametrize("old_text,new_text", [
    ("推进乡村旅游公路建设", "推进卫生健康体系建设"),
    ("完善网格化管理体系", "健全应急管理指挥体系"),
], ids=["tuijin-jianshe", "guanli-tixi"])
def test_short_lines_sharing_only_a_frame_do_not_pair(old_text, new_text):
    """Short lines in paired sections that share only a frame (推进…建设, …管理…体系) stay unpaired."""
    old, new, alignment = aligned(OLD_YEAR, NEW_YEAR)
    i, j = at(old, old_text), at(new, new_text)
    assert alignment.section_pairs[old.units[i].section] == new.units[j].section
    assert len(old.units[i].masked) < reportdiff.assign.SHORT_CHARS
    assert match_of(alignment, old=i) is None and match_of(alignment, new=j) is None


def test_point_moved_to_another_section_pairs_across_sections():
    """A point moved from the economy section to the 民生 section pairs with itself across the report."""
    old, new, alignment = aligned(OLD_YEAR, NEW_YEAR)
    i, j = at(old, "着力加强污染防治"), at(new, "着力加强污染防治")
    assert alignment.section_pairs[old.units[i].section] != new.units[j].section
    assert match_of(alignment, old=i) == Match((i,), (j,), MatchHow.GLOBAL)


def _assign_inputs(pair: str, headings: bool = False):
    """What the cross-report step hands `_assign`: every unit of both reports (headings if asked)."""
    old, new = (outline_text(t) for t in PAIRS[pair])
    old_ids, new_ids = ([k for k, u in enumerate(o.units) if headings or u.kind != UnitKind.HEADING] for o in (old, new))
    return (*reportdiff.unitindex.index_pair(old, new), old_ids, new_ids)


def _blocked_once(monkeypatch, old_ids, new_ids) -> list:
    """Only the whole matrix is over DENSE_LIMIT (its groups stay dense); returns the `_assign_blocked` calls."""
    calls: list = []
    blocked = reportdiff.assign._assign_blocked
    monkeypatch.setattr(reportdiff.assign, "_assign_blocked", lambda *a: calls.append(a) or blocked(*a))
    monkeypatch.setattr(reportdiff.assign, "DENSE_LIMIT", len(old_ids) * len(new_ids) - 1)
    return calls


@pytest.mark.parametrize("pair", sorted(PAIRS))
@pytest.mark.parametrize("minimum", [reportdiff.align.LOCAL_MIN, reportdiff.align.GLOBAL_MIN])
def test_blocked_path_pairs_as_the_dense_path(monkeypatch, pair, minimum):
    """Leftovers too large for one matrix, assigned per group sharing 4-grams, pair as the dense matrix does."""
    old_index, new_index, old_ids, new_ids = _assign_inputs(pair)
    dense = reportdiff.assign.assign(old_index, new_index, old_ids, new_ids, minimum)
    calls = _blocked_once(monkeypatch, old_ids, new_ids)
    assert sorted(reportdiff.assign.assign(old_index, new_index, old_ids, new_ids, minimum)) == sorted(dense)
    assert len(calls) == 1 and len(dense) >= 10


def test_blocked_path_pairs_retitled_headings(monkeypatch):
    """Retitled section headings, paired by their subtrees on the dense path, pair on the blocked path too."""
    old_index, new_index, old_ids, new_ids = _assign_inputs("years", headings=True)
    minimum = reportdiff.align.GLOBAL_MIN
    dense = reportdiff.assign.assign(old_index, new_index, old_ids, new_ids, minimum)
    assert (at(old_index.outline, "加强理论学习"), at(new_index.outline, "筑牢思想根基")) in dense
    _blocked_once(monkeypatch, old_ids, new_ids)
    assert sorted(reportdiff.assign.assign(old_index, new_index, old_ids, new_ids, minimum)) == sorted(dense)


def test_blocked_path_with_groups_over_the_limit(monkeypatch):
    """When even the 4-gram groups are over DENSE_LIMIT, the blocked path still pairs as the dense path does."""
    old_index, new_index, old_ids, new_ids = _assign_inputs("years")
    minimum = reportdiff.align.GLOBAL_MIN
    dense = reportdiff.assign.assign(old_index, new_index, old_ids, new_ids, minimum)
    monkeypatch.setattr(reportdiff.assign, "DENSE_LIMIT", 1)
    assert sorted(reportdiff.assign.assign(old_index, new_index, old_ids, new_ids, minimum)) == sorted(dense)


def test_paragraph_split_into_two_points():
    """A point split in two (项目建设 and 招商引资) pairs with both new points at once."""
    old, new, alignment = aligned(SPLIT_OLD, SPLIT_NEW)
    i = at(old, "狠抓项目建设")
    expected = Match((i,), (at(new, "狠抓项目建设"), at(new, "大力推进招商引资")), MatchHow.SPLIT)
    assert match_of(alignment, old=i) == expected


def test_two_points_merged_into_one():
    """Two points folded into one (社会治理 and 安全生产) pair with it together."""
    old, new, alignment = aligned(SPLIT_OLD, SPLIT_NEW)
    j = at(new, "加强社会治理")
    expected = Match((at(old, "加强社会治理"), at(old, "深入开展安全生产")), (j,), MatchHow.MERGE)
    assert match_of(alignment, new=j) == expected


def test_reworded_split_is_found_by_its_title():
    """A point split off and rewritten (加快既有住宅加装电梯) pairs through its title sentence."""
    old, new, alignment = aligned(SPLIT_OLD, SPLIT_NEW)
    i = at(old, "完善基础设施")
    expected = Match((i,), (at(new, "完善基础设施"), at(new, "加快既有住宅加装电梯")), MatchHow.SPLIT)
    assert match_of(alignment, old=i) == expected


def test_split_read_backwards_is_a_merge():
    """Aligning the later year against the earlier turns each split into a merge of the same units."""
    *_, forward = aligned(SPLIT_OLD, SPLIT_NEW)
    *_, backward = aligned(SPLIT_NEW, SPLIT_OLD)
    flipped = {MatchHow.SPLIT: MatchHow.MERGE, MatchHow.MERGE: MatchHow.SPLIT}
    groups = [Match(m.new, m.old, flipped[m.how]) for m in forward.matches if m.how in flipped]
    assert len(groups) == 3
    assert sorted(groups, key=lambda m: m.old) == sorted((m for m in backward.matches if m.how in flipped),
                                                         key=lambda m: m.old)


@pytest.mark.parametrize("backwards", [False, True])
def test_points_reshuffled_both_ways_split_and_merge(backwards):
    """A point split into two while its partner merges two others: each short point pairs with the point holding it."""
    old, new, alignment = aligned(*((SWAP_NEW, SWAP_OLD) if backwards else (SWAP_OLD, SWAP_NEW)))
    for text in ("新建村级党群服务中心", "完成农村户厕改造", "开展农民职业技能培训", "新增农村公益性岗位"):
        i, j = at(old, text), at(new, text)
        assert match_of(alignment, old=i) is not None and match_of(alignment, old=i) is match_of(alignment, new=j)


@pytest.mark.parametrize("name", sorted(PAIRS))
@pytest.mark.parametrize("backwards", [False, True])
def test_each_unit_stands_in_at_most_one_match(name, backwards):
    """No unit of either report is paired twice, whichever way the years are aligned."""
    old_text, new_text = PAIRS[name][::-1] if backwards else PAIRS[name]
    old, new, alignment = aligned(old_text, new_text)
    olds = [i for m in alignment.matches for i in m.old]
    news = [j for m in alignment.matches for j in m.new]
    assert len(olds) == len(set(olds)) and len(news) == len(set(news))
    assert set(olds) <= set(range(len(old.units))) and set(news) <= set(range(len(new.units)))
    assert all(m.old and m.new for m in alignment.matches)


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_align_leaves_its_outlines_unchanged(name):
    """align() reads the outlines it is given and changes nothing in them."""
    old, new = (outline_text(t) for t in PAIRS[name])
    before = copy.deepcopy((old, new))
    alignment = align(old, new)
    assert (old, new) == before
    assert alignment.old is old and alignment.new is new
    # Nothing stored on them either (dataclass equality looks at the declared fields only).
    assert vars(old).keys() == vars(before[0]).keys() and vars(new).keys() == vars(before[1]).keys()
    assert all(vars(u) == vars(b) for u, b in zip(old.units + new.units, before[0].units + before[1].units, strict=True))


ACROSS_OLD = """某县2015年工作总结
一、2015年工作回顾
全年地区生产总值增长7%，城乡居民收入稳步提高，各项社会事业全面进步。
二、推进农业现代化
加快推进农业现代化。新建高标准农田5万亩，完成农田水利设施改造120处，培育家庭农场86家。
三、持续改善人民生活
全年新增城镇就业4200人，发放创业担保贷款3000万元，城乡低保标准提高到每月560元，新建公租房800套。
"""
ACROSS_NEW = """某县2016年工作总结
一、2016年工作回顾
全年地区生产总值增长6.8%，城乡居民收入较快增长，社会事业取得新进展。
二、2016年重点工作
今年重点做好以下工作。
（一）加快发展现代农业
新建高标准农田6万亩，完成农田水利设施改造150处，培育家庭农场120家，推进农业现代化。
（二）切实保障改善民生
城镇新增就业4500人以上，创业担保贷款投放3500万元，城乡低保标准每月提高至600元，公租房再建600套。
"""


def test_a_section_that_became_a_subsection_pairs_with_it():
    """Last year's section 三 is this year's subsection (二) of one section: they pair by what they
    hold, and the point under it pairs with its counterpart, not flagged moved."""
    old, new, alignment = aligned(ACROSS_OLD, ACROSS_NEW)
    heading = match_of(alignment, old=at(old, "三、持续改善人民生活"))
    assert heading is not None and heading.new == (at(new, "（二）切实保障改善民生"),)
    point = match_of(alignment, old=at(old, "全年新增城镇就业4200人"))
    assert point is not None and point.new == (at(new, "城镇新增就业4500人以上"),)
    comparison = reportdiff.compare.compare(old, new)
    row = next(r for r in comparison.rows if r.old == at(old, "全年新增城镇就业4200人"))
    assert not row.moved


def test_renamed_subheadings_pair_by_the_words_under_them():
    """State Council 2017 -> 2018 (tests/pairs/real/paras-2017-2018): （三）进一步释放国内需求潜力 is
    （七）积极扩大消费和促进有效投资, （四）以创新引领实体经济转型升级 is （二）加快建设创新型国家: the titles
    share little, the bodies their specific words (subtree cosine 0.34; bigram Dice 0.23)."""
    import gold

    comparison, _ = gold.load_case("real/paras-2017-2018")
    old, new, alignment = comparison.old, comparison.new, comparison.alignment
    renamed = (("进一步释放国内需求潜力", "积极扩大消费和促进有效投资"), ("以创新引领实体经济转型升级", "加快建设创新型国家"))
    for old_title, new_title in renamed:
        heading = match_of(alignment, old=at(old, old_title))
        assert heading is not None and heading.new == (at(new, new_title),)
    # Only with a marker of the same kind: 2019's 八是推进法治政府建设… is not 2020's ——民生进一步改善。
    comparison, _ = gold.load_case("real/cn-2019-2020")
    match = match_of(comparison.alignment, old=at(comparison.old, "八是推进法治政府建设和治理创新"))
    assert match is None or "民生进一步改善" not in comparison.new.units[match.new[0]].text
