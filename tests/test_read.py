"""Reading real files: encodings, line ends, .docx, and every kind of bad input."""
from __future__ import annotations

import codecs

import docx
import pytest

import reportdiff
from reportdiff.errors import InputError
from reportdiff.read import read_document

TEXT = "2022年工作总结\r\n\r\n　　一、抓学习。组织集体学习12次。\r\n　　二、抓发展。投资3.8亿元。\r\n"


@pytest.mark.parametrize("encoding,prefix", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gb18030", b""), ("gbk", b""),
    ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
])
def test_encodings_are_detected(tmp_path, encoding, prefix):
    path = tmp_path / "r.txt"
    path.write_bytes(prefix + TEXT.encode(encoding))
    assert read_document(path).text == TEXT


def test_cr_only_line_ends_and_fullwidth_indent_still_outline(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(TEXT.replace("\r\n", "\r").encode("utf-8"))
    outline = reportdiff.load(path)
    assert "".join(u.text for u in outline.units) == TEXT.replace("\r\n", "\r")
    assert [u.marker for u in outline.units if u.kind == "heading"] == ["一、", "二、"]


def test_markdown_is_read_as_text(tmp_path):
    path = tmp_path / "r.md"
    path.write_text(TEXT, encoding="utf-8")
    assert reportdiff.load(path).title == "2022年工作总结"


def test_docx_paragraphs_tables_and_heading_styles(tmp_path):
    document = docx.Document()
    document.add_paragraph("2022年度述职报告", style="Title")
    document.add_paragraph("一年来，我坚持学习。")
    document.add_paragraph("抓党建促发展", style="Heading 1")
    document.add_paragraph("一是加强学习，组织集体学习12次。二是强化落实，推进项目8个。")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "指标"
    table.rows[0].cells[1].text = "12次"
    document.add_paragraph("抓民生保稳定", style="Heading 1")
    document.add_paragraph("全年民生支出1.6亿元。")
    path = tmp_path / "r.docx"
    document.save(path)
    doc = read_document(path)
    assert doc.text.splitlines() == ["2022年度述职报告", "一年来，我坚持学习。", "抓党建促发展",
                                     "一是加强学习，组织集体学习12次。二是强化落实，推进项目8个。", "指标\t12次",
                                     "抓民生保稳定", "全年民生支出1.6亿元。"]
    headings = [u.content for u in reportdiff.load(path).units if u.kind == "heading"]
    assert headings == ["抓党建促发展", "抓民生保稳定"]


@pytest.mark.parametrize("name,content,message", [
    ("empty.txt", b"", "the file is empty"),
    ("blank.txt", "  \n\u3000\u3000\r\n\t".encode("utf-8"), "only whitespace"),
    ("binary.txt", bytes(range(256)) * 4, "binary"),
    ("bad.txt", b"\xff\xfe\xfd\x80\x81" * 3 + b"\x00\x01\x02" + b"\x90" * 20, "binary"),
    ("undecodable.txt", b"\x81\x30\xff\x80\xfe\xff\xfe\x80" * 30, "cannot decode"),
    ("report.pdf", b"%PDF-1.4", "PDF files are not supported yet"),
    ("report.doc", b"\xd0\xcf\x11\xe0", ".doc files are not supported yet"),
    ("report.xlsx", b"PK\x03\x04", "unsupported format"),
    ("broken.docx", b"not a zip", "not a valid .docx"),
])
def test_bad_input_is_one_clear_error(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_document(path)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_document(tmp_path)
