"""The one exception family the library raises; the CLI turns it into a one-line message."""
from __future__ import annotations


class ReportdiffError(Exception):
    """Base class: anything a user can cause and fix (bad input, bad option). The command line
    prints it as one line (its exit codes are listed in cli.py)."""


class InputError(ReportdiffError):
    """A report file that cannot be read: missing, empty, binary, undecodable, unsupported."""
