"""Read a report file (.txt, .md, .docx, .doc, .wps, .pdf): refuse what is not a regular file of a
sensible size, then decode text (decode.py), unpack Word (docx.py), convert Word 97-2003 and WPS
(worddoc.py) or read a PDF's text layer (pdf.py).

Every refusal is an InputError whose one-line message starts with the file's name and says what
to do; nothing here prints, exits or shows Python's own errno or codec wording.
"""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from .decode import Errors, decode_text
from .docx import read_docx
from .errors import InputError, printable, sizes_in_words
from .model import Document
from .pdf import read_pdf
from .unwrap import unwrap
from .worddoc import read_word97

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
NOT_YET = {
    ".rtf": "RTF files are not supported yet; save it as .docx or .txt",
}

MAX_FILE_BYTES = 20_000_000
"""Largest report file read (20 MB): a 500,000-character report is 1.5 MB as UTF-8 text, and 20 MB
leaves a .docx room for pictures; a bigger file is refused, by its size, before it is read."""
DOCX_EXPANSION = 5
"""A .docx's parts together may unpack to this many times `max_bytes`, checked in the zip's
directory before anything is unpacked: 500,000 characters make 1.8 MB of word/document.xml as
python-docx writes it (Word's markup is a few times more), a zip bomb gigabytes."""
MAX_DOCX_EXPANDED_BYTES = DOCX_EXPANSION * MAX_FILE_BYTES
"""The default limit on a .docx's unpacked size (100 MB)."""


def read_document(path: str | Path, *, encoding: str | None = None, errors: Errors = "strict",
                  max_bytes: int | None = MAX_FILE_BYTES, max_expanded_bytes: int | None = None) -> Document:
    """Read `path`; raise InputError with a one-line reason when it is not a usable report.

    `encoding`: any Python codec name, to read a text file in it instead of detecting one.
    `errors`: "strict" refuses bytes that do not decode, saying where the first one is;
    "replace" reads them as U+FFFD and reports how many in `Document.encoding`
    ("utf-8 (3 bytes replaced)").
    `max_bytes`: larger files are refused before they are read (None: no limit).
    `max_expanded_bytes`: the most a .docx's parts may unpack to (None: DOCX_EXPANSION times
    `max_bytes`, or no limit when that is None too).
    """
    if errors not in ("strict", "replace"):
        raise ValueError(f"errors must be 'strict' or 'replace', not {errors!r}")
    p = Path(path)
    shown = printable(str(p))
    suffix = p.suffix.lower()
    size = _regular_file_size(p, shown)
    if suffix in NOT_YET:
        raise InputError(f"{shown}: {NOT_YET[suffix]}")
    if suffix not in (".docx", ".pdf", ".doc", ".wps") and suffix not in TEXT_SUFFIXES:
        raise InputError(f"{shown}: unsupported format {printable(suffix)!r}; use .txt, .md, .docx, .doc, .wps or .pdf")
    if max_bytes is not None and size > max_bytes:
        actual, limit = sizes_in_words(size, max_bytes)
        raise InputError(f"{shown}: is {actual}, over the {limit} limit for a report file; "
                         "raise it with --max-mb if this really is one report")
    data = _read_bytes(p, shown, max_bytes)
    if not data:
        raise InputError(f"{shown}: the file is empty")
    if suffix == ".docx":
        if max_expanded_bytes is None and max_bytes is not None:
            max_expanded_bytes = DOCX_EXPANSION * max_bytes
        doc = read_docx(p, shown, data, max_expanded_bytes)
    elif suffix == ".pdf":
        doc = read_pdf(p, shown, data)
    elif suffix in (".doc", ".wps"):
        doc = read_word97(p, shown, data)
    else:
        text, used = decode_text(data, p, encoding=encoding, errors=errors)
        joined = unwrap(text)
        if joined is not None:  # pasted from a PDF or an e-mail: a paragraph a line again
            text, used = joined, f"{used}, hard-wrapped lines joined"
        doc = Document(str(path), text, used)
    if not doc.text.strip():
        raise InputError(f"{shown}: the file contains only whitespace")
    return doc


# The file itself: what it is, how big, its bytes.

def _regular_file_size(p: Path, shown: str) -> int:
    """The size of `p`, refusing anything but a regular file without opening it (a named pipe
    would block the open until someone writes to it)."""
    try:
        st = os.stat(p)
    except OSError as exc:
        if exc.errno == errno.ENOENT and os.path.islink(p):
            raise InputError(f"{shown}: is a symbolic link to a file that does not exist") from None
        raise InputError(f"{shown}: {_os_reason(exc)}") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{shown}: is a directory, expected a report file (.txt, .md or .docx)")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{shown}: is {_kind(st.st_mode)}, not a regular file; save the report to a file and give that")
    return st.st_size


def _read_bytes(p: Path, shown: str, max_bytes: int | None) -> bytes:
    """The file's bytes. Opened without blocking and checked again once open, in case it was
    replaced (by a pipe, or a bigger file) after it was first looked at."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(p, flags)
    except OSError as exc:
        raise InputError(f"{shown}: {_os_reason(exc)}") from None
    try:
        with os.fdopen(fd, "rb") as f:
            st = os.fstat(f.fileno())
            if not stat.S_ISREG(st.st_mode):
                raise InputError(f"{shown}: is {_kind(st.st_mode)}, not a regular file; save the report to a file and give that")
            data = f.read(-1 if max_bytes is None else max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{shown}: {_os_reason(exc)}") from None
    if max_bytes is not None and len(data) > max_bytes:
        limit = sizes_in_words(len(data), max_bytes)[1]
        raise InputError(f"{shown}: is over the {limit} limit for a report file (it grew while being read); "
                         "raise it with --max-mb if this really is one report")
    return data


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


_OS_REASONS = {
    errno.ENOENT: "no such file",
    errno.ENOTDIR: "no such file (a part of the path is not a folder)",
    errno.EACCES: "cannot read it: permission denied",
    errno.EPERM: "cannot read it: permission denied",
    errno.EISDIR: "is a directory, expected a report file (.txt, .md or .docx)",
    errno.ELOOP: "cannot read it: too many symbolic links in the path",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.EIO: "cannot read it: the disk reported an input/output error",
    errno.ENXIO: "cannot read it: no such device",
}


def _os_reason(exc: OSError) -> str:
    """Our own words for an operating-system error (never Python's "[Errno 2] ...")."""
    if exc.errno in _OS_REASONS:
        return _OS_REASONS[exc.errno]
    code = errno.errorcode.get(exc.errno, "unknown") if exc.errno is not None else "unknown"
    return f"cannot read it (system error {code})"


# Text: the encoding.
