"""What a figure measures, on sentences taken from real reports (State Council 政府工作报告, 海拉尔区
政府工作报告, the official English translation): one test per fault class a reviewer met."""
from __future__ import annotations

import pytest

from reportdiff import outline_text
from reportdiff.compare import compare
from reportdiff.figures import find_figures
from reportdiff.indicators import describe, figures_by_unit
from reportdiff.model import Measure, Period, Role
from reportdiff.report.labels import LABELS
from reportdiff.report.view import change_label
from reportdiff.worddiff import tokenize


def described(text: str):
    figures = find_figures(text)
    for f in figures:
        describe(text, f, figures, tokenize)
    return {f.text: f for f in figures}


def paired(old: str, new: str) -> dict[tuple[str, str], object]:
    comparison = compare(outline_text("报告\n一、工作回顾\n" + old + "\n"), outline_text("报告\n一、工作回顾\n" + new + "\n"))
    return {(m.old.text, m.new.text): m for m in comparison.metrics if m.old is not None and m.new is not None}


# 1. The wrong indicator inside a unit.

def test_from_base_never_pairs_with_a_level():
    """2017: 国内生产总值达到74.4万亿元; 2018 (five-year review): 从54万亿元增加到82.7万亿元."""
    figs = described("国内生产总值从54万亿元增加到82.7万亿元，年均增长7.1%")
    assert (figs["54万亿元"].role, figs["82.7万亿元"].role) == (Role.FROM, Role.TO)
    assert figs["82.7万亿元"].name == "国内生产总值" and figs["年均增长7.1%".removeprefix("年均增长")].period == Period.AVERAGE
    pairs = paired("国内生产总值达到74.4万亿元，增长6.7%。", "国内生产总值从54万亿元增加到82.7万亿元，年均增长7.1%。")
    assert ("74.4万亿元", "82.7万亿元") in pairs and not any(old == "74.4万亿元" and new == "54万亿元" for old, new in pairs)
    assert ("6.7%", "7.1%") not in pairs  # a one-year growth rate is not a five-year average


def test_level_never_pairs_with_an_increment():
    """2018: 由每人每年420元提高到450元 (a level reached); 2019: 再增加40元 (an increment)."""
    assert described("居民基本医保人均财政补助标准再增加40元")["40元"].measure == Measure.INCREMENT
    level = described("城乡居民医保财政补助由每人每年420元提高到450元")
    assert (level["420元"].role, level["450元"].role, level["450元"].measure) == (Role.FROM, Role.TO, Measure.LEVEL)
    pairs = paired("城乡居民医保财政补助由每人每年420元提高到450元，同步提高个人缴费标准。",
                   "居民基本医保人均财政补助标准再增加40元，一半用于大病保险。")
    assert pairs == {}


def test_figures_in_different_units_never_pair():
    """海拉尔 2018 -> 2019: 38.6公里 of pipes and 29个 pipe works are no change of 25%; State Council
    2015 -> 2016: 15个 industries and 2.3亿吨 of cement neither. Laws counted 件 one year and 部 the
    next are one count."""
    assert paired("全年完成管网改造38.6公里，城市短板得到有效补充。",
                  "完成老旧小区供热三级管网改造29个，城市短板得到有效补充。") == {}
    assert ("38件", "8部") in paired("制定修订行政法规38件。", "制定修订行政法规8部。")


