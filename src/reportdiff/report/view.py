"""The review page's view-model: plain data the templates only display, never compute."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path

from ..indicators import sentence_at
from ..model import STATUSES, Change, Comparison, Metric, Outline, RecycledKind, Row, ScanResult, Status, Unit, UnitKind
from ..recycle import cut_by_unit
from ..textnorm import INVISIBLE
from .cite import Place, places, reference, row_reference, short
from .labels import LABELS, SCAN_LABELS

BIG_PAGE_ROWS = 400
FOLD_MIN = 3
"""Verbatim rows in a row fold to one line from this many (two cost less to show than to fold)."""
PASSAGES_LISTED = 200
"""The recycled passages listed (page and workbook), longest first; the JSON has every span..."""
PASSAGE_MIN_CHARS = 20
"""...of at least this many characters: shorter runs are phrases, not passages."""
PASSAGES_SHOWN = 10
"""The page shows this many of them at first; the rest fold."""
SCAN_PAIRS_SHOWN = 500
"""The scan page lists this many pairs, most shared first (the JSON has them all)."""
SCAN_PASSAGES_SHOWN = 3
SCAN_CLUSTERS_SHOWN = 100
HEADING_NOTE_CHARS = 14
"""A heading quoted in a note ("原在「…」") is cut to this many characters."""
YEAR_SEARCH_CHARS = 300
"""Without a year in its title, a report's year is looked for in its first characters (the dateline)."""
"""From this many rows, off-screen sections are laid out lazily (content-visibility)."""
SHARE_KINDS = ("verbatim", "figures_swapped", "formulae", "new_text")
"""How this year's text divides, in this order everywhere: bar, legend, per-section shares."""


Mark = tuple[int, int, str, str, str]
"""(start, end, Segment field, value, badge): offsets in a unit's text; the segments inside get
field = value (a figure's change, a recycled kind) and the last one the badge."""


@dataclass
class Segment:
    text: str
    change: str = ""
    """"" (unchanged), "del" (only last year), "ins" (only this year)."""
    figure: str = ""
    """For a figure: its change (up, down, same, unknown, added, removed), else ""."""
    badge: str = ""
    """Shown right after a figure: "10次→12次 ▲20%"."""
    recycled: str = ""
    """verbatim | figures_swapped | formulae: this text stands in last year's report too."""


@dataclass
class MetricView:
    anchor: str
    section: str
    section_order: int
    subject: str
    old: str
    new: str
    change: str
    label: str
    """▲20% / ▼3 / ＝ / 被隐去 / 新增 / 删去"""
    sort_change: float
    masked: bool
    flags: str
    key: str = ""
    """What kind of figure, when not a plain level of the year: 增速 · 目标."""
    kind: str = ""
    """Which summary chip counts it: up, down, same, masked_new, masked_old, masked_both (or "")."""


@dataclass
class PromiseView:
    status: str
    label: str
    indicator: str
    target: str
    outcome: str
    plan_text: str
    evidence_text: str
    plan_anchor: str
    evidence_anchor: str


@dataclass
class RowView:
    anchor: str
    status: str
    label: str
    kind: str
    level: int
    old: list[Segment]
    new: list[Segment]
    similarity: str = ""
    why: str = ""
    """Hover text of the similarity: the key words both years use (why the rows were paired)."""
    moved_note: str = ""
    moved_href: str = ""
    join: str = ""
    figures_changed: bool = False
    recycled: bool = False
    masked_note: str = ""
    """"本年隐去2处数字" when this year hid figures last year's text gave: concealment is news."""
    old_place: str = ""
    new_place: str = ""
    """Where each side stands in its report (第二部分第3段（第4页）: cite.py)..."""
    reference: str = ""
    """...and the row's reference as a reviewer cites it, for "copy reference"."""
    beside: RowView | None = None
    """An added row drawn in this dropped row's empty half: neighbours, not counterparts (one line
    instead of two half-empty ones)."""
    run: str = ""
    """Id of the run of verbatim rows this row is folded into ("" when shown)..."""
    fold: int = 0
    """...and on a run's first row, how many rows the run holds (the fold line says so)."""


@dataclass
class SectionView:
    anchor: str
    title: str
    rows: list[RowView] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    recycled: dict[str, int] = field(default_factory=dict)
    """Whole percents of the section's text of this year: verbatim, figures_swapped, formulae, new_text."""
    recycled_total: int = 0
    """verbatim + figures_swapped, in whole percents."""
    span: tuple[int, int] = (0, 0)


