"""Scan many reports for shared text: every report against every other, from one index of hashed
shingles (K-character grams of the comparable stream), never by comparing all pairs in full.

A gram standing in too many reports (more than `max_share` of them) is what everyone writes and
is left out, as are grams inside common formulae; passages shared by three or more reports are
grouped into clusters (a template circulating in an office).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from .errors import InputError, ReportdiffError, printable
from .formulae import Formulae
from .model import Cluster, Document, Passage, ScannedReport, ScanResult, SharedPair
from .read import read_document
from .recycle import stream

SHINGLE = 12
"""Characters a gram; shared passages shorter than this are not seen."""
MIN_PASSAGE = 20
"""A pair is reported from a shared passage of this many comparable characters."""
SUFFIXES = (".txt", ".md", ".docx")
PROGRESS_EVERY = 20_000
"""Shared grams between two progress reports: often enough to move the bar, rarely enough to cost nothing."""
PASSAGES_KEPT = 5
"""The longest shared passages kept for each pair (what a reader checks first)."""
MIN_EVERYONE = 10
"""Text in more than max(MIN_EVERYONE, max_share × reports) reports is what everyone writes."""


def collect_files(paths: Sequence[str | Path]) -> list[Path]:
    """The report files of `paths`: files as given, folders searched recursively by suffix."""
    files: list[Path] = []
    for path in map(Path, paths):
        try:
            folder = path.is_dir()
        except OSError:  # a name too long, say: reading it will say what is wrong
            folder = False
        if folder:
            files += sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
        else:
            files.append(path)
    return files


Progress = Callable[[str, int, int], None]
"""Called with (stage, done, total) as the scan goes."""


def scan(paths: Sequence[str | Path], formulae: Formulae | None = None, max_share: float = 0.05,
         progress: Progress | None = None, reader: Callable[[Path], Document] = read_document) -> ScanResult:
    """Shared text among all the reports in `paths` (files, or folders searched recursively).
    `max_share`: text in more than this share of the reports is what everyone writes (0 < x <= 1).
    `reader` reads one file (read_document with the caller's options)."""
    if not 0 < max_share <= 1:  # also false for nan
        raise ReportdiffError(f"max_share must be more than 0 and at most 1, got {max_share}")
    files = collect_files(paths)
    reports: list[ScannedReport] = []
    skipped: list[tuple[str, str]] = []
    hashes, docs, positions = [], [], []
    for n, path in enumerate(files):
        if progress:
            progress("reading", n, len(files))
        try:
            text = reader(path).text
        except InputError as exc:
            skipped.append((printable(str(path)), str(exc)))
            continue
        s = stream(text)
        doc = len(reports)
        reports.append(ScannedReport(printable(str(path)), len(text), text, s.starts, s.ends, len(s.chars)))
        banned = _formula_positions(text, s.starts, formulae)
        chars = s.chars
        h = np.fromiter((hash(chars[p:p + SHINGLE]) for p in range(len(chars) - SHINGLE + 1)), np.int64,
                        count=max(len(chars) - SHINGLE + 1, 0))
        keep = np.ones(len(h), bool)
        if banned is not None and len(h):
            # A gram touching a formula does not count as shared text (figures are placeholders,
            # so a copy with its figures swapped still matches).
            keep &= ~np.convolve(banned, np.ones(SHINGLE, np.int64), "valid")[:len(h)].astype(bool)
        idx = np.nonzero(keep)[0]
        hashes.append(h[idx])
        docs.append(np.full(len(idx), doc, np.int32))
        positions.append(idx.astype(np.int32))
    if len(reports) < 2:
        raise ReportdiffError(f"scan needs at least two readable reports, found {len(reports)}"
                              + (f" ({len(skipped)} skipped)" if skipped else ""))
    if progress:
        progress("indexing", 0, 1)
    h = np.concatenate(hashes)
    d = np.concatenate(docs)
    p = np.concatenate(positions)
    del hashes, docs, positions
    order = np.lexsort((p, d, h))
    h, d, p = h[order], d[order], p[order]
    # Runs of equal hashes; the number of distinct reports in each.
    boundaries = np.flatnonzero(np.diff(h)) + 1
    run_start = np.concatenate([[0], boundaries])
    run_end = np.concatenate([boundaries, [len(h)]])
    new_doc = np.concatenate([[True], (d[1:] != d[:-1]) | (h[1:] != h[:-1])])
    docs_in_run = np.add.reduceat(new_doc.astype(np.int32), run_start) if len(h) else np.array([], np.int32)
    max_docs = max(MIN_EVERYONE, int(max_share * len(reports)))
    shared_runs = np.flatnonzero((docs_in_run >= 2) & (docs_in_run <= max_docs))

    # Every pair of reports sharing a gram: (a, b) -> positions in a and in b.
    hits: dict[tuple[int, int], tuple[list[int], list[int]]] = {}
    cluster_grams: dict[tuple[int, ...], list[tuple[int, int]]] = {}
    for k, r in enumerate(shared_runs):
        if progress and k % PROGRESS_EVERY == 0:
            progress("matching", k, len(shared_runs))
        lo, hi = run_start[r], run_end[r]
        seen: dict[int, int] = {}
        for doc, pos in zip(d[lo:hi].tolist(), p[lo:hi].tolist()):
            seen.setdefault(doc, pos)  # first occurrence in each report
        members = sorted(seen)
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                entry = hits.setdefault((a, b), ([], []))
                entry[0].append(seen[a])
                entry[1].append(seen[b])
        if len(members) >= 3:
            cluster_grams.setdefault(tuple(members), []).append((members[0], seen[members[0]]))
    if progress:
        progress("matching", len(shared_runs), len(shared_runs))

    pairs = []
    for (a, b), (pa, pb) in hits.items():
        pair = _pair(reports, a, b, pa, pb)
        if pair is not None:
            pairs.append(pair)
    pairs.sort(key=lambda pr: (-pr.weight, -(pr.passages[0].chars if pr.passages else 0)))
    clusters = _clusters(reports, cluster_grams)
    return ScanResult(reports, pairs, clusters, skipped)


def _formula_positions(text: str, starts: np.ndarray, formulae: Formulae | None) -> np.ndarray | None:
    if formulae is None:
        return None
    spans = formulae.find(text)
    if not spans:
        return None
    depth = np.zeros(len(text) + 1, np.int64)
    for a, b in spans:
        depth[a] += 1
        depth[b] -= 1
    inside = np.cumsum(depth) > 0
    return inside[np.asarray(starts, np.int64)].astype(np.int64)


def _intervals(positions: list[int]) -> list[tuple[int, int]]:
    """Union of [pos, pos + SHINGLE) as sorted intervals of stream positions."""
    out: list[tuple[int, int]] = []
    for pos in sorted(positions):
        if out and pos <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], pos + SHINGLE))
        else:
            out.append((pos, pos + SHINGLE))
    return out


