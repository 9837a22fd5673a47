"""Plain-text listings for the terminal: a report's outline, a report's figures."""
from __future__ import annotations

from typing import Any

from ..model import Outline, UnitKind


def outline_as_text(outline: Outline, width: int = 40) -> str:
    """One unit a line, indented by level: kind, marker and the first characters."""
    lines = []
    for u in outline.units:
        body = u.content
        if u.marker and body.startswith(u.marker):
            body = body[len(u.marker):].lstrip()
        body = " ".join(body.split())
        short = body[:width] + ("…" if len(body) > width else "")
        indent = "  " * max(u.level - 1, 0) if u.kind in (UnitKind.HEADING, UnitKind.LEAD, UnitKind.POINT) else ""
        marker = f"[{u.marker}] " if u.marker else ""
        lines.append(f"{indent}{u.kind:<8} {marker}{short}")
    return "\n".join(lines) + "\n"


def figures_as_text(figures: list[dict[str, Any]]) -> str:
    """A tab-separated table of figures as `to_json.figures_as_list` gives them."""
    lines = [f"{'subject':<16}\t{'value':>10}\tunit\tqualifier\tas written"]
    for f in figures:
        value = "masked" if f["masked"] else _number(f["value"]) + (f"-{_number(f['high'])}" if f["high"] is not None else "")
        lines.append(f"{f['subject']:<16}\t{value:>10}\t{f['unit']}\t{f['qualifier'] or '-'}\t{f['text']}")
    return "\n".join(lines)


def _number(value: float | None) -> str:
    return f"{value:g}" if value is not None else "?"
