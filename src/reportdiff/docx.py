"""Unpack a Word .docx: paragraphs and table rows in document order, Word's automatic numbering
written out as the labels Word shows (docxnumbering.py), heading levels from styles resolved once,
zip bombs and non-Word zips refused before python-docx parses anything.

Read: the body's paragraphs and tables. Not read, as not body text: headers and footers,
footnotes and endnotes, comments, text boxes and shapes, pictures."""
from __future__ import annotations

import re
import zipfile
import zlib
from io import BytesIO
from pathlib import Path

from .docxnumbering import paragraph_numbering, read_numbering
from .errors import InputError, printable, sizes_in_words
from .model import Document

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_docx(p: Path, shown: str, data: bytes, max_expanded: int | None) -> Document:
    """Paragraphs (and table rows, as tab-separated lines) in document order."""
    if data.startswith(_OLE_MAGIC):
        raise InputError(f"{shown}: is a password-protected Word file or an old .doc renamed .docx; "
                         "save it from Word as .docx without a password")
    try:
        package = zipfile.ZipFile(BytesIO(data))
        infos = package.infolist()
    except Exception:  # zipfile raises several unrelated types for a damaged archive
        raise InputError(f"{shown}: not a valid .docx file (it is not a zip package)") from None
    total = sum(info.file_size for info in infos)
    if max_expanded is not None and total > max_expanded:
        biggest = max(infos, key=lambda info: info.file_size)
        what, size = ((printable(biggest.filename), biggest.file_size) if biggest.file_size > max_expanded
                      else ("its contents", total))
        unpacked, limit = sizes_in_words(size, max_expanded)
        raise InputError(f"{shown}: {what} would unpack to {unpacked}, over the {limit} limit for a .docx, "
                         "so it was not unpacked (a zip bomb looks like this); raise --max-mb if it is a real report")
    if not _has_word_body(package):
        raise InputError(f"{shown}: not a Word document (no word/document.xml)")
    import docx

    try:
        document = docx.Document(BytesIO(data))
    except Exception as exc:  # python-docx raises several unrelated types for broken packages
        raise InputError(f"{shown}: not a valid .docx file ({_docx_problem(exc)})") from None
    body = getattr(document.element, "body", None)
    if body is None:
        raise InputError(f"{shown}: not a valid .docx file (its document has no body)")
    try:
        lines, hints, page_starts = _docx_lines(document, body)
    except Exception:  # python-docx walking damaged XML (a table without its grid, ...)
        raise InputError(f"{shown}: not a valid .docx file (its document XML is damaged)") from None
    text = "\n".join(lines)
    if not text.strip():
        raise InputError(f"{shown}: has no text (images and drawings are not read)")
    return Document(str(p), text, "docx", hints, page_starts)


def _has_word_body(package: zipfile.ZipFile) -> bool:
    """The package's main part (from _rels/.rels; word/document.xml by default) is there and is Word's."""
    names = set(package.namelist())
    target = "word/document.xml"
    if "_rels/.rels" in names:
        try:
            rels = package.read("_rels/.rels").decode("utf-8", "replace")
        except Exception:  # a damaged entry: python-docx will say so
            rels = ""
        for rel in re.findall(r"<(?:\w+:)?Relationship\b[^>]*>", rels):
            kind = re.search(r"""\bType\s*=\s*["']([^"']*)""", rel)
            where = re.search(r"""\bTarget\s*=\s*["']([^"']*)""", rel)
            if kind and where and kind.group(1).endswith("/officeDocument"):
                target = where.group(1).lstrip("/")
                break
    return target in names and target.startswith("word/")


def _docx_problem(exc: Exception) -> str:
    kind = type(exc).__name__
    if kind == "XMLSyntaxError":
        return "its XML is damaged"
    if isinstance(exc, KeyError):
        return "a part it refers to is missing"
    if isinstance(exc, (zipfile.BadZipFile, EOFError, zlib.error)):
        return "its zip data is damaged"
    if isinstance(exc, ValueError) and "content type" in str(exc):
        return "its main part is not a Word document body: a template or macro-enabled file renamed .docx?"
    return "it cannot be opened as a Word document"


