"""Command line: a thin layer over the library. It parses and checks arguments, chooses a second
process for large pairs, shows progress, writes files, and turns library errors into one line.

Exit status: 0 done; 2 bad input or option (ReportdiffError, argparse); 130 interrupted."""
from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing as mp
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .errors import ReportdiffError

if TYPE_CHECKING:
    from .model import ScanResult

EXIT_OK = 0
EXIT_BAD_INPUT = 2
"""A file that cannot be read, a bad option: anything the user can fix (ReportdiffError)."""
EXIT_INTERRUPTED = 130


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        return args.run(args) or EXIT_OK
    except ReportdiffError as exc:
        print(f"reportdiff: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("reportdiff: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reportdiff",
        description="Compare two years of the same yearly report (述职报告, 工作总结, 政府工作报告).",
    )
    parser.add_argument("--version", action="version", version=f"reportdiff {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    p = sub.add_parser("outline", help="show how a report was parsed: one unit a line",
                       description="Show the outline of one report (title, preamble, headings, leads, points, closing).")
    p.add_argument("file", help="report file (.txt, .md, .docx)")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(run=_outline)

    p = sub.add_parser("metrics", help="list the figures of one report",
                       description="List every figure of one report: subject, value, unit, qualifier.")
    p.add_argument("file", help="report file (.txt, .md, .docx)")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(run=_metrics)

    p = sub.add_parser("scan", help="find text shared among many reports",
                       description="Every report against every other: shared text, ranked pairs, templates shared by 3+ reports.")
    p.add_argument("paths", nargs="+", help="report files or folders (searched recursively for .txt, .md, .docx)")
    p.add_argument("-o", "--output", help="output file (default: scan.html for html, stdout for json)")
    p.add_argument("--format", choices=["html", "json"], default="html")
    p.add_argument("--pairs", type=int, default=0, metavar="N",
                   help="also write the full comparison of the N most similar pairs, linked from the page")
    p.add_argument("--formulae", action="append", default=[], metavar="FILE", help="extra list of common formulae")
    p.add_argument("--max-share", type=float, default=0.05,
                   help="text in more than this share of the reports is what everyone writes, not a copy (default 0.05)")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="page language")
    p.set_defaults(run=_scan)

    p = sub.add_parser("formulae", help="build a list of common formulae from many reports",
                       description="Common formulae are phrases many reports share (树牢“四个意识”…); recycling them is not copying.")
    fsub = p.add_subparsers(title="formulae commands", metavar="ACTION")
    b = fsub.add_parser("build", help="learn formulae from report files or folders",
                        description="Learn the phrases that stand in many different reports; write one a line with its count.")
    b.add_argument("paths", nargs="+", help="report files or folders (searched recursively)")
    b.add_argument("-o", "--output", help="output file (default: stdout)")
    b.add_argument("--min-reports", type=int, default=3, help="in at least this many reports (default 3)")
    b.add_argument("--min-share", type=float, default=0.2, help="and this share of all reports (default 0.2)")
    b.add_argument("--min-groups", type=int, default=1,
                   help="and this many folders, so one office's own boilerplate is not a formula (default 1)")
    b.set_defaults(run=_formulae_build)

    p = sub.add_parser("compare", help="compare last year's report with this year's",
                       description="Align two reports and write a review page (html) or the comparison as JSON.")
    p.add_argument("old", help="the earlier report (last year)")
    p.add_argument("new", help="the later report (this year)")
    p.add_argument("-o", "--output", help="output file (default: review.html for html, stdout for json)")
    p.add_argument("--format", choices=["html", "json"], default="html")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="page language")
    p.add_argument("--min-recycled", type=int, default=10, metavar="N",
                   help="shortest recycled run, in characters without whitespace (default 10)")
    p.add_argument("--formulae", action="append", default=[], metavar="FILE", help="extra list of common formulae")
    p.set_defaults(run=_compare)
    return parser


def _outline(args: argparse.Namespace) -> int:
    from . import load
    from .report.text import outline_as_text
    from .report.to_json import outline_as_dict

    outline = load(args.file)
    if args.format == "json":
        _write(json.dumps(outline_as_dict(outline), ensure_ascii=False, indent=1), None)
    else:
        _write(outline_as_text(outline), None)
    return 0


