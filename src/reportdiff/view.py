"""The review page's view-model: plain data the templates only display, never compute."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .compare import STATUSES, Comparison, Row

LABELS = {
    "zh": {
        "same": "原样照搬", "numbers_only": "仅改数字", "edited": "有改写", "added": "新增", "removed": "删去",
        "page_title": "年度报告对比", "last_year": "上一年", "this_year": "本年", "summary": "概览",
        "units": "条目", "new_items": "新增事项", "dropped_items": "删去事项", "moved": "位置调整",
        "moved_from": "原在", "front": "标题与开头", "closing": "结尾", "similarity": "相似度",
        "chars": "字", "none": "无", "split": "一拆多", "merge": "多合一", "compare": "逐条对比",
        "section": "部分", "old_place": "原第{}部分",
    },
    "en": {
        "same": "unchanged", "numbers_only": "figures only", "edited": "edited", "added": "new", "removed": "dropped",
        "page_title": "Year-over-year report comparison", "last_year": "Last year", "this_year": "This year",
        "summary": "Summary", "units": "units", "new_items": "New items", "dropped_items": "Dropped items",
        "moved": "moved", "moved_from": "was under", "front": "Title and opening", "closing": "Closing",
        "similarity": "similarity", "chars": "chars", "none": "none", "split": "split", "merge": "merged",
        "compare": "Side by side", "section": "Section", "old_place": "was section {}",
    },
}


@dataclass
class Segment:
    text: str
    change: str = ""
    """"" (unchanged), "del" (only last year), "ins" (only this year)."""


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
    moved_note: str = ""
    moved_href: str = ""
    join: str = ""


@dataclass
class SectionView:
    anchor: str
    title: str
    rows: list[RowView] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class ItemView:
    anchor: str
    section: str
    text: str


@dataclass
class ReportView:
    name: str
    title: str
    chars: int


@dataclass
class PageView:
    lang: str
    labels: dict[str, str]
    old: ReportView
    new: ReportView
    counts: list[tuple[str, str, int]]
    sections: list[SectionView]
    added: list[ItemView]
    removed: list[ItemView]


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
    for n, row in enumerate(comparison.rows):
        unit = new.units[row.new] if row.new is not None else old.units[row.old]
        if unit.kind == "heading" and unit.level == 1 and (row.new is not None or row.status == "removed"):
            current = SectionView(f"s{len(sections)}", unit.content)
            sections.append(current)
        elif unit.kind == "closing" and current.title != labels["closing"]:
            current = SectionView(f"s{len(sections)}", labels["closing"])
            sections.append(current)
        if row.old is not None and old.units[row.old].kind == "heading" and old.units[row.old].level == 1:
            section_anchor_of_old[row.old] = current.anchor
        old_segs, new_segs = _segments(comparison, row)
        view = RowView(f"u{n}", row.status, labels[row.status], unit.kind, unit.level, old_segs, new_segs,
                       similarity=f"{row.similarity:.0%}" if row.status in ("numbers_only", "edited") else "",
                       join=labels[row.join] if row.join else "")
        current.rows.append(view)
        current.counts[row.status] = current.counts.get(row.status, 0) + 1
        rows_with_anchor.append((row, view))
        if row.status == "added" and unit.kind in ("point", "lead", "heading"):
            added.append(ItemView(view.anchor, current.title, unit.content))
        elif row.status == "removed" and unit.kind in ("point", "lead", "heading"):
            removed.append(ItemView(view.anchor, current.title, unit.content))
    for row, view in rows_with_anchor:
        if row.old_place is not None:
            view.moved_note = labels["old_place"].format(row.old_place)
        elif row.moved_from is not None:
            view.moved_note = f'{labels["moved_from"]}「{_short(old.units[row.moved_from].content)}」'
            view.moved_href = "#" + section_anchor_of_old.get(old.units[row.moved_from].section, "")
    sections = [s for s in sections if s.rows]
    counts = [(s, labels[s], comparison.summary.get(s, 0)) for s in STATUSES]
    return PageView(lang, labels, _report(old), _report(new), counts, sections, added, removed)


def _short(text: str, width: int = 14) -> str:
    return text if len(text) <= width else text[:width] + "…"


def _report(outline) -> ReportView:
    return ReportView(Path(outline.path).name, outline.title, len(outline.source))


def _segments(comparison: Comparison, row: Row) -> tuple[list[Segment], list[Segment]]:
    old_text = comparison.old.units[row.old].content if row.old is not None else ""
    new_text = comparison.new.units[row.new].content if row.new is not None else ""
    if row.diff is None:
        return ([Segment(old_text)] if old_text else []), ([Segment(new_text)] if new_text else [])
    old_segs = [Segment(t, "del" if op < 0 else "") for op, t in row.diff if op <= 0]
    new_segs = [Segment(t, "ins" if op > 0 else "") for op, t in row.diff if op >= 0]
    return _strip(old_segs), _strip(new_segs)


def _strip(segs: list[Segment]) -> list[Segment]:
    """Drop the unit's trailing whitespace (the diff covers the exact text, line ends included)."""
    while segs and not segs[-1].text.strip():
        segs.pop()
    if segs:
        segs[-1] = Segment(segs[-1].text.rstrip(), segs[-1].change)
    return segs