def _pair(reports: list[ScannedReport], a: int, b: int, pa: list[int], pb: list[int]) -> SharedPair | None:
    ia, ib = _intervals(pa), _intervals(pb)
    if not any(e - s >= MIN_PASSAGE for s, e in ia):
        return None
    ra, rb = reports[a], reports[b]
    cover_a = sum(e - s for s, e in ia)
    cover_b = sum(e - s for s, e in ib)
    # Passages: runs in a, each with where its first gram stands in b.
    first_b = dict(zip(pa, pb))
    passages = []
    for s, e in sorted(ia, key=lambda se: se[0] - se[1])[:PASSAGES_KEPT]:
        if e - s < MIN_PASSAGE:
            break
        start, end = int(ra.starts[s]), int(ra.ends[min(e, ra.size) - 1])
        b_pos = first_b.get(s)
        passages.append(Passage(ra.text[start:end], e - s, start, int(rb.starts[b_pos]) if b_pos is not None else -1))
    return SharedPair(a, b, cover_a / max(ra.size, 1), cover_b / max(rb.size, 1), passages)


def _clusters(reports: list[ScannedReport], grams: dict[tuple[int, ...], list[tuple[int, int]]]) -> list[Cluster]:
    out = []
    for members, places in grams.items():
        doc = places[0][0]
        r = reports[doc]
        for s, e in _intervals([pos for _, pos in places]):
            if e - s >= MIN_PASSAGE:
                out.append(Cluster(r.text[int(r.starts[s]):int(r.ends[min(e, r.size) - 1])], list(members)))
    out.sort(key=lambda c: (-len(c.reports) * len(c.text), c.text))
    return out
