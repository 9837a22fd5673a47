"""Hostile inputs and surroundings, through the real command line, one table.

Every row runs `python -m reportdiff ...` in a fresh folder holding the two sample reports and
checks what a user relies on whatever went wrong: the exit status (0 or 2), one error line on
stderr for exit 2 (never a traceback, never a raw control character), every file that was there
before byte-identical afterwards (inputs, a user's own page, special files), nothing half
written, no temporary file left in TMPDIR, and an end within a bound. A property test then feeds
the library random Unicode.
"""
from __future__ import annotations

import collections
import hashlib
import io
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from fnmatch import fnmatch
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reportdiff
from conftest import SAMPLES

TIMEOUT = 60
"""Seconds any run may take (the samples take about 1.5 s)."""
QUICK = 10
"""Seconds for a run that must stop before any work. The rows that use it give a NEW report of
200,000 lines that takes seconds to read and is then refused by the unit limit, so an output
error in their message also proves the output was checked first."""

OLD_TEXT = (SAMPLES / "2021.txt").read_text(encoding="utf-8")
NEW_BYTES = (SAMPLES / "2022.txt").read_bytes()
NEW_TEXT = NEW_BYTES.decode("utf-8")
LINE_2 = NEW_BYTES.index(b"\n") + 1
STRAY_FF = NEW_BYTES[:LINE_2] + b"\xff" + NEW_BYTES[LINE_2:]
"""The later report with one byte that is not UTF-8 at the start of its second line."""
RARE = "\U0002123c"
"""𡈼, a character of place and personal names that GB18030 has and GBK lacks."""
NEW_RARE = f"{RARE}头镇" + NEW_TEXT
"""The later report, its title naming a town with that character."""
NOT_UTF8_NAME = os.fsdecode(b"a\xff.txt")
NOT_UTF8_PAGE = os.fsdecode(b"a\xff.html")
ESC_NAME = "\x1b[31mred.txt"
LONG_NAME = "关于二〇二二年度德能勤绩廉个人工作总结暨述职述德述廉报告的说明" * 4  # 128 characters, 384 bytes: over NAME_MAX
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x02\x00\x00\x00\x01\x80\x08\x06\x00\x00\x00" + bytes(range(256))
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f]")
GENERATOR = '<meta name="generator" content="reportdiff">'


@cache
def big_lines() -> bytes:
    """A 'report' of 200,000 one-line points (1.7 million characters, under the character limit):
    ten times the unit limit."""
    lines = "".join(f"{i}项。\n" for i in range(200_000))
    return ("2023年度工作总结\n" + lines).encode("utf-8")


def zip_named_docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("readme.txt", "这不是Word文档")
    return buffer.getvalue()


# Setting up the folder: each row's setup is a tuple of these.

Setup = Callable[[Path], object]


def put(name: str, data: bytes | str | Callable[[], bytes]) -> Setup:
    def make(work: Path) -> None:
        path = work / name
        path.parent.mkdir(parents=True, exist_ok=True)
        body = data() if callable(data) else data
        path.write_bytes(body.encode("utf-8") if isinstance(body, str) else body)
    return make


def big(work: Path) -> None:
    (work / "big.txt").write_bytes(big_lines())


def folder(name: str, mode: int = 0o755) -> Setup:
    def make(work: Path) -> None:
        (work / name).mkdir(parents=True, exist_ok=True)
        (work / name).chmod(mode)
    return make


def symlink(name: str, to: str) -> Setup:
    return lambda work: os.symlink(to, work / name)


def hardlink(name: str, to: str) -> Setup:
    return lambda work: os.link(work / to, work / name)


def fifo(name: str) -> Setup:
    return lambda work: os.mkfifo(work / name)


def null_device(name: str) -> Setup:
    """A character device like /dev/null (1, 3), made here so a bug cannot touch the real one."""
    return lambda work: os.mknod(work / name, 0o666 | stat.S_IFCHR, os.makedev(1, 3))


def copy_reports(into: str) -> Setup:
    def make(work: Path) -> None:
        (work / into).mkdir()
        for name in ("2021.txt", "2022.txt"):
            shutil.copyfile(work / name, work / into / name)
    return make


