"""Where the command line's output goes: checked before any work, never onto an input, written
whole or not at all.

A page is written beside its target, flushed to disk and renamed over it, so a failure midway
(disk full, interrupted) leaves the previous file as it was. Output names the user did not type
(the default review.html, scan pair pages) never replace a file reportdiff did not write.
"""
from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path

from .errors import ReportdiffError, printable

GENERATOR_MARK = b'<meta name="generator" content="reportdiff">'
"""In the head of every page we write: how an existing file is known to be ours."""
_MARK_WITHIN = 2048
WORKBOOK_MARK = re.compile(rb"<dc:creator[^>]*>reportdiff</dc:creator>")
"""In the properties of every workbook we write (report/export.py sets the creator)."""


def check_target(path: str | Path, inputs: Iterable[str | Path], chosen: bool = True) -> Path:
    """The output path, checked before the work starts: not an input, not a directory, in a
    folder that exists and can be written. `chosen`: the user typed this name; otherwise an
    existing file is replaced only when reportdiff wrote it."""
    target = Path(path)
    name = printable(str(target))
    try:
        return _checked(target, name, inputs, chosen)
    except OSError as exc:  # a name too long, a loop of links …
        raise ReportdiffError(f"{name}: cannot be written ({exc.strerror or exc})") from None


def _checked(target: Path, name: str, inputs: Iterable[str | Path], chosen: bool) -> Path:
    if target.is_dir():
        raise ReportdiffError(f"{name}: is a directory; give a file name for the output")
    if target.exists() and not stat.S_ISREG(target.stat().st_mode):
        # Renaming a page over a named pipe or a device would replace it; writing into one blocks.
        raise ReportdiffError(f"{name}: is not a regular file (a pipe or a device); give a file name for the output")
    for source in inputs:
        if _same_file(target, Path(source)):
            raise ReportdiffError(f"{name}: is one of the input reports; the output would overwrite it")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ReportdiffError(f"{name}: folder {printable(str(folder))} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ReportdiffError(f"{name}: cannot write in folder {printable(str(folder))} (permission denied)")
    if target.exists():
        if not os.access(target, os.W_OK):
            raise ReportdiffError(f"{name}: cannot be overwritten (permission denied)")
        if not chosen and not _ours(target):
            raise ReportdiffError(f"{name}: exists and was not written by reportdiff; choose another output name with -o")
    return target


def write_whole(path: Path, text: str | bytes) -> None:
    """Write `text` (UTF-8; bytes as they are) to `path` atomically: a sibling temporary file,
    fsync, rename."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    folder = path.parent if str(path.parent) else Path(".")
    try:
        mode = path.stat().st_mode & 0o777 if path.exists() else _default_mode()
        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise ReportdiffError(f"{printable(str(path))}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise ReportdiffError(f"{printable(str(path))}: cannot write ({exc.strerror or exc}); "
                                  "the previous file, if any, is unchanged") from None
        raise


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()


def _ours(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            head = f.read(_MARK_WITHIN)
        if head.startswith(b"PK"):  # a workbook: its author is in docProps/core.xml, inside the zip
            with zipfile.ZipFile(path) as book:
                return WORKBOOK_MARK.search(book.read("docProps/core.xml")) is not None
        return GENERATOR_MARK in head
    except (OSError, KeyError, zipfile.BadZipFile):
        return False


def _default_mode() -> int:
    """What open() would give a new file: 0o666 less the umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
