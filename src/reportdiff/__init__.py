"""reportdiff: compare two years of the same yearly report."""
from __future__ import annotations

__version__ = "0.1.0"

from .errors import InputError, ReportdiffError
from .outline import Outline, Unit, outline_text
from .read import Document, read_document


def load(path) -> Outline:
    """Read a report file (.txt, .md, .docx) and return its outline."""
    from .outline import outline_document

    return outline_document(read_document(path))


def compare_files(old_path, new_path, **options):
    """Read, outline, align and classify two reports; returns a Comparison.
    Options: min_recycled (characters, default 10), formulae (a Formulae list)."""
    from .compare import compare

    return compare(load(old_path), load(new_path), **options)


__all__ = ["Document", "InputError", "Outline", "ReportdiffError", "Unit", "compare_files", "load", "outline_text", "read_document"]
