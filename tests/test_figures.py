"""Figures: every number form, qualifiers, masks, and what must never be a figure."""
from __future__ import annotations

import pytest

from conftest import SEED
from reportdiff.figures import find_figures, parse_chinese_number

# text, figure as written, value, unit, qualifier, masked
FORMS = [
    ("组织集体学习12次", "12次", 12, "次", "", False),
    ("投资3.8亿元", "3.8亿元", 3.8, "亿元", "", False),
    ("培训教师1,200人次", "1,200人次", 1200, "人次", "", False),
    ("新增学位４２００个", "４２００个", 4200, "个", "", False),
    ("覆盖率100%", "100%", 100, "%", "", False),
    ("覆盖率１００％", "１００％", 100, "％", "", False),
    ("培训三千余人次", "三千余人次", 3000, "人次", "余", False),
    ("组织十二次", "十二次", 12, "次", "", False),
    ("新建一百二十个", "一百二十个", 120, "个", "", False),
    ("带动两万人就业", "两万人", 2, "万人", "", False),
    ("接待游客1.5万人次", "1.5万人次", 1.5, "万人次", "", False),
    ("改造12万平方米", "12万平方米", 12, "万平方米", "", False),
    ("接种4.8万剂次", "4.8万剂次", 4.8, "万剂次", "", False),
    ("降低百分之八", "百分之八", 8, "%", "", False),
    ("完成五成", "五成", 50, "%", "", False),
    ("提高2.3个百分点", "2.3个百分点", 2.3, "个百分点", "", False),
    ("走访企业380余家", "380余家", 380, "家", "余", False),
    ("帮扶200多户", "200多户", 200, "户", "多", False),
    ("受益近万人", None, None, None, None, None),  # 近万: a scale word alone is not a number
    ("覆盖约3000人", "约3000人", 3000, "人", "约", False),
    ("超过500名", "超过500名", 500, "名", "超过", False),
    ("完成5000亩以上", "5000亩以上", 5000, "亩", "以上", False),
    ("增长6%左右", "6%左右", 6, "%", "左右", False),
    ("不到10件", "不到10件", 10, "件", "不到", False),
    ("新建3至5个", "3至5个", 3, "个", "", False),
    ("召开党委会**次", "**次", None, "次", "", True),
    ("投入＊＊万元", "＊＊万元", None, "万元", "", True),
    ("建设××个", "××个", None, "个", "", True),
    ("完成XX项", "XX项", None, "项", "", True),
    ("调处纠纷**余起", "**余起", None, "起", "余", True),
    # People counted by what they are (State Council reports): the noun is the unit.
    ("再解决6000万农村人口饮水安全问题", "6000万农村人口", 6000, "万农村人口", "", False),
    ("连续4年保持增长", "4年", 4, "年", "", False),  # a counter (consistency.py reads it), not a span looked back over
    ("使20多万无电人口用上电", "20多万无电人口", 20, "万无电人口", "多", False),
    ("帮助20万余贫困人口脱贫", "20万余贫困人口", 20, "万贫困人口", "余", False),  # the qualifier is no part of the noun
    ("新增510万沼气用户", "510万沼气用户", 510, "万沼气用户", "", False),
    ("覆盖5亿人口", "5亿人口", 5, "亿人口", "", False),
    ("3.58亿人参保", "3.58亿人", 3.58, "亿人", "", False),
]


@pytest.mark.parametrize("text,written,value,unit,qualifier,masked", FORMS, ids=[f[0] for f in FORMS])
def test_number_forms(text, written, value, unit, qualifier, masked):
    figures = find_figures(text)
    if written is None:
        assert figures == []
        return
    assert len(figures) == 1, figures
    f = figures[0]
    assert (f.text, f.value, f.unit, f.qualifier, f.masked) == (written, value, unit, qualifier, masked)
    assert text[f.start:f.end] == written


def test_range_keeps_both_ends():
    (f,) = find_figures("新建3至5个")
    assert (f.value, f.high, f.approx) == (3, 5, True)


@pytest.mark.parametrize("text", [
    "2022年，全镇", "2021年度述职报告", "12月召开", "3月5日在会议上", "第一时间", "一是保持定力", "二、抓基层",
    "树牢“四个意识”", "坚定“四个自信”", "做到“两个维护”", "中央八项规定精神", "党的二十大精神", "履行“一岗双责”",
    "整治“四风”", "十大专项整治成效明显", "开展“三必到，五必访”服务", "一年来，我履职尽责", "一批懂教育的校长",
    "打通最后一公里", "经验做法在《**日报》刊发", "确保了四套班子协调高效运转", "深入千家万户", "第3次会议",
    "“十四五”规划", "十九届六中全会", "亿万群众", "千万农民", "过去五年，我们", "三年来", "近三年", "这十年间",
])
def test_not_figures(text):
    assert find_figures(text) == [], text


@pytest.mark.parametrize("text,value", [("十", 10), ("十二", 12), ("二十", 20), ("一百零五", 105), ("三千", 3000),
                                        ("一万二千", 12000), ("两百", 200), ("三点五", 3.5), ("二三", None)])
def test_chinese_numerals(text, value):
    assert parse_chinese_number(text) == value


def test_seed_figures_and_non_figures():
    """On the seed: the figures found, in order, and no formula among them."""
    text = SEED.read_text(encoding="utf-8")
    found = [f.text for f in find_figures(text)]
    assert found == [
        "12次", "6次", "6场次", "200人", "1000余人次", "**次", "**次", "**次", "**个", "**个", "**%", "**万元", "**个",
        "**万元", "**亿元", "**%", "**项", "5年", "**套", "**件", "**余起", "两年", "**个", "20余人", "**%", "**亿元",
        "**个", "**个", "**亿元", "**%", "**个", "**个", "**个", "**次", "**次", "**件", "**人", "**人", "**人", "**人",
        "**人", "**个", "**人",
    ]
    spans = [(f.start, f.end) for f in find_figures(text)]
    for formula in ("四个意识", "四个自信", "两个维护", "二十大", "八项规定", "一岗双责", "四风", "十大专项整治",
                    "三必到，五必访", "2022年", "一是", "四套班子", "六大纪律", "五化", "三级组织体系", "《**日报》"):
        pos = text.find(formula)
        assert pos >= 0, formula
        assert not any(a < pos + len(formula) and pos < b for a, b in spans), formula


@pytest.mark.parametrize("text,figure,value,unit", [
    ("日均新设企业1万6千多户", "1万6千多户", 16000, "户"),
    ("出境旅游1亿3千多万人次", "1亿3千多万人次", 13000, "万人次"),  # 1亿 and 3千万, counted in 万
    ("全年培训1万2千人", "1万2千人", 12000, "人"),
])
def test_digits_with_chinese_magnitudes_inside(text, figure, value, unit):
    """State Council 2018 writes 1万6千多户 and 1亿3千多万: one figure each, valued as said
    (they were missed altogether, so 1.5万户 -> 1万6千多户 could not be paired)."""
    found = find_figures(text)
    assert [(f.text, f.value, f.unit) for f in found] == [(figure, value, unit)]
