"""PDF input: a report exported to PDF reads as the same outline as its text, running headers and
page numbers gone, wrapped lines joined; PDFs without usable text are refused in one line.

The PDFs are written here with reportlab's built-in Chinese CID font (STSong-Light), laid out as
Word exports reports: first lines indented two characters, headings flush left, a running header
and `- N -` page numbers."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import reportdiff
from reportdiff import outline_text
from reportdiff.errors import InputError

pytest.importorskip("reportlab")

REAL = Path(__file__).parent / "pairs" / "real"


def write_pdf(path: Path, paragraphs: list[str], *, header: str = "海拉尔区人民政府工作报告", encrypt: str | None = None) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=12, leading=20, firstLineIndent=24, wordWrap="CJK")
    head = ParagraphStyle("head", fontName="STSong-Light", fontSize=12, leading=20, wordWrap="CJK")

    def decorate(canvas, doc):
        canvas.setFont("STSong-Light", 9)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 40, header)
        canvas.drawCentredString(A4[0] / 2, 30, f"- {doc.page} -")

    doc = SimpleDocTemplate(str(path), pagesize=A4, encrypt=encrypt)
    doc.build([Paragraph(p, head if len(p) < 30 else body) for p in paragraphs], onFirstPage=decorate, onLaterPages=decorate)


def report_paragraphs(case: str = "hailar-2016-2017", side: str = "new", count: int = 40) -> list[str]:
    text = (REAL / case / f"{side}.txt").read_text(encoding="utf-8")
    return [line.strip(" \u3000") for line in text.splitlines() if line.strip(" \u3000")][:count]


def shape(outline) -> list[tuple[str, int, str]]:
    return [(u.kind, u.level, u.key) for u in outline.units]


def test_pdf_reads_as_the_same_outline_as_its_text(tmp_path):
    paragraphs = report_paragraphs()
    write_pdf(tmp_path / "report.pdf", paragraphs)
    from_pdf = reportdiff.load(tmp_path / "report.pdf")
    from_text = outline_text("\n".join(paragraphs))
    assert shape(from_pdf) == shape(from_text)
    assert "海拉尔区人民政府工作报告" not in from_pdf.source  # the running header
    assert "- 2 -" not in from_pdf.source
    assert len(from_pdf.page_starts) > 3 and from_pdf.page_starts[0] == 0
    assert "新增供热面积72万平方米" in from_pdf.source  # a figure wrapped across lines, joined


def test_pdf_compares_like_its_text(tmp_path):
    """The same report as .txt and as PDF gives the same comparison against last year's .txt."""
    old = REAL / "hailar-2016-2017" / "old.txt"
    paragraphs = report_paragraphs(count=60)
    write_pdf(tmp_path / "new.pdf", paragraphs)
    (tmp_path / "new.txt").write_text("\n".join(paragraphs), encoding="utf-8")
    as_pdf = reportdiff.compare_files(old, tmp_path / "new.pdf")
    as_text = reportdiff.compare_files(old, tmp_path / "new.txt")
    assert [(r.old, r.new, r.status) for r in as_pdf.rows] == [(r.old, r.new, r.status) for r in as_text.rows]
    assert [(m.old and m.old.text, m.new and m.new.text) for m in as_pdf.metrics] == \
        [(m.old and m.old.text, m.new and m.new.text) for m in as_text.metrics]


def test_english_lines_join_with_a_space(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    text = (REAL / "en-2019-2020" / "new.txt").read_text(encoding="utf-8").splitlines()
    long = next(line for line in text if len(line) > 300)
    style = ParagraphStyle("en", fontName="Helvetica", fontSize=11, leading=16)
    SimpleDocTemplate(str(tmp_path / "en.pdf"), pagesize=A4).build([Paragraph("I. A Review", style), Paragraph(long, style)])
    source = reportdiff.read_document(tmp_path / "en.pdf").text
    assert source.splitlines()[1] == long


@pytest.mark.parametrize("case", ["encrypted", "no_text", "damaged", "not_pdf"])
def test_unusable_pdfs_get_one_line(tmp_path, case):
    path = tmp_path / f"{case}.pdf"
    if case == "encrypted":
        write_pdf(path, report_paragraphs(count=5), encrypt="secret")
    elif case == "no_text":
        from reportlab.pdfgen import canvas
        c = canvas.Canvas(str(path))
        c.rect(100, 100, 200, 200, fill=1)  # a scanned page: a picture, no text
        c.save()
    elif case == "damaged":
        write_pdf(path, report_paragraphs(count=5))
        path.write_bytes(path.read_bytes()[:400])
    else:
        path.write_text("这不是PDF文件", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        reportdiff.read_document(path)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(str(path))
    expected = {"encrypted": "password", "no_text": "no text layer", "damaged": "not a readable PDF",
                "not_pdf": "not a readable PDF"}[case]
    assert expected in message
    run = subprocess.run([sys.executable, "-m", "reportdiff", "outline", str(path)], capture_output=True, text=True)
    assert run.returncode == 2 and "Traceback" not in run.stderr and len(run.stderr.strip().splitlines()) == 1


def test_rows_of_a_pdf_cite_the_page(tmp_path):
    """A unit read from a PDF cites its page: the page the paragraph starts on, as printed."""
    from reportdiff.report.cite import places, short
    from reportdiff.report.labels import LABELS

    paragraphs = report_paragraphs(count=60)
    write_pdf(tmp_path / "new.pdf", paragraphs)
    outline = reportdiff.load(tmp_path / "new.pdf")
    cited = places(outline)
    pages = [p.page for p in cited]
    assert pages[0] == 1 and pages == sorted(pages) and pages[-1] == len(outline.page_starts) > 3
    last = outline.units[-1]
    assert short(cited[-1], LABELS["zh"]).endswith(f"（第{len(outline.page_starts)}页）")
    assert outline.source.rfind("\n", 0, last.start) < outline.page_starts[-1] or pages[-1] == pages[-2]
