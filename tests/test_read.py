"""Reading real files: encodings, line ends, .docx, and every kind of bad input."""
from __future__ import annotations

import codecs
import io
import os
import re
import struct
import threading
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import reportdiff
from reportdiff.errors import InputError
from reportdiff.read import DOCX_EXPANSION, MAX_FILE_BYTES, read_document

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
    ("no-nul.txt", bytes(range(1, 256)) * 4, "looks like a binary file, not text"),
    ("bad.txt", b"\xff\xfe\xfd\x80\x81" * 3 + b"\x00\x01\x02" + b"\x90" * 20, "binary"),
    ("undecodable.txt", b"\x81\x30\xff\x80\xfe\xff\xfe\x80" * 30, "cannot decode"),
    ("report.pdf", b"%PDF-1.4", "not a readable PDF"),
    ("report.doc", b"\xd0\xcf\x11\xe0", "not a Word 97-2003 or WPS file"),
    ("report.doc", "纯文本".encode(), "not a Word 97-2003 or WPS file"),
    ("zip.doc", b"PK\x03\x04rest", "rename it to .docx"),
    ("rtf.wps", b"{\\rtf1\\ansi hello}", "RTF"),
    ("report.xlsx", b"PK\x03\x04", "unsupported format"),
    ("broken.docx", b"not a zip", "not a valid .docx"),
    ("locked.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "password-protected"),  # Word encrypts into OLE
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


# Non-regular files, sizes, zip bombs.

REPORT = "\n".join([
    "2023年度工作总结",
    "",
    "2023年，在县委、县政府的坚强领导下，我镇坚持稳中求进工作总基调，圆满完成了全年目标任务。现总结如下：",
    "一、旗帜鲜明讲政治，坚持不懈抓学习",
    "全年组织党委理论学习中心组集体学习12次，开展专题研讨4次，撰写心得体会30余篇。",
    "二、聚焦发展抓项目，经济运行稳中向好",
    "全年完成固定资产投资3.8亿元，同比增长12.5%；新签约项目8个，总投资15.2亿元。",
    "三、坚持人民至上，民生福祉持续增进",
    "全年民生支出1.6亿元，占一般公共预算支出的78%；新增城镇就业620人。",
    "四、从严从实抓党建，基层堡垒更加坚强",
    "整顿软弱涣散村党组织3个，发展党员25名，培训村干部300余人次。",
    "五、存在的问题",
    "一是产业结构仍需优化；二是项目储备不足；三是干部队伍能力有待提升。",
    "六、2024年工作打算",
    "坚持以高质量发展为主线，着力抓项目、促投资、惠民生，奋力谱写新篇章。",
    "",
])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_named_pipe_is_refused_at_once(tmp_path):
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    outcome: list[object] = []

    def read() -> None:
        try:
            read_document(fifo)
        except InputError as exc:
            outcome.append(str(exc))
        except BaseException as exc:
            outcome.append(exc)
        else:
            outcome.append("read")

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout=10)
    if reader.is_alive():
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))  # a writer lets the blocked open() return
        reader.join(timeout=10)
        pytest.fail("read_document blocked on a named pipe")
    assert outcome == [f"{fifo}: is a named pipe (FIFO), not a regular file; save the report to a file and give that"]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_character_device_is_refused():
    with pytest.raises(InputError, match=r"^/dev/zero: is a character device, not a regular file"):
        read_document("/dev/zero")


def test_missing_file_message_is_ours(tmp_path):
    with pytest.raises(InputError) as info:
        read_document(tmp_path / "2023年度工作总结.txt")
    assert str(info.value) == f"{tmp_path / '2023年度工作总结.txt'}: no such file"
    (tmp_path / "link.txt").symlink_to(tmp_path / "gone.txt")
    with pytest.raises(InputError, match="symbolic link to a file that does not exist"):
        read_document(tmp_path / "link.txt")


