"""The comparison as JSON: the documented contract `reportdiff.compare/1` (docs/json.md)."""
from __future__ import annotations

from .compare import STATUSES, Comparison

SCHEMA = "reportdiff.compare/1"


def comparison_as_dict(comparison: Comparison) -> dict:
    old, new = comparison.old, comparison.new
    metrics = [_metric_dict(m) for m in comparison.metrics]
    metrics_of_row: dict[int, list[int]] = {}
    for k, m in enumerate(comparison.metrics):
        metrics_of_row.setdefault(m.row, []).append(k)
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
        units.append(entry)
    return {
        "schema": SCHEMA,
        "old": {"path": old.path, "chars": len(old.source)},
        "new": {"path": new.path, "chars": len(new.source)},
        "summary": {"units": {s: comparison.summary.get(s, 0) for s in STATUSES}},
        "units": units,
        "metrics": metrics,
    }


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
