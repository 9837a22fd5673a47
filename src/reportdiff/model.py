"""The data passed between the stages: read -> outline -> align -> compare -> report.

Plain dataclasses; the closed vocabularies are enums whose members *are* their JSON strings, so
`Status.EDITED == "edited"` and JSON and templates see the string.

One name per idea in code. Where the JSON contract (docs/json.md) keeps an older string, the
member's value says so; these are the only such cases:
- `Status.VERBATIM` is "same" and `Status.FIGURES_ONLY` is "numbers_only" (a unit's status);
- `RecycledKind.FIGURES_ONLY` is "figures_swapped" (a recycled run: the same idea, for text);
- `Change.UNCHANGED` is "same" and `Change.HIDDEN` is "unknown" (a figure's change);
- a metric's JSON `old_unit` is the old figure's unit of measure, not an outline index.

Nothing here assumes exactly two reports beyond the pairwise types: a history of N years is N
outlines and the N-1 alignments (and comparisons) between neighbours.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .consistency import Inconsistency
    from .promises import Promise
    from .recycle import Shares
    from .wordweights import WordWeights


class Name(str, Enum):
    """An enum member that is its string: str(), format() and json.dumps give the value."""

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)


class UnitKind(Name):
    TITLE = "title"
    PREAMBLE = "preamble"
    HEADING = "heading"
    LEAD = "lead"
    """The first body text after a heading, before its points."""
    POINT = "point"
    CLOSING = "closing"


class Status(Name):
    """What became of a unit between the years."""

    VERBATIM = "same"
    FIGURES_ONLY = "numbers_only"
    EDITED = "edited"
    ADDED = "added"
    REMOVED = "removed"


STATUSES = tuple(Status)
"""In the order the page and JSON list them."""


class MatchHow(Name):
    """Which step of the alignment paired the units (docs/alignment.md)."""

    SECTION = "section"
    LOCAL = "local"
    GLOBAL = "global"
    SPLIT = "split"
    """One old unit became several new ones."""
    MERGE = "merge"
    """Several old units became one."""


class Change(Name):
    """How a figure changed between the years."""

    UP = "up"
    DOWN = "down"
    UNCHANGED = "same"
    HIDDEN = "unknown"
    """A side is masked (**): no value to compare."""
    ADDED = "added"
    REMOVED = "removed"


class Measure(Name):
    """What a figure measures (figures of different measures never pair)."""

    LEVEL = "level"
    """An amount or count: 地区生产总值303亿元, 新增就业1100万人, 提高到450元."""
    GROWTH = "growth"
    """A rate of change: 同比增长7.5%, CPI上涨2.5%, 增速6.1%."""
    INCREMENT = "increment"
    """A change in absolute terms: 比上年增加40元, 再增加1.6万亿元, 下降0.3个百分点."""
    SHARE = "share"
    """A rate or share that is itself a level: 城镇化率60%, 覆盖率100%, 赤字率2.8%."""


class Period(Name):
    """What stretch of time a figure covers, read from its sentence and the part of the report."""

    YEAR = "year"
    """The year under review (the default)."""
    MULTI_YEAR = "multi_year"
    """A total or result over several years: 五年来, 过去五年, “十二五”时期, 累计五年."""
    AVERAGE = "average"
    """A yearly average over several years: 年均增长7.8%."""
    PLAN = "plan"
    """A target or task for the coming year: 今年主要预期目标, 2017年工作安排."""


class Role(Name):
    """A figure's place in a from-to phrase (从54万亿元增加到82.7万亿元)."""

    NONE = ""
    FROM = "from"
    """The base: pairs only with another base."""
    TO = "to"
    """The value reached: a level like any other."""


class RecycledKind(Name):
    VERBATIM = "verbatim"
    FIGURES_ONLY = "figures_swapped"
    FORMULAE = "formulae"
    """A common formula everyone writes: counted apart, never as copying."""


@dataclass
class Document:
    """A report as read from disk: its text exactly as decoded, plus layout hints."""

    path: str
    text: str
    encoding: str
    heading_hints: dict[int, int] = field(default_factory=dict)
    """Start offset of a paragraph -> heading level, from Word heading styles."""
    page_starts: list[int] = field(default_factory=list)
    """Offsets in `text` where each page begins: a PDF's pages, a Word file's as Word last laid it
    out (empty for text, and for Word files without that record): for citing."""


