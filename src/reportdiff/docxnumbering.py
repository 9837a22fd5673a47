"""Word's automatic numbering, turned into the labels Word shows (一、 （一） 1. ①).

In a .docx whose headings are numbered by Word, 一、 and （二） are not in the text: they live in
word/numbering.xml (abstract numbering definitions with a format and a label pattern per level,
and numbering instances that point to them, possibly restarting a level) and are attached to a
paragraph by its own `w:numPr` or by its paragraph style's (through `basedOn`). No library turns
this into labels for Chinese formats, so it is done here:

- counters live per abstract definition (lists that share one continue each other's numbering),
  a level's counter restarts when a shallower level advances, and an instance's `startOverride`
  restarts the level the first time that instance is used;
- `lvlText` "%1、" / "（%2）" / "%1.%2" takes each level's counter in that level's `numFmt`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

_CN_DIGITS = "零一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_HEAVENLY = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def chinese_counting(n: int, digits: str = _CN_DIGITS, units: str = "十百千") -> str:
    """1 -> 一, 10 -> 十, 11 -> 十一, 20 -> 二十, 105 -> 一百零五 (as Word's chineseCounting)."""
    if n <= 0:
        return str(n)
    if n >= 10_000:
        return str(n)
    parts = []
    places = [(1000, units[2]), (100, units[1]), (10, units[0]), (1, "")]
    zero = False
    for value, unit in places:
        d = n // value % 10
        if d:
            if zero:
                parts.append(digits[0])
                zero = False
            parts.append(("" if (d == 1 and value == 10 and n < 20) else digits[d]) + unit)
        elif parts:
            zero = True
    return "".join(parts)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                           (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += numeral
            n -= value
    return out


def _letters(n: int) -> str:
    """1 -> A, 26 -> Z, 27 -> AA (Word repeats the letter)."""
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """A counter in one of Word's number formats (ST_NumberFormat)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand",
               "japaneseCounting", "koreanCounting", "ideographDigital"):
        return chinese_counting(n)
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional", "japaneseLegal"):
        return chinese_counting(n, _CN_LEGAL, "拾佰仟")
    if fmt == "ideographTraditional":
        return _HEAVENLY[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _EARTHLY[(n - 1) % 12]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return _CIRCLED[n - 1] if 1 <= n <= len(_CIRCLED) else str(n)
    if fmt == "decimalEnclosedParen":
        return f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return f"{n}."
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "none":
        return ""
    return str(n)  # decimal, ordinal, cardinalText …: the digits say it


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"
    restart: int | None = None
    """Restart after this (1-based) level advances; None: after any shallower level."""


@dataclass
class Numbering:
    """The numbering definitions of one document, and the counters as paragraphs are numbered."""

    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    """abstractNumId -> ilvl -> Level"""
    instances: dict[str, tuple[str, dict[int, int], dict[int, Level]]] = field(default_factory=dict)
    """numId -> (abstractNumId, ilvl -> startOverride, ilvl -> Level overriding the abstract's)"""
    style_numbering: dict[str, tuple[str, int]] = field(default_factory=dict)
    """paragraph style id -> (numId, ilvl), inherited through basedOn"""
    _counters: dict[str, dict[int, int]] = field(default_factory=dict)
    _overridden: set[str] = field(default_factory=set)

    def label(self, num_id: str, ilvl: int) -> str:
        """The label of the next paragraph numbered (num_id, ilvl), counters advanced; "" when
        the instance is unknown or switched off (numId 0)."""
        if num_id not in self.instances:
            return ""
        abstract_id, overrides, level_overrides = self.instances[num_id]
        levels = {**self.abstract.get(abstract_id, {}), **level_overrides}
        if ilvl not in levels:
            return ""
        counters = self._counters.setdefault(abstract_id, {})
        if num_id not in self._overridden and overrides:
            self._overridden.add(num_id)
            for lvl, start in overrides.items():
                counters[lvl] = start - 1
        level = levels[ilvl]
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            restart = levels[deeper].restart if deeper in levels else None  # 1-based; 0: never
            if restart is None or (restart > 0 and ilvl <= restart - 1):
                del counters[deeper]
        text = level.text
        for k in range(9):
            if f"%{k + 1}" in text:
                value = counters.get(k, levels[k].start if k in levels else 1)
                fmt = levels[k].fmt if k in levels else "decimal"
                text = text.replace(f"%{k + 1}", format_number(value, fmt))
        if not text:
            return ""
        # Word puts a tab or a space after the label; typed Chinese labels end in 、 or ） with nothing after.
        return text + ("" if level.suffix == "nothing" or text[-1] in "、）)．：，" else " ")


def read_numbering(document) -> Numbering:
    """The numbering definitions of a python-docx Document (empty when it has none)."""
    from docx.oxml.ns import qn

    numbering = Numbering()
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        root = None

    def val(element, tag: str) -> str | None:
        child = element.find(qn(tag))
        return None if child is None else child.get(qn("w:val"))

    def level_of(lvl) -> Level:
        level = Level()
        start = val(lvl, "w:start")
        level.start = int(start) if start and start.lstrip("-").isdigit() else 1
        level.fmt = val(lvl, "w:numFmt") or "decimal"
        text = lvl.find(qn("w:lvlText"))
        level.text = text.get(qn("w:val"), "") if text is not None else ""
        level.suffix = val(lvl, "w:suff") or "tab"
        restart = val(lvl, "w:lvlRestart")
        level.restart = int(restart) if restart and restart.isdigit() else None
        return level

    if root is not None:
        for abstract in root.iterchildren(qn("w:abstractNum")):
            levels = {}
            for lvl in abstract.iterchildren(qn("w:lvl")):
                ilvl = lvl.get(qn("w:ilvl"))
                if ilvl is not None and ilvl.isdigit():
                    levels[int(ilvl)] = level_of(lvl)
            numbering.abstract[abstract.get(qn("w:abstractNumId"), "")] = levels
        for num in root.iterchildren(qn("w:num")):
            abstract_id = val(num, "w:abstractNumId") or ""
            starts: dict[int, int] = {}
            own: dict[int, Level] = {}
            for override in num.iterchildren(qn("w:lvlOverride")):
                ilvl = override.get(qn("w:ilvl"))
                if ilvl is None or not ilvl.isdigit():
                    continue
                start = val(override, "w:startOverride")
                if start and start.isdigit():
                    starts[int(ilvl)] = int(start)
                lvl = override.find(qn("w:lvl"))
                if lvl is not None:
                    own[int(ilvl)] = level_of(lvl)
            numbering.instances[num.get(qn("w:numId"), "")] = (abstract_id, starts, own)
    numbering.style_numbering = _style_numbering(document)
    return numbering


def _style_numbering(document) -> dict[str, tuple[str, int]]:
    """Paragraph style id -> (numId, ilvl) of the numbering the style gives its paragraphs."""
    from docx.oxml.ns import qn

    own: dict[str, tuple[str | None, int | None]] = {}
    based_on: dict[str, str] = {}
    try:
        styles = list(document.styles.element.iterchildren(qn("w:style")))
    except (KeyError, ValueError):
        return {}
    for style in styles:
        style_id = style.get(qn("w:styleId"))
        if not style_id:
            continue
        base = style.find(qn("w:basedOn"))
        if base is not None and base.get(qn("w:val")):
            based_on[style_id] = base.get(qn("w:val"))
        num_pr = style.find(qn("w:pPr") + "/" + qn("w:numPr"))
        if num_pr is not None:
            num = num_pr.find(qn("w:numId"))
            lvl = num_pr.find(qn("w:ilvl"))
            own[style_id] = (num.get(qn("w:val")) if num is not None else None,
                             int(lvl.get(qn("w:val"))) if lvl is not None and (lvl.get(qn("w:val")) or "").isdigit() else None)
    out: dict[str, tuple[str, int]] = {}
    for style_id in {*own, *based_on}:
        num_id: str | None = None
        ilvl: int | None = None
        seen: set[str] = set()
        current: str | None = style_id
        while current and current not in seen:
            seen.add(current)
            got_num, got_lvl = own.get(current, (None, None))
            num_id = num_id if num_id is not None else got_num
            ilvl = ilvl if ilvl is not None else got_lvl
            current = based_on.get(current)
        if num_id and num_id != "0":
            out[style_id] = (num_id, ilvl or 0)
    return out


def paragraph_numbering(paragraph_element, numbering: Numbering) -> tuple[str, int] | None:
    """(numId, ilvl) of a paragraph: its own numPr, else its style's; None when not numbered."""
    from docx.oxml.ns import qn

    num_pr = paragraph_element.find(qn("w:pPr") + "/" + qn("w:numPr"))
    style_id = paragraph_element.style
    inherited = numbering.style_numbering.get(style_id) if style_id else None
    if num_pr is not None:
        num = num_pr.find(qn("w:numId"))
        lvl = num_pr.find(qn("w:ilvl"))
        num_id = num.get(qn("w:val")) if num is not None else (inherited[0] if inherited else None)
        raw = lvl.get(qn("w:val")) if lvl is not None else None
        ilvl = int(raw) if raw and raw.isdigit() else (inherited[1] if inherited else 0)
        if not num_id or num_id == "0":
            return None
        return num_id, ilvl
    return inherited
