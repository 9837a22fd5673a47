"""End-to-end time and peak memory of `compare` (read, outline, align, diff, render), next to
two baselines on the same texts in the same run:

- difflib.HtmlDiff().make_file over sentence lines (the standard library's side-by-side page);
- diff-match-patch at word level (jieba words mapped to characters) over the whole text with
  Diff_Timeout = 0: the only whole-text method that gives a correct word diff.

Each measurement runs in a fresh child process, so peak memory (max RSS) is its own.
Usage: python benchmarks/bench_compare.py [--sizes 100000,500000] [--baseline-timeout 300]
"""
from __future__ import annotations

import argparse
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
    if name == "reportdiff":
        import reportdiff
        from reportdiff.render import render_html

        comparison = reportdiff.compare_files(old_path, new_path)
        render_html(comparison)
        extra = dict(comparison.summary)
    else:
        old = Path(old_path).read_text(encoding="utf-8")
        new = Path(new_path).read_text(encoding="utf-8")
        if name == "difflib":
            import difflib

            difflib.HtmlDiff().make_file(old.replace("。", "。\n").splitlines(), new.replace("。", "。\n").splitlines())
            extra = {}
        else:
            from reportdiff.worddiff import word_diff

            diff = word_diff(old, new, timeout=0)
            extra = {"segments": len(diff)}
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put((seconds, peak_mb, extra))


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

    print(f"{'pair':>16} {'method':>22} {'seconds':>9} {'peak MB':>8} {'vs reportdiff':>14}")
    for label, old_path, new_path in cases:
        ours = measure("reportdiff", old_path, new_path, 3600)
        print(f"{label:>16} {'reportdiff compare':>22} {ours[0]:9.2f} {ours[1]:8.0f} {'1.0x':>14}   {ours[2]}")
        for name, title in (("difflib", "difflib.HtmlDiff"), ("dmp-words", "dmp words, timeout 0")):
            result = measure(name, old_path, new_path, args.baseline_timeout)
            if result is None:
                print(f"{label:>16} {title:>22} {'>' + str(int(args.baseline_timeout)):>9} {'':>8} {'>' + format(args.baseline_timeout / ours[0], '.1f') + 'x':>14}")
            else:
                print(f"{label:>16} {title:>22} {result[0]:9.2f} {result[1]:8.0f} {result[0] / ours[0]:13.1f}x")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