@dataclass
class Unit:
    """One piece of a report: the smallest thing reportdiff aligns, classifies and shows."""

    kind: UnitKind
    level: int
    """Depth in the outline: 0 for title/preamble/closing, heading levels from 1, body = parent + 1."""
    marker: str
    """Enumeration or heading marker as written ("一、", "（二）", "三是"), or ""."""
    start: int
    """Offset of the unit's first character in the source text (its span is [start, end))."""
    end: int
    text: str
    """Exact original text of the span, trailing whitespace included."""
    parent: int = -1
    """Index of the enclosing heading unit, -1 at top level."""
    section: int = -1
    """Index of the enclosing level-1 heading (itself for a level-1 heading), -1 outside sections."""
    key: str = field(default="", repr=False)
    """Normalized content without its marker: what matching compares."""
    masked: str = field(default="", repr=False)
    """`key` with every figure masked: equal masked keys mean "only the figures changed"."""

    @property
    def content(self) -> str:
        """The unit's text without surrounding whitespace."""
        return self.text.strip()

    @property
    def is_section_heading(self) -> bool:
        return self.kind == UnitKind.HEADING and self.level == 1


@dataclass
class Outline:
    """A report's units in document order, with the text they tile."""

    path: str
    source: str
    units: list[Unit]
    page_starts: list[int] = field(default_factory=list)
    """Offsets in `source` where each page begins, when the report came from a PDF or a Word
    file that records its pages."""

    @property
    def title(self) -> str:
        return next((u.content for u in self.units if u.kind == UnitKind.TITLE), "")

    def sections(self) -> list[int]:
        """Indices of the level-1 headings."""
        return [i for i, u in enumerate(self.units) if u.is_section_heading]


@dataclass
class Match:
    """Units paired across the two reports: one-to-one, or one-to-many for a split/merge."""

    old: tuple[int, ...]
    new: tuple[int, ...]
    how: MatchHow


@dataclass
class Alignment:
    old: Outline
    new: Outline
    matches: list[Match]
    section_pairs: dict[int, int]
    """Paired level-1 headings, old index -> new index."""
    weights: WordWeights | None = None
    """The pair's word weights, to say why units were paired (their shared rare words)."""

    def partner_maps(self) -> tuple[dict[int, Match], dict[int, Match]]:
        by_old = {i: m for m in self.matches for i in m.old}
        by_new = {j: m for m in self.matches for j in m.new}
        return by_old, by_new


@dataclass
class Figure:
    """One figure found in a text; offsets are relative to the text given to `find_figures`."""

    text: str
    start: int
    end: int
    value: float | None
    """None when masked."""
    unit: str
    """As written, scale folded in: 次, 人次, 万元, 亿元, %, 个百分点."""
    qualifier: str = ""
    masked: bool = False
    high: float | None = None
    """Upper end of a range (3至5个), else None."""
    subject: str = ""
    """What the figure counts, readable alone (城镇常住居民人均可支配收入, GDP growth), cut to a
    readable length (分专题…学习)."""
    name: str = ""
    """The subject in full, as figures of the two years are matched by it."""
    measure: Measure = Measure.LEVEL
    period: Period = Period.YEAR
    role: Role = Role.NONE
    notes: list[str] = field(default_factory=list)

    @property
    def is_rate(self) -> bool:
        """A percentage or a difference of percentages: changes of it are told in points."""
        return self.unit in RATE_UNITS

    @property
    def approx(self) -> bool:
        return bool(self.qualifier) or self.high is not None


RATE_UNITS = frozenset({"%", "％", "个百分点", "百分点", "percentage points"})
"""Units of a rate: 2.5% -> 0.9% is told as -1.6 percentage points, never as -64%."""

FiguresByUnit = dict[int, list[Figure]]
"""Outline unit index -> the unit's figures (offsets relative to the unit's text)."""


@dataclass
class Metric:
    """A figure of last year paired with this year's (either may be None: added / removed)."""

    old: Figure | None
    new: Figure | None
    old_index: int | None
    """Index of the old outline's unit holding the old figure."""
    new_index: int | None
    change: Change = Change.HIDDEN
    delta: float | None = None
    """new - old, in the new figure's unit; for rates (`in_points`), in percentage points."""
    ratio: float | None = None
    """Relative change, delta / old; None for rates, whose change is told in points."""
    flags: list[str] = field(default_factory=list)
    """unit_differs (人 vs 人次), approx (a qualifier or range on either side)."""
    row: int = -1
    """Index of the comparison row showing the figure (the new side's, else the old side's)."""

    @property
    def figure(self) -> Figure:
        """This year's figure, else last year's."""
        figure = self.new or self.old
        assert figure is not None, "a metric holds at least one figure"
        return figure

    @property
    def subject(self) -> str:
        return self.figure.subject

    @property
    def in_points(self) -> bool:
        """Both figures are rates: the change is the difference in percentage points."""
        return self.old is not None and self.new is not None and self.old.is_rate and self.new.is_rate

    @property
    def unit(self) -> str:
        return self.figure.unit

    @property
    def masked(self) -> bool:
        return any(f is not None and f.masked for f in (self.old, self.new))

    @property
    def approx(self) -> bool:
        return any(f is not None and f.approx for f in (self.old, self.new))


