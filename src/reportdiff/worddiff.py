"""Inline word diff: diff-match-patch over jieba words, a figure with its unit as one word."""
from __future__ import annotations

import logging
import warnings
from functools import cache, lru_cache
from typing import Any

from .lexicon import FIGURE_WORD_RE

Diff = list[tuple[int, str]]
"""[(op, text)]: op -1 only in the old text, 0 in both, 1 only in the new."""


@cache
def _tokenizer() -> Any:
    """jieba, loaded once and quietly (its dictionary takes ~0.7 s; old setuptools warns on import)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


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
    diffs = dmp.diff_main(a, b, False)
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


def old_text(diff: Diff) -> str:
    return "".join(t for op, t in diff if op <= 0)


def new_text(diff: Diff) -> str:
    return "".join(t for op, t in diff if op >= 0)
