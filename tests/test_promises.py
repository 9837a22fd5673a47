"""Promises: last year's quantified targets against this year's review, one planted case per
verdict, a report without a plan part, and the State Council's 2019 targets read in 2020."""
from __future__ import annotations

from pathlib import Path

from reportdiff import outline_text
from reportdiff.compare import compare
from reportdiff.report.to_json import comparison_as_dict

REAL = Path(__file__).parent / "pairs" / "real"

OLD = """某区2021年政府工作报告
一、2020年工作回顾
地区生产总值完成300亿元，增长6%。城镇新增就业5000人。
二、2021年工作安排
今年经济社会发展的主要预期目标是：地区生产总值增长6%以上；居民消费价格涨幅3%左右；城镇登记失业率4.5%以内；城镇新增就业5000人以上；一般公共预算收入增长5%；完成棚户区改造1000户；粮食产量达到8万吨。
"""
NEW = """某区2022年政府工作报告
一、2021年工作回顾
地区生产总值完成320亿元，增长5.2%。居民消费价格上涨2.1%。城镇登记失业率3.9%。城镇新增就业6200人。完成棚户区改造1000户。一般公共预算收入完成18亿元，增长**%。
二、2022年工作安排
今年主要预期目标是：地区生产总值增长6%左右。
"""


def promises(old: str, new: str) -> dict[str, str]:
    c = compare(outline_text(old), outline_text(new))
    return {p.indicator: p.status for p in c.promises}, c


def test_each_verdict_on_planted_targets():
    found, c = promises(OLD, NEW)
    assert found["地区生产总值增长"] == "missed"  # 6%以上, 5.2% reached
    assert found["居民消费价格涨幅"] == "kept"  # 3%左右 is a ceiling: 2.1% keeps it
    assert found["城镇登记失业率"] == "kept"  # 4.5%以内, 3.9%
    assert found["城镇新增就业"] == "exceeded"  # 5000人以上, 6200人
    assert found["完成棚户区改造"] == "kept"  # 1000户, 1000户
    assert found["一般公共预算收入增长"] == "unclear"  # reported, but hidden as **
    assert found["粮食产量"] == "not_mentioned"  # this year's review says nothing
    # This year's own target (6%左右 for 2022) is no evidence for last year's, and is no promise either.
    assert len(c.promises) == 7
    data = comparison_as_dict(c)
    assert data["plan_found"] is True
    gdp = next(p for p in data["promises"] if p["indicator"] == "地区生产总值增长")
    assert gdp["comparator"] == "floor" and gdp["target"] == 6 and gdp["outcome"] == 5.2
    assert "5.2%" in gdp["evidence"]["text"] and "6%以上" in gdp["plan"]["text"]
    assert data["units"][gdp["plan"]["unit"]]["old"].startswith("今年经济社会发展的主要预期目标")


def test_a_report_without_a_plan_promises_nothing():
    """The negative twin: the same review, no plan part; nothing is claimed."""
    old = OLD.split("二、2021年工作安排", maxsplit=1)[0]
    found, c = promises(old, NEW)
    assert found == {} and c.plan_found is False
    assert comparison_as_dict(c)["promises"] == []


def test_state_council_2019_targets_in_2020():
    from reportdiff import load

    c = compare(load(REAL / "cn-2019-2020" / "old.txt"), load(REAL / "cn-2019-2020" / "new.txt"))
    verdicts = {(p.indicator, p.plan.text): (p.status, p.evidence.text if p.evidence else None) for p in c.promises}
    assert verdicts[("国内生产总值增长", "6%－6.5%")] == ("kept", "6.1%")  # a range, the unit on both ends
    assert verdicts[("城镇新增就业", "1100万人以上")] == ("exceeded", "1352万人")
    assert verdicts[("居民消费价格涨幅", "3%左右")] == ("kept", "2.9%")  # a ceiling, kept under it


