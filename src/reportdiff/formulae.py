"""Common formulae: phrases every report must write (树牢“四个意识”, 以习近平新时代中国特色社会主义思想
为指导 …). Recycling them is not copying from last year, so they are counted apart.

The shipped list (data/formulae.txt) is a hand-made core plus phrases learned from the corpus
with `reportdiff formulae build`; users add their own lists with `--formulae FILE`.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .errors import InputError, printable
from .lexicon import CN_ORDINALS
from .model import Document
from .recycle import PLACEHOLDER, stream

LEARN_K = 8
"""Learned phrases are runs of 8-grams that stand in many reports."""
_STRUCTURE = re.compile(rf"{PLACEHOLDER}|[(（][{CN_ORDINALS}\d]+[)）]|——")
_QUOTE_CLASS = "[\"'“”‘’「」『』]"


@dataclass
class Formulae:
    phrases: list[str]
    _pattern: re.Pattern[str] | None = None

    def find(self, text: str) -> list[tuple[int, int]]:
        """Spans of text covered by a formula (quote styles and spaces do not matter)."""
        if not self.phrases:
            return []
        if self._pattern is None:
            parts = []
            for phrase in sorted({_fold(p) for p in self.phrases}, key=len, reverse=True):
                chars = [(_QUOTE_CLASS if ch in "\"'“”‘’「」『』" else re.escape(ch)) for ch in phrase if not ch.isspace()]
                parts.append(r"\s*".join(chars))
            self._pattern = re.compile("|".join(parts))
        return [m.span() for m in self._pattern.finditer(_fold(text))]


def _fold(text: str) -> str:
    """NFKC character by character, keeping length (so spans hold): "，" -> ",", "２" -> "2"."""
    out = []
    for ch in text:
        folded = unicodedata.normalize("NFKC", ch)
        out.append(folded if len(folded) == 1 else ch)
    return "".join(out)


def load_formulae(extra: Sequence[str | Path] = ()) -> Formulae:
    """The shipped list plus the users' files (one phrase a line; text after a tab is ignored)."""
    phrases = _read_lines(resources.files("reportdiff").joinpath("data/formulae.txt").read_text(encoding="utf-8"))
    for path in extra:
        phrases += _read_lines(_list_text(Path(path)))
    return Formulae(phrases)


def _list_text(path: Path) -> str:
    """A user's formulae list: UTF-8 (BOM or not) or GB18030 text."""
    name = f"{printable(str(path))}: formulae list"
    if not path.exists():
        raise InputError(f"{name}: no such file")
    if not path.is_file():
        raise InputError(f"{name}: not a regular file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or 'error'})") from None
    if b"\x00" in data:
        raise InputError(f"{name}: looks like a binary file, expected one phrase a line")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{name}: not UTF-8 or GB18030 text")


def _read_lines(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        phrase = line.split("\t", 1)[0].strip()
        if phrase and not phrase.startswith("#") and len(phrase) >= 2:
            out.append(phrase)
    return out


def learn_formulae(texts: list[str], min_reports: int = 3, min_share: float = 0.2,
                   groups: list[str] | None = None, min_groups: int = 1) -> list[tuple[str, int]]:
    """Phrases standing in at least max(min_reports, min_share of the reports) different reports,
    with their report counts, most widespread first. Figures break phrases. With `groups` (one
    label per text, e.g. its folder: one author's series), a phrase must also stand in
    `min_groups` groups, so one office's own boilerplate is not taken for a common formula."""
    streams = [stream(t).chars for t in texts]
    groups = groups or [str(k) for k in range(len(texts))]
    df: Counter = Counter()
    gram_groups: dict[str, set[str]] = {}  # capped at min_groups members: enough to decide
    for chars, group in zip(streams, groups):
        grams = {chars[p:p + LEARN_K] for p in range(len(chars) - LEARN_K + 1)}
        df.update(grams)
        if min_groups > 1:
            for g in grams:
                members = gram_groups.setdefault(g, set())
                if len(members) < min_groups:
                    members.add(group)
    need = max(min_reports, int(min_share * len(texts) + 0.999))
    if min_groups > 1:
        for g, members in gram_groups.items():
            if len(members) < min_groups:
                df[g] = 0
    phrase_df: Counter = Counter()
    phrase_groups: dict[str, set[str]] = {}
    for chars, group in zip(streams, groups):
        found = set()
        p = 0
        while p <= len(chars) - LEARN_K:
            if df[chars[p:p + LEARN_K]] < need:
                p += 1
                continue
            q = p
            while q + 1 <= len(chars) - LEARN_K and df[chars[q + 1:q + 1 + LEARN_K]] >= need:
                q += 1
            for piece in _STRUCTURE.split(chars[p:q + LEARN_K]):  # figures and markers break phrases
                piece = piece.strip("，。；：、,.;:！？!?—-")
                if len(piece) >= LEARN_K:
                    found.add(piece)
            p = q + 1
        phrase_df.update(found)
        for phrase in found:
            phrase_groups.setdefault(phrase, set()).add(group)
    kept = [(phrase, n) for phrase, n in phrase_df.items() if n >= need and len(phrase_groups[phrase]) >= min_groups]
    kept.sort(key=lambda pn: (-pn[1], -len(pn[0]), pn[0]))
    # A phrase inside a longer kept phrase that stands in as many reports adds nothing.
    out: list[tuple[str, int]] = []
    for phrase, n in kept:
        if not any(phrase in longer and n <= m for longer, m in out):
            out.append((phrase, n))
    return out


def build_from_paths(paths: Sequence[str | Path], min_reports: int, min_share: float, min_groups: int,
                     reader: Callable[[Path], Document] | None = None) -> list[tuple[str, int]]:
    """Learn formulae from report files and folders (recursively); a file's group is its folder."""
    from .read import read_document
    from .scan import collect_files

    files = collect_files(paths)
    if not files:
        raise InputError(f"no report files (.txt, .md, .docx) in {', '.join(printable(str(p)) for p in paths)}")
    read = reader or read_document
    texts = [read(f).text for f in files]
    return learn_formulae(texts, min_reports, min_share, [str(f.parent) for f in files], min_groups)
