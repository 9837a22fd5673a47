"""Read Word 97-2003 `.doc` and WPS `.wps` files (the same binary family) through a converter
Debian packages: antiword first, then catdoc, then LibreOffice where it is installed. Reading the
binary format ourselves is out of the question; these tools have done it for decades.

Each converter runs on the file with a time limit, its output read as UTF-8; the first that
gives text wins. None installed: a one-line error naming the package to install.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import InputError
from .model import Document

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The first bytes of an OLE compound file: .doc, .wps, .xls …"""
CONVERT_SECONDS = 60
"""A converter taking longer than this on one report is stopped (a yearly report takes well under one)."""


def _converters(path: Path, out_dir: str) -> list[tuple[str, list[str], Path | None]]:
    """(program, command, output file or None for stdout), in the order tried."""
    office = shutil.which("soffice") or shutil.which("libreoffice") or "soffice"
    return [
        ("antiword", ["antiword", "-m", "UTF-8.txt", "-w", "0", str(path)], None),
        ("catdoc", ["catdoc", "-d", "utf-8", "-w", str(path)], None),
        (office, [office, "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", out_dir, str(path)],
         Path(out_dir) / (path.stem + ".txt")),
    ]


def read_word97(p: Path, shown: str, data: bytes) -> Document:
    """The text of a .doc or .wps file, one paragraph a line."""
    if data.startswith(b"PK"):
        raise InputError(f"{shown}: is a .docx saved under another name; rename it to .docx")
    if data.lstrip().startswith(b"{\\rtf"):
        raise InputError(f"{shown}: is an RTF file saved under another name; save it as .docx")
    if not data.startswith(OLE_MAGIC):
        raise InputError(f"{shown}: not a Word 97-2003 or WPS file (the file is damaged or of another kind)")
    tried = []
    with tempfile.TemporaryDirectory() as out_dir:
        for program, command, output in _converters(p.resolve(), out_dir):
            if shutil.which(command[0]) is None:
                continue
            tried.append(Path(program).name)
            try:
                run = subprocess.run(command, capture_output=True, timeout=CONVERT_SECONDS, check=False)
            except (OSError, subprocess.TimeoutExpired):
                continue
            raw = output.read_bytes() if output is not None and output.exists() else run.stdout
            text = raw.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
            if run.returncode == 0 and text.strip():
                return Document(str(p), _paragraphs(text), f"{p.suffix.lower().lstrip('.')} via {Path(program).name}")
    if not tried:
        raise InputError(f"{shown}: reading {p.suffix.lower()} files needs antiword or catdoc "
                         "(Debian/Ubuntu: apt-get install antiword) or LibreOffice; or save the file as .docx")
    raise InputError(f"{shown}: {' and '.join(tried)} could not read it (password-protected or damaged?); "
                     "save it from Word or WPS as .docx")


def _paragraphs(text: str) -> str:
    """Converter output with the blank lines converters put between paragraphs taken out: one
    paragraph a line, as a report typed as text has it (the outline treats both alike)."""
    return "\n".join(line.rstrip() for line in text.split("\n") if line.strip()) + "\n"
