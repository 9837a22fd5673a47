"""The command line as a user meets it: one-line errors with exit 2, help, outputs."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import SAMPLES
from reportdiff.cli import main

OLD, NEW = str(SAMPLES / "2021.txt"), str(SAMPLES / "2022.txt")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reportdiff", *args], capture_output=True, text=True, encoding="utf-8")


@pytest.mark.parametrize("make", [
    lambda d: d / "missing.txt",
    lambda d: d,
    lambda d: ((d / "empty.txt").write_bytes(b"") and d / "empty.txt") or d / "empty.txt",
    lambda d: (d / "ws.txt").write_text(" \n\u3000\n", encoding="utf-8") and d / "ws.txt",
    lambda d: (d / "bin.txt").write_bytes(bytes(range(256)) * 8) and d / "bin.txt",
    lambda d: (d / "gb.txt").write_bytes(b"\x81\x30\xff\x80\xfe\xff\xfe\x80" * 30) and d / "gb.txt",
    lambda d: (d / "r.pdf").write_bytes(b"%PDF-1.4 ...") and d / "r.pdf",
    lambda d: (d / "r.xlsx").write_bytes(b"PK\x03\x04") and d / "r.xlsx",
], ids=["missing", "directory", "empty", "whitespace", "binary", "undecodable", "pdf", "unsupported"])
@pytest.mark.parametrize("command", ["outline", "compare"])
def test_bad_input_one_line_exit_2(tmp_path, make, command):
    bad = str(make(tmp_path))
    args = [command, bad] if command == "outline" else [command, OLD, bad, "-o", str(tmp_path / "out.html")]
    result = run(*args)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("reportdiff: error: ")
    assert "Traceback" not in result.stderr and result.stdout == ""


@pytest.mark.parametrize("args", [[], ["outline"], ["compare"], ["compare", "--format", "xml", OLD, NEW]])
def test_usage_errors_exit_2(args):
    assert run(*args).returncode == 2


@pytest.mark.parametrize("command", [[], ["outline"], ["compare"]])
def test_help_on_every_command(command, capsys):
    with pytest.raises(SystemExit) as exc:
        main([*command, "--help"])
    assert exc.value.code == 0
    assert "usage: reportdiff" in capsys.readouterr().out


def test_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("reportdiff ")


def test_outline_text_and_json():
    text = run("outline", NEW)
    assert text.returncode == 0
    assert text.stdout.splitlines()[2] == "heading  [一、] 旗帜鲜明讲政治，坚持不懈抓学习。"
    data = json.loads(run("outline", NEW, "--format", "json").stdout)
    assert "".join(u["text"] for u in data["units"]) == (SAMPLES / "2022.txt").read_text(encoding="utf-8")


def test_compare_json_contract():
    result = run("compare", OLD, NEW, "--format", "json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data["schema"] == "reportdiff.compare/1"
    assert data["old"] == {"path": OLD, "chars": len((SAMPLES / "2021.txt").read_text(encoding="utf-8"))}
    assert set(data["summary"]["units"]) == {"same", "numbers_only", "edited", "added", "removed"}
    assert sum(data["summary"]["units"].values()) == len(data["units"])
    for unit in data["units"]:
        assert unit["status"] in data["summary"]["units"]
        assert 0 <= unit["similarity"] <= 1
        if unit["status"] in ("same", "added", "removed"):
            assert "diff" not in unit
        if "diff" in unit:
            assert "".join(t for op, t in unit["diff"] if op <= 0) == unit["old"] or unit.get("group")
            assert "".join(t for op, t in unit["diff"] if op >= 0) == unit["new"] or unit.get("group")
    # Nothing lost: the later report is its units' texts in order; the earlier one, all its units.
    new_text = "".join(u["new"] for u in data["units"] if u["new"] is not None)
    assert new_text == (SAMPLES / "2022.txt").read_text(encoding="utf-8")
    old_chars = sum(len(u["old"]) for u in data["units"] if u["old"] is not None)
    assert old_chars == data["old"]["chars"]


def test_compare_writes_review_html_by_default(tmp_path):
    result = subprocess.run([sys.executable, "-m", "reportdiff", "compare", OLD, NEW], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "review.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page


def test_unwritable_output_is_one_line(tmp_path):
    result = run("compare", OLD, NEW, "-o", str(tmp_path / "no" / "such" / "dir.html"))
    assert result.returncode == 2 and result.stderr.count("\n") == 1


def test_dash_output_writes_the_page_to_standard_output(tmp_path):
    """-o - means standard output for the page as for JSON: no file named "-" appears."""
    done = subprocess.run([sys.executable, "-m", "reportdiff", "compare", OLD, NEW, "-o", "-"], capture_output=True,
                          cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.decode("utf-8").startswith("<!DOCTYPE html>")
    assert list(tmp_path.iterdir()) == []


def test_limits_in_help_agree_with_the_library():
    """--help shows the limits compare() applies (the CLI keeps copies so --help needs no numpy)."""
    from reportdiff import cli, compare

    assert (cli.MAX_UNITS, cli.MAX_CHARS) == (compare.MAX_UNITS, compare.MAX_CHARS)


REAL_PAIR = SAMPLES.parent / "tests" / "pairs" / "real" / "hailar-2018-2019"


def test_findings_export_as_a_workbook(tmp_path):
    """--format xlsx: one sheet a finding, bold frozen headers, the same counts as the page; a
    second run replaces its own workbook; a review.xlsx someone else wrote is left alone."""
    from openpyxl import load_workbook

    import reportdiff
    from reportdiff.report.view import build_view

    old, new = str(REAL_PAIR / "old.txt"), str(REAL_PAIR / "new.txt")
    result = subprocess.run([sys.executable, "-m", "reportdiff", "compare", old, new, "--format", "xlsx"],
                            capture_output=True, text=True, encoding="utf-8", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    book = load_workbook(tmp_path / "review.xlsx")
    assert book.sheetnames == ["概览", "数字变化", "新增事项", "删去事项", "沿用段落", "承诺兑现", "前后不一致"]
    page = build_view(reportdiff.compare_files(old, new))
    figures = book["数字变化"]
    assert figures.freeze_panes == "A2" and figures["A1"].font.bold
    assert figures.max_row - 1 == sum(len(rows) for _, _, rows in page.metric_groups) + len(page.masked_both)
    assert book["新增事项"].max_row - 1 == len(page.added) and book["删去事项"].max_row - 1 == len(page.removed)
    assert "社会消费品零售总额" in book["前后不一致"]["A2"].value
    passages = book["沿用段落"]
    assert passages["C2"].value.startswith("2019年报告 ") and passages["D2"].value.startswith("2018年报告 ")
    again = subprocess.run([sys.executable, "-m", "reportdiff", "compare", old, new, "--format", "xlsx"],
                           capture_output=True, text=True, encoding="utf-8", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    (theirs / "review.xlsx").write_bytes(b"PK\x03\x04 not ours")
    refused = subprocess.run([sys.executable, "-m", "reportdiff", "compare", old, new, "--format", "xlsx"],
                             capture_output=True, text=True, encoding="utf-8", cwd=theirs)
    assert refused.returncode == 2 and "not written by reportdiff" in refused.stderr
    assert (theirs / "review.xlsx").read_bytes() == b"PK\x03\x04 not ours"
    assert run("compare", old, new, "--format", "xlsx", "-o", "-").returncode == 2


def test_figure_table_as_csv(tmp_path):
    """--format csv: the figure table, UTF-8 with a BOM (Excel), on standard output or into -o;
    text that a spreadsheet would run as a formula is kept as text."""
    import csv
    import io

    from reportdiff.report.export import Table, to_csv

    result = run("compare", OLD, NEW, "--format", "csv")
    assert result.returncode == 0
    rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert result.stdout.startswith("\ufeff") and rows[0][:3] == ["分组", "指标", "类别"]
    assert any(r[1] == "组织集体学习" and r[3] == "10次" and r[4] == "12次" for r in rows[1:])
    assert to_csv(Table("t", ["a"], [["=HYPERLINK(\"x\")"]], [10])).splitlines()[1] == "\"'=HYPERLINK(\"\"x\"\")\""
    assert run("compare", OLD, NEW, "--format", "csv", "-o", str(tmp_path / "f.csv")).returncode == 0
    assert (tmp_path / "f.csv").read_text(encoding="utf-8-sig").startswith("分组,指标")


def test_workbook_keeps_report_text_that_looks_like_a_formula_as_text(tmp_path):
    """A report line opening with "=" (pasted from a spreadsheet, or planted) is text in the
    workbook, never a formula Excel would run."""
    from openpyxl import load_workbook

    from reportdiff.report.export import Table, to_xlsx

    (tmp_path / "t.xlsx").write_bytes(to_xlsx([Table("t", ["a"], [["=cmd|' /C calc'!A0"], ["=SUM(A1)推进工作"]], [10])]))
    sheet = load_workbook(tmp_path / "t.xlsx")["t"]
    assert [(c.value, c.data_type) for c in sheet["A"][1:]] == [("=cmd|' /C calc'!A0", "s"), ("=SUM(A1)推进工作", "s")]