@dataclass
class ItemView:
    anchor: str
    section: str
    text: str


@dataclass
class PassageView:
    """A run of this year's text copied from last year's, longest first: what a supervisor quotes."""
    kind: str
    label: str
    chars: int
    text: str
    new_place: str
    """2019年报告 第一部分第9段"""
    old_place: str
    anchor: str
    """The row of the unit it starts in."""


@dataclass
class ReportView:
    name: str
    title: str
    year: str
    chars: int
    invisible: int = 0
    """Characters that show nothing (zero-width spaces …): ignored when comparing, but a finding."""
    replaced: int = 0
    """Bytes that did not decode, read as U+FFFD (--errors replace)."""


@dataclass
class PageView:
    lang: str
    labels: dict[str, str]
    old: ReportView
    new: ReportView
    counts: list[tuple[Status, str, int, str]]
    """(status, label, count, filter mode that shows those rows or "")."""
    sections: list[SectionView]
    added: list[ItemView]
    removed: list[ItemView]
    metrics: list[MetricView]
    """Figures that changed, or whose value one year hid: the table a reviewer reads."""
    masked_both: list[MetricView]
    """Figures masked as ** in both years: nothing to compare, listed apart and folded."""
    metric_groups: list[tuple[str, str, list[MetricView]]]
    """(id, label, rows): figures in both years (key indicators and the largest moves first), then
    those new this year, then those dropped; the page folds all but the first."""
    figure_counts: list[tuple[str, str, int]]
    """(kind, label, count) of the summary's figure chips; each opens exactly its figures (MetricView.kind)."""
    recycled: list[tuple[str, str, int]]
    """(kind, label, whole percent) for the recycled bar: verbatim, figures_swapped, formulae, new."""
    modes: list[tuple[str, str]] = field(default_factory=list)
    """Filter modes of the toolbar: (value, label)."""
    recycled_total: int = 0
    """The headline: whole percent of this year's text carried over (verbatim + figures only)."""
    promises: list[PromiseView] = field(default_factory=list)
    """Last year's targets, missed and unreported first."""
    promise_counts: list[tuple[str, str, int]] = field(default_factory=list)
    plan_found: bool = False
    inconsistencies: list[tuple[str, str, str, str]] = field(default_factory=list)
    """(message, this year's sentence, its row anchor, last year's row anchor or "")."""
    big: bool = False
    """Enough rows that off-screen sections should be laid out lazily."""
    passages: list[PassageView] = field(default_factory=list)
    """The longest recycled runs (at least PASSAGE_MIN_CHARS), at most PASSAGES_LISTED..."""
    passages_shown: int = PASSAGES_SHOWN
    """...of which the page shows this many before a fold."""


