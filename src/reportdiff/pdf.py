"""Read the text layer of a PDF (exported from Word or WPS) as the report's paragraphs.

pdfplumber (MIT, on pdfminer.six) gives each page's text lines with their positions; from those:
- running headers and footers go (a line at a page's top or bottom that, numbers aside, stands on
  most pages), and so do page numbers (`- 3 -`, `第3页`, `3/12`, a bare `3`);
- lines are joined into paragraphs: a paragraph starts where a line is indented (Chinese body text
  indents its first line by two characters), after a gap wider than the line spacing, after a
  line that stops short of the right margin (in English: and ends a sentence, since English
  lines end ragged), or with a heading marker (一、 （一）);
  wrapped Chinese lines join with nothing between them, English ones with a space.
No OCR: a PDF without a text layer, or whose fonts map to `(cid:NN)`, is refused with a reason.
"""
from __future__ import annotations

import re
from collections import Counter
from io import BytesIO
from itertools import pairwise
from pathlib import Path
from statistics import median

from .errors import InputError
from .model import Document
from .unwrap import ENDS_SENTENCE, LATIN_END, OPENS_PARAGRAPH, joint

RUNNING_SHARE = 0.5
"""A line at a page's edge standing on at least this share of the pages (and on two or more) is
a running header or footer."""
EDGE_LINES = 2
"""How many lines at the top and at the bottom of a page may be running headers or footers."""
INDENT_CHARS = 1.0
"""A line starting this many characters right of the text's left edge opens a paragraph."""
GAP_LINES = 1.6
"""A gap this many times the usual line spacing opens a paragraph."""
SHORT_LINE_CHARS = 2.0
"""A line ending a sentence this many characters short of the right edge closes its paragraph."""
TITLE_SHARE = 0.5
"""A line filling less than this share of the text width stands alone (a title), even in English."""
CID_SHARE = 0.05
"""More than this share of characters as (cid:NN) means the fonts have no character map."""
MAX_PAGES = 2000
"""Pages read at most (a yearly report runs to tens; a bigger PDF is not one report)."""

_PAGE_NUMBER = re.compile(r"[-—–－\s]*(?:第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|\d{1,4}|"
                          r"[Pp]age \d+(?: of \d+)?)[-—–－\s]*")
_CID = re.compile(r"\(cid:\d+\)")


def read_pdf(p: Path, shown: str, data: bytes) -> Document:
    """The paragraphs of a PDF's text layer, page starts kept for citing."""
    pages = _page_lines(shown, data)
    text_chars = sum(len(line["text"]) for page in pages for line in page)
    if not text_chars:
        raise InputError(f"{shown}: the PDF has no text layer (a scanned document?); OCR is not done here, "
                         "export the text from the original document instead")
    cids = sum(len(m.group()) for page in pages for line in page for m in _CID.finditer(line["text"]))
    if cids > CID_SHARE * text_chars:
        raise InputError(f"{shown}: the PDF's fonts carry no character map (text comes out as (cid:NN)); "
                         "export the text from the original document instead")
    pages = _without_running_lines(pages)
    paragraphs, page_of = _paragraphs(pages)
    text = "\n".join(paragraphs)
    if not text.strip():
        raise InputError(f"{shown}: the PDF has no text besides page headers and numbers")
    starts, offset, seen = [], 0, -1
    for paragraph, page in zip(paragraphs, page_of):
        if page != seen:
            starts.append(offset)
            seen = page
        offset += len(paragraph) + 1
    return Document(str(p), text, "pdf", page_starts=starts)


