"""Promises kept? Last year's quantified targets against what this year's report says happened.

A promise is a figure of last year's plan part (period `plan`, read by indicators.py from
headings such as 工作安排 / 主要预期目标 / Tasks for 2019): 国内生产总值增长6%以上, 城镇新增就业
1100万人以上, 居民消费价格涨幅3%左右. Its evidence is a figure of this year's review part (period
`year`) naming the same indicator the same way (metrics.keys_agree on measure and unit, names
matching as figures across rewritten text do), the best match when several do. Concrete tasks
without a figure (建成…中心) are not tracked yet.

The verdict reads the comparator as its author meant it:
- a floor (以上, 超过, 不低于): met at or above it, `exceeded` beyond it by EXCEED_SHARE;
- a ceiling (以内, 以下, 不超过, 不到) and any target on an indicator where less is the aim
  (居民消费价格, 失业率, 赤字率, 能耗, 排放): met at or under it;
- around (左右, 约) or a plain value: met within AROUND_SHARE of it (of the value, or
  AROUND_POINTS percentage points for a rate), `exceeded` above that, `missed` below;
- a range (6%-6.5%): met inside, `exceeded` above, `missed` below.
`not_mentioned`: no figure of this year's review names the indicator (a finding worth a
question). `unclear`: evidence found without a value to compare (masked **).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .figures import scale_of
from .metrics import LEFTOVER_MIN, indicator_name, keys_agree, name_similarity
from .model import Figure, FiguresByUnit, Outline, Period, Role

EXCEED_SHARE = 0.05
"""A floor beaten by more than this share of the target is `exceeded`."""
AROUND_SHARE = 0.05
"""左右 a level: met within this share of the target."""
AROUND_POINTS = 0.5
"""左右 a rate: met within this many percentage points."""
LESS_IS_AIM = re.compile(r"居民消费价格|物价|CPI|失业率|赤字|能耗|排放|负债率|consumer prices|unemployment|deficit|"
                         r"energy consumption|emissions", re.I)
"""Indicators whose targets are ceilings whatever the comparator (CPI 3%左右 is kept at 2%)."""
_FLOOR = ("以上", "超过", "不低于", "逾", "over", "more than", "above", "at least")
_CEILING = ("以内", "以下", "不超过", "不到", "不足", "below", "under", "less than", "within", "up to")
_RANGE = "-－–—~～至到"
"""Between two figures, a range written with the unit on both ends: 6%－6.5%."""
STATUSES = ("not_mentioned", "missed", "unclear", "partial", "kept", "exceeded")
"""In the order a reviewer reads them: what was not reported, what was missed, first."""


@dataclass
class Promise:
    plan_unit: int
    """Index of last year's outline unit holding the target."""
    plan: Figure
    comparator: str
    """floor | ceiling | around | range | exact"""
    evidence_unit: int | None = None
    evidence: Figure | None = None
    status: str = "not_mentioned"

    @property
    def indicator(self) -> str:
        return self.plan.name

    @property
    def target(self) -> float | None:
        return self.plan.value

    @property
    def outcome(self) -> float | None:
        return self.evidence.value if self.evidence is not None else None


def comparator_of(figure: Figure) -> str:
    if figure.high is not None:
        return "range"
    q = figure.qualifier.lower()
    if any(word in q for word in _FLOOR):
        return "floor"
    if any(word in q for word in _CEILING):
        return "ceiling"
    if "左右" in q or "约" in q or "about" in q or "around" in q:
        return "around"
    return "exact"


def track_promises(old: Outline, new: Outline, old_figures: FiguresByUnit, new_figures: FiguresByUnit) -> list[Promise]:
    """Last year's quantified targets, each with this year's evidence and a verdict."""
    targets = []
    for k, figs in sorted(old_figures.items()):
        text = old.units[k].text
        skip = None
        for f, after in zip(figs, [*figs[1:], None]):
            if f is skip or f.period != Period.PLAN or not f.name or f.masked or f.role == Role.FROM:
                continue  # a from-base (税率从16%降至13%) is where things stand, not a promise
            if after is not None and after.start == f.end + 1 and text[f.end] in _RANGE and after.unit == f.unit:
                f = replace(f, high=after.value, text=text[f.start:after.end], end=after.end)  # 6%－6.5%
                skip = after
            targets.append((k, f))
    results = [(k, f) for k, figs in sorted(new_figures.items()) for f in figs if f.period == Period.YEAR]
    promises = []
    for k, plan in targets:
        promise = Promise(k, plan, comparator_of(plan))
        name = indicator_name(plan.name)
        best: tuple[float, int, Figure] | None = None
        for j, result in results:
            if not keys_agree(_as_result(plan), result) or scale_of(plan.unit)[1] != scale_of(result.unit)[1]:
                continue  # 20条 of roads is no evidence for 124.1万平方米 of housing
            score = name_similarity(name, indicator_name(result.name))
            if score >= LEFTOVER_MIN and (best is None or score > best[0]):
                best = (score, j, result)
        if best is not None:
            promise.evidence_unit, promise.evidence = best[1], best[2]
            promise.status = judge(promise)
        promises.append(promise)
    return promises


def _as_result(plan: Figure) -> Figure:
    """The plan figure as if it were a result of the year, for comparing keys."""
    return replace(plan, period=Period.YEAR, notes=[])


def judge(promise: Promise) -> str:
    target, high, outcome = promise.plan.value, promise.plan.high, promise.outcome
    if target is None or outcome is None:
        return "unclear"
    rate = promise.plan.is_rate
    less_is_aim = bool(LESS_IS_AIM.search(promise.plan.name))
    comparator = promise.comparator
    slack = AROUND_POINTS if rate else AROUND_SHARE * abs(target)
    if comparator == "range" and high is not None:
        if outcome > high:
            return "missed" if less_is_aim else "exceeded"
        return "kept" if outcome >= target or less_is_aim else "missed"
    if comparator == "ceiling" or less_is_aim:
        limit = target + (slack if comparator == "around" else 0)
        return "kept" if outcome <= limit + 1e-9 else "missed"
    if comparator == "around":
        if outcome > target + slack:
            return "exceeded"
        return "kept" if outcome >= target - slack else "missed"
    if outcome < target - 1e-9:
        return "missed"
    return "exceeded" if outcome > target + EXCEED_SHARE * abs(target) else "kept"

