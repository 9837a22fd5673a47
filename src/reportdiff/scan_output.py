"""The scan as JSON (`reportdiff.scan/1`, docs/json.md) and its linked comparison pages."""
from __future__ import annotations

from pathlib import Path

from .scan import ScanResult

SCHEMA = "reportdiff.scan/1"


def scan_as_dict(result: ScanResult) -> dict:
    paths = [r.path for r in result.reports]
    peers = result.peers()
    return {
        "schema": SCHEMA,
        "reports": [
            {"path": r.path, "chars": r.chars,
             "peer": (paths[p.b] if p.a == k else paths[p.a]) if (p := peers.get(k)) else None,
             "peer_shared": round((p.shared_a if p.a == k else p.shared_b), 4) if (p := peers.get(k)) else 0.0}
            for k, r in enumerate(result.reports)
        ],
        "pairs": [
            {"a": paths[p.a], "b": paths[p.b], "shared_a": round(p.shared_a, 4), "shared_b": round(p.shared_b, 4),
             "passages": [{"text": x.text, "chars": x.chars, "a_start": x.a_start, "b_start": x.b_start} for x in p.passages]}
            for p in result.pairs
        ],
        "clusters": [{"text": c.text, "reports": [paths[k] for k in c.reports]} for c in result.clusters],
        "skipped": [{"path": path, "reason": reason} for path, reason in result.skipped],
    }


def write_pair_pages(result: ScanResult, top: int, out: Path, lang: str) -> dict[int, str]:
    """Full comparisons of the `top` pairs, written beside `out`; pair index -> file name."""
    from .compare import compare
    from .outline import outline_text
    from .render import render_html

    links: dict[int, str] = {}
    for k, pair in enumerate(result.pairs[:top]):
        a, b = result.reports[pair.a], result.reports[pair.b]
        comparison = compare(outline_text(a.text, a.path), outline_text(b.text, b.path))
        name = f"{out.stem}-pair{k + 1}.html"
        (out.parent / name).write_text(render_html(comparison, lang), encoding="utf-8")
        links[k] = name
    return links
