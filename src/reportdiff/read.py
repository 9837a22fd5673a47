"""Read a report file (.txt, .md, .docx) into text, detecting the encoding."""
from __future__ import annotations

import codecs
import unicodedata
import zipfile
from pathlib import Path

from .errors import InputError
from .model import Document

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
NOT_YET = {
    ".doc": "Word 97-2003 .doc files are not supported yet; save it as .docx or .txt",
    ".wps": "WPS .wps files are not supported yet; save it as .docx or .txt",
    ".pdf": "PDF files are not supported yet; export the text to .txt",
    ".rtf": "RTF files are not supported yet; save it as .docx or .txt",
}


def read_document(path: str | Path) -> Document:
    """Read `path`; raise InputError with a one-line reason when it is not a usable report."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, expected a report file (.txt, .md or .docx)")
    suffix = p.suffix.lower()
    if suffix in NOT_YET:
        raise InputError(f"{p}: {NOT_YET[suffix]}")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from None
    if not data:
        raise InputError(f"{p}: the file is empty")
    if suffix == ".docx":
        doc = _read_docx(p, data)
    elif suffix in TEXT_SUFFIXES:
        text, encoding = decode_text(data, p)
        doc = Document(str(path), text, encoding)
    else:
        raise InputError(f"{p}: unsupported format {suffix!r}; use .txt, .md or .docx")
    if not doc.text.strip():
        raise InputError(f"{p}: the file contains only whitespace")
    return doc


def decode_text(data: bytes, p: Path | str = "<bytes>") -> tuple[str, str]:
    """Decode report bytes: BOMs first, then UTF-8, then GB18030, then charset-normalizer.

    Chinese reports come as UTF-8 or GBK/GB18030 in practice; trying those strictly
    before statistical detection avoids mis-guesses on short texts.
    """
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16"), (codecs.BOM_UTF32_LE, "utf-32")):
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(f"{p}: starts with a {encoding} byte-order mark but is not valid {encoding}") from None
            if not _plausible(text):
                raise InputError(f"{p}: looks like a binary file, not text")
            return text, encoding
    if b"\x00" in data:
        raise InputError(f"{p}: looks like a binary file, not text")
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text, encoding
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        text = str(best)
        if _plausible(text):
            return text, best.encoding
    raise InputError(f"{p}: cannot decode the text (not UTF-8, UTF-16 or GB18030)")


def _plausible(text: str) -> bool:
    """True when decoded text looks like prose: few control characters, no private-use area."""
    if not text:
        return False
    bad = sum(1 for ch in text if (unicodedata.category(ch) in ("Cc", "Co", "Cs") and ch not in "\r\n\t\f\v"))
    return bad <= len(text) * 0.01


def _read_docx(p: Path, data: bytes) -> Document:
    """Paragraphs (and table rows, as tab-separated lines) in document order."""
    if not zipfile.is_zipfile(p):
        raise InputError(f"{p}: not a valid .docx file (it is not a zip package)")
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(p))
    except Exception as exc:  # python-docx raises several unrelated types for broken packages
        raise InputError(f"{p}: not a valid .docx file ({type(exc).__name__})") from None
    lines: list[str] = []
    hints: dict[int, int] = {}
    offset = 0
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para = Paragraph(child, document)
            level = _heading_level(para)
            if level and para.text.strip():
                hints[offset] = level
            new = [para.text]
        elif tag == "tbl":
            new = ["\t".join(cell.text for cell in row.cells) for row in Table(child, document).rows]
        else:
            continue
        for line in new:
            lines.append(line)
            offset += len(line) + 1
    return Document(str(p), "\n".join(lines), "docx", hints)


def _heading_level(para) -> int:
    """Heading level from the paragraph style ("Heading 2", "标题 2", "Title"), else 0."""
    try:
        name = (para.style.name or "") if para.style is not None else ""
    except (KeyError, ValueError):
        return 0
    lowered = name.lower()
    if lowered == "title":
        return 0
    for prefix in ("heading", "标题"):
        if lowered.startswith(prefix):
            digits = "".join(ch for ch in lowered[len(prefix):] if ch.isdigit())
            return int(digits) if digits else 1
    return 0