def test_state_council_2019_targets_in_2020_in_english():
    """The English edition: a range written once with its unit (6-6.5 percent), GDP spelled out in
    the review (Gross domestic product … a 6.1 percent increase), CPI for consumer prices."""
    from reportdiff import load

    c = compare(load(REAL / "en-2019-2020" / "old.txt"), load(REAL / "en-2019-2020" / "new.txt"))
    verdicts = {p.indicator: (p.status, p.outcome) for p in c.promises}
    assert verdicts["GDP growth"] == ("kept", 6.1)
    assert verdicts["new urban jobs"] == ("exceeded", 13.52)
    assert verdicts["CPI increase"] == ("kept", 2.9)
    # English names are never found by a word or two alone: no `unclear` from "growth" elsewhere.
    assert not any(p.status == "unclear" and p.outcome is None and p.evidence is not None
                   and p.comparator != "task" for p in c.promises)


TASK_OLD = """某区2021年政府工作报告
一、2021年工作回顾
全年完成各项目标任务。
二、2022年工作安排
建成东山组团社区卫生服务中心，开工建设黑羊站水厂改扩建工程。
完成滨河健身绿道慢行系统项目，启动城市管理指挥中心。
"""
TASK_NEW = """某区2022年政府工作报告
一、2022年工作回顾
东山组团社区卫生服务中心建成投入使用。投资1.15亿元的黑羊站水厂改扩建工程开工建设。
滨河健身绿道慢行系统项目主体工程加快推进。
二、2023年工作安排
继续推进各项工作。
"""


def test_tasks_without_figures_are_tracked():
    """Last year's plan names things to build: what this year's review says of each decides. A
    promise to start (开工建设) is kept by a start; one to finish (完成) only partly by progress;
    a thing this year's review never names is not mentioned."""
    c = compare(outline_text(TASK_OLD), outline_text(TASK_NEW))
    tasks = {p.plan.subject: p.status for p in c.promises if p.comparator == "task"}
    assert tasks == {"东山组团社区卫生服务中心": "kept", "黑羊站水厂改扩建工程": "kept",
                     "滨河健身绿道慢行系统项目": "partial", "城市管理指挥中心": "not_mentioned"}
    entry = next(p for p in comparison_as_dict(c)["promises"] if p["indicator"] == "滨河健身绿道慢行系统项目")
    assert entry["comparator"] == "task" and entry["target"] is None and "加快推进" in entry["evidence"]["text"]


def test_tasks_said_only_in_the_plan_again_are_not_evidence():
    """The negative twin: this year's report names the same things only in its own plan part."""
    twin = TASK_NEW.replace("一、2022年工作回顾\n", "一、2022年工作回顾\n全年完成各项目标任务。\n二、2023年工作安排\n", 1)
    twin = twin.replace("\n二、2023年工作安排\n继续推进各项工作。\n", "\n")
    c = compare(outline_text(TASK_OLD), outline_text(twin))
    assert {p.status for p in c.promises if p.comparator == "task"} == {"not_mentioned"}


def test_spans_of_time_and_restated_targets_are_not_promises():
    """State Council 2009: 争取用三年时间… says how long, not what; and the GDP target explained a
    paragraph later (提出国内生产总值增长8%左右，主要是…) is the same promise, listed once."""
    old = ("2009年政府工作报告\n一、2008年工作回顾\n国内生产总值增长9%。\n二、2009年工作安排\n"
           "今年经济社会发展的主要预期目标是：国内生产总值增长8%左右；城镇新增就业900万人以上。\n"
           "提出国内生产总值增长8%左右，主要是考虑就业的需要。\n争取用三年时间，解决750万户城市低收入住房困难家庭的住房问题。\n")
    new = "2010年政府工作报告\n一、2009年工作回顾\n国内生产总值增长8.7%。城镇新增就业1102万人。\n"
    c = compare(outline_text(old), outline_text(new))
    texts = [p.plan.text for p in c.promises]
    assert texts.count("8%左右") == 1 and "三年" not in texts and "750万户" in texts
    # State Council 2014: the growth target explained as 经济增长目标, and a deficit's rise over last
    # year's budget, restate targets already listed.
    old = ("2014年政府工作报告\n一、2013年工作回顾\n国内生产总值增长7.7%。\n二、2014年工作安排\n"
           "今年经济社会发展的主要预期目标是：国内生产总值增长7.5%左右。\n今年的经济增长目标定为7.5%左右，主要基于两方面考虑。\n"
           "今年拟安排财政赤字1.35万亿元，比去年预算增加1500亿元。\n目前我国年度财政性教育经费支出总额已经超过2万亿元。\n")
    c = compare(outline_text(old), outline_text(new))
    assert [p.plan.text for p in c.promises] == ["7.5%左右", "1.35万亿元"]  # 目前…已经: a fact the plan argues from


