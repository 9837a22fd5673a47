"""Word 97-2003 .doc (and WPS .wps, the same family) through Debian's converters: the outline of
the same report as text; without a converter, or damaged, a one-line error (files that are not
Word 97 at all: tests/test_read.py's bad-input table)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import reportdiff
from reportdiff import outline_text
from reportdiff.errors import InputError

FIXTURE = Path(__file__).parent / "pairs" / "doc"
HAVE_CONVERTER = any(shutil.which(tool) for tool in ("antiword", "catdoc", "soffice"))


def shape(outline):
    return [(u.kind, u.level, u.key) for u in outline.units]


@pytest.mark.skipif(not HAVE_CONVERTER and not __import__("os").environ.get("CI"),
                    reason="no .doc converter (apt-get install antiword); .ci/run installs it")
@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_doc_reads_as_the_same_outline_as_its_text(tmp_path, suffix):
    path = tmp_path / f"report{suffix}"
    path.write_bytes((FIXTURE / "hailar-2017.doc").read_bytes())
    from_doc = reportdiff.load(path)
    from_text = outline_text((FIXTURE / "hailar-2017.txt").read_text(encoding="utf-8"))
    assert shape(from_doc) == shape(from_text)
    assert reportdiff.read_document(path).encoding.startswith(suffix.lstrip(".") + " via ")


def test_without_a_converter_the_error_names_the_package(tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    path = tmp_path / "report.doc"
    path.write_bytes((FIXTURE / "hailar-2017.doc").read_bytes())
    with pytest.raises(InputError, match="apt-get install antiword") as caught:
        reportdiff.read_document(path)
    assert "\n" not in str(caught.value)


@pytest.mark.skipif(not HAVE_CONVERTER, reason="no .doc converter installed")
def test_damaged_doc_is_one_line(tmp_path):
    path = tmp_path / "broken.doc"
    path.write_bytes((FIXTURE / "hailar-2017.doc").read_bytes()[:1024])
    run = subprocess.run([sys.executable, "-m", "reportdiff", "outline", str(path)], capture_output=True, text=True)
    assert run.returncode == 2 and "Traceback" not in run.stderr and len(run.stderr.strip().splitlines()) == 1
    assert "save it from Word or WPS as .docx" in run.stderr or "has no text" in run.stderr or "only whitespace" in run.stderr