def build_view(comparison: Comparison, lang: str = "zh") -> PageView:
    labels = LABELS[lang]
    old, new = comparison.old, comparison.new
    sections: list[SectionView] = []
    section_anchor_of_old: dict[int, str] = {}
    current = SectionView("s0", labels["front"])
    sections.append(current)
    added: list[ItemView] = []
    removed: list[ItemView] = []
    rows_with_anchor: list[tuple[Row, RowView]] = []
    recycled_marks = _recycled_by_unit(comparison)
    segments = _row_segments(comparison, recycled_marks, labels)
    section_of_row: dict[int, SectionView] = {}
    changed_rows = {m.row for m in comparison.metrics if m.change != Change.UNCHANGED}
    hidden = [_hidden_by(m) for m in comparison.metrics]
    newly_hidden = Counter(m.row for m, key in zip(comparison.metrics, hidden) if key == "masked_new")
    recycled_units = {k for k, marks in recycled_marks.items() if marks}
    old_report, new_report = _report(old), _report(new)
    old_places, new_places = places(old), places(new)
    for n, row in enumerate(comparison.rows):
        unit = comparison.unit_of(row)
        if unit.is_section_heading and (row.new is not None or row.status == Status.REMOVED):
            current = SectionView(f"s{len(sections)}", unit.content)
            sections.append(current)
        elif unit.kind == UnitKind.CLOSING and current.title != labels["closing"]:
            current = SectionView(f"s{len(sections)}", labels["closing"])
            sections.append(current)
        section_of_row[n] = current
        if row.new is not None:
            u = new.units[row.new]
            current.span = (u.start if current.span == (0, 0) else current.span[0], u.end)
        if row.old is not None and old.units[row.old].kind == "heading" and old.units[row.old].level == 1:
            section_anchor_of_old[row.old] = current.anchor
        old_segs, new_segs = segments[n]
        view = RowView(f"u{n}", row.status, labels[row.status], unit.kind, unit.level, old_segs, new_segs,
                       similarity=f"{row.similarity:.0%}" if row.status in (Status.FIGURES_ONLY, Status.EDITED) else "",
                       why=labels["why"].format(labels["term_sep"].join(row.terms))
                       if row.terms and row.status in (Status.FIGURES_ONLY, Status.EDITED) else "",
                       join=labels[row.join] if row.join else "", figures_changed=n in changed_rows,
                       recycled=row.new in recycled_units,
                       masked_note=labels["masked_count"].format(newly_hidden[n]) if n in newly_hidden else "")
        if row.old is not None:
            view.old_place = short(old_places[row.old], labels)
        if row.new is not None:
            view.new_place = short(new_places[row.new], labels)
        view.reference = row_reference(
            reference(old_places[row.old], old_report.year, False, labels) if row.old is not None else "",
            reference(new_places[row.new], new_report.year, True, labels) if row.new is not None else "", labels)
        current.rows.append(view)
        current.counts[row.status] = current.counts.get(row.status, 0) + 1
        rows_with_anchor.append((row, view))
        # Every new or dropped unit is listed (a new closing paragraph too): the lists hold exactly
        # what the summary's 新增 / 删去 counts and filters show.
        if row.status == Status.ADDED:
            added.append(ItemView(view.anchor, current.title, unit.content))
        elif row.status == Status.REMOVED:
            removed.append(ItemView(view.anchor, current.title, unit.content))
    for row, view in rows_with_anchor:
        if row.old_place is not None:
            view.moved_note = labels["old_place"].format(row.old_place)
        elif row.moved_from is not None:
            view.moved_note = f'{labels["moved_from"]}「{_short(old.units[row.moved_from].content)}」'
            view.moved_href = "#" + section_anchor_of_old.get(old.units[row.moved_from].section, "")
    sections = [s for s in sections if s.rows]
    for section in sections:
        _fold_verbatim_runs(section)
        _draw_neighbours_beside(section, labels)
    order = {s.anchor: k for k, s in enumerate(sections)}
    for section in sections:
        start, end = section.span
        section.recycled = _percents(comparison.shares.of(start, end) if end > start else {})
        section.recycled_total = section.recycled["verbatim"] + section.recycled["figures_swapped"]
    metric_views = [
        MetricView(f"u{m.row}", section_of_row[m.row].title, order[section_of_row[m.row].anchor], m.subject,
                   m.old.text if m.old else "", m.new.text if m.new else "", m.change, change_label(m, labels),
                   _relative(m), m.masked, " ".join(m.flags), _key_label(m, labels))
        for m in comparison.metrics
    ]
    count_filters = {Status.ADDED: "new", Status.REMOVED: "dropped"}
    counts = [(s, labels[s], comparison.summary.get(s, 0), count_filters.get(s, "")) for s in STATUSES]
    changes = [m.change for m in comparison.metrics]
    hidden_counts = Counter(hidden)
    figure_counts = [(Change.UP.value, labels["up"], changes.count(Change.UP)),
                     (Change.DOWN.value, labels["down"], changes.count(Change.DOWN)),
                     (Change.UNCHANGED.value, labels["same_value"], changes.count(Change.UNCHANGED))]
    # 上年隐去 (last year hid, this year shows) is rare: its chip only when it happens.
    figure_counts += [(key, labels[key], hidden_counts[key]) for key in ("masked_new", "masked_old", "masked_both")
                      if hidden_counts[key] or key != "masked_old"]
    chips = {kind for kind, _, _ in figure_counts}
    for m, metric_view, key in zip(comparison.metrics, metric_views, hidden):
        metric_view.kind = key or (m.change.value if m.change.value in chips else "")
    overall = _percents(comparison.shares.of())
    recycled = [(k, labels[k], overall[k]) for k in SHARE_KINDS]
    modes = [(m, labels[key]) for m, key in (("all", "all"), ("changes", "changes"), ("new", "only_new"),
                                            ("dropped", "only_dropped"), ("figures", "only_figures"),
                                            ("recycled", "only_recycled"))]
    shown = [(m, v) for m, v, key in zip(comparison.metrics, metric_views, hidden) if key != "masked_both"]
    both_masked = [v for v, key in zip(metric_views, hidden) if key == "masked_both"]
    paired = sorted((x for x in shown if x[0].old is not None and x[0].new is not None), key=_importance)
    groups = [("paired", labels["paired_figures"], [v for _, v in paired]),
              ("new", labels["new_figures"], [v for m, v in shown if m.change == Change.ADDED]),
              ("dropped", labels["dropped_figures"], [v for m, v in shown if m.change == Change.REMOVED])]
    return PageView(lang, labels, old_report, new_report, counts, sections, added, removed, [v for _, v in shown],
                    both_masked, groups, figure_counts, recycled, modes=modes, big=len(comparison.rows) > BIG_PAGE_ROWS,
                    recycled_total=overall["verbatim"] + overall["figures_swapped"],
                    promises=_promise_views(comparison, labels), plan_found=comparison.plan_found,
                    promise_counts=[(status, labels[f"promise_{status}"], n) for status in PROMISE_ORDER
                                    if (n := sum(p.status == status for p in comparison.promises))],
                    inconsistencies=_inconsistency_views(comparison),
                    passages=_passage_views(comparison, old_report, new_report, old_places, new_places, labels))