def test_plans_and_reviews_word_one_target_differently():
    """As the State Council's reports of 2009-2016 do: the plan's 拟安排…投入 is the review's
    用于…的支出; a plain sum is met within 5% either way; a fall aimed at (能耗强度下降) is beaten by
    a bigger fall; 再减少 X is X 减少; an outcome told in 万亿元 is compared with a target in 亿元."""
    old = """某省2021年政府工作报告
一、2020年工作回顾
全省生产总值增长5%。
二、2021年工作安排
今年中央财政拟安排“三农”投入7161亿元。拟投入社会保障资金2930亿元。科技投入9884.5亿元。能耗强度下降3.1%以上。再减少农村贫困人口1000万人以上。实施更加积极的就业政策，中央财政拟投入420亿元资金。
"""
    new = """某省2022年政府工作报告
一、2021年工作回顾
中央财政用于“三农”的支出7253亿元。安排社会保障资金2906亿元。科技支出超过1万亿元。单位生产总值能耗下降5.6%。农村贫困人口减少1232万人。中央财政安排医疗卫生资金1200亿元。
二、2022年工作安排
今年要继续努力。
"""
    found, c = promises(old, new)
    by_name = {p.indicator: p for p in c.promises}
    assert found["中央财政拟安排“三农”投入"] == "kept"  # 7253 against 7161
    assert found["拟投入社会保障资金"] == "kept"  # 2906 against 2930: within 5%
    assert found["科技投入"] == "kept" and by_name["科技投入"].outcome == 10000  # 超过1万亿元, told in 亿元
    assert found["能耗强度下降"] == "exceeded"
    assert found["再减少农村贫困人口"] == "exceeded"
    # 中央财政拟投入 says whose money, not what for: the 医疗卫生 sum is no evidence of it.
    jobs = by_name["中央财政拟投入"]
    assert jobs.status == "not_mentioned" and jobs.evidence is None


def test_a_target_spoken_of_without_a_figure_is_unclear():
    old = """某市2021年政府工作报告
一、2020年工作回顾
全市生产总值增长5%。
二、2021年工作安排
居民消费价格涨幅3%左右。城乡居民公共卫生服务经费不低于60元。今年拟安排财政赤字1.2万亿元。
"""
    new = """某市2022年政府工作报告
一、2021年工作回顾
居民消费价格涨幅保持较低水平。基本公共卫生服务均等化深入推进。去年财政赤字控制在预算范围内。
二、2022年工作安排
今年要继续努力。
"""
    found, c = promises(old, new)
    prices = next(p for p in c.promises if p.indicator == "居民消费价格涨幅")
    assert prices.status == "unclear" and prices.evidence.text == "居民消费价格涨幅" and prices.outcome is None
    # 公共卫生服务 is a part too short of 城乡居民公共卫生服务经费 to say the review speaks of it.
    assert found["城乡居民公共卫生服务经费"] == "not_mentioned"
    # No figure, but the review gives its verdict in words (State Council 2014).
    assert found["拟安排财政赤字"] == "kept"


