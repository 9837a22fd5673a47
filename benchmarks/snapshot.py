"""Write every output reportdiff makes (compare page and JSON, outline and metrics JSON, scan JSON)
for a fixed set of pairs into a folder, so two versions of the code can be compared byte for byte.

Used for refactors that must not change what users see (issue 10, the re-layer): run it on the
old commit and on the new one, then `diff -r` the two folders.

Usage: python benchmarks/snapshot.py OUT_DIR [--big]   (--big adds a 500,000-character pair)
Runs the library through the command line's own functions (reportdiff.cli.main), so what is
compared is exactly what a user gets. Pairs from ../shared/corpus are used when it is there.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(HERE))


def pairs(big: bool, tmp: Path) -> dict[str, tuple[Path, Path]]:
    out = {"samples": (ROOT / "samples/2021.txt", ROOT / "samples/2022.txt")}
    for case in sorted((ROOT / "tests/pairs").iterdir()):
        if (case / "old.txt").is_file():
            out[f"pair-{case.name}"] = (case / "old.txt", case / "new.txt")
    for collection, a, b in (("gov-work-report-cn", 2021, 2022), ("gov-work-report-cn-paras", 2017, 2018),
                             ("hailar-district-gov-work-report", 2018, 2019), ("gov-work-report-en", 2021, 2022)):
        if (CORPUS / collection).is_dir():
            out[f"{collection}-{a}-{b}"] = (CORPUS / collection / f"{a}.txt", CORPUS / collection / f"{b}.txt")
    if big:
        from synth import make_pair

        old, new = make_pair(500_000)
        (tmp / "big-old.txt").write_text(old, encoding="utf-8")
        (tmp / "big-new.txt").write_text(new, encoding="utf-8")
        out["synth-500k"] = (tmp / "big-old.txt", tmp / "big-new.txt")
    return out


def run(argv: list[str]) -> str:
    from reportdiff.cli import main

    buf, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(err):
        code = main(argv)
    if code:
        raise SystemExit(f"reportdiff {' '.join(argv)} failed: {err.getvalue()}")
    return buf.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--big", action="store_true")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    big_dir = Path(tempfile.gettempdir()) / "reportdiff-snapshot"  # same paths in every run: they are in the JSON
    big_dir.mkdir(exist_ok=True)
    for name, (old, new) in pairs(args.big, big_dir).items():
        print(name, file=sys.stderr)
        (args.out / f"{name}.json").write_text(run(["compare", str(old), str(new), "--format", "json"]), encoding="utf-8")
        for lang in ("zh", "en"):
            run(["compare", str(old), str(new), "--lang", lang, "-o", str(args.out / f"{name}.{lang}.html")])
        for side, path in (("old", old), ("new", new)):
            (args.out / f"{name}.{side}.outline.json").write_text(run(["outline", str(path), "--format", "json"]),
                                                                 encoding="utf-8")
            (args.out / f"{name}.{side}.metrics.json").write_text(run(["metrics", str(path), "--format", "json"]),
                                                                 encoding="utf-8")
    if (CORPUS / "hailar-district-gov-work-report").is_dir():
        (args.out / "scan.json").write_text(run(["scan", str(CORPUS / "hailar-district-gov-work-report"),
                                                 "--format", "json"]), encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
