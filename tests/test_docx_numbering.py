"""Word's automatic numbering: the labels Word shows (一、 (一) 1. ① 甲) written into the text, so a
.docx whose headings Word numbers reads as the same outline as the report typed out.

The documents are built here with python-docx and raw numbering XML (abstractNum / num /
lvlOverride, numPr on paragraphs and on styles), as Word writes it."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import reportdiff
from reportdiff import outline_text
from reportdiff.docxnumbering import format_number

REAL = Path(__file__).parent / "pairs" / "real"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def level(ilvl: int, fmt: str, text: str, start: int = 1, suffix: str = "nothing", restart: int | None = None) -> str:
    restart_xml = f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else ""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{restart_xml}'
            f'<w:lvlText w:val="{text}"/><w:suff w:val="{suffix}"/></w:lvl>')


def add_numbering(document, abstract_id: int, levels: list[str], num_ids: list[int], overrides: dict[int, dict[int, int]] | None = None):
    from docx.oxml import parse_xml

    root = document.part.numbering_part.element
    root.insert(0, parse_xml(f'<w:abstractNum {W} w:abstractNumId="{abstract_id}">{"".join(levels)}</w:abstractNum>'))
    for num_id in num_ids:
        starts = "".join(f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
                         for ilvl, start in (overrides or {}).get(num_id, {}).items())
        root.append(parse_xml(f'<w:num {W} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{starts}</w:num>'))


def numbered(document, text: str, num_id: int, ilvl: int):
    paragraph = document.add_paragraph(text)
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = num_id
    return paragraph


def numbered_report(lines: list[str]):
    """A .docx of a report typed with 一、 and (一), the numbers left to Word's automatic numbering."""
    import docx

    document = docx.Document()
    add_numbering(document, 90, [level(0, "chineseCounting", "%1、"), level(1, "chineseCounting", "(%2)")], [90])
    for line in lines:
        top = re.match(r"[一二三四五六七八九十]+、", line)
        sub = re.match(r"\([一二三四五六七八九十]+\)", line)
        if top:
            numbered(document, line[top.end():], 90, 0)
        elif sub:
            numbered(document, line[sub.end():], 90, 1)
        else:
            document.add_paragraph(line)
    return document


def test_a_numbered_docx_reads_as_the_typed_report(tmp_path):
    """海拉尔区 2017: 一、 and (一) typed in the text file; in the .docx Word numbers them."""
    lines = [line.strip(" \u3000") for line in (REAL / "hailar-2016-2017" / "new.txt").read_text(encoding="utf-8").splitlines()
             if line.strip(" \u3000")][:60]
    numbered_report(lines).save(tmp_path / "report.docx")
    assert any(re.match(r"[一二]、", line) for line in lines) and any(line.startswith("(二)") for line in lines)
    from_docx = reportdiff.load(tmp_path / "report.docx")
    from_text = outline_text("\n".join(lines))
    assert [(u.kind, u.level, u.key) for u in from_docx.units] == [(u.kind, u.level, u.key) for u in from_text.units]


def test_restarts_overrides_styles_and_formats(tmp_path):
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    add_numbering(document, 91, [level(0, "chineseCountingThousand", "第%1部分", suffix="space"),
                                 level(1, "decimal", "%2.", suffix="tab"),
                                 level(2, "decimalEnclosedCircleChinese", "%3", restart=0)], [91, 92], {92: {1: 5}})
    add_numbering(document, 93, [level(0, "ideographTraditional", "%1、")], [93])
    # a paragraph style that numbers its paragraphs, and a style based on it
    styles = document.styles.element
    styles.append(parse_xml(f'<w:style {W} w:type="paragraph" w:styleId="Numbered"><w:name w:val="Numbered"/>'
                            f'<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="93"/></w:numPr></w:pPr></w:style>'))
    styles.append(parse_xml(f'<w:style {W} w:type="paragraph" w:styleId="NumberedChild"><w:name w:val="NumberedChild"/>'
                            f'<w:basedOn w:val="Numbered"/></w:style>'))
    for k in range(11):
        numbered(document, f"部分{k + 1}", 91, 0)
    numbered(document, "要点甲", 91, 1)
    numbered(document, "细目", 91, 2)
    numbered(document, "细目", 91, 2)
    numbered(document, "要点乙", 91, 1)
    numbered(document, "细目", 91, 2)  # lvlRestart 0: ③, not ①
    numbered(document, "从五起", 92, 1)  # instance 92 restarts level 1 at 5
    document.add_paragraph("甲项", style="Numbered")
    document.add_paragraph("乙项", style="NumberedChild")
    numbered(document, "", 91, 0)  # an empty numbered paragraph still counts
    numbered(document, "再一部分", 91, 0)
    document.save(tmp_path / "n.docx")
    lines = reportdiff.read_document(tmp_path / "n.docx").text.splitlines()
    assert lines[:11] == [f"第{format_number(k, 'chineseCountingThousand')}部分 部分{k}" for k in range(1, 12)]
    assert lines[10] == "第十一部分 部分11"
    assert lines[11:17] == ["1. 要点甲", "①细目", "②细目", "2. 要点乙", "③细目", "5. 从五起"]
    assert lines[17:19] == ["甲、甲项", "乙、乙项"]
    assert lines[-1] == "第十三部分 再一部分"


@pytest.mark.parametrize("n,fmt,shown", [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCounting", "十一"),
    (20, "chineseCountingThousand", "二十"), (105, "chineseCounting", "一百零五"), (3, "chineseLegalSimplified", "叁"),
    (2, "ideographTraditional", "乙"), (3, "ideographZodiac", "寅"), (4, "decimalEnclosedCircleChinese", "④"),
    (12, "decimalFullWidth", "１２"), (4, "upperRoman", "IV"), (28, "lowerLetter", "bb"), (7, "decimal", "7"),
])
def test_number_formats(n, fmt, shown):
    assert format_number(n, fmt) == shown


def test_a_numbered_paragraph_that_starts_a_page_starts_it_with_its_label(tmp_path):
    """A page break before a paragraph Word numbers (二、抓发展 set to start a page) puts the page
    start before the label, not inside it: the heading is cited on its own page."""
    import docx

    document = docx.Document()
    add_numbering(document, 95, [level(0, "chineseCounting", "%1、")], [95])
    numbered(document, "抓党建", 95, 0)
    document.add_paragraph("全年组织集体学习12次。")
    second = numbered(document, "抓发展", 95, 0)
    second.paragraph_format.page_break_before = True
    document.save(tmp_path / "paged.docx")
    outline = reportdiff.load(tmp_path / "paged.docx")
    assert outline.page_starts == [0, outline.source.index("二、抓发展")]