def earlier_page(work: Path) -> None:
    """review.html as an earlier reportdiff run left it (the years the other way round)."""
    result, _ = reportdiff_cli(["compare", "2022.txt", "2021.txt"], work, os.environ.copy())
    assert result.returncode == 0, result.stderr


def users_page(name: str) -> Setup:
    return put(name, "<!DOCTYPE html>\n<html><head><title>我的笔记</title></head><body>镇党委工作要点</body></html>\n")


def repeated(name: str, text: str, times: int) -> Setup:
    return put(name, text * times)


# Skips.

def unless_writable_blocked(name: str) -> Callable[[Path], str | None]:
    def reason(work: Path) -> str | None:
        if os.access(work / name, os.W_OK):
            return "this user can write in a read-only folder (root)"
        return None
    return reason


def unless_root(work: Path) -> str | None:
    return None if os.geteuid() == 0 else "making a device node needs root"


# The run and the checks a row may add.

def reportdiff_cli(args: list[str], cwd: Path, env: dict[str, str], timeout: float = TIMEOUT,
                   close_stdout: bool = False) -> tuple[subprocess.CompletedProcess[bytes], float]:
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "reportdiff", *args], cwd=cwd, env=env, capture_output=True,
                            timeout=timeout, preexec_fn=(lambda: os.close(1)) if close_stdout else None)
    return result, time.monotonic() - started


@dataclass
class Run:
    work: Path
    env: dict[str, str]
    console: str
    code: int
    out: bytes
    err: str
    seconds: float
    before: dict[str, tuple[object, ...]]

    def utf8_stdout(self, *args: str) -> bytes:
        """Standard output of the same command on a UTF-8 console: the reference."""
        env = {**self.env, "PYTHONIOENCODING": "utf-8"}
        result, _ = reportdiff_cli(list(args), self.work, env)
        assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
        return result.stdout


Check = Callable[[Run], None]


def page_has(name: str, *fragments: str) -> Check:
    def check(run: Run) -> None:
        page = (run.work / name).read_text(encoding="utf-8")
        for fragment in fragments:
            assert fragment in page
    return check


def stderr_has(fragment: str) -> Check:
    def check(run: Run) -> None:
        assert fragment in run.err
    return check


def stdout_has(fragment: bytes) -> Check:
    def check(run: Run) -> None:
        assert fragment in run.out
    return check


def same_json_as_utf8(*args: str) -> Check:
    """Standard output is JSON in the console's encoding and holds what a UTF-8 console gets."""
    def check(run: Run) -> None:
        assert json.loads(run.out.decode(run.console)) == json.loads(run.utf8_stdout(*args).decode("utf-8"))
    return check


def same_text_as_utf8(*args: str) -> Check:
    """What a UTF-8 console gets, with each character this console lacks as a backslash escape."""
    def check(run: Run) -> None:
        reference = run.utf8_stdout(*args).decode("utf-8")
        assert run.out == reference.encode(run.console, "backslashreplace")
    return check


def same_statuses_as(*args: str) -> Check:
    def check(run: Run) -> None:
        reference = json.loads(run.utf8_stdout(*args).decode("utf-8"))
        assert json.loads(run.out.decode(run.console))["summary"]["units"] == reference["summary"]["units"]
    return check


def replaced_earlier_page(run: Run) -> None:
    assert snapshot(run.work)["review.html"] != run.before["review.html"]
    assert "2022年度" in (run.work / "review.html").read_text(encoding="utf-8")


def checks(*each: Check) -> Check:
    def check(run: Run) -> None:
        for one in each:
            one(run)
    return check


# The table.

@dataclass(frozen=True)
class Case:
    id: str
    args: tuple[str, ...]
    code: int = 0
    fragment: str = ""
    """For exit 2: part of the one error line."""
    setup: tuple[Setup, ...] = ()
    env: dict[str, str] = field(default_factory=dict)
    """Extra environment; "{work}" stands for the run's folder."""
    console: str = "utf-8"
    """PYTHONIOENCODING, and the encoding stdout and stderr must decode in."""
    writes: tuple[str, ...] = ()
    """Patterns (fnmatch, relative to the folder) of what a successful run may create or change;
    names without wildcards must exist afterwards."""
    seconds: float | None = None
    """The run must end within this many seconds (besides the subprocess timeout)."""
    timeout: float = TIMEOUT
    check: Check | None = None
    skip: Callable[[Path], str | None] | None = None
    xfail: str = ""
    close_stdout: bool = False