def test_incomes_of_different_people_never_pair_and_a_rate_turned_round():
    """State Council 2014 -> 2015: 城镇居民人均可支配收入实际增长7% is not 全国居民人均可支配收入实际增长8%;
    2017 -> 2018: 居民人均可支配收入实际增长6.3% is the 居民收入增长7.3% of the next year, and
    工业企业利润由上年下降2.3%转为增长8.5% is the 企业利润增长21% of the next."""
    pairs = paired("城镇居民人均可支配收入实际增长7%，农村居民人均纯收入实际增长9.3%。",
                   "全国居民人均可支配收入实际增长8%，农村居民人均可支配收入实际增长9.2%。")
    assert ("7%", "8%") not in pairs and ("9.3%", "9.2%") in pairs
    pairs = paired("全国居民人均可支配收入实际增长6.3%。工业企业利润由上年下降2.3%转为增长8.5%。",
                   "居民收入增长7.3%，工业增速回升，企业利润增长21%。")
    assert ("6.3%", "7.3%") in pairs and ("8.5%", "21%") in pairs and ("2.3%", "21%") not in pairs
    from reportdiff.metrics import indicator_name, name_similarity

    def similar(a: str, b: str) -> float:
        return name_similarity(indicator_name(a), indicator_name(b))
    assert similar("城镇居民人均可支配收入", "居民人均可支配收入") == 0  # per head, of other people
    assert similar("牧民人均纯收入", "农牧民人均纯收入") > 0.9  # both rural
    assert similar("村集体经济收入", "农村集体经济收入") > 0.9  # not a per-head income
    # State Council 2012: the 2300元 taken as the poverty line is the line, not the year's income.
    assert ("5919元", "2300元") not in paired("农民人均纯收入5919元。", "中央决定将农民人均纯收入2300元作为新的国家扶贫标准。")
    figs = described("工业企业利润由上年下降2.3%转为增长8.5%")
    assert (figs["2.3%"].role, figs["8.5%"].role, figs["8.5%"].name) == (Role.FROM, Role.TO, "工业企业利润增长")
    assert described("工业企业利润由上年增长5%转为下降3%")["3%"].name == "工业企业利润下降"  # its way said


def test_five_year_review_figures_are_not_this_years():
    """海拉尔 2016 reviews five years: 五年来… figures are multi-year, but a sentence that names
    2015 inside it gives that year's value."""
    outline = outline_text("报告\n一、“十二五”时期工作回顾\n五年来，累计完成全社会固定资产投资615亿元。"
                           "2015年城镇常住居民人均可支配收入完成30788元，比2010年增加13480元，年均递增12.2%。\n")
    from reportdiff.indicators import figures_by_unit
    figs = {f.text: f for found in figures_by_unit(outline).values() for f in found}
    assert figs["615亿元"].period == Period.MULTI_YEAR
    assert figs["30788元"].period == Period.YEAR and figs["30788元"].measure == Measure.LEVEL
    assert figs["13480元"].measure == Measure.INCREMENT
    assert figs["12.2%"].period == Period.AVERAGE


def test_a_stock_reached_in_a_five_year_review_is_now():
    """State Council 2016 opens its five-year paragraph `2015年是“十二五”收官之年。过去五年，…`: a
    fall over the five years is theirs (能耗下降18.2% is not 2015's 5.6%), but a stock said to be
    reached is where it stands now (铁路营业里程达到12.1万公里, 高速铁路超过1.9万公里), unless the
    sentence adds up what the years did (累计, 新增)."""
    outline = outline_text("报告\n一、工作回顾\n2015年是“十二五”收官之年。过去五年，我国发展成就举世瞩目。"
                           "铁路营业里程达到12.1万公里，其中高速铁路超过1.9万公里。城镇新增就业达到6431万人。"
                           "单位国内生产总值能耗下降18.2%。\n")
    from reportdiff.indicators import figures_by_unit
    figs = {f.text: f for found in figures_by_unit(outline).values() for f in found}
    assert figs["12.1万公里"].period == Period.YEAR and figs["超过1.9万公里"].period == Period.YEAR
    assert figs["6431万人"].period == Period.MULTI_YEAR and figs["18.2%"].period == Period.MULTI_YEAR
    public = outline_text("报告\n一、工作回顾\n过去五年，我国发展成就举世瞩目。一般公共预算收入达到15.2万亿元。\n")
    (revenue,) = [f for found in figures_by_unit(public).values() for f in found]
    assert revenue.period == Period.YEAR  # 公共 is no 共 (a total)