def _docx_lines(document, body) -> tuple[list[str], dict[int, int], list[int]]:
    """The body's paragraphs and table rows as lines, the heading level of each paragraph that
    has one, by its start offset in the joined text, and where each page starts as Word last laid
    the document out (its w:lastRenderedPageBreak marks). A file Word never laid out (written by
    WPS, a converter or a script) has none: then its author's own page breaks stand for the pages
    (a page break in the text, a paragraph set to start a page), and with neither no pages are
    known."""
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    p_tag, tbl_tag = qn("w:p"), qn("w:tbl")
    levels, default_level = _style_levels(document)
    numbering = read_numbering(document)
    lines: list[str] = []
    hints: dict[int, int] = {}
    page_starts: list[int] = []
    hard_starts: list[int] = []  # the author's page breaks: used only when Word left no marks
    offset = 0
    for child in body.iterchildren():
        if child.tag == p_tag:
            paragraph = Paragraph(child, document)
            text = paragraph.text
            numbered = paragraph_numbering(child, numbering)
            label = numbering.label(*numbered) if numbered else ""  # an empty numbered paragraph counts too
            shift = 0
            if label and text.strip():
                shift = len(label) - (len(text) - len(text.lstrip()))
                text = label + text.lstrip()
            for page_break in paragraph.rendered_page_breaks:
                fragment = page_break.preceding_paragraph_fragment  # None when the page starts with the paragraph
                before = len(fragment.text) + shift if fragment is not None else 0
                page_starts.append(offset + min(max(before, 0), len(text)))
            # a break before any text starts the page with the paragraph, numbering label and all
            hard_starts += [offset + (min(max(at + shift, 0), len(text)) if at else 0) for at in _hard_page_breaks(child)]
            style_id = child.style  # the pStyle id in the paragraph's own XML, or None
            level = default_level if style_id is None else levels.get(style_id, default_level)
            if level and text.strip():
                hints[offset] = level
            new = [text]
        elif child.tag == tbl_tag:
            new = ["\t".join(cell.text for cell in row.cells) for row in Table(child, document).rows]
        else:
            continue
        for line in new:
            lines.append(line)
            offset += len(line) + 1
    page_starts = page_starts or hard_starts
    return lines, hints, sorted({0, *page_starts}) if page_starts else []


def _hard_page_breaks(paragraph) -> list[int]:
    """Offsets in the paragraph's text (as python-docx reads it) where its author broke the page:
    0 when the paragraph is set to start a page (w:pageBreakBefore), and at each w:br of type page."""
    from docx.oxml.ns import qn

    text_tags = {qn(f"w:{tag}") for tag in ("t", "tab", "br", "cr", "noBreakHyphen", "ptab")}
    starts = []
    p_pr = paragraph.pPr
    if p_pr is not None and p_pr.pageBreakBefore_val:
        starts.append(0)
    at = 0
    # What python-docx counts as a paragraph's text: these run children, in runs and hyperlinks.
    for element in paragraph.xpath("./w:r/* | ./w:hyperlink/w:r/*"):
        if element.tag == qn("w:br") and element.get(qn("w:type")) == "page":
            starts.append(at)
        elif element.tag in text_tags:
            at += len(str(element))
    return starts


def _style_levels(document) -> tuple[dict[str, int], int]:
    """Heading level by paragraph style id, and the level of a paragraph without a style (or
    with an id that is not a paragraph style), read from the styles once.

    As python-docx resolves `paragraph.style`: the first style with an id is the one meant; an id
    that is missing or not a paragraph style means the default paragraph style, which is the last
    paragraph style marked default."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml.ns import qn

    levels: dict[str, int] = {}
    not_paragraph: set[str] = set()
    default_level = 0
    try:
        styles = document.styles.element.iterchildren(qn("w:style"))
    except (KeyError, ValueError):
        return levels, default_level
    for style in styles:
        try:
            is_paragraph = style.type == WD_STYLE_TYPE.PARAGRAPH
            style_id, is_default, name = style.styleId, style.default, style.name_val
        except (KeyError, ValueError):  # an attribute python-docx cannot read: as if not a paragraph style
            continue
        level = _level_of(name or "")
        if is_paragraph and is_default:
            default_level = level
        if style_id is not None and style_id not in levels and style_id not in not_paragraph:
            if is_paragraph:
                levels[style_id] = level
            else:
                not_paragraph.add(style_id)
    return levels, default_level


def _level_of(style_name: str) -> int:
    """Heading level from a paragraph style's name ("Heading 2", "heading 2", "标题 2"), else 0
    ("Title" and every other style)."""
    lowered = style_name.lower()
    for prefix in ("heading", "标题"):
        if lowered.startswith(prefix):
            digits = "".join(ch for ch in lowered[len(prefix):] if ch.isdigit())
            return int(digits) if digits else 1
    return 0