def compare(new: str, *more: str, out: str = "out.html") -> tuple[str, ...]:
    return ("compare", "2021.txt", new, "-o", out, *more)


CASES = [
    # -o onto an input: refused, the input untouched.
    Case("compare-o-is-old", ("compare", "2021.txt", "2022.txt", "-o", "2021.txt"), 2, "is one of the input reports"),
    Case("compare-o-is-new", ("compare", "2021.txt", "2022.txt", "-o", "2022.txt"), 2, "is one of the input reports"),
    Case("compare-o-is-symlink-to-new", ("compare", "2021.txt", "2022.txt", "-o", "link.txt"), 2,
         "is one of the input reports", (symlink("link.txt", "2022.txt"),)),
    Case("compare-o-is-hardlink-of-new", ("compare", "2021.txt", "2022.txt", "-o", "hard.txt"), 2,
         "is one of the input reports", (hardlink("hard.txt", "2022.txt"),)),
    Case("compare-o-is-new-by-another-path", ("compare", "2021.txt", "2022.txt", "-o", "sub/../2022.txt"), 2,
         "is one of the input reports", (folder("sub"),)),
    Case("compare-json-o-is-new", ("compare", "2021.txt", "2022.txt", "--format", "json", "-o", "2022.txt"), 2,
         "is one of the input reports"),
    Case("compare-o-is-formulae-list", compare("2022.txt", "--formulae", "mine.txt", out="mine.txt"), 2,
         "is one of the input reports", (put("mine.txt", "树牢“四个意识”\n"),)),
    Case("scan-o-is-input", ("scan", "2021.txt", "2022.txt", "-o", "2022.txt"), 2, "is one of the input reports"),
    Case("scan-o-is-file-in-input-folder", ("scan", "reports", "-o", "reports/2021.txt"), 2,
         "is one of the input reports", (copy_reports("reports"),)),
    Case("formulae-build-o-is-input", ("formulae", "build", "2021.txt", "2022.txt", "-o", "2021.txt"), 2,
         "is one of the input reports"),

    # -o that cannot be written: refused before any work, nothing left behind.
    Case("o-in-missing-folder", compare("big.txt", out="missing/out.html"), 2, "folder missing does not exist", (big,),
         seconds=QUICK),
    Case("o-is-directory", compare("big.txt", out="pages"), 2, "is a directory", (big, folder("pages")), seconds=QUICK),
    Case("o-in-read-only-folder", compare("big.txt", out="locked/out.html"), 2, "cannot write in folder",
         (big, folder("locked", 0o555)), seconds=QUICK, skip=unless_writable_blocked("locked")),
    Case("scan-o-in-missing-folder", ("scan", "2021.txt", "big.txt", "-o", "missing/scan.html"), 2,
         "does not exist", (big,), seconds=QUICK),
    Case("o-name-too-long", compare("big.txt", out=LONG_NAME + ".html"), 2, "cannot be written (File name too long)", (big,),
         seconds=QUICK),
    Case("formulae-build-o-name-too-long", ("formulae", "build", "2021.txt", "2022.txt", "-o", LONG_NAME + ".txt"), 2,
         "cannot be written (File name too long)"),

    # Names reportdiff did not choose itself replace only its own pages.
    Case("default-review-html-is-users-file", ("compare", "2021.txt", "big.txt"), 2, "was not written by reportdiff",
         (big, users_page("review.html")), seconds=QUICK),
    Case("default-review-html-from-earlier-run", ("compare", "2021.txt", "2022.txt"), 0, setup=(earlier_page,),
         writes=("review.html",), check=replaced_earlier_page),
    Case("earlier-page-intact-after-input-error", ("compare", "2021.txt", "empty.txt", "-o", "review.html"), 2,
         "the file is empty", (earlier_page, put("empty.txt", b""))),
    Case("scan-pair-page-is-users-file", ("scan", "2021.txt", "2022.txt", "--pairs", "2"), 2,
         "scan-pair1.html: exists and was not written by reportdiff", (users_page("scan-pair1.html"),)),
    # A named pipe or a device is refused before any work: renaming a page over it would replace it (as root,
    # -o /dev/null would replace /dev/null), opening it to look for reportdiff's mark would block.
    Case("default-review-html-is-fifo", ("compare", "2021.txt", "big.txt"), 2, "review.html: is not a regular file",
         (big, fifo("review.html")), seconds=QUICK, timeout=15),
    Case("o-is-fifo", compare("big.txt", out="pipe.html"), 2, "pipe.html: is not a regular file", (big, fifo("pipe.html")),
         seconds=QUICK),
    Case("o-is-character-device", compare("2022.txt", out="null"), 2, "null: is not a regular file",
         (null_device("null"),), skip=unless_root),

    # File names that are not UTF-8 or carry terminal escapes: shown escaped.
    Case("input-name-not-utf8", compare(NOT_UTF8_NAME, out="page.html"), 0, setup=(put(NOT_UTF8_NAME, NEW_BYTES),),
         writes=("page.html",), check=page_has("page.html", "a\\xff.txt")),
    Case("input-name-not-utf8-in-error", compare(NOT_UTF8_NAME), 2, "a\\xff.txt: the file is empty",
         (put(NOT_UTF8_NAME, b""),)),
    Case("o-name-not-utf8", ("compare", "2021.txt", "2022.txt", "-o", NOT_UTF8_PAGE), 0, writes=(NOT_UTF8_PAGE,),
         check=stderr_has("wrote a\\xff.html")),
    Case("input-name-terminal-escape", compare(ESC_NAME), 2, "\\x1b[31mred.txt: no such file"),
    Case("input-name-too-long", compare(LONG_NAME + ".txt"), 2, "the file name is too long"),
    Case("scan-input-name-too-long", ("scan", LONG_NAME + ".txt", "2021.txt", "2022.txt"), 0, writes=("scan.html",),
         check=stderr_has(".txt: the file name is too long")),

    # Option values: one line from argparse.
    Case("scan-max-share-nan", ("scan", "2021.txt", "2022.txt", "--max-share", "nan"), 2, "--max-share: not a finite number"),
    Case("scan-max-share-negative", ("scan", "2021.txt", "2022.txt", "--max-share", "-1"), 2, "--max-share: must be more than 0"),
    Case("scan-max-share-zero", ("scan", "2021.txt", "2022.txt", "--max-share", "0"), 2, "--max-share: must be more than 0"),
    Case("scan-max-share-two", ("scan", "2021.txt", "2022.txt", "--max-share", "2"), 2, "at most 1, got 2"),
    Case("scan-pairs-negative", ("scan", "2021.txt", "2022.txt", "--pairs", "-1"), 2, "--pairs: must be at least 0"),
    Case("compare-min-recycled-2", compare("2022.txt", "--min-recycled", "2"), 2, "--min-recycled: must be at least 4"),
    Case("formulae-build-min-share-1.5", ("formulae", "build", "2021.txt", "2022.txt", "--min-share", "1.5"), 2,
         "--min-share: must be between 0 and 1"),
    Case("max-mb-huge", ("outline", "2022.txt", "--max-mb", "1e303"), 2, "--max-mb: must be more than 0 and at most"),
    Case("encoding-idna", ("outline", "2022.txt", "--encoding", "idna"), 2, "not valid IDNA at line 1, byte offset 4"),

    # --formulae lists.
    Case("formulae-missing", compare("2022.txt", "--formulae", "nothere.txt"), 2, "nothere.txt: formulae list: no such file"),
    Case("formulae-binary", compare("2022.txt", "--formulae", "logo.png"), 2, "looks like a binary file",
         (put("logo.png", PNG),)),
    Case("formulae-gbk", compare("2022.txt", "--formulae", "gbk.txt"), 0,
         setup=(put("gbk.txt", "树牢“四个意识”\n坚定“四个自信”\n全面从严治党\n".encode("gbk")),), writes=("out.html",)),
    Case("formulae-directory", compare("2022.txt", "--formulae", "lists"), 2, "lists: formulae list: not a regular file",
         (folder("lists"),)),

    # Consoles that are not UTF-8: the same data, escaped where the console lacks a character.
    Case("gbk-console-compare-json", ("compare", "2021.txt", "2022.txt", "--format", "json"), console="gbk",
         check=same_json_as_utf8("compare", "2021.txt", "2022.txt", "--format", "json")),
    Case("gbk-console-compare-json-rare-char", ("compare", "2021.txt", "rare.txt", "--format", "json"), console="gbk",
         setup=(put("rare.txt", NEW_RARE),), check=same_json_as_utf8("compare", "2021.txt", "rare.txt", "--format", "json")),
    Case("gbk-console-outline", ("outline", "2022.txt"), console="gbk", check=same_text_as_utf8("outline", "2022.txt")),
    Case("gbk-console-outline-rare-char", ("outline", "rare.txt"), console="gbk", setup=(put("rare.txt", NEW_RARE),),
         check=checks(same_text_as_utf8("outline", "rare.txt"), stdout_has(b"\\U0002123c"))),
    Case("ascii-console-compare-json", ("compare", "2021.txt", "2022.txt", "--format", "json"), console="ascii",
         check=same_json_as_utf8("compare", "2021.txt", "2022.txt", "--format", "json")),
    Case("ascii-console-outline", ("outline", "2022.txt"), console="ascii", check=same_text_as_utf8("outline", "2022.txt")),
    Case("stdout-closed", ("outline", "2022.txt"), 2, "standard output is closed", close_stdout=True),

    # Input files.
    Case("input-empty", compare("empty.txt"), 2, "empty.txt: the file is empty", (put("empty.txt", b""),)),
    Case("input-only-bom", compare("bom.txt"), 2, "only a byte-order mark", (put("bom.txt", b"\xef\xbb\xbf"),)),
    Case("input-only-whitespace", compare("ws.txt"), 2, "only whitespace", (put("ws.txt", " \r\n\t\n\u3000\u3000\n"),)),
    Case("input-png-bytes", compare("logo.txt"), 2, "looks like a binary file", (put("logo.txt", PNG),)),
    Case("input-utf16le-no-bom", compare("u16.txt"), 0, setup=(put("u16.txt", NEW_TEXT.encode("utf-16-le")),),
         writes=("out.html",)),
    Case("input-stray-ff", compare("stray.txt"), 2, f"not valid UTF-8 at line 2, byte offset {LINE_2} (0xff)",
         (put("stray.txt", STRAY_FF),)),
    Case("input-stray-ff-errors-replace", compare("stray.txt", "--errors", "replace"), 0,
         setup=(put("stray.txt", STRAY_FF),), writes=("out.html",), check=page_has("out.html", "字节无法解码")),
    # Chosen by the user, a wrong encoding is still refused when what it gives is not text: Chinese
    # UTF-8 read as Latin-1 is full of control characters. The message says so, in one line.
    Case("input-stray-ff-encoding-latin1", compare("stray.txt", "--encoding", "latin-1"), 2, "not text",
         setup=(put("stray.txt", STRAY_FF),)),
    Case("input-zip-named-docx", compare("report.docx"), 2, "not a Word document", (put("report.docx", zip_named_docx),)),
    Case("input-doc-that-is-text", compare("report.doc"), 2, "not a Word 97-2003 or WPS file", (put("report.doc", NEW_BYTES),)),
    Case("input-pdf-truncated", compare("report.pdf"), 2, "not a readable PDF", (put("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),)),
    Case("input-directory", compare("reports"), 2, "is a directory", (copy_reports("reports"),)),
    Case("input-fifo", compare("pipe.txt"), 2, "named pipe", (fifo("pipe.txt"),), seconds=QUICK),
    Case("input-dev-zero", compare("/dev/zero"), 2, "/dev/zero: is a character device", seconds=QUICK),
    Case("input-over-max-mb", compare("2022.txt", "--max-mb", "0.001"), 2, "over the 1,000 bytes limit"),
    Case("input-200000-lines", compare("big.txt"), 2, "200,001 paragraphs and points", (big,), seconds=30),
    Case("input-over-max-chars", compare("huge.txt"), 2, "2,000,000 (--max-chars)",
         (put("huge.txt", "全面加强党的建设，推进全面从严治党向纵深发展。" * 90_000),), seconds=30),

    # Invisible characters are ignored when comparing, and said so.
    Case("zero-width-spaces-same-statuses", ("compare", "2021.txt", "zw.txt", "--format", "json"),
         setup=(put("zw.txt", NEW_TEXT.replace("。", "。\u200b")),),
         check=same_statuses_as("compare", "2021.txt", "2022.txt", "--format", "json")),
    Case("zero-width-spaces-page", compare("zw.txt"), setup=(put("zw.txt", NEW_TEXT.replace("。", "。\u200b")),),
         writes=("out.html",), check=page_has("out.html", "不可见字符")),

    # A second user: no cache folder of their own, a private TMPDIR that must stay empty.
    Case("second-user-read-only-cache", compare("2022.txt"), setup=(folder("ro-cache", 0o555),),
         env={"XDG_CACHE_HOME": "{work}/ro-cache"}, writes=("out.html", "ro-cache/*")),
    Case("second-user-cache-is-a-file", compare("2022.txt"), setup=(put("cache-file", "不是文件夹\n"),),
         env={"XDG_CACHE_HOME": "{work}/cache-file"}, writes=("out.html",)),
    Case("second-user-cache-is-a-file-large-pair", ("compare", "old60k.txt", "new60k.txt", "-o", "out.html"),
         setup=(repeated("old60k.txt", OLD_TEXT, 20), repeated("new60k.txt", NEW_TEXT, 20), put("cache-file", "不是文件夹\n")),
         env={"XDG_CACHE_HOME": "{work}/cache-file"}, writes=("out.html",)),
]


def snapshot(root: Path) -> dict[str, tuple[object, ...]]:
    """Every entry under `root` (symlinks and special files not followed or opened)."""
    found: dict[str, tuple[object, ...]] = {}
    for top, dirs, names in os.walk(root):
        for name in dirs + names:
            path = os.path.join(top, name)
            st_ = os.lstat(path)
            key = os.path.relpath(path, root)
            if stat.S_ISLNK(st_.st_mode):
                found[key] = ("link", os.readlink(path))
            elif stat.S_ISREG(st_.st_mode):
                with open(path, "rb") as f:
                    found[key] = ("file", hashlib.sha256(f.read()).hexdigest())
            elif stat.S_ISDIR(st_.st_mode):
                found[key] = ("dir",)
            else:
                found[key] = ("special", stat.S_IFMT(st_.st_mode), st_.st_rdev)
    return found


@pytest.fixture(scope="session")
def cache_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("xdg-cache")


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id, marks=[pytest.mark.xfail(strict=True, reason=c.xfail)] if c.xfail else [])
                                  for c in CASES])