def _page_lines(shown: str, data: bytes) -> list[list[dict]]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        with pdfplumber.open(BytesIO(data)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise InputError(f"{shown}: has {len(pdf.pages)} pages, over the {MAX_PAGES} read for one report")
            return [page.extract_text_lines(return_chars=False) for page in pdf.pages]
    except InputError:
        raise
    except PDFPasswordIncorrect:
        raise InputError(f"{shown}: the PDF is password-protected; save an unprotected copy") from None
    except Exception as exc:  # pdfminer raises many unrelated types for a damaged file
        inner = exc.args[0] if exc.args else None  # pdfplumber wraps pdfminer's error
        if isinstance(inner, PDFPasswordIncorrect) or "password" in repr(exc).lower() \
                or "Encryption" in type(inner).__name__:
            raise InputError(f"{shown}: the PDF is password-protected; save an unprotected copy") from None
        raise InputError(f"{shown}: not a readable PDF (the file is damaged or not a PDF)") from None


def _shape(text: str) -> str:
    """A line with its numbers hidden: page 3's header and page 4's are the same line."""
    return re.sub(r"\d+", "#", text.strip())


def _without_running_lines(pages: list[list[dict]]) -> list[list[dict]]:
    """Pages without running headers, footers and page numbers."""
    edges = Counter(shape for page in pages for shape in {_shape(line["text"]) for line in _edge(page)})
    running = {shape for shape, n in edges.items() if n >= 2 and n >= RUNNING_SHARE * len(pages)}
    out = []
    for page in pages:
        edge = {id(line) for line in _edge(page)}
        out.append([line for line in page if id(line) not in edge
                    or not (_shape(line["text"]) in running or _PAGE_NUMBER.fullmatch(line["text"]))])
    return out


def _edge(page: list[dict]) -> list[dict]:
    """The lines at a page's top and bottom where running headers and footers stand."""
    return page[:EDGE_LINES] + page[max(EDGE_LINES, len(page) - EDGE_LINES):]


def _unbreakable(text: str, char: float) -> float:
    """Width of the number or word a line opens with, which could not be split at the line before
    (Word moves 23830元 whole to the next line, leaving the line before short)."""
    token = re.match(r"[A-Za-z0-9.,%$-]+", text)
    return len(token.group()) * char * 0.6 if token else 0.0


def _paragraphs(pages: list[list[dict]]) -> tuple[list[str], list[int]]:
    """(paragraphs, page index of each paragraph's first line)."""
    lines = [(k, line) for k, page in enumerate(pages) for line in page if line["text"].strip()]
    if not lines:
        return [], []
    heights = [line["bottom"] - line["top"] for _, line in lines]
    char = median(heights) or 10.0  # a CJK character is about as wide as the line is high
    left = Counter(round(line["x0"]) for _, line in lines).most_common(1)[0][0]
    ends = sorted(line["x1"] for _, line in lines)
    right = ends[int(0.9 * (len(ends) - 1))]  # the right margin: where most full lines end
    steps = [b["top"] - a["top"] for (pa, a), (pb, b) in pairwise(lines) if pa == pb and b["top"] > a["top"]]
    spacing = median(steps or [char * 1.5])
    paragraphs: list[str] = []
    page_of: list[int] = []
    previous = None
    for k, line in lines:
        text = line["text"].strip()
        starts = previous is None or line["x0"] > left + INDENT_CHARS * char or OPENS_PARAGRAPH.match(text) is not None
        if previous is not None and not starts:
            prev_page, prev = previous
            if prev_page == k and line["top"] - prev["top"] > GAP_LINES * spacing:
                starts = True
            elif prev["x1"] < right - SHORT_LINE_CHARS * char - _unbreakable(text, char) and \
                    (ENDS_SENTENCE.search(prev["text"].strip()) or not LATIN_END.search(prev["text"].strip())):
                starts = True  # Chinese wraps at the margin: a line ending short of it ends its paragraph
            elif prev["x1"] - left < TITLE_SHARE * (right - left):
                starts = True  # a title line: far too short to have wrapped, whatever it ends with
        if starts:
            paragraphs.append(text)
            page_of.append(k)
        else:
            paragraphs[-1] += joint(paragraphs[-1], text) + text
        previous = (k, line)
    return paragraphs, page_of
