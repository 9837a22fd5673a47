"""Turn a report's text into its outline: title, preamble, headings, leads, points, closing.

The outline is lossless: units tile the text, so joining every unit's `text` gives back the
input exactly. Each unit's span runs from its first character to the next unit's first
character, so the whitespace after a unit (line ends, blank lines, indentation) belongs to it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import printable
from .lexicon import CN_ORDINALS
from .model import Document, Outline, Unit, UnitKind
from .textnorm import INVISIBLE, mask_figures, normalize

# Heading marker styles, outermost first. A heading's level is the rank of its style among the
# styles the document uses, so `一、` is level 1 in a township report and level 2 under `第一部分`.
HEADING_STYLES: list[tuple[str, re.Pattern[str]]] = [
    ("part", re.compile(rf"第[{CN_ORDINALS}百零〇\d]+(?:部分|篇|章)[\s　、：:，,．.]*")),
    ("jie", re.compile(rf"第[{CN_ORDINALS}百零〇\d]+节[\s　、：:，,．.]*")),
    ("roman", re.compile(r"(?=[IVX])X{0,2}(?:IX|IV|V?I{0,3})(?:\.[ \t]+|．[ \t]*)(?=[A-Z0-9])")),  # English: I. 2018 in Review
    ("cn", re.compile(rf"[{CN_ORDINALS}]+[、．.][\s　]*")),
    ("paren_cn", re.compile(rf"[（(][{CN_ORDINALS}]+[）)][\s　、，,]*")),
    ("arabic", re.compile(r"\d{1,2}(?:[、．]|\.(?!\d))[\s　]*")),
    ("paren_arabic", re.compile(r"[（(]\d{1,2}[）)][\s　、，,]*")),
    ("circled", re.compile(r"[①-⑳][\s　、，,]*")),
]
STYLE_RANK = {name: rank for rank, (name, _) in enumerate(HEADING_STYLES)}
MARKDOWN_HEADING = re.compile(r"(#{1,6})[ \t]+")
"""`# 标题` / `## 1. Item`: its own styles md1-md6, outermost of all, by the number of #."""
CAPS_TITLE = re.compile(r"[A-Z][A-Z0-9&,.'’()\-–/:; ]*[A-Z0-9)]")
"""An English line in capitals (ITEM 1A. RISK FACTORS, LETTER TO SHAREHOLDERS): a title line,
outermost after markdown, when it is not the report's first line (that is its title)."""
CAPS_MIN_LETTERS = 4

# Point markers inside a body. Families: a body is split on one family only (the most used).
POINT_FAMILIES: list[tuple[str, re.Pattern[str]]] = [
    ("shi", re.compile(rf"[{CN_ORDINALS}]+是(?=\S)")),
    ("di", re.compile(rf"第[{CN_ORDINALS}]+[，、,：:]")),
    ("seq", re.compile(r"(?:首先|其次|再次|然后|最后)[，,：:]")),
    ("paren", re.compile(r"[（(](?:\d{1,2}|[" + CN_ORDINALS + r"]+)[）)]")),
    ("circled", re.compile(r"[①-⑳]")),
]
# Any point marker in normalized text (NFKC: "，" is ","), for comparing a whole with its parts.
INLINE_MARKER = re.compile(
    rf"(?<=[。;:!?])(?:[{CN_ORDINALS}]+是|第[{CN_ORDINALS}]+[,、:]|(?:首先|其次|再次|然后|最后)[,:]|\((?:\d{{1,2}}|[{CN_ORDINALS}]+)\)|[①-⑳])")
# A paragraph that starts with a dash is an item of a list (政府工作报告: "——经济运行保持在合理区间。").
DASH = re.compile(r"—{1,2}|–|－{2}|-{2}")
LIST_TITLE_MAX = 40
"""A dash or 一是 line this long or shorter (after its marker), one sentence, with paragraphs
after it, titles them..."""
LIST_TITLE_MAX_WORDS = 40
"""...in English, this many words (– Major progress was made in the reform of state-owned
enterprises (SOEs), the financial system, …: 33), and a phrase without a full stop titles too
(—Improving people's wellbeing and striving for common prosperity)."""
LIST_TITLES_END = re.compile(r"我们|一年来|过去一年|各位代表|同志们|总的[看说]|这些成绩|成绩来之不易|"
                             r"All these|These (?:achievements|improvements|results)|During the past|Over the past|"
                             r"In the past year|Looking back|Looking ahead|Looking to the future|Fellow Deputies")
