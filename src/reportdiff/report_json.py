"""The comparison as JSON: the documented contract `reportdiff.compare/1` (docs/json.md)."""
from __future__ import annotations

from .compare import STATUSES, Comparison
from .outline import section_span
from .recycle import cut_by_unit

SCHEMA = "reportdiff.compare/1"


def comparison_as_dict(comparison: Comparison) -> dict:
    old, new = comparison.old, comparison.new
    metrics = [_metric_dict(m) for m in comparison.metrics]
    metrics_of_row: dict[int, list[int]] = {}
    for k, m in enumerate(comparison.metrics):
        metrics_of_row.setdefault(m.row, []).append(k)
    spans_by_unit = _spans_by_unit(comparison)
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
        }
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
        "schema": SCHEMA,
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
    }


def _rounded(shares: dict[str, float]) -> dict[str, float]:
    return {k: round(v, 4) for k, v in shares.items()}


def _spans_by_unit(comparison: Comparison) -> dict[int, list]:
    """Recycled spans cut at unit boundaries: [start, end, kind, old_start, old_end], offsets in the files."""
    spans = [(s.start, s.end, s) for s in comparison.recycling.spans]
    return {k: [[a, b, s.kind, s.old_start + (a - s.start), s.old_start + (b - s.start)] for a, b, s in pieces]
            for k, pieces in cut_by_unit(spans, comparison.new.units).items()}


def _metric_dict(m) -> dict:
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
    }
