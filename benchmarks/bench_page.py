"""How fast the review page is in a browser: time to load, and time from choosing a filter to the
next frame, for the 500,000-character pair's page next to the samples' page (the baseline, same
browser, same run). Needs Playwright and Debian's Chromium (as the browser tests do).

Usage: python benchmarks/bench_page.py [--size 500000] [--repeat 3]
"""
from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

CHROMIUM = "/usr/lib/chromium/chromium"
MODES = ["changes", "all", "new", "all", "figures", "all"]
# Milliseconds from the radio's click to the next frame after the page has settled.
_FILTER = """(mode) => new Promise(resolve => {
  const t0 = performance.now();
  document.querySelector('input[name=mode][value=' + mode + ']').click();
  requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
})"""


def write_page(old: str, new: str, folder: Path, name: str) -> Path:
    from reportdiff.cli import main as cli

    (folder / f"{name}-old.txt").write_text(old, encoding="utf-8")
    (folder / f"{name}-new.txt").write_text(new, encoding="utf-8")
    page = folder / f"{name}.html"
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        assert cli(["compare", str(folder / f"{name}-old.txt"), str(folder / f"{name}-new.txt"), "-o", str(page)]) == 0
    return page


def measure(browser, page_path: Path, repeat: int) -> tuple[float, dict[str, float]]:
    loads, filters = [], {m: [] for m in set(MODES)}
    for _ in range(repeat):
        tab = browser.new_page(viewport={"width": 1400, "height": 900})
        start = time.perf_counter()
        tab.goto(page_path.as_uri(), wait_until="load")
        tab.evaluate("new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))")
        loads.append(time.perf_counter() - start)
        for mode in MODES:
            filters[mode].append(tab.evaluate(_FILTER, mode))
        tab.close()
    return statistics.median(loads), {m: statistics.median(v) for m, v in filters.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=500_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from synth import SAMPLES, make_pair

    folder = Path(tempfile.mkdtemp())
    pages = [("samples", write_page((SAMPLES / "2021.txt").read_text(encoding="utf-8"),
                                    (SAMPLES / "2022.txt").read_text(encoding="utf-8"), folder, "samples"))]
    old, new = make_pair(args.size)
    pages.append((f"{len(old):,} chars", write_page(old, new, folder, "big")))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        results = [(label, path, *measure(browser, path, args.repeat)) for label, path in pages]
        browser.close()
    base_load, base_filters = results[0][2], results[0][3]
    print(f"{'page':>16} {'MB':>5} {'load s':>7} {'vs samples':>10}   filter to next frame, ms (vs samples)")
    for label, path, load, filters in results:
        cells = "  ".join(f"{m} {filters[m]:.0f} ({filters[m] / max(base_filters[m], 1):.1f}x)"
                          for m in ("changes", "new", "figures", "all"))
        print(f"{label:>16} {path.stat().st_size / 1e6:5.1f} {load:7.2f} {load / base_load:9.1f}x   {cells}")


if __name__ == "__main__":
    main()