"""After the last title line, a paragraph opening so speaks for the whole section again. Not
"We": in English the items' own paragraphs open so (—Improving people's wellbeing… / We will…)."""
_ENGLISH_LINE = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_BLANK = " \t\u3000\u00a0" + INVISIBLE
"""Characters that separate without showing: a marker after them still opens a clause."""
# An inline marker counts only where a clause starts: body start or after these.
_BOUNDARY = set("。；;：:！？!?\n\r")
SENTENCE_END = re.compile(r"[。！？!?]")
CLOSING_CUE = re.compile(
    r"(?:一年来|一年以来|回顾一年|过去的一年里|总之|总的来[说看]|各位代表|同志们|新的一年|展望新的一年|"
    r"在肯定成绩的同时|当然|存在的问题|下一步|今后[，,]|[^。]{0,12}(?:不足|差距)[，,：:]|"
    r"Sincerely|Respectfully|Yours (?:truly|sincerely)|Thank you|In closing|In conclusion)"
)
ADDRESS = re.compile(r"(?:各位代表|同志们)[！!，,：:]")
"""An address to the hall (各位代表！): it ends the subsection before it."""
MAX_UNIT_CHARS = 5_000
"""A paragraph longer than this is cut into several units (the longest seen in real reports is
under 2,000 characters; longer ones are text that lost its line breaks)."""
_CUT_AT = re.compile(r"[。！？!?；;]+[”’\"')）]*")
TITLE_LINE_MAX = 50
"""A first line this long or shorter, not a sentence, is the report's title."""
CLOSING_SHARE = 0.6
"""The closing cue opens the closing only when what follows is at most this share of the last section."""


_BODY_KINDS = (UnitKind.HEADING, UnitKind.LEAD, UnitKind.POINT)
"""Kinds that stand under a heading and have a level of their own."""


@dataclass
class _Para:
    start: int  # first non-space character
    end: int  # end of content (before trailing whitespace)
    style: str = ""  # heading style name, "" when unmarked
    marker_end: int = 0


@dataclass
class _Piece:
    kind: UnitKind
    start: int
    end: int
    marker: str = ""
    level: int = 0


def outline_text(text: str, path: str = "<text>", heading_hints: dict[int, int] | None = None) -> Outline:
    """Parse report text into an Outline."""
    paras = _paragraphs(text, heading_hints or {})
    pieces = _pieces(text, paras) or ([_Piece(UnitKind.PREAMBLE, 0, len(text))] if text else [])
    return _finish(text, path, _cut_long(text, pieces))