# 2. Pairs missed across rewritten text.

def test_listed_values_keep_their_own_subjects():
    """海拉尔 2018 -> 2019, the issue's example: 35512 -> 37820元 and 25689 -> 28104元."""
    pairs = paired("城镇和农村居民人均可支配收入分别达35512元、25689元，分别同比增长7.8%。",
                   "城乡常住居民人均可支配收入分别完成37820元、28104元，同比分别增长6.5%、9.4%。")
    assert ("35512元", "37820元") in pairs and ("25689元", "28104元") in pairs
    assert pairs[("25689元", "28104元")].new.name.startswith("农村")
    # One value said of both (分别同比增长7.8%) is each one's: it pairs with each item's rate.
    assert ("7.8%", "6.5%") in pairs and ("7.8%", "9.4%") in pairs
    assert pairs[("7.8%", "9.4%")].old.name.startswith("农村") and pairs[("7.8%", "6.5%")].old.name.startswith("城镇")
    # 城乡 said with one value: a target for each (海拉尔 2019 -> 2020 plans).
    plans = paired("城乡居民人均可支配收入分别增长7.5%。", "城乡常住居民人均可支配收入分别增长7%和8%左右。")
    assert ("7.5%", "7%") in plans and ("7.5%", "8%左右") in plans
    assert plans[("7.5%", "7%")].old.name.startswith("城镇") and plans[("7.5%", "8%左右")].old.name.startswith("农村")
    # Only urban and rural people are split so (not 教育和卫生, not a 分别 of another clause).
    assert [f.name for f in figures_by_unit(outline_text("报告\n各镇和街道分别制定工作方案，教育和卫生支出增长10%。\n"))[1]] \
        == ["教育和卫生支出增长"]
    # Items longer than a word of place are not taken apart (a list of things, not of places).
    assert [f.name for f in figures_by_unit(outline_text("报告\n农业产业化龙头企业和农民专业合作社分别增长12%。\n")).get(1, [])] == \
        ["农业产业化龙头企业和农民专业合作社分别增长"]


def test_rewritten_paragraphs_pair_by_indicator_name():
    """新增就业 / 城镇新增就业 in paragraphs rewritten beyond pairing: one name on each side."""
    comparison = compare(outline_text("报告\n一、回顾\n就业稳，城镇新增就业1322万人，高于上年。\n二、其他\n深化改革开放。\n"),
                         outline_text("报告\n一、回顾\n特别是就业形势总体稳定，新增就业1312万人，超过全年预期目标。\n二、其他\n扩大对外开放。\n"))
    assert any(m.old and m.new and (m.old.text, m.new.text) == ("1322万人", "1312万人") for m in comparison.metrics)


def test_amounts_in_different_scales_pair():
    """State Council 2017 -> 2018: 安排地方专项债券8000亿元 / 今年安排地方专项债券1.35万亿元, paragraphs
    rewritten beyond pairing (万亿元 is 10^12 元, not 10^4 亿元 of another kind of unit)."""
    comparison = compare(outline_text("报告\n一、工作\n安排地方专项债券8000亿元，继续发行地方政府置换债券。\n"),
                         outline_text("报告\n一、工作\n今年安排地方专项债券1.35万亿元，比去年增加5500亿元，优先支持在建项目平稳建设。\n"))
    m = next(m for m in comparison.metrics if m.old and m.new and m.old.text == "8000亿元")
    assert m.new.text == "1.35万亿元" and m.delta == pytest.approx(0.55) and m.ratio == pytest.approx(0.6875)