def test_people_counted_list_items_and_verdicts_the_review_states():
    """What the 2014-2016 reports do: people counted by a noun unit (万农村人口, named by the verb
    再解决 / 又解决 alone), a list's later item named by its verb only (、新开工630万套), and a review
    that gives the verdict in words."""
    old = """某省2021年政府工作报告
一、2020年工作回顾
全省生产总值增长5%。
二、2021年工作安排
再解决6000万农村人口饮水安全问题。城镇保障性住房基本建成470万套、新开工630万套。淘汰黄标车和老旧车600万辆。二氧化硫排放减少3%左右。粮食产量5.5亿吨以上。
"""
    new = """某省2022年政府工作报告
一、2021年工作回顾
又解决6434万农村人口饮水安全问题。新开工保障性安居工程666万套，基本建成544万套。淘汰黄标车和老旧车指标超额完成。各项约束性指标超额完成。
二、2022年工作安排
今年要继续努力。
"""
    found, c = promises(old, new)
    assert found["再解决"] == "exceeded"  # 6434万 against 6000万: 7% over
    assert found["新开工"] == "exceeded"  # 666万套 against 630万套
    assert found["城镇保障性住房基本建成"] == "exceeded"  # 544万套 against 470万套
    scrapped = next(p for p in c.promises if p.indicator == "淘汰黄标车和老旧车")
    assert scrapped.status == "exceeded" and scrapped.outcome is None  # the review's own words
    # A claim said of all binding targets speaks of the 二氧化硫 target, though not comparably: the
    # reviewer sees the claim beside it (as the annotators of 2015 -> 2016 read it).
    sulphur = next(p for p in c.promises if p.indicator == "二氧化硫排放减少")
    assert sulphur.status == "unclear" and sulphur.evidence.text == "约束性指标" and sulphur.outcome is None
    assert found["粮食产量"] == "not_mentioned"  # grain is no binding target: the claim is not said of it


def test_words_that_look_like_plan_words_stay_in_names():
    """增加值 is a product, not an increase aimed at; 减少到 a level to reach, not a fall; English
    names keep their words apart."""
    old = """某区2021年政府工作报告
一、2020年工作回顾
地区生产总值增长5%。
二、2021年工作安排
服务业增加值达到500亿元。财政赤字减少到1000亿元。
"""
    new = """某区2022年政府工作报告
一、2021年工作回顾
服务业增加值达到520亿元。财政赤字减少到1100亿元。
二、2022年工作安排
今年要继续努力。
"""
    found, _ = promises(old, new)
    assert found["服务业增加值"] == "kept"  # 520 against 500: within 5%
    assert found["财政赤字减少"] == "missed"  # a deficit of 1100 over a ceiling of 1000
    english_old = ("Report on the Work of the Government\nI. Review of Our Work in 2018\nGDP grew by 6.6 percent.\n"
                   "II. Targets for 2019\nThe main projected targets for development this year are: over 11 million new "
                   "urban jobs; a CPI increase of around 3 percent; a surveyed urban unemployment rate of around 5.5 percent.\n")
    english_new = ("Report on the Work of the Government\nI. Review of Our Work in 2019\nA total of 13.52 million new urban "
                   "jobs were added. The CPI rose by 2.9 percent. The surveyed urban unemployment rate stayed around 5.3 "
                   "percent.\nII. Targets for 2020\nWe will work hard.\n")
    found, _ = promises(english_old, english_new)
    assert found == {"new urban jobs": "exceeded", "CPI increase": "kept", "surveyed urban unemployment rate": "kept"}


def test_plan_words_are_cut_only_as_words():
    """One-character plan words go only where a name opens with them (要把…, 再减少…); inside a
    name they are parts of its words. 人均 is part of what is counted."""
    from reportdiff.promises import promise_name

    assert promise_name("要把新农合补助标准") == "新农合补助标准"
    assert promise_name("主要污染物排放总量") == "主要污染物排放总量"
    assert promise_name("促进再就业") == "促进再就业"
    assert promise_name("城镇居民人均可支配收入") == "城镇居民人均可支配收入"
    assert promise_name("surveyed urban unemployment rate") == "surveyed urban unemployment rate"