def _passage_views(comparison: Comparison, old_report: ReportView, new_report: ReportView, old_places: list[Place],
                   new_places: list[Place], labels: dict[str, str]) -> list[PassageView]:
    """The longest runs of this year's text found in last year's (set phrases apart), each cited
    in both reports and linked to its row."""
    old, new = comparison.old, comparison.new
    old_starts, new_starts = [u.start for u in old.units], [u.start for u in new.units]
    _, row_of_new = comparison.row_maps()
    spans = sorted((s for s in comparison.recycling.spans
                    if s.kind != RecycledKind.FORMULAE and s.end - s.start >= PASSAGE_MIN_CHARS),
                   key=lambda s: (s.start - s.end, s.start))[:PASSAGES_LISTED]
    out = []
    for s in spans:
        j = bisect_right(new_starts, s.start) - 1
        i = bisect_right(old_starts, s.old_start) - 1
        text = new.source[s.start:s.end].strip()
        out.append(PassageView(s.kind.value, labels[s.kind.value], len(text), text,
                               reference(new_places[j], new_report.year, True, labels),
                               reference(old_places[i], old_report.year, False, labels), f"u{row_of_new[j]}"))
    return out


def _fold_verbatim_runs(section: SectionView) -> None:
    """Runs of FOLD_MIN or more verbatim rows (headings apart: they are landmarks) fold to one
    line ("7条与上年相同（原文照搬），点击展开"), as a code review folds unchanged context."""
    run: list[RowView] = []
    for view in [*section.rows, None]:
        if view is not None and view.status == Status.VERBATIM and view.kind != UnitKind.HEADING:
            run.append(view)
            continue
        if len(run) >= FOLD_MIN:
            run[0].fold = len(run)
            for folded in run:
                folded.run = f"r{run[0].anchor}"
        run = []


def _draw_neighbours_beside(section: SectionView, labels: dict[str, str]) -> None:
    """A dropped row followed by an added row (not counterparts: the alignment found no pair)
    share one line, last year's text left and this year's right, each with its own badge."""
    out: list[RowView] = []
    for view in section.rows:
        last = out[-1] if out else None
        if last is not None and last.status == Status.REMOVED and last.beside is None and view.status == Status.ADDED \
                and UnitKind.HEADING not in (last.kind, view.kind):
            last.beside = view
            last.reference = view.reference + labels["cite_and"] + last.reference
            continue
        out.append(view)
    section.rows = out


def _inconsistency_views(comparison: Comparison) -> list[tuple[str, str, str, str]]:
    row_of_old, row_of_new = comparison.row_maps()
    return [(x.message, x.new_text, f"u{row_of_new[x.new_unit]}", f"u{row_of_old[x.old_unit]}" if x.old_unit is not None else "")
            for x in comparison.inconsistencies]


PROMISE_ORDER = ("missed", "not_mentioned", "unclear", "partial", "kept", "exceeded")
"""What a reviewer asks about first: missed and unreported targets."""