def _cut_long(text: str, pieces: list[_Piece]) -> list[_Piece]:
    """Pieces longer than MAX_UNIT_CHARS cut at sentence ends (else anywhere) into pieces that
    are not: text that lost its line breaks (a PDF, a paste) still compares piece by piece, and
    every later stage's cost per unit stays bounded. The first piece keeps kind and marker; the
    rest are points under it."""
    out: list[_Piece] = []
    for piece in pieces:
        start = piece.start
        while piece.end - start > MAX_UNIT_CHARS:
            limit = start + MAX_UNIT_CHARS
            ends = [m.end() for m in _CUT_AT.finditer(text, start + MAX_UNIT_CHARS // 2, limit)]
            cut = ends[-1] if ends else limit
            if start == piece.start:
                out.append(_Piece(piece.kind, start, cut, piece.marker, piece.level))
            else:
                out.append(_continued(piece, start, cut))
            start = cut
        out.append(piece if start == piece.start else _continued(piece, start, piece.end))
    return out


def _continued(piece: _Piece, start: int, end: int) -> _Piece:
    if piece.kind in _BODY_KINDS:
        return _Piece(UnitKind.POINT, start, end, "", piece.level + (piece.kind == UnitKind.HEADING))
    return _Piece(piece.kind, start, end, "", piece.level)


def outline_document(doc: Document) -> Outline:
    """The outline of a document read from disk; its path in printable form (escapes for bytes
    that are not UTF-8 and for control characters), as pages and JSON show it."""
    outline = outline_text(doc.text, printable(doc.path), doc.heading_hints)
    outline.page_starts = doc.page_starts
    return outline


def _paragraphs(text: str, hints: dict[int, int]) -> list[_Para]:
    paras: list[_Para] = []
    for m in re.finditer(r"[^\r\n]+", text):
        line = m.group()
        stripped = line.lstrip(_BLANK)
        if not stripped.strip():
            continue
        start = m.start() + len(line) - len(stripped)
        end = m.start() + len(line.rstrip())
        para = _Para(start, end)
        markdown = MARKDOWN_HEADING.match(text, start, end)
        caps = CAPS_TITLE.fullmatch(text, start, end)
        if markdown and markdown.end() < end:
            para.style, para.marker_end = f"md{len(markdown.group(1))}", markdown.end()
        elif caps and paras and sum(ch.isalpha() for ch in caps.group()) >= CAPS_MIN_LETTERS:
            para.style, para.marker_end = "caps", start
        for name, pattern in HEADING_STYLES:
            if para.style:
                break
            mm = pattern.match(text, start, end)
            if mm and mm.end() < end and not _footnote(text, start, mm.group().strip()):
                para.style, para.marker_end = name, mm.end()
        if not para.style and (m.start() in hints or start in hints):
            para.style, para.marker_end = f"hint{hints.get(m.start(), hints.get(start))}", start
        paras.append(para)
    return paras


def _footnote(text: str, start: int, marker: str) -> bool:
    """An English note line (`(1) Based on constant currency.`) whose marker stands earlier glued
    to the text it annotates (`$42.5 billion in 2023.(1)`): a note, not a numbered heading."""
    if not marker.startswith(("(", "[")) or not _LETTER_AFTER.match(text, start + len(marker)):
        return False
    glued = text.rfind(marker, 0, start)
    return glued > 0 and not text[glued - 1].isspace()


_LETTER_AFTER = re.compile(r"\s*[A-Za-z]")


def _style_levels(paras: list[_Para]) -> dict[str, int]:
    def rank(style: str) -> int:  # markdown, capitals, marker styles outermost first, then Word heading levels ("hint2")
        if style.startswith("md"):
            return -10 + int(style[2:])
        if style == "caps":
            return -1
        return STYLE_RANK.get(style, len(STYLE_RANK) + int(style[4:] or 0) if style.startswith("hint") else 99)

    used = sorted({p.style for p in paras if p.style}, key=rank)
    return {style: level for level, style in enumerate(used, start=1)}


def _pieces(text: str, paras: list[_Para]) -> list[_Piece]:
    levels = _style_levels(paras)
    # A marked paragraph is a heading when it is top level, a heading-only line, has content
    # under it, or its body enumerates points; otherwise it is a numbered point (a leaf).
    heading_at: set[int] = set()
    for i, p in enumerate(paras):
        if not p.style:
            continue
        lvl = levels[p.style]
        head_end, body_start = _split_heading(text, p)
        nxt = paras[i + 1] if i + 1 < len(paras) else None
        has_children = nxt is not None and (not nxt.style or levels[nxt.style] > lvl)
        heading_only = body_start >= p.end and text[p.end - 1] not in "。！？!?；;"
        if lvl == 1 or heading_only or has_children or p.style.startswith("hint") \
                or len(_inline_points(text, body_start, p.end)) >= 2:
            heading_at.add(i)
    heading_at |= _runs_of_headings(text, paras, levels, heading_at)
    if heading_at:
        # Only styles actually used for headings define heading levels.
        levels = _style_levels([paras[i] for i in heading_at])
    first_heading = min(heading_at, default=len(paras))
    last_heading = max(heading_at, default=-1)
    closing_from = len(paras)
    if heading_at:
        # The closing is the tail from the first cue paragraph after the last heading, unless
        # that tail is most of the last section ("一年来，…" can open a section's body too).
        tail_start = paras[last_heading].start
        for i in range(last_heading + 1, len(paras)):
            if not paras[i].style and CLOSING_CUE.match(text, paras[i].start) \
                    and len(text) - paras[i].start <= CLOSING_SHARE * (len(text) - tail_start):
                closing_from = i
                break

    pieces: list[_Piece] = []
    stack: list[int] = []  # heading levels currently open
    lead_done = False  # the first body text after a heading is its lead; later paragraphs are points
    title_open = ""  # the family of the open title line (——经济运行总体平稳。/ 一是…。), which heads the paragraphs after it
    titles = {i: found for i in range(len(paras)) if (found := _title_line(text, paras, i)) is not None}
    titles_ahead = _titles_ahead(paras, titles)
    for i, p in enumerate(paras):
        if i == 0 and _is_title(text, p, len(paras)):
            pieces.append(_Piece(UnitKind.TITLE, p.start, p.end))
            continue
        if i < first_heading and heading_at:
            pieces.append(_Piece(UnitKind.PREAMBLE, p.start, p.end))
            continue
        if i >= closing_from:
            pieces.append(_Piece(UnitKind.CLOSING, p.start, p.end))
            continue
        if i in heading_at:
            lvl = levels.get(p.style, 1)
            while stack and stack[-1] >= lvl:
                stack.pop()
            stack.append(lvl)
            head_end, body_start = _split_heading(text, p)
            pieces.append(_Piece(UnitKind.HEADING, p.start, head_end, text[p.start:p.marker_end].strip(), lvl))
            lead_done = False
            if body_start < p.end:
                lead_done = _body(text, body_start, p.end, lvl + 1, lead_done, pieces)
            continue
        if title_open and not p.style and title_open not in titles_ahead[i] and LIST_TITLES_END.match(text, p.start, p.end):
            stack.pop()  # after the last title line, "我们…" speaks for the whole section again
            title_open, lead_done = "", True
        if len(stack) > 1 and not p.style and ADDRESS.match(text, p.start, p.end):
            stack.pop()  # "各位代表！" is said to the hall, never inside a numbered subsection: it ends one
            title_open, lead_done = "", True
        level = (stack[-1] + 1) if stack else 1
        inline = _inline_points(text, p.start, p.end)
        if inline and inline[0][0] == p.start:  # "①抓项目。②抓招商。": the line is an enumeration
            lead_done = _body(text, p.start, p.end, level, lead_done, pieces)
            continue
        if p.style:  # a numbered leaf point: one unit, marker kept
            pieces.append(_Piece(UnitKind.POINT, p.start, p.end, text[p.start:p.marker_end].strip(), level))
            lead_done = True
            continue
        if i in titles:
            if title_open:
                stack.pop()
                level -= 1
            stack.append(level)
            family, marker_end = titles[i]
            pieces.append(_Piece(UnitKind.HEADING, p.start, p.end, text[p.start:marker_end], level))
            title_open, lead_done = family, False
            continue
        dash = DASH.match(text, p.start, p.end)
        if title_open and (marked := _title_marker(text, p)) and marked[0] == title_open:
            stack.pop()  # an item of the titles' list too long to title (two sentences): beside them, not under one
            level -= 1
            title_open, lead_done = "", True
        if dash:
            pieces.append(_Piece(UnitKind.POINT, p.start, p.end, dash.group(), level))
            lead_done = True
            continue
        lead_done = _body(text, p.start, p.end, level, lead_done, pieces)
    return pieces


def _runs_of_headings(text: str, paras: list[_Para], levels: dict[str, int], heading_at: set[int]) -> set[int]:
    """Numbered paragraphs that are headings because their sequence is: in a run of one style
    under one parent (（一）…（六） of one section), when some items are headings (a title line
    with paragraphs under it), an item written as one paragraph (`（一）三大攻坚战强力突破。全年…`)
    is a heading too, its title sentence the heading and the rest its lead. Judged one line at a
    time, such items became points and the last heading of the run took in the rest of the section."""
    runs: dict[tuple[int, str], list[int]] = {}
    open_at: dict[int, int] = {}  # level -> last paragraph seen of that level
    for i, p in enumerate(paras):
        if not p.style:
            continue
        lvl = levels[p.style]
        # what the run stands under: the last paragraph of a shallower style
        parent = max((k for level, k in open_at.items() if level < lvl), default=-1)
        open_at = {level: k for level, k in open_at.items() if level < lvl}
        open_at[lvl] = i
        runs.setdefault((parent, p.style), []).append(i)
    out: set[int] = set()
    for items in runs.values():
        if len(items) < 2 or not any(i in heading_at for i in items):
            continue
        for i in items:
            _, body_start = _split_heading(text, paras[i])
            if i not in heading_at and body_start < paras[i].end:
                out.add(i)
    return out


def _title_marker(text: str, p: _Para) -> tuple[str, re.Match[str]] | None:
    """The marker a title line may open with, and its family: a dash, or 一是 / 第一， / 首先，."""
    dash = DASH.match(text, p.start, p.end)
    if dash:
        return "dash", dash
    for name, pattern in POINT_FAMILIES:
        m = pattern.match(text, p.start, p.end) if name in _TITLE_FAMILIES else None
        if m:
            return name, m
    return None


_TITLE_FAMILIES = ("shi", "di", "seq")


def _title_line(text: str, paras: list[_Para], i: int) -> tuple[str, int] | None:
    """(family, end of marker) of a title line: an unnumbered line that opens with a dash or
    一是…, is one short sentence, and has unmarked paragraphs after it (政府工作报告 in sentence
    lines: `——经济运行总体平稳。` / `一是创新和完善宏观调控，经济保持平稳运行。` then the sentences
    they title). None for any other line: a point beside the others."""
    p = paras[i]
    found = _title_marker(text, p) if not p.style else None
    nxt = paras[i + 1] if i + 1 < len(paras) else None
    if found is None or nxt is None or nxt.style or _title_marker(text, nxt) or ADDRESS.match(text, nxt.start, nxt.end):
        return None
    if _inline_points(text, p.start, p.end):
        return None  # 一是…；二是…: an enumeration, not a title
    family, marker = found
    line = text[marker.end():p.end].strip()
    words = _ENGLISH_LINE.findall(line)
    if words and sum(map(len, words)) > len(line) / 2:  # English: sentences end ". ", lengths are in words
        one_sentence = not re.search(r"[.!?][ \t]+[A-Z]", line)
        said = line[-1:] in ".!?" or line[-1:].isalpha()
        short = len(words) <= LIST_TITLE_MAX_WORDS
    else:
        sentence_end = SENTENCE_END.search(text, marker.end(), p.end)
        one_sentence = sentence_end is None or sentence_end.end() >= p.end
        said = text[p.end - 1] in "。！？!?."  # a title is a sentence; a dateline (——2020年5月22日在…会议上) is not
        short = p.end - marker.end() <= LIST_TITLE_MAX
    return (family, marker.end()) if short and one_sentence and said else None


def _titles_ahead(paras: list[_Para], titles: dict[int, tuple[str, int]]) -> list[set[str]]:
    """For each paragraph, the families of the title lines that follow it before the next numbered one."""
    ahead: list[set[str]] = [set() for _ in paras]
    seen: set[str] = set()
    for i in range(len(paras) - 1, -1, -1):
        ahead[i] = seen
        if paras[i].style:
            seen = set()
        if i in titles:
            seen = seen | {titles[i][0]}
    return ahead


def _is_title(text: str, p: _Para, n_paras: int) -> bool:
    content = text[p.start:p.end]
    return (n_paras > 1 and not p.style and len(content) <= TITLE_LINE_MAX
            and content[-1] not in "。！？!?：:，,；;" and not DASH.match(content))


def _split_heading(text: str, p: _Para) -> tuple[int, int]:
    """(end of the heading part, start of the body) of a marked paragraph."""
    m = SENTENCE_END.search(text, p.marker_end, p.end)
    if not m or m.end() >= p.end:
        return p.end, p.end
    head_end = m.end()
    while head_end < p.end and text[head_end] in "”’\"'）)":
        head_end += 1
    body_start = head_end
    while body_start < p.end and text[body_start] in _BLANK:
        body_start += 1
    return head_end, body_start


def _inline_points(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, marker end) of the point markers of the body's dominant family."""
    best: list[tuple[int, int]] = []
    for _, pattern in POINT_FAMILIES:
        found = []
        for m in pattern.finditer(text, start, end):
            before = text[start:m.start()].rstrip(_BLANK)
            if m.start() == start or not before or before[-1] in _BOUNDARY:
                found.append((m.start(), m.end()))
        if len(found) > len(best):
            best = found
    return best if len(best) >= 2 else []


def _body(text: str, start: int, end: int, level: int, lead_done: bool, pieces: list[_Piece]) -> bool:
    """Split body text into a lead (text before the first point) and points; return True.

    Only the first body text after a heading is a lead; later unmarked paragraphs are points.
    """
    marks = _inline_points(text, start, end)
    kind = UnitKind.POINT if lead_done else UnitKind.LEAD
    if not marks:
        for _, pattern in POINT_FAMILIES:  # a paragraph of its own that opens with "五是…"
            m = pattern.match(text, start, end)
            if m and m.end() < end:
                pieces.append(_Piece(UnitKind.POINT, start, end, m.group(), level))
                return True
        pieces.append(_Piece(kind, start, end, "", level))
        return True
    if marks[0][0] > start:
        pieces.append(_Piece(kind, start, len(text[:marks[0][0]].rstrip()), "", level))
    for k, (m_start, m_end) in enumerate(marks):
        p_end = marks[k + 1][0] if k + 1 < len(marks) else end
        p_end = len(text[:p_end].rstrip())
        pieces.append(_Piece(UnitKind.POINT, m_start, p_end, text[m_start:m_end], level))
    return True


def _finish(text: str, path: str, pieces: list[_Piece]) -> Outline:
    units: list[Unit] = []
    stack: list[int] = []  # indices of open headings
    for n, piece in enumerate(pieces):
        start = 0 if n == 0 else piece.start
        end = pieces[n + 1].start if n + 1 < len(pieces) else len(text)
        if piece.kind in _BODY_KINDS:  # (body text after a run of subsections may stand under their parent)
            while stack and units[stack[-1]].level >= piece.level:
                stack.pop()
        parent = stack[-1] if stack and piece.kind in _BODY_KINDS else -1
        content = text[piece.start:piece.end]
        key = normalize(content[len(piece.marker):] if content.startswith(piece.marker) else content)
        level = piece.level if piece.kind in _BODY_KINDS else 0
        unit = Unit(piece.kind, level, piece.marker, start, end, text[start:end], parent, key=key, masked=mask_figures(key))
        idx = len(units)
        if piece.kind == UnitKind.HEADING:
            unit.section = idx if not stack else units[stack[0]].section
            stack.append(idx)
        elif parent >= 0:
            unit.section = units[parent].section
        units.append(unit)
    return Outline(path, text, units)


def section_span(outline: Outline, heading: int) -> tuple[int, int]:
    """Offsets [start, end) of a heading with everything under it."""
    units = outline.units
    level = units[heading].level
    end = len(units)
    for k in range(heading + 1, len(units)):
        u = units[k]
        if (u.kind == UnitKind.HEADING and u.level <= level) or u.kind == UnitKind.CLOSING:
            end = k
            break
    return units[heading].start, (units[end].start if end < len(units) else len(outline.source))


def joined_key(outline: Outline, ids) -> str:
    """Keys of several units joined, with every point marker removed: what a split or merge
    compares, since a marker that opens a part stands inside the whole's text."""
    return INLINE_MARKER.sub("", "".join(outline.units[i].key for i in ids))