def test_a_sum_named_by_whose_money_is_read_by_what_its_sentences_say_it_is_for():
    """中央财政拟投入420亿元 says whose money only; the sentences around it say what for (就业), and
    the review's sum whose sentences say the same is its outcome (State Council 2009 -> 2010). A sum
    whose purpose the review never speaks of stays not_mentioned, whatever other sums it gives."""
    old = """某省2021年政府工作报告
一、2020年工作回顾
全省生产总值增长5%。
二、2021年工作安排
千方百计促进就业。实施更加积极的就业政策，中央财政拟投入420亿元资金。一是把促进高校毕业生就业放在突出位置。
积极支持企业加快技术改造。中央财政拟安排200亿元专项资金，主要用贴息方式支持企业技术改造。
"""
    new = """某省2022年政府工作报告
一、2021年工作回顾
实施更加积极的就业政策。强化政府促进就业的责任。中央财政安排就业专项资金426亿元，比上年增长59%。
深化医药卫生体制改革。中央财政医疗卫生支出1277亿元。
二、2022年工作安排
今年要继续努力。
"""
    _, c = promises(old, new)
    by_target = {p.plan.text: p for p in c.promises}
    jobs = by_target["420亿元"]
    assert jobs.status == "kept" and jobs.evidence.text == "426亿元"
    assert by_target["200亿元"].status == "not_mentioned"  # no sum of the review is for 技术改造


def test_a_name_said_in_other_words_order_and_a_start_counted_as_the_plan_counts_it():
    """What the 2015 and 2016 reports do: 淘汰钢铁2700万吨 is spoken of as 钢铁…行业淘汰落后产能 with
    the verdict in words; 棚户区改造580万套 (a plan that names no stage counts starts) is the review's
    棚户区住房改造开工601万套, not its 建成; 年内 is a plan word."""
    old = """某省2021年政府工作报告
一、2020年工作回顾
全省生产总值增长5%。
二、2021年工作安排
今年要淘汰钢铁2700万吨。其中棚户区改造580万套。年内基本建成保障房480万套。
"""
    new = """某省2022年政府工作报告
一、2021年工作回顾
钢铁、水泥等15个重点行业淘汰落后产能年度任务如期完成。新开工保障性安居工程740万套，基本建成511万套。棚户区住房改造开工601万套。
二、2022年工作安排
今年要继续努力。
"""
    _, c = promises(old, new)
    by_target = {p.plan.text: p for p in c.promises}
    steel = by_target["2700万吨"]
    assert steel.status == "kept" and "如期完成" in steel.evidence.text and steel.outcome is None
    assert by_target["580万套"].status == "kept" and by_target["580万套"].evidence.text == "601万套"
    assert by_target["480万套"].status == "exceeded" and by_target["480万套"].evidence.text == "511万套"


def test_a_list_named_in_another_order_and_a_shorter_name_that_is_not_it():
    """State Council 2011 -> 2012: 新农合和城镇居民医保 is 城镇居民医保和新农合 the next year. 财政赤字 is
    two thirds of 中央财政赤字, too little to say the review speaks of the central deficit (2016 -> 2017:
    增加的财政赤字 is the total's)."""
    old = """某省2021年政府工作报告
一、2020年工作回顾
全省生产总值增长5%。
二、2021年工作安排
要把新农合和城镇居民医保财政补助标准提高到200元。其中中央财政赤字8500亿元。
"""
    new = """某省2022年政府工作报告
一、2021年工作回顾
各级财政对城镇居民医保和新农合的补助标准由每人每年120元提高到200元。去年财政赤字控制在预算范围内。
二、2022年工作安排
今年要继续努力。
"""
    _, c = promises(old, new)
    by_target = {p.plan.text: p for p in c.promises}
    assert by_target["200元"].status == "kept" and by_target["200元"].evidence.text == "200元"
    assert by_target["8500亿元"].status == "not_mentioned"
    from reportdiff.promises import _words_within
    assert not _words_within("国内生产总值", "单位国内生产总值能耗")  # one word in a longer name


def test_people_counted_by_their_noun_are_named_by_it():
    """State Council 2009 -> 2010: 增加500万沼气用户 is the review's 新增510万沼气用户; the unit says what
    is counted, where the sentence before names another thing (农村饮水安全工程使6069万农民受益)."""
    old = """某省2021年政府工作报告
一、2020年工作回顾
全省生产总值增长5%。
二、2021年工作安排
今年再解决6000万农村人口的安全饮水问题，增加500万沼气用户。
"""
    new = """某省2022年政府工作报告
一、2021年工作回顾
农村饮水安全工程使6069万农民受益，新增510万沼气用户。
二、2022年工作安排
今年要继续努力。
"""
    _, c = promises(old, new)
    biogas = next(p for p in c.promises if p.plan.text == "500万沼气用户")
    assert biogas.indicator == "增加沼气用户" and biogas.evidence.name == "新增沼气用户" and biogas.status == "kept"


