"""reportdiff: compare two years of the same yearly report.

The pipeline, one module a stage: read -> outline -> align -> compare (figures/metrics,
recycle) -> report (JSON, view, HTML). The data passed between stages is in model.py.
"""
from __future__ import annotations

__version__ = "0.1.0"

from pathlib import Path
from typing import Any

from .errors import InputError, ReportdiffError
from .model import Comparison, Document, Outline, Unit
from .outline import outline_document, outline_text
from .read import read_document


def load(path: str | Path) -> Outline:
    """Read a report file (.txt, .md, .docx) and return its outline."""
    return outline_document(read_document(path))


def compare_files(old_path: str | Path, new_path: str | Path, **options: Any) -> Comparison:
    """Read, outline, align and classify two reports; returns a Comparison.
    Options are those of `reportdiff.compare.compare`: min_recycled (characters, default 10),
    formulae (a Formulae list), executor (where the independent work may run)."""
    from .compare import compare

    return compare(load(old_path), load(new_path), **options)


__all__ = ["Comparison", "Document", "InputError", "Outline", "ReportdiffError", "Unit", "compare_files", "load",
           "outline_text", "read_document"]
