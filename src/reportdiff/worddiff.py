"""Inline word diff: diff-match-patch over jieba words, a figure with its unit as one word."""
from __future__ import annotations

import atexit
import logging
import os
import shutil
import tempfile
import warnings
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from .lexicon import FIGURE_WORD_RE

Diff = list[tuple[int, str]]
"""[(op, text)]: op -1 only in the old text, 0 in both, 1 only in the new."""


@cache
def _tokenizer() -> Any:
    """jieba, loaded once and quietly (its dictionary takes ~0.7 s; old setuptools warns on import).

    jieba keeps its dictionary cache in the system temporary folder by default, where a second
    user cannot replace the first one's file (a traceback on every run, and a 9 MB temporary file
    left behind each time). Ours lives in the user's cache folder; when that cannot be written,
    in a private temporary folder removed when the process ends."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba
    folder = cache_dir()
    if folder is None:
        folder = Path(tempfile.mkdtemp(prefix="reportdiff-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
    jieba.dt.tmp_dir = str(folder)
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def cache_dir() -> Path | None:
    """reportdiff's per-user cache folder (XDG_CACHE_HOME, ~/.cache, or LOCALAPPDATA on Windows),
    created if need be; None when it cannot be written."""
    base = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
    try:
        folder = (Path(base) if base else Path.home() / ".cache") / "reportdiff"
        folder.mkdir(parents=True, exist_ok=True)
    except (OSError, RuntimeError):  # RuntimeError: no home folder
        return None
    return folder if os.access(folder, os.W_OK | os.X_OK) else None


@lru_cache(maxsize=65536)
def tokenize(text: str) -> tuple[str, ...]:
    """Words of `text`; every figure with its unit (12次, 3.8亿元, **个) is a single word."""
    jieba = _tokenizer()
    tokens: list[str] = []
    pos = 0
    for m in FIGURE_WORD_RE.finditer(text):
        if m.start() > pos:
            tokens.extend(jieba.lcut(text[pos:m.start()], HMM=False))
        tokens.append(m.group())
        pos = m.end()
    if pos < len(text):
        tokens.extend(jieba.lcut(text[pos:], HMM=False))
    return tuple(tokens)


def _encode(tokens, table: dict[str, str]) -> str:
    out = []
    for tok in tokens:
        ch = table.get(tok)
        if ch is None:
            code = 0x100 + len(table)
            if code >= 0xD800:  # skip the surrogate block
                code += 0x800
            ch = table[tok] = chr(code)
        out.append(ch)
    return "".join(out)


def word_diff(old: str, new: str, timeout: float = 0.0) -> Diff:
    """[(op, text)] with op -1 (only in old), 0 (both), 1 (only in new), at word granularity.

    Like diff-match-patch's line mode, each distinct word is mapped to one character, the
    character strings are diffed, and the words restored. `timeout` 0 means "never give up":
    the default of 1 s silently degrades long diffs to "delete all, insert all".
    """
    from diff_match_patch import diff_match_patch

    table: dict[str, str] = {}
    a, b = _encode(tokenize(old), table), _encode(tokenize(new), table)
    words = {ch: tok for tok, ch in table.items()}
    dmp = diff_match_patch()
    dmp.Diff_Timeout = timeout
    diffs = _lcs_diff(a, b) if len(a) * len(b) > DMP_MAX_CELLS else dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)
    merged: Diff = []
    for op, chars in diffs:
        text = "".join(words[ch] for ch in chars)
        if not text:
            continue
        if merged and merged[-1][0] == op:
            merged[-1] = (op, merged[-1][1] + text)
        else:
            merged.append((op, text))
    return merged


DMP_MAX_CELLS = 4_000_000
"""Above this many word pairs (about 2,000 x 2,000 words: no real paragraph is that long), the
common words come from rapidfuzz's C++ Indel in milliseconds instead of diff-match-patch's
Python bisection, which takes minutes on long unrelated texts; the semantic clean-up is the same."""


def _lcs_diff(a: str, b: str) -> list[tuple[int, str]]:
    """diff-match-patch's shape from an LCS: between equal runs, what was deleted, then what was inserted."""
    from rapidfuzz.distance import Indel

    out: list[tuple[int, str]] = []
    deleted: list[str] = []
    inserted: list[str] = []
    for op in Indel.opcodes(a, b):
        if op.tag == "equal":
            out += [(-1, "".join(deleted))] if deleted else []
            out += [(1, "".join(inserted))] if inserted else []
            deleted, inserted = [], []
            out.append((0, a[op.src_start:op.src_end]))
        elif op.tag == "delete":
            deleted.append(a[op.src_start:op.src_end])
        else:
            inserted.append(b[op.dest_start:op.dest_end])
    out += [(-1, "".join(deleted))] if deleted else []
    out += [(1, "".join(inserted))] if inserted else []
    return out


def old_text(diff: Diff) -> str:
    return "".join(t for op, t in diff if op <= 0)


def new_text(diff: Diff) -> str:
    return "".join(t for op, t in diff if op >= 0)
