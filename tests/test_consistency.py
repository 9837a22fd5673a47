"""Figures that do not add up across the two reports, and yearly counters copied unchanged:
planted cases, a negative twin, and a real one (海拉尔 2018 -> 2019)."""
from __future__ import annotations

from pathlib import Path

from conftest import CORPUS, needs_corpus
from reportdiff import load, outline_text
from reportdiff.compare import compare
from reportdiff.report.to_json import comparison_as_dict

REAL = Path(__file__).parent / "pairs" / "real"

OLD = """某区2021年工作总结
一、主要工作
一般公共预算收入完成7.5亿元，同比增长8%。地区生产总值完成300亿元，增长6%。
坚持以人民为中心，居民收入增长连续4年快于经济增长。
"""
PLANTED = """某区2022年工作总结
一、主要工作
一般公共预算收入完成8.2亿元，同比增长12%。地区生产总值完成330亿元，增长7%。
坚持以人民为中心，居民收入增长连续4年快于经济增长。
"""
TWIN = """某区2022年工作总结
一、主要工作
一般公共预算收入完成8.2亿元，同比增长9.3%。地区生产总值完成330亿元，增长7%。
坚持以人民为中心，居民收入增长连续5年快于经济增长。
"""


def test_planted_inconsistencies_are_reported():
    c = compare(outline_text(OLD), outline_text(PLANTED))
    kinds = {x.kind: x for x in c.inconsistencies}
    growth = kinds["growth_mismatch"]
    assert growth.claimed == 12 and growth.computed == 9.3 and "7.5亿元→8.2亿元" in growth.message
    assert "连续4年" in kinds["stale_counter"].new_text
    # 地区生产总值 grows in real terms while its levels are nominal: never checked (300 -> 330 is 10%, claimed 7%).
    assert len(c.inconsistencies) == 2
    data = comparison_as_dict(c)["inconsistencies"]
    assert {x["kind"] for x in data} == {"growth_mismatch", "stale_counter"}
    assert data[0]["old"] is not None and "7.5亿元" in data[0]["old"]["text"]


def test_negative_twin_reports_nothing():
    c = compare(outline_text(OLD), outline_text(TWIN))
    assert c.inconsistencies == []


def test_real_report_restates_last_years_retail_sales():
    """海拉尔 2019: 社会消费品零售总额174.2亿元, 同比增长6.2%; the 2018 report gave 159.5亿元 (9.2%):
    the earlier figure was revised, which a reviewer asks about (统计口径)."""
    c = compare(load(REAL / "hailar-2018-2019" / "old.txt"), load(REAL / "hailar-2018-2019" / "new.txt"))
    assert [(x.kind, x.claimed, x.computed) for x in c.inconsistencies] == [("growth_mismatch", 6.2, 9.2)]


STALE_OLD = """某镇2021年工作总结
一、2021年工作回顾
2021年，全镇上下齐心协力，圆满完成了县委县政府下达的各项目标任务。
新建村级党群服务中心3个，改造农村公路12公里。
二、2022年工作打算
2022年，我们将继续巩固脱贫攻坚成果，推进乡村振兴。
"""
STALE_NEW = """某镇2022年工作总结
一、2022年工作回顾
2021年，全镇上下齐心协力，圆满完成了县委县政府下达的各项目标任务。
新建村级党群服务中心5个，改造农村公路20公里。
二、2023年工作打算
与2021年相比，我们将继续巩固脱贫攻坚成果，推进乡村振兴。
"""
STALE_TWIN = STALE_NEW.replace("2021年，全镇", "2022年，全镇")


def test_a_year_copied_with_last_years_text_is_stale():
    """The 2022 review opens with last year's sentence word for word, 2021年 and all; the plan part
    may name 2021 as a base. The twin that changed the year reports nothing."""
    c = compare(outline_text(STALE_OLD), outline_text(STALE_NEW))
    stale = [x for x in c.inconsistencies if x.kind == "stale_year"]
    assert len(stale) == 1 and stale[0].new_text.startswith("2021年，全镇") and "2022年" in stale[0].message
    assert comparison_as_dict(c)["inconsistencies"][0]["kind"] == "stale_year"
    assert [x for x in compare(outline_text(STALE_OLD), outline_text(STALE_TWIN)).inconsistencies if x.kind == "stale_year"] == []


def test_real_reports_copy_no_stale_year():
    """海拉尔 2018 -> 2019 reviews 2017 and 2018 (一、2017年工作回顾 / 一、2018年工作回顾): nothing
    of 2017 was copied into the 2018 review unchanged."""
    from reportdiff.consistency import review_year

    old, new = load(REAL / "hailar-2018-2019" / "old.txt"), load(REAL / "hailar-2018-2019" / "new.txt")
    assert (review_year(old), review_year(new)) == (2017, 2018)
    assert not [x for x in compare(old, new).inconsistencies if x.kind == "stale_year"]


@needs_corpus
def test_average_growth_over_five_years_is_not_checked_against_last_year():
    """海拉尔 2016 sums up five years (由2010年的5.24亿元增加到2015年的15.07亿元，年均增长23.53%):
    an average over five years is no claim about the year, so nothing is flagged."""
    corpus = CORPUS / "hailar-district-gov-work-report"
    c = compare(load(corpus / "2015.txt"), load(corpus / "2016.txt"))
    assert not [x for x in c.inconsistencies if x.kind == "growth_mismatch" and "年均" in x.new_text]