def test_hostile(case: Case, tmp_path: Path, cache_home: Path) -> None:
    work, temp = tmp_path / "work", tmp_path / "tmpdir"
    work.mkdir()
    temp.mkdir()
    for name in ("2021.txt", "2022.txt"):
        shutil.copyfile(SAMPLES / name, work / name)
    env = {**os.environ, "PYTHONIOENCODING": case.console, "XDG_CACHE_HOME": str(cache_home), "TMPDIR": str(temp)}
    env.update({k: v.replace("{work}", str(work)) for k, v in case.env.items()})
    try:
        for make in case.setup:
            make(work)
        if case.skip is not None and (reason := case.skip(work)):
            pytest.skip(reason)
        before = snapshot(work)
        result, seconds = reportdiff_cli(list(case.args), work, env, case.timeout, case.close_stdout)
        after = snapshot(work)
    finally:
        for top, dirs, _ in os.walk(tmp_path):  # read-only folders must not stop the clean-up
            for name in dirs:
                os.chmod(os.path.join(top, name), 0o755)

    err = result.stderr.decode(case.console)  # strict: stderr is in the console's encoding
    out_shown = result.stdout.decode(case.console, "replace")
    assert "Traceback" not in err and "Traceback" not in out_shown, err
    assert not RAW_CONTROL.search(err), f"raw control character on stderr: {err!r}"
    assert result.returncode == case.code, err
    if case.code == 2:
        assert err.count("\n") == 1 and err.endswith("\n"), err
        assert err.startswith("reportdiff: error:") and case.fragment in err, err
        assert result.stdout == b""
    else:
        assert not any(line.startswith("reportdiff: error") for line in err.splitlines()), err
        result.stdout.decode(case.console)  # strict: stdout is in the console's encoding
    allowed = case.writes if case.code == 0 else ()
    changed = {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
    assert {k for k in changed if not any(fnmatch(k, pattern) for pattern in allowed)} == set(), \
        "files changed, appeared or went away"
    for name in allowed:
        if not any(ch in name for ch in "*?["):
            assert after.get(name, ("missing",))[0] == "file", name
            if name.endswith(".html"):
                page = (work / name).read_text(encoding="utf-8")
                assert page.startswith("<!DOCTYPE html>") and GENERATOR in page and page.rstrip().endswith("</html>")
    assert os.listdir(temp) == [], "temporary files left in TMPDIR"
    if case.seconds is not None:
        assert seconds <= case.seconds, f"took {seconds:.1f} s"
    if case.check is not None:
        case.check(Run(work, env, case.console, result.returncode, result.stdout, err, seconds, before))


# Random text through the library: lossless, or a ReportdiffError, never anything else.

SENTENCES = [s + "。" for s in (OLD_TEXT + NEW_TEXT).split("。") if s.strip()]
ODD = "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202e\u2066\u2069\x00\u3000\t\r\n "
MARKERS = "。一是二是三是一、二、三、（一）（二）１２３０９．％亿元万人次"
BREAKS = ["\n", "\n", "\r\n", "\r", "\n\u3000\u3000", "\n一、", "\n二、", "\n（一）", "\n一是", "\n二是", "\n1.", "\n"]
sentences, breaks = st.sampled_from(SENTENCES), st.sampled_from(BREAKS)
printable_chars = st.one_of(st.characters(exclude_categories=("Cs", "Cc", "Co")), st.sampled_from(list(ODD.replace("\x00", "") + MARKERS)))
any_chars = st.one_of(st.characters(exclude_categories=("Cs",)), st.sampled_from(list(ODD + MARKERS)))
texts = st.one_of(
    st.lists(st.one_of(sentences, breaks, sentences, st.text(printable_chars, max_size=8)), max_size=40),
    st.lists(st.one_of(sentences, breaks, st.text(any_chars, max_size=8)), max_size=30),
).map("".join)
"""Report-like text: sentences of the samples, line breaks and markers, and random characters
(zero-width, bidi marks, full-width digits, any code point but surrogates; in half the texts also
NUL, control and private-use characters)."""
AMBIGUOUS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\U000f0000-\U0010ffff]")
"""Characters that make valid UTF-8 unlike prose, so the reader may rightly take the bytes for
another encoding: GBK whose bytes happen to be UTF-8 reads as C1 controls (聮 is C2 92, U+0092),
UTF-16 has NULs."""


