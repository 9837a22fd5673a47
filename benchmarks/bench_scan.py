"""Scan at scale: N generated reports of about 5,000 characters with planted copies (verbatim,
figures swapped, copied with small edits, templates in 3-6 reports). Prints time, peak memory,
and how many planted copies the scan found.

Usage: python benchmarks/bench_scan.py [--reports 1000] [--chars 5000]
"""
from __future__ import annotations

import argparse
import random
import re
import resource
import tempfile
import time
from pathlib import Path


def vocabulary() -> list[str]:
    """Common words from jieba's dictionary: realistic Chinese, yet random text stays unique."""
    import jieba

    words = []
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as f:
        for line in f:
            word, freq, *_ = line.split()
            if int(freq) >= 200 and 2 <= len(word) <= 4 and re.fullmatch(r"[\u4e00-\u9fff]+", word):
                words.append(word)
    return words


def generate(folder: Path, reports: int, chars: int, seed: int = 7):
    rnd = random.Random(seed)
    words = vocabulary()

    def sentence() -> str:
        body = "".join(rnd.choice(words) for _ in range(rnd.randint(6, 14)))
        if rnd.random() < 0.4:
            body += f"{rnd.randint(2, 999)}{rnd.choice('个次人项件家')}"
        return body + rnd.choice("，。。；")

    texts = []
    for _ in range(reports):
        out = []
        while sum(map(len, out)) < chars:
            out.append(sentence())
        texts.append("".join(out))
    planted = {"verbatim": [], "figures_swapped": [], "edited": [], "template": []}

    def passage(src: int, length: int) -> str:
        start = rnd.randrange(0, len(texts[src]) - length)
        return texts[src][start:start + length]

    def insert(dst: int, text: str) -> None:
        cut = rnd.randrange(len(texts[dst]))
        texts[dst] = texts[dst][:cut] + "。" + text + "。" + texts[dst][cut:]

    for kind in ("verbatim", "figures_swapped", "edited"):
        for _ in range(reports // 10):
            a, b = rnd.sample(range(reports), 2)
            text = passage(a, rnd.randint(150, 300))
            if kind == "figures_swapped":
                text = re.sub(r"\d+", lambda m: str(int(m.group()) + rnd.randint(1, 50)), text)
                text = text[:60] + f"{rnd.randint(10, 99)}次" + text[60:]  # at least one figure
            elif kind == "edited":
                chars_ = list(text)
                for k in range(20, len(chars_), 45):
                    chars_[k] = rnd.choice(words)[0]
                text = "".join(chars_)
            insert(b, text)
            planted[kind].append((a, b))
    for _ in range(reports // 50):
        members = rnd.sample(range(reports), rnd.randint(3, 6))
        text = "".join(sentence() for _ in range(6))
        for m in members:
            insert(m, text)
        planted["template"].append(sorted(members))
    for k, text in enumerate(texts):
        (folder / f"r{k:04d}.txt").write_text(text, encoding="utf-8")
    return planted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--chars", type=int, default=5000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    planted = generate(folder, args.reports, args.chars)
    from reportdiff.formulae import load_formulae
    from reportdiff.scan import scan

    start = time.perf_counter()
    result = scan([folder], load_formulae())
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    name = {Path(r.path).stem: k for k, r in enumerate(result.reports)}
    found_pairs = {(result.reports[p.a].path, result.reports[p.b].path) for p in result.pairs}
    paths = {k: str(folder / f"r{k:04d}.txt") for k in range(args.reports)}
    print(f"reports: {len(result.reports)} of ~{args.chars} characters; pairs reported: {len(result.pairs)}; "
          f"clusters: {len(result.clusters)}")
    print(f"scan: {seconds:.1f} s, peak memory {peak:.0f} MB (whole process)")
    for kind in ("verbatim", "figures_swapped", "edited"):
        hits = sum((paths[min(a, b)], paths[max(a, b)]) in found_pairs for a, b in planted[kind])
        print(f"planted {kind:>15}: {hits}/{len(planted[kind])} found")
    cluster_sets = [set(c.reports) for c in result.clusters]
    hits = sum(any({name[f"r{m:04d}"] for m in members} <= c for c in cluster_sets) for members in planted["template"])
    print(f"planted {'template (3-6)':>15}: {hits}/{len(planted['template'])} found as a cluster")
    top = result.pairs[:len(found_pairs)]
    planted_pairs = {(paths[min(a, b)], paths[max(a, b)]) for kind in ("verbatim", "figures_swapped", "edited")
                     for a, b in planted[kind]}
    planted_pairs |= {(paths[x], paths[y]) for members in planted["template"] for i, x in enumerate(members) for y in members[i + 1:]}
    false = [p for p in top if (result.reports[p.a].path, result.reports[p.b].path) not in planted_pairs]
    print(f"pairs not planted: {len(false)} (largest shared share among them: "
          f"{max((p.weight for p in false), default=0):.1%})")


if __name__ == "__main__":
    main()