@pytest.mark.parametrize("old,new,pair", [
    ("能耗强度下降4.8%，是近年来最大降幅。", "单位国内生产总值能耗下降5.6%。", ("4.8%", "5.6%")),  # State Council 2015 -> 2016
    ("服务业增加值比重由46.9%提高到48.2%。", "服务业在国内生产总值中的比重上升到50.5%。", ("48.2%", "50.5%")),
    ("地方公共财政预算收入完成10.2亿元，同比增长10.3%。", "一般公共财政预算收入完成11.5亿元，同比增长13%。", ("10.3%", "13%")),  # 海拉尔
    ("旅游接待人数达到607万人次，同比增长14.8%。", "全年接待游客达到704万人次,同比增长16%。", ("607万人次", "704万人次")),
])
def test_renamed_indicators_pair(old, new, pair):
    """One indicator, named otherwise the next year (renamed by law, or by habit), in paragraphs
    rewritten beyond pairing: the table pairs it."""
    comparison = compare(outline_text(f"报告\n一、回顾\n{old}\n二、其他\n深化改革开放。\n"),
                         outline_text(f"报告\n一、回顾\n{new}\n二、其他\n扩大对外开放。\n"))
    assert pair in {(m.old.text, m.new.text) for m in comparison.metrics if m.old and m.new}


def test_a_qualified_name_pairs_with_itself_first():
    """State Council 2017 -> 2018: 财政赤字2.38万亿元 and 中央财政赤字1.55万亿元 stand in both years;
    across rewritten paragraphs each must find its own name before the other's (2.38 -> 1.55 was made)."""
    from reportdiff.metrics import name_similarity
    assert name_similarity("财政赤字", "财政赤字") > name_similarity("中央财政赤字", "财政赤字") >= 0.85
    pairs = paired("今年赤字率拟按3%安排，财政赤字2.38万亿元，比去年增加2000亿元。其中，中央财政赤字1.55万亿元。",
                   "今年赤字率拟按2.6%安排；财政赤字2.38万亿元，其中中央财政赤字1.55万亿元，地方财政赤字8300亿元。")
    assert ("2.38万亿元", "2.38万亿元") in pairs and ("1.55万亿元", "1.55万亿元") in pairs


# 3. Rates change in percentage points.

def test_rates_change_in_points():
    pairs = paired("居民消费价格上涨2.5%。", "居民消费价格上涨0.9%。")
    m = pairs[("2.5%", "0.9%")]
    assert m.in_points and m.delta == pytest.approx(-1.6) and m.ratio is None
    assert change_label(m, LABELS["zh"]) == "▼1.6个百分点"
    assert change_label(m, LABELS["en"]) == "▼1.6 pp"


# 4. Subjects a person can read.

@pytest.mark.parametrize("text,figure,subject", [
    ("地区生产总值达到 287.9亿元,同比增长8.9%（按可比价计算）", "8.9%", "地区生产总值"),  # 海拉尔 2016
    ("东山组团建设步伐加快。投资3.5亿元,实施了次干道路", "3.5亿元", "东山组团建设…加快 投资"),  # 海拉尔 2017
    ("广义货币M2（注：M2为M右下角加2）预期增长12%左右", "12%左右", "广义货币M2"),  # State Council 2015
    ("我们确实通过改革开放，新增就业1000万人以上", "1000万人以上", "新增就业"),
    ("| 地区生产总值 | 303.6亿元 |", "303.6亿元", "地区生产总值"),
    # 海拉尔 2018: one growth for both incomes of the list before it (it was "分别")
    ("城镇和农村居民人均可支配收入分别达35512元、25689元，分别同比增长7.8%", "7.8%", "城镇和…可支配收入"),
])
def test_subjects_are_readable(text, figure, subject):
    assert described(text)[figure].subject == subject


# 5. False figures.

