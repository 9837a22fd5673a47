"""Text hard-wrapped at a fixed width (pasted from a PDF or an e-mail) is joined back into
paragraphs; text written a paragraph or a sentence a line is left exactly as it is."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import reportdiff
from reportdiff import outline_text
from reportdiff.figures import find_figures
from reportdiff.unwrap import columns, unwrap

TESTS = Path(__file__).parent
REAL = TESTS / "pairs" / "real"


def paragraphs(case: str, side: str = "new", count: int = 60) -> list[str]:
    text = (REAL / case / f"{side}.txt").read_text(encoding="utf-8")
    return [line.strip(" \u3000") for line in text.splitlines() if line.strip(" \u3000")][:count]


def wrap_columns(paragraph: str, width: int = 70) -> str:
    """As a fixed-width wrapper cuts Chinese: at a column count, anywhere, figures included."""
    lines, line = [], ""
    for ch in paragraph:
        if columns(line + ch) > width:
            lines.append(line)
            line = ""
        line += ch
    return "\n".join([*lines, line])


def test_wrapped_chinese_reads_as_the_paragraphs(tmp_path):
    paras = paragraphs("hailar-2016-2017")
    wrapped = "\n".join(wrap_columns("\u3000\u3000" + p) for p in paras)
    assert "8\n000亩" in wrapped  # the wrap cuts a figure in two, as in the issue
    (tmp_path / "wrapped.txt").write_text(wrapped, encoding="utf-8")
    document = reportdiff.read_document(tmp_path / "wrapped.txt")
    assert document.encoding.endswith("hard-wrapped lines joined")
    read = reportdiff.load(tmp_path / "wrapped.txt")
    typed = outline_text("\n".join(paras))
    assert [(u.kind, u.level, u.key) for u in read.units] == [(u.kind, u.level, u.key) for u in typed.units]
    assert [f.text for f in find_figures(read.source)] == [f.text for f in find_figures(typed.source)]


def test_wrapped_english_joins_with_spaces():
    paras = paragraphs("en-2019-2020", count=80)
    joined = unwrap("\n\n".join(textwrap.fill(p, 72) for p in paras))
    assert joined is not None and [line for line in joined.splitlines() if line.strip()] == paras


ROOT = TESTS.parent
CORPUS = ROOT.parent / "shared" / "corpus"
WRITTEN = sorted(str(p.relative_to(ROOT.parent)) for p in [*(TESTS / "pairs").rglob("*.txt"), *(ROOT / "samples").rglob("*.txt"),
                                                           *CORPUS.rglob("*.txt")] if p.name != "SOURCES.txt")


@pytest.mark.parametrize("path", WRITTEN)
def test_reports_written_a_paragraph_or_sentence_a_line_stay_as_they_are(path):
    text = (ROOT.parent / path).read_text(encoding="utf-8")
    assert unwrap(text) is None
