"""Figures that do not add up across the two reports, and yearly counters copied unchanged:
planted cases, a negative twin, and a real one (海拉尔 2018 -> 2019)."""
from __future__ import annotations

from pathlib import Path

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