@pytest.mark.parametrize("text", [
    "增加先进技术、设备和关键零部件进口",  # State Council
    "企业零成本开办",
    "报告分为三部分",
    "启动消除城区重点易涝区段三年行动",
    "出台促进中部地区崛起新十年规划",
    "打好实现建军一百年奋斗目标攻坚战",
    "更好地利用国内国际两个市场、两种资源",
    "按照区委十五届九次全会部署",  # 海拉尔
    "今年要重点抓好以下五项工作",  # State Council 2009: the text's own items, counted
    "着重对经济增长和物价总水平两个指标作些说明",
    "这三项改革要统筹推进",
    "更好调动中央和地方两个积极性",
    "是破除城乡二元结构的重要依托",
    "早籼稻、中晚籼稻、粳稻最低收购价每50公斤",  # the measure a price is per
    "这是重要原因之一",  # one of, not a fraction
    "落款日期为1/3/2020。",  # a date written with slashes
    "7/8月份降雨偏多",
    "G1/2国道改造",
    "另一半资金由地方筹集",
    "流动人口服务中心投入300万。",  # a sum later in the clause is no count of people
])
def test_set_phrases_and_ordinals_are_not_figures(text):
    assert find_figures(text) == []


# 6. Missing figures.

@pytest.mark.parametrize("text,written,value,unit", [
    ("实际使用外资1363 亿美元", "1363 亿美元", 1363, "亿美元"),
    ("Foreign direct investment reached $102.9 billion", "$102.9 billion", 102.9, "billion US$"),
    ("GDP grew by 6.6 percent", "6.6 percent", 6.6, "%"),
    ("unemployment was 5 per cent", "5 per cent", 5, "%"),
    ("13.61 million new urban jobs", "13.61 million", 13.61, "million"),
    ("2.36 trillion yuan in tax cuts", "2.36 trillion yuan", 2.36, "trillion yuan"),
    ("some 360,000 people", "some 360,000 people", 360000, "people"),
    ("GDP growth of 6 to 6.5 percent", "6 to 6.5 percent", 6, "%"),
    ("GDP growth of 6-6.5 percent", "6-6.5 percent", 6, "%"),
    ("the rate rose from 5 to 6 percent", "6 percent", 6, "%"),  # from a base to a value: the value, no range
    ("全年45个指标全部完成", "45个", 45, "个"),  # a count of indicators in digits is a figure
    ("粮食产量稳定在5.5亿吨以上", "5.5亿吨以上", 5.5, "亿吨"),  # State Council 2016: 亿 before a unit 万 also takes
    ("粮食产量超过1.2万亿斤", "超过1.2万亿斤", 1.2, "万亿斤"),
    ("全社会用电量7.2万亿千瓦时", "7.2万亿千瓦时", 7.2, "万亿千瓦时"),
    ("农村贫困人口减少1240万", "1240万", 1240, "万人"),  # State Council 2017: 人口 counted without a unit
    ("易地扶贫搬迁人口超过240万", "超过240万", 240, "万人"),
    ("专项转移支付项目要减少三分之一", "三分之一", 33.3, "%"),  # State Council 2014 -> 2015: fractions are shares
    ("专项转移支付项目比上年减少1/3以上", "1/3以上", 33.3, "%"),
    ("外商投资限制性条目减少一半", "一半", 50, "%"),
    ("费用降至原来的十二分之一", "十二分之一", 8.3, "%"),
    ("贫困人口不足10万", "不足10万", 10, "万人"),
])
def test_figures_written_otherwise_are_found(text, written, value, unit):
    (f,) = find_figures(text)
    assert (f.text, f.value, f.unit) == (written, value, unit)
    assert f.high == (6.5 if "6.5" in written else None)


