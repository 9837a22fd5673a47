"""One report, five formats: 海拉尔区 2017 as text, as a .docx with the numbers typed, as a .docx
whose 一、 and (一) Word numbers itself, as a PDF exported with a running header and page numbers,
and as a Word 97 .doc (the committed fixture) read through antiword or catdoc. Each gives the same
outline (units, kinds, levels) and the same comparison against last year's .txt."""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

import reportdiff
from test_docx_numbering import numbered_report
from test_pdf import write_pdf

PAIRS = Path(__file__).parent / "pairs"
OLD = PAIRS / "real" / "hailar-2016-2017" / "old.txt"
TEXT = PAIRS / "doc" / "hailar-2017.txt"
HAVE_CONVERTER = any(shutil.which(tool) for tool in ("antiword", "catdoc", "soffice"))


def paragraphs() -> list[str]:
    return [line.strip(" \u3000") for line in TEXT.read_text(encoding="utf-8").splitlines() if line.strip(" \u3000")]


def typed_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    for line in paragraphs():
        document.add_paragraph(line)
    document.save(path)


def numbered_docx(path: Path) -> None:
    numbered_report(paragraphs()).save(path)


def doc(path: Path) -> None:
    path.write_bytes((PAIRS / "doc" / "hailar-2017.doc").read_bytes())


@pytest.mark.skipif(not HAVE_CONVERTER and not os.environ.get("CI"),
                    reason="no .doc converter (apt-get install antiword); .ci/run installs it")
def test_the_same_report_in_five_formats_outlines_and_compares_the_same(tmp_path):
    lines = paragraphs()
    assert any(re.match(r"[一二]、", line) for line in lines) and any(line.startswith("(三)") for line in lines)
    (tmp_path / "report.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    typed_docx(tmp_path / "typed.docx")
    numbered_docx(tmp_path / "numbered.docx")
    write_pdf(tmp_path / "report.pdf", lines)
    doc(tmp_path / "report.doc")

    def shape(path: Path):
        return [(u.kind, u.level, u.key) for u in reportdiff.load(path).units]

    def comparison(path: Path):
        c = reportdiff.compare_files(OLD, path)
        return ([(r.old, r.new, r.status) for r in c.rows],
                [(m.old and m.old.text, m.new and m.new.text) for m in c.metrics],
                [(p.plan.text, p.status) for p in c.promises])

    formats = ["typed.docx", "numbered.docx", "report.pdf", "report.doc"]
    assert {name: shape(tmp_path / name) for name in formats} == {name: shape(tmp_path / "report.txt") for name in formats}
    expected = comparison(tmp_path / "report.txt")
    assert len(expected[0]) > 40 and expected[1]  # rows and paired figures to agree on
    for name in formats:
        assert comparison(tmp_path / name) == expected, name