def _promise_views(comparison: Comparison, labels: dict[str, str]) -> list[PromiseView]:
    row_of_old, row_of_new = comparison.row_maps()
    views = []
    for p in sorted(comparison.promises, key=lambda p: PROMISE_ORDER.index(p.status)):
        outcome = evidence_text = anchor = ""
        if p.evidence is not None and p.evidence_unit is not None:
            outcome = p.evidence.text
            evidence_text = sentence_at(comparison.new.units[p.evidence_unit].text, p.evidence.start, p.evidence.end)
            anchor = f"u{row_of_new[p.evidence_unit]}"
        views.append(PromiseView(p.status, labels[f"promise_{p.status}"], p.plan.subject or p.indicator, p.plan.text,
                                 outcome, sentence_at(comparison.old.units[p.plan_unit].text, p.plan.start, p.plan.end), evidence_text,
                                 f"u{row_of_old[p.plan_unit]}", anchor))
    return views


def _percents(shares: dict[str, float]) -> dict[str, int]:
    """Whole percents that add up to 100: verbatim, figures_swapped, formulae and new text."""
    parts = [shares.get("verbatim", 0.0), shares.get("figures_swapped", 0.0), shares.get("formulae", 0.0)]
    parts.append(max(0.0, 1.0 - sum(parts)))
    rounded = [round(p * 100) for p in parts]
    rounded[rounded.index(max(rounded))] += 100 - sum(rounded)  # the largest part absorbs rounding
    return dict(zip(SHARE_KINDS, rounded))


def _hidden_by(m: Metric) -> str:
    """Which year hid a paired figure as **: masked_new, masked_old, masked_both, or ""."""
    if m.old is None or m.new is None or not (m.old.masked or m.new.masked):
        return ""
    if m.old.masked and m.new.masked:
        return "masked_both"
    return "masked_new" if m.new.masked else "masked_old"


KEY_INDICATORS = re.compile(
    r"生产总值|GDP|gross domestic|财政|预算收入|预算支出|固定资产投资|社会消费品零售|可支配收入|居民收入|就业|失业|居民消费价格|CPI|"
    r"进出口|外贸|粮食|贫困|脱贫|赤字|减税|专项债|income|jobs|employment|consumer prices|grain|deficit|bonds|poverty|tax",
    re.I)
"""Indicators a reviewer reads first: their changes lead the figure table."""


def _relative(m: Metric) -> float:
    """The change as a share of last year's value (rates too: 2.5% -> 0.9% is -0.64), for sorting."""
    if m.ratio is not None:
        return m.ratio
    if m.in_points and m.old is not None and m.old.value:
        return (m.delta or 0) / m.old.value
    return m.delta or 0


def _importance(pair: tuple[Metric, MetricView]) -> tuple[bool, bool, float]:
    m = pair[0]
    return m.change == Change.UNCHANGED, not KEY_INDICATORS.search(m.figure.name), -abs(_relative(m))


def _key_label(m: Metric, labels: dict[str, str]) -> str:
    f = m.figure
    parts = [labels.get(f"measure_{f.measure}", ""), labels.get(f"period_{f.period}", "")]
    return " · ".join(p for p in parts if p)


def change_label(m: Metric, labels: dict[str, str]) -> str:
    if m.in_points and m.delta is not None and m.change in (Change.UP, Change.DOWN):
        arrow = "▲" if m.change == Change.UP else "▼"  # rates: the difference in percentage points
        return f"{arrow}{abs(m.delta):g}{labels['points']}"
    if m.change == Change.UP:
        return f"▲{m.ratio:.0%}" if m.ratio is not None else f"▲{m.delta:g}"
    if m.change == Change.DOWN:
        return f"▼{-m.ratio:.0%}" if m.ratio is not None else f"▼{-(m.delta or 0):g}"
    if m.change == Change.UNCHANGED:
        if m.old is not None and m.new is not None and m.old.qualifier != m.new.qualifier:
            return f"＝ {m.old.qualifier or '—'}→{m.new.qualifier or '—'}"  # 5.5%左右 -> 5.5%以内
        return "＝"
    if m.change == Change.HIDDEN:  # which side hid its figure matters: 8次 -> **次 is news
        return labels.get(_hidden_by(m), "?")
    return labels[Status.ADDED if m.change == Change.ADDED else Status.REMOVED]


def _short(text: str, width: int = HEADING_NOTE_CHARS) -> str:
    return text if len(text) <= width else text[:width] + "…"


