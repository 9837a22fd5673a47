"""End-to-end time and peak memory of `reportdiff compare` (the command line: read, outline, align,
diff, render, write the page; large pairs use its second process), next to
two baselines on the same texts in the same run:

- difflib.HtmlDiff().make_file over sentence lines (the standard library's side-by-side page);
- diff-match-patch at word level (jieba words mapped to characters) over the whole text with
  Diff_Timeout = 0: the only whole-text method that gives a correct word diff.

Each measurement runs in a fresh child process, so peak memory (max RSS) is its own (the larger of
that process and its worker). "seconds" is
end to end in that process; "work s" leaves out the start-up both word-level methods share
(imports and jieba's dictionary).
Usage: python benchmarks/bench_compare.py [--sizes 100000,500000] [--baseline-timeout 300]
"""
from __future__ import annotations

import argparse
import contextlib
import io
import multiprocessing as mp
import resource
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def _task(name: str, old_path: str, new_path: str, queue) -> None:
    start = time.perf_counter()
    # Start-up both word-level methods pay: imports and jieba's dictionary (about 2 s here).
    import reportdiff.compare
    import reportdiff.report.html  # noqa: F401 (loaded before "ready": start-up, not work)
    from reportdiff.worddiff import tokenize

    if name != "difflib":
        tokenize("预热")
    ready = time.perf_counter()
    if name == "reportdiff":
        # What a user runs: the command line (its process pool for large pairs included), page written.
        from reportdiff.cli import main as cli

        page = Path(tempfile.mkdtemp()) / "review.html"
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):  # "wrote …"
            assert cli(["compare", old_path, new_path, "-o", str(page)]) == 0
        extra = {"page MB": round(page.stat().st_size / 1e6, 1)}
    else:
        old = Path(old_path).read_text(encoding="utf-8")
        new = Path(new_path).read_text(encoding="utf-8")
        if name == "difflib":
            import difflib

            difflib.HtmlDiff().make_file(old.replace("。", "。\n").splitlines(), new.replace("。", "。\n").splitlines())
            extra = {}
        else:
            import reportdiff.worddiff as worddiff

            worddiff.DMP_MAX_CELLS = float("inf")  # diff-match-patch itself, never reportdiff's C++ fallback
            diff = worddiff.word_diff(old, new, timeout=0)
            extra = {"segments": len(diff)}
    seconds = time.perf_counter() - start
    # The larger of this process and its own worker (the command line's second process), each alone.
    peak_mb = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024
    queue.put((seconds, peak_mb, extra, time.perf_counter() - ready))


def measure(name: str, old_path: str, new_path: str, timeout: float):
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_task, args=(name, old_path, new_path, queue))
    proc.start()
    proc.join(timeout)
    if proc.is_alive():
        proc.kill()
        proc.join()
        return None
    return queue.get() if not queue.empty() else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,500000")
    parser.add_argument("--baseline-timeout", type=float, default=300)
    args = parser.parse_args()
    from synth import SAMPLES, make_pair

    cases = [("samples", str(SAMPLES / "2021.txt"), str(SAMPLES / "2022.txt"))]
    tmp = Path(tempfile.mkdtemp())
    for size in (int(s) for s in args.sizes.split(",") if s):
        old, new = make_pair(size)
        (tmp / f"old{size}.txt").write_text(old, encoding="utf-8")
        (tmp / f"new{size}.txt").write_text(new, encoding="utf-8")
        cases.append((f"{len(old):,} chars", str(tmp / f"old{size}.txt"), str(tmp / f"new{size}.txt")))

    print(f"{'pair':>16} {'method':>22} {'seconds':>8} {'work s':>7} {'peak MB':>8} {'vs ours':>8} {'work vs ours':>12}")
    for label, old_path, new_path in cases:
        ours = measure("reportdiff", old_path, new_path, 3600)
        print(f"{label:>16} {'reportdiff compare':>22} {ours[0]:8.2f} {ours[3]:7.2f} {ours[1]:8.0f} {'1.0x':>8} {'1.0x':>12}   {ours[2]}")
        for name, title in (("difflib", "difflib.HtmlDiff"), ("dmp-words", "dmp words, timeout 0")):
            result = measure(name, old_path, new_path, args.baseline_timeout)
            if result is None:
                cap = args.baseline_timeout
                print(f"{label:>16} {title:>22} {'>' + str(int(cap)):>8} {'':>7} {'':>8} {'>' + format(cap / ours[0], '.1f') + 'x':>8}"
                      f" {'>' + format(cap / ours[3], '.1f') + 'x':>12}")
            else:
                print(f"{label:>16} {title:>22} {result[0]:8.2f} {result[3]:7.2f} {result[1]:8.0f} {result[0] / ours[0]:7.1f}x"
                      f" {result[3] / ours[3]:11.1f}x")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
