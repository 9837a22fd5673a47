"""The one exception family the library raises; the CLI turns it into a one-line message."""
from __future__ import annotations


class ReportdiffError(Exception):
    """Base class: anything a user can cause and fix (bad input, bad option)."""

    exit_code = 2


class InputError(ReportdiffError):
    """A report file that cannot be read: missing, empty, binary, undecodable, unsupported."""