def _report(outline: Outline) -> ReportView:
    found = re.search(r"(?:19|20)\d\d", outline.title) or re.search(r"(?:19|20)\d\d", outline.source[:YEAR_SEARCH_CHARS])
    invisible = sum(outline.source.count(ch) for ch in INVISIBLE)
    title = re.sub(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])", "", outline.title)  # 政 府 工 作 报 告
    return ReportView(Path(outline.path).name, title, found.group() if found else "", len(outline.source),
                      invisible, outline.source.count("\ufffd"))


def _row_segments(comparison: Comparison, recycled_marks: dict[int, list],
                  labels: dict[str, str]) -> list[tuple[list[Segment], list[Segment]]]:
    """(old, new) segments of every row: the inline diff, cut per unit for a split/merge, with the
    figures of the row's metrics marked."""
    old, new, rows = comparison.old, comparison.new, comparison.rows
    marks_old: dict[int, list[Mark]] = {}
    marks_new: dict[int, list[Mark]] = {}
    for m in comparison.metrics:
        if m.change == Change.UNCHANGED:
            continue  # an unchanged figure needs no mark
        if m.old is not None and m.old_index is not None:
            marks_old.setdefault(m.old_index, []).append((m.old.start, m.old.end, "figure", m.change, ""))
        if m.new is not None and m.new_index is not None:
            moved = m.old is not None and m.change in (Change.UP, Change.DOWN)
            badge = f"{m.old.text}→{m.new.text} {change_label(m, labels)}" if m.old is not None and moved else ""
            marks_new.setdefault(m.new_index, []).append((m.new.start, m.new.end, "figure", m.change, badge))
    same_units = {r.new for r in rows if r.status == Status.VERBATIM}
    for k, spans in recycled_marks.items():
        if k not in same_units:  # a "原文照搬" row is shaded whole by its status
            marks_new.setdefault(k, []).extend(spans)
    out: list[tuple[list[Segment], list[Segment]]] = [([], []) for _ in rows]
    groups: dict[int, list[int]] = {}
    for n, row in enumerate(rows):
        if row.group is not None:
            groups.setdefault(row.group, []).append(n)
            continue
        out[n] = (_side(old, [row.old], row.diff, -1, marks_old)[0] if row.old is not None else [],
                  _side(new, [row.new], row.diff, 1, marks_new)[0] if row.new is not None else [])
    for members in groups.values():
        diff = rows[members[0]].diff
        olds = [i for n in members if (i := rows[n].old) is not None]
        news = [j for n in members if (j := rows[n].new) is not None]
        old_parts = iter(_side(old, olds, diff, -1, marks_old))
        new_parts = iter(_side(new, news, diff, 1, marks_new))
        for n in members:
            out[n] = (next(old_parts) if rows[n].old is not None else [], next(new_parts) if rows[n].new is not None else [])
    return out


def _side(outline, ids: list[int], diff, side: int, marks: dict[int, list]) -> list[list[Segment]]:
    """Segments of units `ids` (joined when a diff spans them), one list per unit."""
    if diff is None:
        segs = [Segment("".join(outline.units[i].text for i in ids))]
    else:
        segs = [Segment(t, "" if op == 0 else ("del" if op < 0 else "ins")) for op, t in diff if op in (0, side)]
    out = []
    for i in ids:
        text = outline.units[i].text
        piece, segs = _take(segs, len(text))
        piece = _mark(piece, marks.get(i, []) + _marker_mark(outline.units[i]))
        out.append(_merge(_strip(piece)))
    return out


def _marker_mark(unit: Unit) -> list[Mark]:
    """Renumbering (三是 -> 二是) is not a change of content: the marker shows as plain text."""
    if not unit.marker:
        return []
    start = len(unit.text) - len(unit.text.lstrip())
    if not unit.text.startswith(unit.marker, start):
        return []
    return [(start, start + len(unit.marker), "change", "", "")]


def _take(segs: list[Segment], length: int) -> tuple[list[Segment], list[Segment]]:
    """The first `length` characters of a segment list, and the rest."""
    taken: list[Segment] = []
    rest = list(segs)
    while length > 0 and rest:
        seg = rest.pop(0)
        if len(seg.text) <= length:
            taken.append(seg)
            length -= len(seg.text)
        else:
            taken.append(Segment(seg.text[:length], seg.change))
            rest.insert(0, Segment(seg.text[length:], seg.change))
            length = 0
    return taken, rest


