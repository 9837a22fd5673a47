"""Promises on real reports: the State Council's targets for 2009-2017 against what the next
year's report says of them, labelled by reading (tests/pairs/real/PROMISE_RULES.md).

A labelled target is found when a promise holds that figure of last year's text (its span
overlaps the label's); its status counts as right when the verdict is the label's. Three scores:
`status` over every target the next report speaks of (labels `unclear` included), `verdict` over
the targets whose outcome it states (kept / exceeded / missed / partial: the issue's "status right
where the next report states an outcome"), `not_mentioned` over the targets it is silent on. Floors
are the scores reached when set (last 2026-11-29, fifth session), less a margin. Verdicts stay under
the issue's 0.85 on most years by one or two targets: outcomes named otherwise (易地搬迁脱贫 /
易地扶贫搬迁人口, 减轻企业和个人负担 / 降低企业税负), a name said only by the clause before (扎实推进新型农村
社会养老保险试点，试点范围扩大到23%), labels resting on the next year's plan (补助标准由240元提高到280元:
such bases are left out on purpose, they restate budgets as often), a 0.6-point M2 overshoot the
label calls kept, and 中央财政赤字 under 财政赤字控制在预算范围内 (MENTION_SHARE).

2014-2015 and 2015-2016 were labelled later (second session of 2026-11-29) by annotators who had
not seen the code, and scored first as held out: found/status/not_mentioned 0.82/0.25/0.79 and
0.89/0.17/0.95. Two fixes were then prompted by their misses (再减少 X is X 减少; a fall aimed at is
beaten by a bigger fall), so they are held out no longer in the strict sense; they are kept apart
here so that their scores are read apart.
"""
from __future__ import annotations

import json

import pytest

import reportdiff
from gold import PAIRS
from reportdiff.compare import compare

# case: (targets found, status right where the next report speaks of the target, verdict right where it
# states an outcome (VERDICTS), not_mentioned right)
FLOORS = {
    "promises-2009-2010": (0.95, 0.65, 0.90, 0.95),
    "promises-2010-2011": (0.95, 0.40, 0.75, 0.90),
    "promises-2011-2012": (0.95, 0.60, 0.50, 0.95),
    "promises-2012-2013": (0.95, 0.80, 0.80, 0.95),
    "promises-2013-2014": (0.95, 0.70, 0.80, 0.95),
}
LATER_FLOORS = {
    "promises-2014-2015": (0.90, 0.60, 0.70, 0.90),
    "promises-2015-2016": (0.95, 0.85, 0.75, 0.95),
}
HELD_OUT_FLOORS = {
    "promises-2016-2017": (0.95, 0.45, 0.75, 0.85),
    "promises-2017-2018": (0.93, 0.35, 0.90, 0.90),
}
"""Labelled in the fourth session of 2026-11-29 by an annotator who had not seen the code, and
scored once before any change they could prompt: found/status/not_mentioned 0.95/0.28/0.81 and
0.93/0.20/0.91 (2017-2018's verdict then 0.50; 0.75 after the fifth session's name rules, 1.00 once a
five-year review's shares counted as the plan year's, its details still unread). 2018 reviews five
years and says little of 2017 alone. Fixes prompted by 2016-2017's misses since (再开工20项重大水利工程,
a 、 list's verb, 5.5亿吨) make it held out no longer; 2017-2018 is."""


VERDICTS = ("kept", "exceeded", "missed", "partial")
"""Labels where the next report states an outcome, by a figure or in words (超额完成): the issue's
"status right where the next report states an outcome". `status` counts `unclear` labels too (the
report speaks of the target, not comparably), a stricter score."""


def promise_scores(case: str) -> dict:
    folder = PAIRS / "real" / case
    old, new = reportdiff.load(folder / "old.txt"), reportdiff.load(folder / "new.txt")
    comparison = compare(old, new)
    labels = json.loads((folder / "promises.json").read_text(encoding="utf-8"))["targets"]

    def span(promise) -> tuple[int, int]:
        start = old.units[promise.plan_unit].start
        return start + promise.plan.start, start + promise.plan.end

    found, stated, stated_right, silent, silent_right, wrong = 0, 0, 0, 0, 0, []
    judged, judged_right = 0, 0
    for label in labels:
        at = old.source.find(label["plan"])
        assert at >= 0 and old.source.find(label["plan"], at + 1) < 0, label["plan"]
        lo = at + len(label["plan"]) - len(label["figure"])
        hi = at + len(label["plan"])
        ours = next((p for p in comparison.promises if span(p)[0] < hi and lo < span(p)[1]), None)
        status = ours.status if ours is not None else None
        found += ours is not None
        if label["status"] == "not_mentioned":
            silent += 1
            silent_right += status == "not_mentioned"
        else:
            stated += 1
            stated_right += status == label["status"]
        if label["status"] in VERDICTS:
            judged += 1
            judged_right += status == label["status"]
        if status != label["status"]:
            wrong.append((label["indicator"], label["figure"], label["status"], status))
    return {"found": found / len(labels), "status": stated_right / max(stated, 1),
            "verdict": judged_right / max(judged, 1),
            "not_mentioned": silent_right / max(silent, 1), "wrong": wrong}


@pytest.mark.parametrize("case", sorted(FLOORS | LATER_FLOORS | HELD_OUT_FLOORS))
def test_real_promise_scores_hold(case):
    scores = promise_scores(case)
    found, status, verdict, silent = (FLOORS | LATER_FLOORS | HELD_OUT_FLOORS)[case]
    assert scores["found"] >= found, scores
    assert scores["status"] >= status, scores
    assert scores["verdict"] >= verdict, scores
    assert scores["not_mentioned"] >= silent, scores