@settings(max_examples=60, deadline=None)
@given(old=texts, new=texts)
def test_random_text_is_lossless_or_refused(old: str, new: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        old_path, new_path = Path(d, "old.txt"), Path(d, "new.txt")
        old_path.write_bytes(old.encode("utf-8"))
        new_path.write_bytes(new.encode("utf-8"))
        try:
            comparison = reportdiff.compare_files(old_path, new_path)
        except reportdiff.ReportdiffError:
            return
        encodings = reportdiff.read_document(old_path).encoding, reportdiff.read_document(new_path).encoding
    for text, outline, encoding in zip((old, new), (comparison.old, comparison.new), encodings):
        assert "".join(u.text for u in outline.units) == outline.source
        if encoding == "utf-8":
            assert outline.source == text
        elif encoding == "utf-8-sig":
            assert outline.source == text.removeprefix("\ufeff")
        else:  # bytes that are another encoding's text too: read faithfully in that one
            assert AMBIGUOUS.search(text), encoding
            assert outline.source.encode(encoding) == text.encode("utf-8")
    joined_new = "".join(comparison.new.units[r.new].text for r in comparison.rows if r.new is not None)
    assert joined_new == comparison.new.source
    old_rows = collections.Counter(r.old for r in comparison.rows if r.old is not None)
    assert old_rows == collections.Counter(range(len(comparison.old.units)))