def _mark(segs: list[Segment], marks: list[Mark]) -> list[Segment]:
    """Split segments at mark boundaries; the pieces inside a mark carry its field's value."""
    if not marks:
        return segs
    out: list[Segment] = []
    pos = 0
    for seg in segs:
        bounds = {b - pos for m in marks for b in (m[0], m[1]) if 0 < b - pos < len(seg.text)}
        cuts = sorted({0, len(seg.text)} | bounds)
        for a, b in pairwise(cuts):
            piece = Segment(seg.text[a:b], seg.change, seg.figure, "", seg.recycled)
            for start, end, name, value, badge in marks:
                if start <= pos + a and pos + b <= end:
                    setattr(piece, name, value)
                    if badge and pos + b == end:
                        piece.badge = badge
            out.append(piece)
        pos += len(seg.text)
    return out


def _recycled_by_unit(comparison: Comparison) -> dict[int, list[Mark]]:
    """Recycled spans, and the formulae inside them, as marks per unit of the later report."""
    recycling = comparison.recycling
    spans: list[tuple[int, int, str]] = [(s.start, s.end, s.kind) for s in recycling.spans]
    ends = [s.end for s in recycling.spans]  # spans are in text order and do not overlap
    for a, b in recycling.formula_spans:
        k = bisect_right(ends, a)
        if k < len(recycling.spans) and recycling.spans[k].start < b:
            spans.append((a, b, "formulae"))
    units = comparison.new.units
    # A run that carries on one character into the next unit ("…万元。三" + "是创新镇党建") is not a
    # copied passage there: a shaded lone character would only be noise.
    return {k: [(a - units[k].start, b - units[k].start, "recycled", kind, "") for a, b, kind in pieces if b - a > 1]
            for k, pieces in cut_by_unit(spans, units).items()}


def _merge(segs: list[Segment]) -> list[Segment]:
    """Join neighbours that look the same (fewer elements on big pages)."""
    out: list[Segment] = []
    for seg in segs:
        last = out[-1] if out else None
        if last and not last.badge and (last.change, last.figure, last.recycled) == (seg.change, seg.figure, seg.recycled) \
                and not seg.figure:
            out[-1] = replace(last, text=last.text + seg.text, badge=seg.badge)
        else:
            out.append(seg)
    return out


def _strip(segs: list[Segment]) -> list[Segment]:
    """Drop the unit's surrounding whitespace (the diff covers the exact text, line ends included)."""
    while segs and not segs[-1].text.strip():
        segs.pop()
    while segs and not segs[0].text.strip():
        segs.pop(0)
    if segs:
        segs[-1] = replace(segs[-1], text=segs[-1].text.rstrip())
        segs[0] = replace(segs[0], text=segs[0].text.lstrip())
    return segs


@dataclass
class ScanPairView:
    rank: int
    a: str
    b: str
    shared_a: str
    shared_b: str
    weight: float
    passages: list[str]
    link: str


@dataclass
class ScanPageView:
    lang: str
    labels: dict[str, str]
    report_count: int
    pairs: list[ScanPairView]
    clusters: list[tuple[str, list[str]]]
    peers: list[tuple[str, str, str]]
    skipped: list[tuple[str, str]]


def build_scan_view(result: ScanResult, links: dict[int, str], lang: str = "zh", limit: int = SCAN_PAIRS_SHOWN) -> ScanPageView:
    """The scan page's data: pairs ranked by shared text (the first `limit`), clusters, peers."""
    names = [r.path for r in result.reports]
    pairs = [ScanPairView(k + 1, names[p.a], names[p.b], f"{p.shared_a:.0%}", f"{p.shared_b:.0%}", p.weight,
                          [x.text for x in p.passages[:SCAN_PASSAGES_SHOWN]], links.get(k, ""))
             for k, p in enumerate(result.pairs[:limit])]
    clusters = [(c.text, [names[k] for k in c.reports]) for c in result.clusters[:SCAN_CLUSTERS_SHOWN]]
    peers = [(names[k], names[p.other(k)], f"{p.share_of(k):.0%}")
             for k, p in sorted(result.peers().items(), key=lambda kp: names[kp[0]])]
    return ScanPageView(lang, SCAN_LABELS[lang], len(result.reports), pairs, clusters, peers, result.skipped)
