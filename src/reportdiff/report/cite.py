"""Where a unit stands in its report, said the way a reviewer cites it in a memo:
`2022年报告 第二部分第3段（第4页）` / `2022 report, part II, para 3 (p. 4)`.

A part is a level-1 section, named by its own number when its marker has one (一、 -> 第二部分 for
二、, I. -> part I) and by its place among the sections otherwise. Paragraphs are the report's own
lines, counted from 1 within the part: points cut out of one line share its number and add their
marker (第一部分第1段（二是）), and a line that holds a heading and its body (一、加强理论学习。本人…)
is paragraph 1. Pages for PDF input, and for Word files as Word last laid them out (text has
no pages).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..lexicon import CN_ORDINALS
from ..model import Outline, UnitKind

_BLANK = " \t\u3000\u00a0"
_CN_NUMBER = re.compile(rf"[{CN_ORDINALS}]+")
_ROMAN = re.compile(r"[IVX]+")
_ARABIC = re.compile(r"\d+")


@dataclass
class Place:
    part: str
    """The part's number as the report writes it (二, II, 3), or "" for the opening / "-" for the closing."""
    paragraph: int
    """The line within the part, from 1; 0 for the part's own heading line."""
    page: int | None = None
    point: str = ""
    """The marker of a point inside the line (二是), which says where in a long line it stands."""


def places(outline: Outline) -> list[Place]:
    """The place of every unit, in one pass over the outline."""
    source, units = outline.source, outline.units
    section_no = {h: k for k, h in enumerate(outline.sections(), start=1)}
    out: list[Place] = []
    current: object = None
    paragraph = 0
    for u in units:
        region = "-" if u.kind == UnitKind.CLOSING else (u.section if u.section >= 0 else "")
        if region != current:
            current, paragraph = region, 0
        page = bisect_right(outline.page_starts, u.start) if outline.page_starts else None
        part = _part_number(outline, u.section, section_no) if isinstance(region, int) else str(region)
        if u.is_section_heading:
            out.append(Place(part, 0, page))
            continue
        opens = _opens_line(source, u.start)
        if paragraph == 0 or opens:
            paragraph += 1
        out.append(Place(part, paragraph, page, "" if opens else u.marker))
    return out


def _opens_line(source: str, start: int) -> bool:
    k = start - 1
    while k >= 0 and source[k] in _BLANK:
        k -= 1
    return k < 0 or source[k] in "\r\n"


def _part_number(outline: Outline, heading: int, section_no: dict[int, int]) -> str:
    marker = outline.units[heading].marker
    for pattern in (_CN_NUMBER, _ROMAN, _ARABIC):
        found = pattern.search(marker)
        if found:
            return found.group()
    return str(section_no[heading])


def short(place: Place, labels: dict[str, str]) -> str:
    """第二部分第3段 · 第4页 (what the row shows)."""
    if place.part == "":
        where = labels["cite_front"]
    elif place.part == "-":
        where = labels["cite_closing"]
    else:
        where = labels["cite_part"].format(place.part)
    where += labels["cite_heading"] if place.paragraph == 0 else labels["cite_para"].format(place.paragraph)
    if place.point:
        where += labels["cite_point"].format(place.point.rstrip("，,、：: "))
    return where + (labels["cite_page"].format(place.page) if place.page else "")


def reference(place: Place, year: str, this_year: bool, labels: dict[str, str]) -> str:
    """2022年报告 第二部分第3段（第4页）."""
    report = labels["cite_report"].format(year) if year else labels["cite_this" if this_year else "cite_last"]
    return f"{report}{labels['cite_sep']}{short(place, labels)}"


def row_reference(old: str, new: str, labels: dict[str, str]) -> str:
    """What "copy reference" puts on the clipboard for a row: this year's place, with last
    year's counterpart beside it (either alone for a new or dropped unit)."""
    if old and new:
        return new + labels["cite_vs"].format(old)
    return new or old