def test_what_a_plan_argues_from_is_no_promise():
    """From the State Council plans of 2009-2017: a difference on last year said after the target
    (赤字1.12万亿元，增加1700亿元), a fact the plan starts from (我国有13亿人口, 已开工的57个项目) and a
    target said again to explain it (7%左右的速度可以…) are not promises; a sum budgeted by a target
    (已按…4%编制预算) still is."""
    old = """某省2021年政府工作报告
一、2020年工作回顾
全省生产总值增长5%。
二、2021年工作安排
国内生产总值增长7%左右。稳增长也是为了保就业，7%左右的速度可以实现比较充分的就业。其中，中央财政赤字1.12万亿元，增加1700亿元。我国有13亿人口、9亿劳动力资源。重大水利工程已开工的57个项目要加快建设，今年再开工27个项目。中央财政已按全国财政性教育经费支出占国内生产总值的4%编制预算。中央财政科技投入1461亿元，比上年预计数增加439亿元。
"""
    new = """某省2022年政府工作报告
一、2021年工作回顾
国内生产总值增长6.9%。
二、2022年工作安排
今年要继续努力。
"""
    _, c = promises(old, new)
    assert [p.plan.text for p in c.promises] == ["7%左右", "1.12万亿元", "27个", "4%", "1461亿元"]


def test_comparators_written_before_the_figure():
    """State Council 2013: 城镇登记失业率低于4.6% is a ceiling (the name is 城镇登记失业率, 低于 the
    comparator); 不超过 and 不高于 are ceilings though 超过 and 高于 are floors."""
    from reportdiff.figures import find_figures
    from reportdiff.promises import comparator_of

    assert [comparator_of(f) for f in find_figures("低于4.6%，不超过3%，不高于3%，高于6%，不低于60元，超过1万亿元")] == \
        ["ceiling", "ceiling", "ceiling", "floor", "floor", "floor"]
    old = """某省2021年政府工作报告
一、2020年工作回顾
全省生产总值增长5%。
二、2021年工作安排
城镇登记失业率低于4.6%。地方政府债务率不超过100%。
"""
    new = """某省2022年政府工作报告
一、2021年工作回顾
城镇登记失业率4.1%。地方政府债务率为104%。
二、2022年工作安排
今年要继续努力。
"""
    found, _ = promises(old, new)
    assert found == {"城镇登记失业率": "kept", "地方政府债务率": "missed"}


def test_targets_a_plan_states_in_passing_stay_targets():
    """What the review of this work found: 在已有基础上 opens a target, not a fact; a value said again
    opening a clause of its own (300万套棚户区改造) is a target of its own; a target in the narrower
    group (主要污染物) is shown with that group's claim."""
    old = """某省2021年政府工作报告
一、2020年工作回顾
全省生产总值增长5%。
二、2021年工作安排
在已有基础上新建改建农村公路20万公里。新建保障房300万套；300万套棚户区改造要加快推进。化学需氧量排放减少2%左右。
"""
    new = """某省2022年政府工作报告
一、2021年工作回顾
新建改建农村公路29万公里。各项约束性指标顺利完成，主要污染物排放量继续下降。
二、2022年工作安排
今年要继续努力。
"""
    _, c = promises(old, new)
    assert [p.plan.text for p in c.promises] == ["20万公里", "300万套", "300万套", "2%左右"]
    assert c.promises[0].status == "exceeded"
    assert c.promises[-1].status == "unclear" and c.promises[-1].evidence.text == "主要污染物"