def _metrics(args: argparse.Namespace) -> int:
    from . import load
    from .metrics import figures_by_unit
    from .report.text import figures_as_text
    from .report.to_json import figures_as_list, metrics_as_dict

    outline = load(args.file)
    figures = figures_by_unit(outline)
    if args.format == "json":
        _write(json.dumps(metrics_as_dict(outline, figures), ensure_ascii=False, indent=1), None)
    else:
        _write(figures_as_text(figures_as_list(outline, figures)), None)
    return 0


def _scan(args: argparse.Namespace) -> int:
    from .formulae import load_formulae
    from .report.html import render_scan
    from .report.to_json import scan_as_dict
    from .scan import scan

    progress = _terminal_progress if sys.stderr.isatty() else None
    result = scan(args.paths, load_formulae(args.formulae), args.max_share, progress)
    for path, reason in result.skipped:
        print(f"reportdiff: skipped {path}: {reason.split(': ', 1)[-1]}", file=sys.stderr)
    if args.format == "json":
        _write(json.dumps(scan_as_dict(result), ensure_ascii=False, indent=1), args.output)
        return 0
    out = Path(args.output or "scan.html")
    links = _write_pair_pages(result, args.pairs, out, args.lang) if args.pairs else {}
    _write(render_scan(result, links, args.lang), str(out))
    print(f"wrote {out}" + (f" and {len(links)} comparison pages" if links else ""), file=sys.stderr)
    return 0


def _write_pair_pages(result: ScanResult, top: int, out: Path, lang: str) -> dict[int, str]:
    """Full comparisons of the `top` pairs, written beside `out`; pair index -> file name."""
    from .compare import compare
    from .outline import outline_text
    from .report.html import render_html

    links: dict[int, str] = {}
    for k, pair in enumerate(result.pairs[:top]):
        a, b = result.reports[pair.a], result.reports[pair.b]
        comparison = compare(outline_text(a.text, a.path), outline_text(b.text, b.path))
        name = f"{out.stem}-pair{k + 1}.html"
        _write(render_html(comparison, lang), str(out.parent / name))
        links[k] = name
    return links


def _terminal_progress(stage: str, done: int, total: int) -> None:
    """A one-line progress bar on stderr."""
    width = 30
    filled = int(width * done / total) if total else width
    sys.stderr.write(f"\r{stage:<9} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def _formulae_build(args: argparse.Namespace) -> int:
    from .formulae import build_from_paths

    learned = build_from_paths(args.paths, args.min_reports, args.min_share, args.min_groups)
    lines = [f"# learned by reportdiff formulae build from {len(args.paths)} path(s)"]
    lines += [f"{phrase}\t{count}" for phrase, count in learned]
    _write("\n".join(lines) + "\n", args.output)
    if args.output:
        print(f"wrote {len(learned)} formulae to {args.output}", file=sys.stderr)
    return 0


PARALLEL_FROM = 100_000
"""From this many characters (both reports), recycled text and figures are found in a second
process while this one aligns and diffs: the machine has two cores, and they do not depend on
each other. Below it, starting a process costs more than it saves."""


def _compare(args: argparse.Namespace) -> int:
    from . import load
    from .compare import MIN_RECYCLED_FLOOR, compare
    from .formulae import load_formulae
    from .report.html import render_html
    from .report.to_json import comparison_as_dict

    if args.min_recycled < MIN_RECYCLED_FLOOR:  # before reading anything
        raise ReportdiffError(f"--min-recycled must be at least {MIN_RECYCLED_FLOOR} characters")
    formulae = load_formulae(args.formulae)
    old, new = load(args.old), load(args.new)
    with contextlib.ExitStack() as stack:
        executor = None
        if len(old.source) + len(new.source) >= PARALLEL_FROM and "fork" in mp.get_all_start_methods():
            executor = stack.enter_context(ProcessPoolExecutor(max_workers=1, mp_context=mp.get_context("fork")))
        comparison = compare(old, new, min_recycled=args.min_recycled, formulae=formulae, executor=executor)
    if args.format == "json":
        _write(json.dumps(comparison_as_dict(comparison), ensure_ascii=False, indent=1), args.output)
    else:
        out = args.output or "review.html"
        _write(render_html(comparison, args.lang), out)
        print(f"wrote {out}", file=sys.stderr)
    return 0


def _write(text: str, path: str | None) -> None:
    if path is None or path == "-":
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    try:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    except OSError as exc:
        raise ReportdiffError(f"{path}: cannot write ({exc.strerror or exc})") from None