def test_english_subjects_name_the_indicator():
    figs = described("Gross domestic product (GDP) reached 99.1 trillion yuan, representing a 6.1 percent increase over the previous year.")
    assert figs["6.1 percent"].measure == Measure.GROWTH
    assert figs["6.1 percent"].name == "Gross domestic product"
    figs = described("This year, 3.75 trillion yuan of special local government bonds will be issued, a 1.6 trillion yuan increase.")
    assert figs["3.75 trillion yuan"].name == "special local government bonds"
    assert figs["1.6 trillion yuan"].measure == Measure.INCREMENT
    assert find_figures("In 2019, Article 5 of the G20 statement") == []
    # A sum that is the subject of a passive is named by what it is put into (State Council 2019 / 2020).
    figs = described("This year, 577.6 billion yuan is included in the central government budget for related investment.")
    assert figs["577.6 billion yuan"].name == "central government budget for related investment"
    figs = described("And 600 billion yuan will be earmarked for investment in the central government budget.")
    assert figs["600 billion yuan"].name == "investment in the central government budget"
    assert described("This year, 3.65 trillion yuan is expected to be issued.")["3.65 trillion yuan"].name != "be issued"
    # The subject stands before its verb, however far the figure is (State Council 2019 / 2020 in English).
    figs = described("A further 13.61 million new urban jobs were added, and the surveyed unemployment rate remained "
                     "stable at a comparatively low level of around 5 percent.")
    assert figs["around 5 percent"].name == "surveyed unemployment rate"
    figs = described("Decisive achievements were made in poverty alleviation—the rural poor population was reduced by "
                     "11.09 million.")
    assert figs["11.09 million"].name == "rural poor population"  # a dash ends the clause before it
    figs = described("This year, average broadband service rates for small and medium enterprises will be lowered by "
                     "another 15 percent, and average rates for mobile internet services will be further cut by more "
                     "than 20 percent.")
    assert figs["15 percent"].measure == figs["more than 20 percent"].measure == Measure.GROWTH
    assert figs["more than 20 percent"].name == "average rates for mobile internet services"
    # An active verb's subject is who acts, not what is counted (found by review).
    figs = described("The central government will increase general transfer payments to local governments by 10.9 percent.")
    assert figs["10.9 percent"].name == "general transfer payments to local governments"
    figs = described("Preliminary calculations indicate that the burdens on market entities will be reduced by 500 billion yuan.")
    assert figs["500 billion yuan"].name == "burdens on market entities"


def test_sums_spent_on_different_works_do_not_pair():
    """海拉尔 2018 -> 2019, in a paragraph pair: 投资1.2亿元完成了机场路护坡改造 is not 投资920万元完成
    道路高低压线路改造; the 投资…完成… frame is the house style, what was built is the indicator."""
    from reportdiff.metrics import SUBJECT_MIN, indicator_name, name_similarity
    old, new = indicator_name("投资完成了机场路护坡改造"), indicator_name("投资完成道路高低压线路改造")
    assert (old, new) == ("机场路护坡改造", "道路高低压线路改造")
    assert name_similarity(old, new) < SUBJECT_MIN
    assert indicator_name("投资") == "投资"  # a name that is all frame stays as it is
    assert indicator_name("投资总额") == "投资总额" and indicator_name("投入产出比") == "投入产出比"


