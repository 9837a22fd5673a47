"""Render the review page: one self-contained UTF-8 HTML file from the Jinja2 templates."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import jinja2

from ..model import Comparison, ScanResult
from .view import build_scan_view, build_view


def templates_dir() -> Path:
    """Templates ship inside the wheel (reportdiff/templates); an editable install reads the checkout's."""
    packaged = Path(str(resources.files("reportdiff"))) / "templates"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[3] / "templates"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("reportdiff templates not found (broken installation)")


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(comparison: Comparison, lang: str = "zh") -> str:
    """The review page of a comparison."""
    return environment().get_template("review.html.j2").render(page=build_view(comparison, lang))


def render_scan(result: ScanResult, links: dict[int, str], lang: str = "zh") -> str:
    """The scan page; `links` maps a pair's rank (0-based) to the file name of its comparison page."""
    return environment().get_template("scan.html.j2").render(page=build_scan_view(result, links, lang))