def test_sums_of_one_sentence_are_told_apart_by_their_clauses():
    """Two sums in one sentence of the review share its words; the clause of each says what it is
    for (其中农田水利300亿元), and the plan's sum for 农田水利 takes that one."""
    old = """某省2021年政府工作报告
一、2020年工作回顾
全省生产总值增长5%。
二、2021年工作安排
加强农田水利建设。中央财政拟安排300亿元，支持农田水利设施改造。
"""
    new = """某省2022年政府工作报告
一、2021年工作回顾
加强水利建设，中央财政投入水利资金500亿元，其中农田水利300亿元。
二、2022年工作安排
今年要继续努力。
"""
    (promise,) = promises(old, new)[1].promises
    assert promise.status == "kept" and promise.evidence.text == "300亿元"


def test_the_value_aimed_at_and_a_short_form_name_the_outcome():
    """State Council 2009 -> 2010: 把小学和初中学生人均公用经费分别提高到300元和500元 is met by 提前一年实现
    农村中小学生人均公用经费500元和300元的目标 (names alike, not enough alone; the very values aimed at
    decide), and 中央财政拟安排200亿元 for 技术改造 by the review's 200亿元技改专项资金 (技改 is its short
    form), not by the 就业专项资金 the review also gives."""
    old = """某省2009年政府工作报告
一、2008年工作回顾
全省生产总值增长9%。
二、2009年工作安排
巩固农村义务教育经费保障机制，把小学和初中学生人均公用经费分别提高到300元和500元。
四是积极支持企业加快技术改造，建设创新型企业。中央财政拟安排200亿元专项资金，主要用贴息方式支持企业技术改造。
"""
    new = """某省2010年政府工作报告
一、2009年工作回顾
全年农村义务教育经费666亿元，提前一年实现农村中小学生人均公用经费500元和300元的目标。
产业结构调整力度加大。鼓励企业加快技术改造，安排200亿元技改专项资金支持4441个技改项目。
千方百计促进就业。中央财政安排就业专项资金426亿元。
二、2010年工作安排
今年要继续努力。
"""
    _, c = promises(old, new)
    by_target = {p.plan.text: p for p in c.promises}
    assert {t: (by_target[t].status, by_target[t].evidence.text) for t in ("300元", "500元", "200亿元")} == {
        "300元": ("kept", "300元"), "500元": ("kept", "500元"), "200亿元": ("kept", "200亿元")}


def test_a_target_named_by_what_is_done_and_people_by_any_noun():
    """State Council 2009 -> 2010: 再解决6000万人的安全饮水问题 names only what is done; its sentence
    says what, and the review's 农村饮水安全工程使6069万农民受益 counts the same people by another noun."""
    old = """某省2009年政府工作报告
一、2008年工作回顾
全省生产总值增长9%。
二、2009年工作安排
加强农村基础设施建设。加快病险水库除险加固，再解决6000万人的安全饮水问题。
"""
    new = """某省2010年政府工作报告
一、2009年工作回顾
农村基础设施建设加快。农村饮水安全工程使6069万农民受益。
千方百计促进就业。中央财政安排就业专项资金426亿元，帮助1100万人就业。
二、2010年工作安排
今年要继续努力。
"""
    _, c = promises(old, new)
    water = next(p for p in c.promises if p.plan.text == "6000万人")
    assert (water.status, water.evidence.text) == ("kept", "6069万农民")


def test_prices_spoken_of_as_prices_with_the_verdict_said():
    """State Council 2011 -> 2012: no CPI figure in the review, but 物价调控目标没有完成 in its list of
    shortcomings is the verdict on 居民消费价格总水平涨幅控制在4%左右; 遏制物价过快上涨 said earlier in
    passing is not."""
    old = """某省2011年政府工作报告
一、2010年工作回顾
全省生产总值增长9%。
二、2011年工作安排
今年主要预期目标是：居民消费价格总水平涨幅控制在4%左右。
"""
    new = """某省2012年政府工作报告
一、2011年工作回顾
加强和改善宏观调控，遏制物价过快上涨。
我们也清醒地看到，节能减排、物价调控目标没有完成。
二、2012年工作安排
今年要继续努力。
"""
    _, c = promises(old, new)
    cpi = next(p for p in c.promises if p.plan.text == "4%左右")
    assert cpi.status == "missed" and cpi.evidence.text == "物价"