def test_what_a_verb_of_building_counts_is_named_after_the_figure():
    """State Council 2016: 再开工20项重大水利工程 counts 重大水利工程 (the 2017 review's 新开工重大水利工程
    21项); 2017: 新建改建高速公路6700多公里、农村公路29万公里 built both. 再开工27个项目 says no more
    than its verb, and pairs with 再开工20项重大水利工程 in a pair of paragraphs."""
    from reportdiff.compare import figures_by_unit

    def names(text: str) -> dict[str, str]:
        outline = outline_text("报告\n一、回顾\n" + text + "\n")
        return {f.text: f.name for figs in figures_by_unit(outline).values() for f in figs}

    assert names("公路投资1.65万亿元，再开工20项重大水利工程。")["20项"] == "再开工重大水利工程"
    assert names("今年再开工27个项目，在建投资规模超过8000亿元。")["27个"] == "再开工"
    assert names("新建改建高速公路6700多公里、农村公路29万公里。")["29万公里"] == "新建改建农村公路"
    assert names("建成6座水冲式公厕。")["6座"] == "建成水冲式公厕"
    # 海拉尔 2018 -> 2019 plans: 努力完成4000户的改造任务 / 完成800户的改造任务 count one task.
    assert names("继续推进棚户区改造工程，努力完成4000户的改造任务。")["4000户"] == "努力完成改造任务"
    assert ("4000户", "800户") in paired("继续推进棚户区改造工程，努力完成4000户的改造任务，加快推进17个棚改配套基础设施项目。",
                                       "继续推进棚户区改造，完成800户的改造任务。加快推进15个棚改配套基础设施项目。")
    # Closing is counted like building (State Council 2014: 淘汰钢铁…、水泥…, 2015: 钢铁、水泥…淘汰落后产能).
    assert names("今年要淘汰钢铁2700万吨、水泥4200万吨、平板玻璃3500万标准箱等落后产能。")["4200万吨"] == "要淘汰水泥"
    # Two values joined by 和 are values of what the first is named (State Council 2010 of 公用经费).
    both = names("提前一年实现农村中小学生人均公用经费500元和300元的目标。")
    assert both["300元"] == both["500元"] == "提前一年实现农村中小学生人均公用经费"
    # A list's verb is one of building, ending where a word ends: not 建 of 建筑业.
    assert names("建筑业增加值增长8%、房地产业增加值增长5%。")["5%"] == "房地产业增加值增长"
    pairs = paired("重大水利工程已开工的57个项目要加快建设，今年再开工27个项目，在建投资规模超过8000亿元。",
                   "重大水利工程已开工的57个项目要加快建设，今年再开工20项重大水利工程，在建投资规模超过9000亿元。")
    assert ("27个", "20项") in pairs
    # A name opening the other pairs only for one way of counting: 亿元 of 老城区改造 is not 8条 of roads.
    pairs = paired("老城区改造成效明显。全年共完成投资3.5亿元，完成了老城区道路提升改造，百姓出行难问题得到进一步改善。",
                   "老城区改造成效明显。完成了老城区8条、12.3公里道路提升改造，百姓出行难问题得到进一步改善。")
    assert ("3.5亿元", "8条") not in pairs


def test_built_things_pair_by_the_thing_counted():
    """海拉尔 2016 -> 2017, paragraphs rewritten beyond pairing: 建成6座水冲式公厕 is 改造新建公厕28座 (座 of
    公厕 both years). 2018 -> 2019: 新建改造公厕34座 is 26座水冲式公共厕所 (公共厕所 is 公厕), not 24座移动公厕.
    A word the names share that is not the thing counted pairs nothing (农村 of 幼儿园 and 卫生院)."""
    comparison = compare(
        outline_text("报告\n一、回顾\n城市管理水平明显提升，投资650万元建成6座水冲式公厕。\n二、其他\n深化改革开放。\n"),
        outline_text("报告\n一、回顾\n百姓如厕难的问题得到缓解，改造新建公厕28座。\n二、其他\n扩大对外开放。\n"))
    assert ("6座", "28座") in {(m.old.text, m.new.text) for m in comparison.metrics if m.old and m.new}
    comparison = compare(
        outline_text("报告\n一、回顾\n城市短板得到补充，新建改造公厕34座。\n二、其他\n深化改革开放。\n"),
        outline_text("报告\n一、回顾\n26座水冲式公共厕所、24座移动公厕投入使用。\n二、其他\n扩大对外开放。\n"))
    assert ("34座", "26座") in {(m.old.text, m.new.text) for m in comparison.metrics if m.old and m.new}
    comparison = compare(
        outline_text("报告\n一、回顾\n学前教育加快发展，新建农村幼儿园5所。\n二、其他\n深化改革开放。\n"),
        outline_text("报告\n一、回顾\n基层医疗条件改善，改造农村卫生院3所。\n二、其他\n扩大对外开放。\n"))
    assert not any(m.old and m.new for m in comparison.metrics)
