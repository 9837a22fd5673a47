"""Time and peak memory of `reportdiff compare` on pathological input: each case in a fresh
process with a time limit, beside the samples pair as the baseline of the same run.

A case passes when it ends within the limit, with exit 0 (a page) or 2 (one line on stderr),
never a traceback. Usage: python benchmarks/bench_hostile.py [--limit 120] [--only NAME]
"""
from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = """
import resource, sys
from reportdiff.cli import main
code = main(sys.argv[1:])
print(f"maxrss_kb={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", file=sys.stderr)
sys.exit(code)
"""
LINE = "全面加强党的建设，推进全面从严治党向纵深发展。\n"
CHARS = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后"
         "多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开")


def cases(folder: Path) -> dict[str, tuple[Path, Path]]:
    rnd = random.Random(7)

    def write(name: str, text: str) -> Path:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        return path

    def sentence(n: int) -> str:
        return "".join(rnd.choice(CHARS) for _ in range(n)) + "。"

    samples = (ROOT / "samples/2021.txt", ROOT / "samples/2022.txt")
    one = "".join(rnd.choice(CHARS) for _ in range(1_000_000))
    return {
        "samples (baseline)": samples,
        "repeated line x 170k (4 MB)": (write("rep-a.txt", LINE * 170_000), write("rep-b.txt", LINE * 170_000)),
        "200k distinct short lines": (write("lines-a.txt", "\n".join(sentence(12) for _ in range(200_000))),
                                      write("lines-b.txt", "\n".join(sentence(12) for _ in range(200_000)))),
        "one 1M-character line": (write("one-a.txt", one), write("one-b.txt", one[:500_000] + "新增一句话。" + one[500_000:])),
        "one 1M-character line, unrelated": (write("one-c.txt", one), write("one-d.txt", one[::-1])),
        "30k paragraphs of 3 sentences": (write("para-a.txt", "\n".join(sentence(20) + sentence(15) + sentence(25)
                                                                       for _ in range(30_000))),
                                         write("para-b.txt", "\n".join(sentence(20) + sentence(15) + sentence(25)
                                                                       for _ in range(30_000)))),
    }


def run(old: Path, new: Path, out: Path, limit: float) -> tuple[str, float, int | None, str]:
    start = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-c", CHILD, "compare", str(old), str(new), "-o", str(out)],
                              capture_output=True, text=True, timeout=limit)
    except subprocess.TimeoutExpired:
        return "TIMEOUT", time.perf_counter() - start, None, ""
    seconds = time.perf_counter() - start
    err = done.stderr.strip().splitlines()
    rss = next((int(line.split("=")[1]) for line in err if line.startswith("maxrss_kb=")), None)
    shown = [line for line in err if not line.startswith("maxrss_kb=")]
    verdict = "traceback" if any("Traceback" in line for line in shown) else f"exit {done.returncode}"
    return verdict, seconds, rss, (shown[-1] if shown else "")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=float, default=120.0)
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        baseline = None
        print(f"{'case':<36} {'result':<9} {'seconds':>8} {'vs samples':>10} {'peak MB':>8}  message")
        for name, (old, new) in cases(folder).items():
            if args.only and args.only not in name and baseline is not None:
                continue
            verdict, seconds, rss, message = run(old, new, folder / "out.html", args.limit)
            baseline = baseline or seconds
            mb = f"{rss / 1024:.0f}" if rss else "?"
            print(f"{name:<36} {verdict:<9} {seconds:8.1f} {seconds / baseline:9.1f}x {mb:>8}  {message[:90]}", flush=True)


if __name__ == "__main__":
    main()