def test_a_figure_later_in_the_sentence_that_names_the_target():
    """State Council 2011 -> 2012: the review names 新型农村社会养老保险试点 and, three clauses on in
    the same sentence, gives 覆盖面扩大到60%以上: the outcome of 试点范围扩大到全国40%. A sum of another
    size after 最低收购价 is not the outcome of a price raised 每50公斤5到7元."""
    old = """某省2011年政府工作报告
一、2010年工作回顾
全省生产总值增长9%。
二、2011年工作安排
将新型农村社会养老保险试点范围扩大到全国40%的县。小麦最低收购价每50公斤提高5到7元。
"""
    new = """某省2012年政府工作报告
一、2011年工作回顾
2343个县开展新型农村社会养老保险试点，3.58亿人参保，9880万人领取养老金，覆盖面扩大到60%以上。
提高小麦、稻谷最低收购价，发放农业补贴1839亿元。
二、2012年工作安排
今年要继续努力。
"""
    _, c = promises(old, new)
    by_target = {p.plan.text: p for p in c.promises}
    assert (by_target["40%"].status, by_target["40%"].evidence.text) == ("exceeded", "60%以上")
    assert by_target["5到7元"].status == "unclear" and by_target["5到7元"].evidence.text == "最低收购价"


def test_figures_of_other_indicators_are_no_outcome():
    """What the rules above must not do (found by review): a figure of its own indicator later in the
    sentence that speaks of the target, a 物价局 or a passing 物价, a frame shared with the very value
    aimed at (进口 / 出口), a count of another size for a target named by what is done."""
    old = """某区2021年政府工作报告
一、2020年工作回顾
地区生产总值增长5%。
二、2021年工作安排
今年主要预期目标是：地区生产总值增长7.5%；居民消费价格涨幅控制在4%左右；进口增长10%；铁路投资6000亿元。再解决60万人的安全饮水问题。
"""
    new = """某区2022年政府工作报告
一、2021年工作回顾
地区生产总值稳中有升；社会消费品零售总额完成159.5亿元，同比增长6.9%。物价总体稳定，城镇登记失业率4.1%。
出口增长10%，公路投资6000亿元。物价局查处价格违法案件，挽回损失3%。
农村饮水安全工程成效明显，五年来累计解决2.15亿农村人口饮水安全问题。
二、2022年工作安排
今年要继续努力。
"""
    _, c = promises(old, new)
    by_target = {p.plan.text: p for p in c.promises}
    assert by_target["7.5%"].status == "unclear" and by_target["7.5%"].evidence.value is None
    assert by_target["4%左右"].status == "unclear" and by_target["4%左右"].evidence.value is None
    assert by_target["10%"].status == "not_mentioned" and by_target["6000亿元"].status == "not_mentioned"
    assert by_target["60万人"].evidence is None or by_target["60万人"].evidence.value is None


def test_a_share_a_five_year_review_reaches_and_a_name_said_again():
    """State Council 2010 -> 2011: 扎实推进新型农村社会养老保险试点，试点范围扩大到23%的县 names the 试点 of
    the clause before, and 2011's review of 2006-2010 says 新型农村社会养老保险试点覆盖24%的县: where the
    share stands at the five years' end, the plan's year. A total of the five years is no outcome."""
    old = """某省2010年政府工作报告
一、2009年工作回顾
全省生产总值增长8%。
二、2010年工作安排
扎实推进新型农村社会养老保险试点，试点范围扩大到23%的县。城镇新增就业100万人。
"""
    new = """某省2011年政府工作报告
一、“十一五”时期经济社会发展的成就
五年来，城镇新增就业累计达到560万人，新型农村社会养老保险试点覆盖24%的县。
二、2011年工作安排
今年要继续努力。
"""
    _, c = promises(old, new)
    by_target = {p.plan.text: p for p in c.promises}
    assert by_target["23%"].indicator == "新型农村社会养老保险试点范围扩大"
    assert by_target["23%"].evidence.text == "24%" and by_target["23%"].status == "exceeded"  # a point over: beyond 0.5
    assert by_target["100万人"].status == "not_mentioned"