def test_file_over_the_limit_is_refused_unopened(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk

    def no_open(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(os, "open", no_open)
    with pytest.raises(InputError) as info:
        read_document(big)
    monkeypatch.undo()
    assert str(info.value) == (f"{big}: is 20,000,001 bytes, over the 20,000,000 bytes limit for a report file; "
                               "raise it with --max-mb if this really is one report")


def test_max_bytes_is_a_parameter(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(REPORT * 3, encoding="utf-8")
    size = path.stat().st_size
    with pytest.raises(InputError, match=rf"is {size:,} bytes, over the 1,000 bytes limit"):
        read_document(path, max_bytes=1000)
    assert read_document(path, max_bytes=size).text == REPORT * 3
    assert read_document(path, max_bytes=None).text == REPORT * 3


def _docx_with_body(path, body: bytes | None):
    """A real .docx from python-docx, with word/document.xml replaced by `body` (None: left out)."""
    template = docx.Document()
    template.add_paragraph("正文")
    buffer = io.BytesIO()
    template.save(buffer)
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                dst.writestr(info, src.read(info))
        if body is not None:
            dst.writestr("word/document.xml", body)


def test_zip_bomb_docx_is_refused_without_unpacking(tmp_path):
    path = tmp_path / "bomb.docx"
    _docx_with_body(path, None)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z, z.open("word/document.xml", "w") as f:
        for _ in range(101):
            f.write(b"\0" * 1_000_000)  # 101 MB unpacked, about 100 KB packed
    assert path.stat().st_size < 1_000_000
    with pytest.raises(InputError) as info:
        read_document(path)
    assert str(info.value).startswith(f"{path}: word/document.xml would unpack to 101 MB, over the 100 MB limit for a .docx")
    assert "--max-mb" in str(info.value)


def test_docx_expanded_limit_is_a_parameter_and_follows_max_bytes(tmp_path):
    document = docx.Document()
    document.add_paragraph("全年组织集体学习12次。")
    path = tmp_path / "r.docx"
    document.save(path)
    with zipfile.ZipFile(path) as z:
        unpacked = sum(info.file_size for info in z.infolist())  # python-docx's template: about 800 KB
    assert read_document(path, max_expanded_bytes=unpacked).text == "全年组织集体学习12次。"
    with pytest.raises(InputError) as info:
        read_document(path, max_expanded_bytes=unpacked - 1)
    assert str(info.value).startswith(f"{path}: its contents would unpack to {unpacked:,} bytes, "
                                      f"over the {unpacked - 1:,} bytes limit for a .docx")
    five_times = -(-unpacked // DOCX_EXPANSION)  # the smallest max_bytes whose 5 times holds the package
    assert five_times > path.stat().st_size
    assert read_document(path, max_bytes=five_times).text == "全年组织集体学习12次。"
    with pytest.raises(InputError, match="its contents would unpack to"):
        read_document(path, max_bytes=five_times - 1)


# Decoding: where the first bad byte is, forced encodings, replacement.

def test_utf8_with_one_stray_byte_says_where(tmp_path):
    lines = REPORT.split("\n")
    before = "\n".join(lines[:11]) + "\n" + lines[11][:2]
    data = before.encode("utf-8") + b"\xff" + REPORT[len(before):].encode("utf-8")
    path = tmp_path / "r.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_document(path)
    assert str(info.value) == (f"{path}: not valid UTF-8 at line 12, byte offset {len(before.encode('utf-8'))} (0xff); "
                               "use --encoding to choose one, or --errors replace to read through")


def test_short_utf8_with_stray_byte_is_not_guessed_as_another_codec(tmp_path):
    # charset-normalizer took this for cp1251 and the report came out as "зњЃзє§**дёЄ..."
    text = "省级**个、市级**个。\n五、廉洁自律强"
    data = text.encode("utf-8")
    path = tmp_path / "r.txt"
    path.write_bytes(data[:33] + b"\xe4" + data[33:])
    with pytest.raises(InputError, match=r"not valid UTF-8 at line 2, byte offset 32 \(0xe3\)"):
        read_document(path)


def test_gbk_with_stray_byte_says_where_in_gb18030(tmp_path):
    head, tail = REPORT.split("三、")
    data = head.encode("gbk") + b"\xff" + ("三、" + tail).encode("gbk")
    path = tmp_path / "r.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_document(path)
    assert str(info.value).startswith(f"{path}: cannot decode the text: not valid GB18030 at line 8, "
                                      f"byte offset {len(head.encode('gbk'))} (0xff), nor valid UTF-8")
    doc = read_document(path, errors="replace")
    assert doc.encoding == "gb18030 (1 byte replaced)"
    assert doc.text == head + "\ufffd三、" + tail


def test_errors_replace_reads_through_and_counts_bytes(tmp_path):
    parts = REPORT.split("。")
    # two stray bytes, and 中 cut short (2 of its 3 bytes: one U+FFFD for both)
    strays = [b"\xff", b"\xff", "中".encode()[:2]]
    data = b"".join(part.encode("utf-8") + stray for part, stray in zip(parts[:3], strays))
    data += "。".join(parts[3:]).encode("utf-8")
    path = tmp_path / "r.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match="not valid UTF-8 at line 3"):
        read_document(path)
    doc = read_document(path, errors="replace")
    assert doc.encoding == "utf-8 (4 bytes replaced)"
    assert doc.text == "\ufffd".join(parts[:3]) + "\ufffd" + "。".join(parts[3:])


def test_forced_encoding(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(REPORT.encode("gbk"))
    doc = read_document(path, encoding="GBK")
    assert (doc.text, doc.encoding) == (REPORT, "gbk")
    with pytest.raises(InputError) as info:
        read_document(path, encoding="utf-8")
    assert str(info.value) == (f"{path}: not valid UTF-8 at line 1, byte offset 4 (0xc4); "  # 年 in GBK: c4 ea
                               "use --errors replace to read through, or another --encoding")
    doc = read_document(path, encoding="utf-8", errors="replace")
    assert doc.encoding.startswith("utf-8 (") and doc.encoding.endswith(" bytes replaced)")
    assert doc.text.startswith("2023\ufffd")
    with pytest.raises(InputError, match=r"unknown text encoding 'gbkk'"):
        read_document(path, encoding="gbkk")
    with pytest.raises(InputError, match=r"'rot13' is not a text encoding"):
        read_document(path, encoding="rot13")


def test_an_unsure_guess_is_not_taken(tmp_path):
    # An English summary of a report with one stray byte: charset-normalizer ranks cp1006 (Urdu),
    # cp1125, cp1250, cp1251 and cp1252 equal, each reading 0xff as another letter.
    data = b"Work report 2023\nInvestment: 3.8 bn yuan.\xff\n"
    path = tmp_path / "r.txt"
    path.write_bytes(data)
    stray = data.index(b"\xff")
    with pytest.raises(InputError) as info:
        read_document(path)
    assert str(info.value) == (f"{path}: cannot decode the text: not valid UTF-8 at line 2, byte offset {stray} "
                               "(0xff), nor valid GB18030, and no other encoding fits; "
                               "use --encoding to choose one, or --errors replace to read through")


def test_forced_utf16_and_utf8_drop_their_byte_order_mark(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(codecs.BOM_UTF16_BE + REPORT.encode("utf-16-be"))
    assert read_document(path, encoding="utf-16").text == REPORT
    assert read_document(path, encoding="utf-16-be").text == REPORT
    path.write_bytes(codecs.BOM_UTF8 + REPORT.encode("utf-8"))
    assert read_document(path, encoding="utf-8").text == REPORT


@pytest.mark.parametrize("bom", [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE])
def test_only_a_byte_order_mark_is_empty(tmp_path, bom):
    path = tmp_path / "r.txt"
    path.write_bytes(bom)
    with pytest.raises(InputError, match=r"^.*r\.txt: the file is empty \(it contains only a byte-order mark\)$"):
        read_document(path)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_utf16_and_utf32_with_and_without_byte_order_mark(tmp_path, codec):
    path = tmp_path / "r.txt"
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE, "utf-32-le": codecs.BOM_UTF32_LE}[codec]
    path.write_bytes(bom + REPORT.encode(codec))
    assert read_document(path).text == REPORT
    if codec.startswith("utf-16"):
        path.write_bytes(REPORT.encode(codec))
        doc = read_document(path)
        assert (doc.text, doc.encoding) == (REPORT, codec)


def test_utf16_read_in_the_wrong_byte_order_is_not_taken(tmp_path):
    # Mostly ASCII: byte-swapped, its letters look like CJK, but its digits and line ends do not.
    text = "Annual report 2023\nInvestment: 3.8 billion yuan, up 12.5%.\n" * 5
    path = tmp_path / "r.txt"
    path.write_bytes(text.encode("utf-16-be"))
    doc = read_document(path)
    assert (doc.text, doc.encoding) == (text, "utf-16-be")


# .docx: what is not a Word document, what has no text, and heading styles read fast.

def test_zip_renamed_docx_is_not_a_word_document(tmp_path):
    path = tmp_path / "r.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("2023年度工作总结.txt", REPORT)
    with pytest.raises(InputError) as info:
        read_document(path)
    assert str(info.value) == f"{path}: not a Word document (no word/document.xml)"


def test_docx_without_document_xml_is_not_a_word_document(tmp_path):
    path = tmp_path / "r.docx"
    _docx_with_body(path, None)
    with pytest.raises(InputError) as info:
        read_document(path)
    assert str(info.value) == f"{path}: not a Word document (no word/document.xml)"


@pytest.mark.parametrize("body,problem", [
    (b"<w:document", "its XML is damaged"),
    (b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>', "its document has no body"),
    ("<html><body>2023年度工作总结</body></html>".encode(), "its document has no body"),
])
def test_damaged_docx_says_what_in_words(tmp_path, body, problem):
    path = tmp_path / "r.docx"
    _docx_with_body(path, body)
    with pytest.raises(InputError) as info:
        read_document(path)
    assert str(info.value) == f"{path}: not a valid .docx file ({problem})"


def _png() -> bytes:
    """A 1x1 red PNG."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


@pytest.mark.parametrize("content", ["empty", "picture", "blank paragraphs"])
def test_docx_without_text(tmp_path, content):
    document = docx.Document()
    if content == "picture":
        document.add_picture(io.BytesIO(_png()))
    elif content == "blank paragraphs":
        document.add_paragraph("\u3000\u3000")
        document.add_paragraph("")
    path = tmp_path / "r.docx"
    document.save(path)
    with pytest.raises(InputError) as info:
        read_document(path)
    assert str(info.value) == f"{path}: has no text (images and drawings are not read)"


def test_docx_heading_levels_on_a_long_document(tmp_path):
    """Heading hints from styles resolved once, as python-docx resolves them per paragraph:
    Heading N and 标题 N give N; Title, body styles, unknown style ids and ids of character
    styles give none."""
    document = docx.Document()
    document.styles.add_style("标题 3", WD_STYLE_TYPE.PARAGRAPH)
    expected: dict[int, int] = {}
    offset = 0

    def add(text: str, style: str | None = None, level: int = 0, style_id: str | None = None) -> None:
        nonlocal offset
        paragraph = document.add_paragraph(text, style=style)
        if style_id is not None:
            paragraph._p.get_or_add_pPr().style = style_id
        if level:
            expected[offset] = level
        offset += len(text) + 1

    add("2023年度述职述廉报告", "Title")
    for n in range(1, 201):
        add(f"第{n}部分 抓党建促发展", "Heading 1", 1)
        add(f"（{n}）强化理论武装", "Heading 2", 2)
        add("1. 组织集体学习", "标题 3", 3)
        add("   ", "Heading 2")  # a heading style on a blank paragraph is no heading
        for k in range(9):
            if k == 3:
                add(f"全年新签约项目{n}个，总投资{k}.5亿元。", style_id="NoSuchStyle")
            elif k == 5:
                add(f"完成固定资产投资{n}.8亿元，同比增长{k}%。", style_id="DefaultParagraphFont")  # a character style
            else:
                add(f"全年组织集体学习{n}次，开展专题研讨{k}次，撰写心得体会30余篇。")
    path = tmp_path / "long.docx"
    document.save(path)
    doc = read_document(path)
    assert len(doc.text.splitlines()) == 1 + 200 * 13 > 2000
    assert doc.heading_hints == expected
    assert sorted(set(doc.heading_hints.values())) == [1, 2, 3]


# Any bytes at all: a Document or an InputError, never another exception.

SENTENCES = ["2023年度工作总结", "一、旗帜鲜明讲政治", "全年组织集体学习12次。", "完成投资3.8亿元，同比增长12.5%；",
             "（二）强化落实", "　　三是民生支出1.6亿元。", "Annual report", "\r\n", "\n", "“四个意识”", "……"]


@st.composite
def report_bytes(draw) -> bytes:
    """Report-like text in an encoding Chinese reports come in, sometimes with stray bytes."""
    text = "".join(draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=30)))
    codec = draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"]))
    data = bytearray(text.encode(codec))
    for _ in range(draw(st.integers(0, 3))):
        data.insert(draw(st.integers(0, len(data))), draw(st.integers(0, 255)))
    return bytes(data[:2048])


def check_read_or_refused(path: Path, data: bytes, errors: str) -> None:
    """The contract of read_document on any bytes."""
    try:
        doc = read_document(path, errors=errors)  # type: ignore[arg-type]
    except InputError as exc:
        message = str(exc)
        assert message.startswith(f"{path}: ") and "\n" not in message
        assert "codec" not in message and "Errno" not in message and "position" not in message
        return
    assert doc.text.strip()
    codec, _, replaced = doc.encoding.partition(" (")
    if replaced:
        assert errors == "replace"
        count = int(replaced.split()[0])
        assert 1 <= count <= len(data) and "\ufffd" in doc.text
        return
    assert data.decode(codec) == doc.text  # the reported encoding reads the file to the same text
    if codec in ("utf-8", "utf-8-sig", "gb18030", "utf-16-le", "utf-16-be"):
        assert doc.text.encode(codec) == data  # and nothing was lost


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2048) | report_bytes(), errors=st.sampled_from(["strict", "replace"]))
def test_any_bytes_give_a_document_or_an_input_error(tmp_path, data, errors):
    path = tmp_path / "r.txt"
    path.write_bytes(data)
    check_read_or_refused(path, data, errors)


FUZZ = Path(__file__).parent / "fuzz"


@pytest.mark.parametrize("path", sorted(FUZZ.glob("*.txt")), ids=lambda p: p.name)
def test_kept_fuzz_cases(path):
    """Inputs a property test once failed on. Each tests/fuzz/NAME.txt still meets the contract
    (a Document or an InputError) and gives what NAME.expected says: the message after "path: ",
    or "encoding: NAME" for a Document."""
    data = path.read_bytes()
    for errors in ("strict", "replace"):
        check_read_or_refused(path, data, errors)
    expected = path.with_suffix(".expected")
    if expected.exists():
        try:
            got = "encoding: " + read_document(path).encoding
        except InputError as exc:
            got = str(exc).removeprefix(f"{path}: ")
        assert got == expected.read_text(encoding="utf-8").strip()


@st.composite
def utf8_report_with_a_stray_byte(draw) -> tuple[bytes, int]:
    """A UTF-8 report of at least 20 Chinese characters with one byte put in that breaks it,
    and the offset of its first bad byte."""
    text = "".join(draw(st.lists(st.sampled_from(SENTENCES), min_size=3, max_size=30)))
    assume(sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff") >= 20)
    data = bytearray(text.encode("utf-8"))
    data.insert(draw(st.integers(0, len(data))), draw(st.integers(0x80, 0xff)))
    try:
        bytes(data).decode("utf-8")
    except UnicodeDecodeError as exc:
        return bytes(data), exc.start
    assume(False)  # the byte completed a character
    raise AssertionError


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=utf8_report_with_a_stray_byte())
def test_utf8_with_a_stray_byte_is_never_read_as_another_encoding(tmp_path, case):
    data, first = case
    path = tmp_path / "r.txt"
    path.write_bytes(data)
    line = len(re.findall(rb"\r\n|\r|\n", data[:first])) + 1
    with pytest.raises(InputError) as info:
        read_document(path)
    assert str(info.value) == (f"{path}: not valid UTF-8 at line {line}, byte offset {first} (0x{data[first]:02x}); "
                               "use --encoding to choose one, or --errors replace to read through")


def test_docx_pages_as_word_last_laid_them_out(tmp_path):
    """Word writes where each page began when it last laid the document out (lastRenderedPageBreak):
    those are the pages a reviewer cites; a break inside a paragraph starts the page there, after
    Word's own numbering label. A file that never went through Word has no pages."""
    from docx.oxml import OxmlElement

    from reportdiff.report.cite import places, short
    from reportdiff.report.labels import LABELS

    document = docx.Document()
    document.add_paragraph("2022年工作总结")
    document.add_paragraph("一、抓党建")
    first = document.add_paragraph("全年组织集体学习12次。")
    second = document.add_paragraph("")
    second.add_run("新建党群服务中心3个，")
    second.add_run("改造农村公路20公里。")
    third = document.add_paragraph("二、抓发展")
    plain = tmp_path / "plain.docx"
    document.save(plain)
    assert reportdiff.load(plain).page_starts == []
    for run in (first.runs[0], second.runs[1], third.runs[0]):  # page 2 at 全年…, page 3 mid-paragraph at 改造…, page 4
        run._r.insert(0, OxmlElement("w:lastRenderedPageBreak"))
    paged = tmp_path / "paged.docx"
    document.save(paged)
    outline = reportdiff.load(paged)
    source = outline.source
    assert outline.page_starts == [0, source.index("全年"), source.index("改造"), source.index("二、抓发展")]
    cited = {u.text[:4]: short(p, LABELS["zh"]) for u, p in zip(outline.units, places(outline))}
    assert cited["全年组织"].endswith("（第2页）") and cited["二、抓发"].endswith("（第4页）")


def test_docx_pages_from_its_authors_page_breaks(tmp_path):
    """A file Word never laid out (WPS, a converter, a script) has no rendered marks: the author's
    own page breaks stand for the pages, a break inside a paragraph where it stands. When Word's
    marks are there they win (Word marks a hard break's page too; counting both would double it)."""
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement

    document = docx.Document()
    document.add_paragraph("2022年工作总结")
    document.add_paragraph("一、抓党建")
    first = document.add_paragraph("全年组织集体学习12次。")
    first.add_run().add_break(WD_BREAK.PAGE)
    first.add_run("新建党群服务中心3个。")
    second = document.add_paragraph("二、抓发展")
    second.paragraph_format.page_break_before = True
    document.save(tmp_path / "hard.docx")
    outline = reportdiff.load(tmp_path / "hard.docx")
    source = outline.source
    assert outline.page_starts == [0, source.index("新建"), source.index("二、抓发展")]

    second.runs[0]._r.insert(0, OxmlElement("w:lastRenderedPageBreak"))  # as Word would mark it
    document.save(tmp_path / "laid-out.docx")
    laid_out = reportdiff.load(tmp_path / "laid-out.docx")
    assert laid_out.page_starts == [0, laid_out.source.index("二、抓发展")]
