"""Every JSON reportdiff writes, one function a contract (docs/json.md): `reportdiff.outline/1`,
`reportdiff.metrics/1`, `reportdiff.compare/1`, `reportdiff.scan/1`. Dicts of plain values,
ready for json.dumps."""
from __future__ import annotations

from typing import Any

from ..consistency import Inconsistency
from ..indicators import sentence_at
from ..model import STATUSES, Comparison, Figure, FiguresByUnit, Metric, Outline, ScanResult, Span
from ..outline import section_span
from ..promises import Promise
from ..recycle import cut_by_unit
from .cite import Place, places


def outline_as_dict(outline: Outline) -> dict[str, Any]:
    return {
        "schema": "reportdiff.outline/1",
        "path": outline.path,
        "chars": len(outline.source),
        "units": [
            {"kind": u.kind, "level": u.level, "marker": u.marker, "start": u.start, "end": u.end,
             "parent": u.parent, "text": u.text}
            for u in outline.units
        ],
    }


def _place_dict(place: Place) -> dict[str, Any]:
    return {"part": place.part, "paragraph": place.paragraph, "point": place.point, "page": place.page}


def figures_as_list(outline: Outline, figures: FiguresByUnit) -> list[dict[str, Any]]:
    """One report's figures in text order, offsets in the file."""
    return [{"subject": f.subject, "text": f.text, "value": f.value, "high": f.high, "unit": f.unit,
             "qualifier": f.qualifier, "masked": f.masked, "start": outline.units[k].start + f.start,
             **_key_dict(f)}
            for k, found in sorted(figures.items()) for f in found]


def metrics_as_dict(outline: Outline, figures: FiguresByUnit) -> dict[str, Any]:
    return {"schema": "reportdiff.metrics/1", "path": outline.path, "figures": figures_as_list(outline, figures)}


def comparison_as_dict(comparison: Comparison) -> dict[str, Any]:
    old, new = comparison.old, comparison.new
    metrics = [_metric_dict(m) for m in comparison.metrics]
    rows = comparison.row_maps()
    metrics_of_row: dict[int, list[int]] = {}
    for k, m in enumerate(comparison.metrics):
        metrics_of_row.setdefault(m.row, []).append(k)
    spans_by_unit = _spans_by_unit(comparison)
    old_places, new_places = places(old), places(new)
    units = []
    for n, row in enumerate(comparison.rows):
        entry = {
            "kind": row.kind,
            "level": row.level,
            "old": old.units[row.old].text if row.old is not None else None,
            "new": new.units[row.new].text if row.new is not None else None,
            "status": row.status,
            "similarity": round(row.similarity, 4),
            "moved": row.moved,
            "place": {"old": _place_dict(old_places[row.old]) if row.old is not None else None,
                      "new": _place_dict(new_places[row.new]) if row.new is not None else None},
        }
        if row.terms:
            entry["terms"] = row.terms
        if row.diff is not None:
            entry["diff"] = [[op, text] for op, text in row.diff]
        if row.group is not None:
            entry["group"] = row.group
            entry["join"] = row.join
        entry["metrics"] = metrics_of_row.get(n, [])
        if row.new is not None:
            u = new.units[row.new]
            entry["recycled"] = {**_rounded(comparison.shares.of(u.start, u.end)), "spans": spans_by_unit.get(row.new, [])}
        units.append(entry)
    return {
        "schema": "reportdiff.compare/1",
        "old": {"path": old.path, "chars": len(old.source)},
        "new": {"path": new.path, "chars": len(new.source)},
        "summary": {
            "units": {s: comparison.summary.get(s, 0) for s in STATUSES},
            "recycled": _rounded(comparison.shares.of()),
            "recycled_sections": [
                {"heading": new.units[i].content, **_rounded(comparison.shares.of(*section_span(new, i)))}
                for i in new.sections()
            ],
        },
        "units": units,
        "metrics": metrics,
        "plan_found": comparison.plan_found,
        "promises": [_promise_dict(comparison, p, rows) for p in comparison.promises],
        "inconsistencies": [_inconsistency_dict(x, rows) for x in comparison.inconsistencies],
    }


def _inconsistency_dict(x: Inconsistency, rows: tuple[dict[int, int], dict[int, int]]) -> dict[str, Any]:
    row_of_old, row_of_new = rows
    return {"kind": x.kind, "new": {"unit": row_of_new[x.new_unit], "text": x.new_text},
            "old": {"unit": row_of_old[x.old_unit], "text": x.old_text} if x.old_unit is not None else None,
            "claimed": x.claimed, "computed": x.computed, "message": x.message}


def _promise_dict(comparison: Comparison, p: Promise, rows: tuple[dict[int, int], dict[int, int]]) -> dict[str, Any]:
    """A promise; `unit` fields are row indices into `units`, as a metric's `unit_index` is."""
    old, new = comparison.old, comparison.new
    row_of_old, row_of_new = rows
    evidence = None
    if p.evidence is not None and p.evidence_unit is not None:
        said = sentence_at(new.units[p.evidence_unit].text, p.evidence.start, p.evidence.end)
        evidence = {"unit": row_of_new[p.evidence_unit], "text": said, "figure": p.evidence.text}
    return {
        "plan": {"unit": row_of_old[p.plan_unit], "text": sentence_at(old.units[p.plan_unit].text, p.plan.start, p.plan.end),
                 "figure": p.plan.text},
        "indicator": p.indicator, "comparator": p.comparator, "target": p.target, "target_high": p.plan.high,
        "unit": p.plan.unit, "evidence": evidence, "outcome": p.outcome, "status": p.status,
    }

def _rounded(shares: dict[str, float]) -> dict[str, float]:
    return {k: round(v, 4) for k, v in shares.items()}


def _spans_by_unit(comparison: Comparison) -> dict[int, list[list[Any]]]:
    """Recycled spans cut at unit boundaries: [start, end, kind, old_start, old_end], offsets in the files."""
    spans: list[tuple[int, int, Span]] = [(s.start, s.end, s) for s in comparison.recycling.spans]
    return {k: [[a, b, s.kind, s.old_start + (a - s.start), s.old_start + (b - s.start)] for a, b, s in pieces]
            for k, pieces in cut_by_unit(spans, comparison.new.units).items()}


def _metric_dict(m: Metric) -> dict[str, Any]:
    return {
        "subject": m.subject,
        "unit": m.unit,
        "old": m.old.value if m.old else None,
        "new": m.new.value if m.new else None,
        "old_text": m.old.text if m.old else None,
        "new_text": m.new.text if m.new else None,
        "change": m.change,
        "delta": m.delta,
        "ratio": m.ratio,
        "masked": m.masked,
        "approx": m.approx,
        "unit_index": m.row,
        "old_unit": m.old.unit if m.old else None,
        "flags": m.flags,
        "points": m.in_points,
        **_key_dict(m.figure),
    }


def _key_dict(f: Figure) -> dict[str, Any]:
    return {"name": f.name, "measure": f.measure, "period": f.period, "role": f.role}


def scan_as_dict(result: ScanResult) -> dict[str, Any]:
    paths = [r.path for r in result.reports]
    peers = result.peers()
    return {
        "schema": "reportdiff.scan/1",
        "reports": [
            {"path": r.path, "chars": r.chars,
             "peer": paths[p.other(k)] if (p := peers.get(k)) else None,
             "peer_shared": round(p.share_of(k), 4) if (p := peers.get(k)) else 0.0}
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
