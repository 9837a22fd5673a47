"""Figures that do not add up across the two reports, and copies that forgot to change.

- `growth_mismatch`: this year's report gives a level and its growth (一般公共预算收入8.2亿元，
  同比增长12%), last year's gave the level of the year before (7.5亿元): the growth those two
  levels make (9.3%) differs from the one claimed by more than GROWTH_TOLERANCE. Not checked
  where the sentence says the growth is at comparable prices or on a comparable basis (可比, 不变价,
  实际增长), nor for 生产总值 / 增加值, whose growth is real while their levels are nominal; nor
  when either level is approximate (超过, 近, 左右).
- `stale_counter`: a sentence copied verbatim from last year that counts years in a row
  (连续4年): a yearly counter copied unchanged has not advanced.
- `stale_year`: last year's review year (2021年) in this year's review, followed by the words
  that follow it in the paired unit of last year's report: copied, and the year not changed.
  Checked only when each report says which year it reviews (一、2021年工作回顾 / 2022年度工作总结)
  and they are consecutive; not in this year's plan part, where last year can stand as a base.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .figures import scale_of
from .indicators import REVIEW_HEAD, sentence_at, unit_periods
from .metrics import indicator_name, name_similarity
from .model import Change, Measure, Metric, Outline, Period, RecycledKind, Recycling, Row

GROWTH_TOLERANCE = 1.0
"""Percentage points of difference allowed for rounding (a level of 7.5 may be 7.45..7.55)..."""
GROWTH_TOLERANCE_SHARE = 0.1
"""...or this share of the claimed growth, whichever is larger."""
_REAL_GROWTH = re.compile(r"可比|不变价|实际增长|扣除价格")
_REAL_INDICATORS = re.compile(r"生产总值|增加值|GDP|gross domestic", re.I)
_COUNTER = re.compile(r"连续[一二三四五六七八九十\d]+年")


@dataclass
class Inconsistency:
    kind: str
    """growth_mismatch | stale_counter | stale_year"""
    new_unit: int
    new_text: str
    old_unit: int | None
    old_text: str | None
    claimed: float | None
    computed: float | None
    message: str


def find_inconsistencies(old: Outline, new: Outline, rows: list[Row], metrics: list[Metric],
                         recycling: Recycling) -> list[Inconsistency]:
    return [*_growth_mismatches(old, new, metrics), *_stale_counters(new, recycling), *_stale_years(old, new, rows)]


def _growth_mismatches(old: Outline, new: Outline, metrics: list[Metric]) -> list[Inconsistency]:
    growth_by_unit: dict[int, list] = {}
    for m in metrics:
        if m.new is not None and m.new_index is not None and m.new.measure == Measure.GROWTH:
            growth_by_unit.setdefault(m.new_index, []).append(m.new)
    out = []
    for m in metrics:
        if m.old is None or m.new is None or m.new_index is None or m.old_index is None or m.change == Change.HIDDEN:
            continue
        if m.new.measure != Measure.LEVEL or m.old.measure != Measure.LEVEL or m.approx or m.in_points:
            continue
        if m.old.value is None or m.new.value is None or m.old.value <= 0 or _REAL_INDICATORS.search(m.new.name):
            continue
        (old_scale, old_base), (new_scale, new_base) = scale_of(m.old.unit), scale_of(m.new.unit)
        if old_base != new_base:
            continue
        claimed = next((g for g in growth_by_unit.get(m.new_index, []) if g.start > m.new.end and g.value is not None
                        and g.start - m.new.end <= 20 and not g.approx
                        and name_similarity(indicator_name(g.name), indicator_name(m.new.name)) >= 0.85), None)
        if claimed is None or claimed.value is None:
            continue
        if any(f.period != Period.YEAR for f in (claimed, m.new, m.old)):
            continue  # 年均增长23.53% over five years, or a level of another period: not this year's growth
        text = new.units[m.new_index].text
        sentence = sentence_at(text, m.new.start, m.new.end)
        if _REAL_GROWTH.search(sentence):
            continue
        computed = (m.new.value * new_scale / (m.old.value * old_scale) - 1) * 100
        if "下降" in text[max(0, claimed.start - 4):claimed.start] or "减少" in text[max(0, claimed.start - 4):claimed.start]:
            computed = -computed
        if abs(claimed.value - computed) <= max(GROWTH_TOLERANCE, GROWTH_TOLERANCE_SHARE * abs(claimed.value)):
            continue
        out.append(Inconsistency(
            "growth_mismatch", m.new_index, sentence, m.old_index, sentence_at(old.units[m.old_index].text, m.old.start, m.old.end),
            claimed.value, round(computed, 1),
            f"{m.new.subject}: 本年称增长{claimed.value:g}%，按两年报告的数字（{m.old.text}→{m.new.text}）为{computed:.1f}%"))
    return out


def _stale_counters(new: Outline, recycling: Recycling) -> list[Inconsistency]:
    verbatim = sorted((span.start, span.end) for span in recycling.spans if span.kind == RecycledKind.VERBATIM)
    starts = [a for a, _ in verbatim]
    unit_starts = [u.start for u in new.units]
    out = []
    seen: set[int] = set()
    for m in _COUNTER.finditer(new.source):
        k = bisect_right(starts, m.start()) - 1
        if k < 0 or m.end() > verbatim[k][1]:
            continue  # not inside a verbatim copy
        unit = bisect_right(unit_starts, m.start()) - 1
        if unit in seen:
            continue
        seen.add(unit)
        out.append(Inconsistency("stale_counter", unit, sentence_at(new.source, m.start(), m.end()), None, None, None, None,
                                 f"“{m.group()}”与上一年原文相同：逐年累计的说法照搬未更新？"))
    return out


def _stale_years(old: Outline, new: Outline, rows: list[Row]) -> list[Inconsistency]:
    old_year, new_year = review_year(old), review_year(new)
    if old_year is None or new_year != old_year + 1:
        return []
    periods = unit_periods(new)
    stale = re.compile(rf"(?<!\d){old_year}年(?!度?(?:相比|同期|基础))")
    out = []
    for row in rows:
        if row.old is None or row.new is None or periods[row.new] == Period.PLAN:
            continue
        text, before = new.units[row.new].text, old.units[row.old].text
        for m in stale.finditer(text):
            copied = text[m.start():m.end() + STALE_CONTEXT]
            if len(copied) > len(m.group()) and copied in before:  # the year and the words after it, as last year wrote them
                out.append(Inconsistency(
                    "stale_year", row.new, sentence_at(text, m.start(), m.end()), row.old,
                    sentence_at(before, before.find(copied), before.find(copied) + len(copied)), None, None,
                    f"“{m.group()}”连同上一年的原话照搬，而本年回顾的是{new_year}年：年份未改？"))
                break
    return out


_YEAR = re.compile(r"((?:19|20)\d\d)年")
_DATELINE = re.compile(r"((?:19|20)\d\d)年\d{1,2}月\d{1,2}日")
DATELINE_CHARS = 300
_LAST_YEAR_HEAD = re.compile(r"过去一年|一年来|去年")
STALE_CONTEXT = 6
"""stale_year: the characters after the year that must stand the same in last year's partner."""


def review_year(outline: Outline) -> int | None:
    """The year a report reviews: the year of its review heading (一、2021年工作回顾), or the year
    before its dateline when that heading says 过去一年, else of a title that names a year's summary
    (2022年度个人工作总结, not a dated 政府工作报告), else None."""
    for u in outline.units:
        if u.is_section_heading and REVIEW_HEAD.search(u.content):
            found = _YEAR.search(u.content)
            if found:
                return int(found.group(1))
            dated = _DATELINE.search(outline.source[:DATELINE_CHARS])
            if dated and _LAST_YEAR_HEAD.search(u.content):  # 一、过去一年工作回顾, in a report given in spring
                return int(dated.group(1)) - 1
    found = _YEAR.search(outline.title)
    if found and re.search(r"总结|述职|回顾", outline.title):
        return int(found.group(1))
    return None