@dataclass
class Span:
    """A run of the later text found in the earlier one; offsets into the original texts."""

    start: int
    end: int
    old_start: int
    old_end: int
    kind: RecycledKind


@dataclass
class Recycling:
    spans: list[Span]
    """Recycled text cut at sentence ends, each piece verbatim or figures-only."""
    runs: list[Span]
    """The maximal runs, whole (a run is figures-only when any of its figures changed)."""
    formula_spans: list[tuple[int, int]] = field(default_factory=list)
    """Spans of the later text that are common formulae (counted apart)."""


@dataclass
class Row:
    """One entry of the comparison: a unit of either report, or a pair of them."""

    kind: UnitKind
    level: int
    old: int | None
    """Index into the old outline's units, None when this row has no old unit."""
    new: int | None
    status: Status
    similarity: float = 0.0
    moved: bool = False
    diff: list[tuple[int, str]] | None = None
    """Inline word diff [(op, text)], op -1 old only, 0 both, 1 new only; on a group's first row."""
    group: int | None = None
    """Rows of one split/merge share a group number; the first row carries the diff."""
    join: MatchHow | None = None
    """SPLIT or MERGE for the rows of a group."""
    moved_from: int | None = None
    """For a unit now under another heading: the old heading it stood under (index in old)."""
    old_place: int | None = None
    """For a level-1 heading whose section changed place: its 1-based place in the old report."""
    terms: list[str] = field(default_factory=list)
    """For a paired row (a group's first): the rarest words both sides use, why they were paired."""

    @property
    def unit_index(self) -> tuple[str, int]:
        """("new", index) when the row has a new unit, else ("old", index)."""
        if self.new is not None:
            return "new", self.new
        assert self.old is not None, "a row holds at least one unit"
        return "old", self.old


@dataclass
class Comparison:
    """Two outlines aligned and compared: the rows in the later report's order, figures paired,
    recycled text found."""

    old: Outline
    new: Outline
    rows: list[Row]
    alignment: Alignment
    metrics: list[Metric]
    """Every figure of both reports, paired where it can be, in the later report's order."""
    recycling: Recycling
    """Runs of the later report found in the earlier one."""
    shares: Shares
    summary: Counter = field(default_factory=Counter)
    """Rows by status."""
    promises: list[Promise] = field(default_factory=list)
    """Last year's quantified targets with this year's evidence and a verdict (promises.py)."""
    plan_found: bool = False
    """Whether last year's report has a plan part at all (no plan: no promises, and the page says so)."""
    inconsistencies: list[Inconsistency] = field(default_factory=list)
    """Figures that do not add up across the reports, copies that forgot to change (consistency.py)."""

    def row_maps(self) -> tuple[dict[int, int], dict[int, int]]:
        """(old unit -> row index, new unit -> row index)."""
        return ({r.old: n for n, r in enumerate(self.rows) if r.old is not None},
                {r.new: n for n, r in enumerate(self.rows) if r.new is not None})

    def unit_of(self, row: Row) -> Unit:
        """The row's unit of the later report, else of the earlier one."""
        side, index = row.unit_index
        return (self.new if side == "new" else self.old).units[index]


# The scan of many reports.

@dataclass
class ScannedReport:
    path: str
    chars: int
    text: str = field(repr=False)
    starts: np.ndarray = field(repr=False)
    ends: np.ndarray = field(repr=False)
    size: int = 0
    """Comparable characters (the stream's length)."""


@dataclass
class Passage:
    text: str
    chars: int
    a_start: int
    b_start: int
    """Offsets in the two original texts."""


@dataclass
class SharedPair:
    a: int
    b: int
    shared_a: float
    shared_b: float
    passages: list[Passage]

    @property
    def weight(self) -> float:
        return max(self.shared_a, self.shared_b)

    def share_of(self, report: int) -> float:
        """Share of `report`'s text (report a or b) that the other one holds too."""
        return self.shared_a if report == self.a else self.shared_b

    def other(self, report: int) -> int:
        return self.b if report == self.a else self.a


@dataclass
class Cluster:
    text: str
    reports: list[int]


@dataclass
class ScanResult:
    reports: list[ScannedReport]
    pairs: list[SharedPair]
    clusters: list[Cluster]
    skipped: list[tuple[str, str]]
    """(path, reason) of files that could not be read."""

    def peers(self) -> dict[int, SharedPair]:
        """Each report's most similar other report."""
        best: dict[int, SharedPair] = {}
        for pair in self.pairs:
            for me in (pair.a, pair.b):
                current = best.get(me)
                if current is None or pair.share_of(me) > current.share_of(me):
                    best[me] = pair
        return best
