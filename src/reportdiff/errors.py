"""The one exception family the library raises, and how names are shown in its messages."""
from __future__ import annotations

import re


class ReportdiffError(Exception):
    """Base class: anything a user can cause and fix (bad input, bad option). The command line
    prints it as one line (its exit codes are listed in cli.py)."""


class InputError(ReportdiffError):
    """A report file that cannot be read: missing, empty, binary, undecodable, unsupported."""


# Control characters (a file name can carry terminal escapes), bidi overrides (they reorder what
# follows), and lone surrogates (bytes of a name that is not UTF-8, as Python hands them over).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """`text` safe for a terminal, a page and UTF-8: every unprintable character as an escape
    (a\\xff.txt for a name whose byte 0xff is not UTF-8, \\x1b for ESC)."""
    def escape(m: re.Match[str]) -> str:
        code = ord(m.group())
        if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
            return f"\\x{code - 0xDC00:02x}"
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return _UNPRINTABLE.sub(escape, text)


def sizes_in_words(size: int, limit: int) -> tuple[str, str]:
    """Both in MB to one decimal, or both in bytes when that would hide the difference."""
    if limit >= 1_000_000:
        shown = tuple(f"{n / 1e6:,.1f}".removesuffix(".0") + " MB" for n in (size, limit))
        if shown[0] != shown[1]:
            return shown[0], shown[1]
    return f"{size:,} bytes", f"{limit:,} bytes"
