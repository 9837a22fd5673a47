"""Command line: a thin layer over the library. It parses and checks arguments, checks where
output goes before any work, chooses a second process for large pairs, shows progress, writes
files (whole or not at all) and turns library errors into one line.

Exit status: 0 done; 2 bad input or option (a ReportdiffError, a bad argument); 130 interrupted.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import math
import multiprocessing as mp
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from . import __version__
from .errors import ReportdiffError, printable

if TYPE_CHECKING:
    from .model import Document, Outline, ScanResult

EXIT_OK = 0
EXIT_BAD_INPUT = 2
"""A file that cannot be read, a bad option, an output that cannot be written: anything the
user can fix."""
EXIT_INTERRUPTED = 130
MAX_UNITS = 20_000
MAX_CHARS = 2_000_000
"""As compare.MAX_UNITS and MAX_CHARS (repeated so `--help` needs no numpy; a test checks they agree)."""

PARALLEL_FROM = 100_000
"""From this many characters (both reports), recycled text and figures are found in a second
process while this one aligns and diffs: the machine has two cores, and they do not depend on
each other. Below it, starting a process costs more than it saves."""

FORMATS_IN = ".txt, .md (UTF-8, UTF-16, GB18030/GBK) or .docx"
EXAMPLES = """examples:
  reportdiff compare 2021.txt 2022.txt                 write review.html
  reportdiff compare 2021.docx 2022.docx -o 镇2022.html --lang zh
  reportdiff compare old.txt new.txt --format json > diff.json
  reportdiff compare old.txt new.txt --encoding gbk --errors replace
  reportdiff scan reports/ --pairs 5                   scan.html and the 5 closest pairs
  reportdiff outline 2022.txt                          how the report was cut into units
"""


def main(argv: list[str] | None = None) -> int:
    _tolerant_streams()
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        return args.run(args) or EXIT_OK
    except ReportdiffError as exc:
        _say(f"error: {exc}")
        return EXIT_BAD_INPUT
    except MemoryError:
        _say("error: out of memory; the input is too large for this machine (see the limits in --help)")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        _say("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad argument in one line (the usage is in --help)."""

    def error(self, message: str) -> NoReturn:
        _say(f"error: {message} (see '{self.prog} --help')")
        sys.exit(EXIT_BAD_INPUT)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reportdiff",
        description="Compare two years of the same yearly report (述职报告, 工作总结, 政府工作报告): "
                    "changed figures, recycled text, new and dropped points.",
        epilog=EXAMPLES + "\nExit status: 0 done, 2 bad input or option, 130 interrupted.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"reportdiff {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, help: str, description: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help, description=description, epilog=EXAMPLES,
                              formatter_class=argparse.RawDescriptionHelpFormatter)

    p = command("compare", "compare last year's report with this year's",
                f"Align two reports ({FORMATS_IN}) and write a review page (html) or the comparison as JSON.")
    p.add_argument("old", help="the earlier report (last year)")
    p.add_argument("new", help="the later report (this year)")
    p.add_argument("-o", "--output", help="output file (default: review.html for html, standard output for json)")
    p.add_argument("--format", choices=["html", "json", "xlsx", "csv"], default="html",
                   help="html: the review page (default); json: the comparison (docs/json.md); xlsx: the findings "
                        "as a workbook (default review.xlsx); csv: the figure table")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="page and workbook language (default zh)")
    p.add_argument("--min-recycled", type=_at_least(4), default=10, metavar="N",
                   help="shortest recycled run, in characters without whitespace (default 10, at least 4)")
    p.add_argument("--formulae", action="append", default=[], metavar="FILE",
                   help="extra list of common formulae, one a line (UTF-8); may be repeated")
    p.add_argument("--max-units", type=_at_least(1), default=MAX_UNITS, metavar="N",
                   help=f"refuse a report of more than N paragraphs and points (default {MAX_UNITS:,}; "
                        "a yearly report has hundreds)")
    p.add_argument("--max-chars", type=_at_least(1), default=MAX_CHARS, metavar="N",
                   help=f"refuse a report of more than N characters (default {MAX_CHARS:,}; "
                        "a long yearly report has 100,000)")
    _reading_options(p)
    p.set_defaults(run=_compare)

    one_report = (  # commands that read one report and print it as text or JSON
        ("outline", "show how a report was parsed: one unit a line",
         f"Show the outline of one report ({FORMATS_IN}): title, preamble, headings, leads, points, closing.",
         "text: one unit a line (default); json: units with offsets (docs/json.md)", _outline),
        ("metrics", "list the figures of one report",
         f"List every figure of one report ({FORMATS_IN}): subject, value, unit, qualifier.",
         "text: a table (default); json: every figure with its offset (docs/json.md)", _metrics),
    )
    for name, short, description, formats, run in one_report:
        p = command(name, short, description)
        p.add_argument("file", help="report file")
        p.add_argument("--format", choices=["text", "json"], default="text", help=formats)
        _reading_options(p)
        p.set_defaults(run=run)

    p = command("scan", "find text shared among many reports",
                "Every report against every other: shared text, ranked pairs, templates shared by 3+ reports.")
    p.add_argument("paths", nargs="+", help=f"report files or folders (searched recursively for {FORMATS_IN})")
    p.add_argument("-o", "--output", help="output file (default: scan.html for html, standard output for json)")
    p.add_argument("--format", choices=["html", "json"], default="html",
                   help="html: the scan page (default); json: pairs, passages and clusters (docs/json.md)")
    p.add_argument("--pairs", type=_at_least(0), default=0, metavar="N",
                   help="also write the full comparison of the N most similar pairs beside the page "
                        "(OUT-pair1.html …), linked from it")
    p.add_argument("--formulae", action="append", default=[], metavar="FILE", help="extra list of common formulae")
    p.add_argument("--max-share", type=_share, default=0.05, metavar="SHARE",
                   help="text in more than this share of the reports (0 < SHARE <= 1) is what everyone writes, "
                        "not a copy (default 0.05)")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="page language (default zh)")
    _reading_options(p)
    p.set_defaults(run=_scan)

    p = command("formulae", "build a list of common formulae from many reports",
                "Common formulae are phrases many reports share (树牢“四个意识”…); recycling them is not copying.")
    fsub = p.add_subparsers(title="formulae commands", metavar="ACTION", parser_class=_Parser)
    b = fsub.add_parser("build", help="learn formulae from report files or folders",
                        description="Learn the phrases that stand in many different reports; write one a line with its count.")
    b.add_argument("paths", nargs="+", help="report files or folders (searched recursively)")
    b.add_argument("-o", "--output", help="output file (default: standard output)")
    b.add_argument("--min-reports", type=_at_least(1), default=3, help="in at least this many reports (default 3)")
    b.add_argument("--min-share", type=_fraction, default=0.2, help="and this share of all reports, 0..1 (default 0.2)")
    b.add_argument("--min-groups", type=_at_least(1), default=1,
                   help="and this many folders, so one office's own boilerplate is not a formula (default 1)")
    _reading_options(b)
    b.set_defaults(run=_formulae_build)
    return parser


def _reading_options(p: argparse.ArgumentParser) -> None:
    from .read import MAX_FILE_BYTES

    group = p.add_argument_group("reading the reports")
    group.add_argument("--encoding", metavar="NAME",
                       help="read text files in this encoding (utf-8, gbk, gb18030, utf-16 …) instead of detecting it")
    group.add_argument("--errors", choices=["strict", "replace"], default="strict",
                       help="strict: refuse a file with bytes that do not decode, saying where (default); "
                            "replace: read through, each bad byte shown as �")
    group.add_argument("--max-mb", type=_megabytes, default=MAX_FILE_BYTES / 1e6, metavar="MB",
                       help=f"refuse report files larger than this (default {MAX_FILE_BYTES / 1e6:g} MB; "
                            ".docx: its text may expand to 5 times this)")


def _reader(args: argparse.Namespace) -> Callable[[str | Path], Document]:
    from .read import read_document

    return partial(read_document, encoding=args.encoding, errors=args.errors, max_bytes=int(args.max_mb * 1e6))


def _load(args: argparse.Namespace, path: str | Path) -> Outline:
    from .outline import outline_document

    return outline_document(_reader(args)(path))


# Argument types: a bad value is refused by argparse, in one line, before any work.

def _at_least(minimum: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, got {value}")
        return value
    return parse


def _number_in(low: float, high: float, low_allowed: bool) -> Callable[[str], float]:
    """A finite number from `low` (itself only when `low_allowed`) to `high`."""
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if not math.isfinite(value):
            raise argparse.ArgumentTypeError(f"not a finite number: {text!r}")
        if not (low <= value if low_allowed else low < value) or value > high:
            span = f"between {low:g} and {high:,g}" if low_allowed else f"more than {low:g} and at most {high:,g}"
            raise argparse.ArgumentTypeError(f"must be {span}, got {text}")
        return value
    return parse


MAX_MB_LIMIT = 1_000_000
"""--max-mb above a terabyte means "no limit that matters"; refused, so sizes stay whole numbers."""
_share = _number_in(0, 1, low_allowed=False)
_fraction = _number_in(0, 1, low_allowed=True)
_megabytes = _number_in(0, MAX_MB_LIMIT, low_allowed=False)


# Commands.

def _target(args: argparse.Namespace, page_name: str, inputs: list[str | Path]) -> Path | None:
    """The output file, checked before any work; None for standard output (JSON or CSV without -o, or -o -)."""
    from .outfile import check_target

    if args.output == "-" or (args.format not in ("html", "xlsx") and args.output is None):
        return None
    return check_target(args.output or page_name, inputs, chosen=args.output is not None)


def _compare(args: argparse.Namespace) -> int:
    from .compare import compare
    from .formulae import load_formulae
    from .outfile import write_whole
    from .report.html import render_html
    from .report.to_json import comparison_as_dict

    if args.format == "xlsx" and args.output == "-":
        raise ReportdiffError("--format xlsx writes a file: give its name with -o (not -)")
    page_name = "review.xlsx" if args.format == "xlsx" else "review.html"
    target = _target(args, page_name, [args.old, args.new, *args.formulae])
    formulae = load_formulae(args.formulae)
    old, new = _load(args, args.old), _load(args, args.new)
    with contextlib.ExitStack() as stack:
        executor = None
        if len(old.source) + len(new.source) >= PARALLEL_FROM and "fork" in mp.get_all_start_methods():
            from .worddiff import tokenize

            tokenize("预热")  # jieba loaded before the fork: the second process inherits it, never loads its own
            executor = stack.enter_context(ProcessPoolExecutor(max_workers=1, mp_context=mp.get_context("fork")))
        comparison = compare(old, new, min_recycled=args.min_recycled, formulae=formulae, executor=executor,
                             max_units=args.max_units, max_chars=args.max_chars)
    if args.format == "json":
        _emit_json(comparison_as_dict(comparison), target)
    elif args.format in ("xlsx", "csv"):
        from .report.export import figure_table, findings_tables, to_csv, to_xlsx

        if args.format == "csv":
            text = to_csv(figure_table(comparison, args.lang))
            if target is None:
                _emit_text(text)
                return EXIT_OK
            write_whole(target, text)
        else:
            assert target is not None
            write_whole(target, to_xlsx(findings_tables(comparison, args.lang)))
        _say(f"wrote {printable(str(target))}", prefix=False)
    elif target is None:  # -o -: the page on standard output
        _emit_text(render_html(comparison, args.lang))
    else:
        write_whole(target, render_html(comparison, args.lang))
        _say(f"wrote {printable(str(target))}", prefix=False)
    return EXIT_OK


def _outline(args: argparse.Namespace) -> int:
    from .report.text import outline_as_text
    from .report.to_json import outline_as_dict

    outline = _load(args, args.file)
    if args.format == "json":
        _emit_json(outline_as_dict(outline), None)
    else:
        _emit_text(outline_as_text(outline))
    return EXIT_OK


def _metrics(args: argparse.Namespace) -> int:
    from .indicators import figures_by_unit
    from .report.text import figures_as_text
    from .report.to_json import figures_as_list, metrics_as_dict

    outline = _load(args, args.file)
    figures = figures_by_unit(outline)
    if args.format == "json":
        _emit_json(metrics_as_dict(outline, figures), None)
    else:
        _emit_text(figures_as_text(figures_as_list(outline, figures)))
    return EXIT_OK


def _scan(args: argparse.Namespace) -> int:
    from .formulae import load_formulae
    from .outfile import check_target, write_whole
    from .report.html import render_scan
    from .report.to_json import scan_as_dict
    from .scan import collect_files, scan

    inputs = [*collect_files(args.paths), *args.formulae]
    pair_pages: list[Path] = []
    if args.output == "-" and args.pairs:
        raise ReportdiffError("--pairs writes pages beside the scan page: give -o a file name, not -")
    target = _target(args, "scan.html", inputs)
    if args.format == "html" and target is not None:
        pair_pages = [check_target(target.parent / f"{target.stem}-pair{k + 1}.html", inputs, chosen=False)
                      for k in range(args.pairs)]
    progress = _terminal_progress if sys.stderr.isatty() else None
    result = scan(args.paths, load_formulae(args.formulae), args.max_share, progress, reader=_reader(args))
    for path, reason in result.skipped:
        _say(f"skipped {printable(path)}: {reason.split(': ', 1)[-1]}")
    if args.format == "json":
        _emit_json(scan_as_dict(result), target)
        return EXIT_OK
    if target is None:  # -o -
        _emit_text(render_scan(result, {}, args.lang))
        return EXIT_OK
    links = _write_pair_pages(result, pair_pages, args.lang)
    write_whole(target, render_scan(result, links, args.lang))
    _say(f"wrote {printable(str(target))}" + (f" and {len(links)} comparison pages "
                                             f"({printable(pair_pages[0].name)} …)" if links else ""), prefix=False)
    return EXIT_OK


def _write_pair_pages(result: ScanResult, pages: Sequence[Path], lang: str) -> dict[int, str]:
    """Full comparisons of the first pairs, one page each; pair index -> file name."""
    from .compare import compare
    from .outfile import write_whole
    from .outline import outline_text
    from .report.html import render_html

    links: dict[int, str] = {}
    for k, (pair, page) in enumerate(zip(result.pairs, pages)):
        a, b = result.reports[pair.a], result.reports[pair.b]
        comparison = compare(outline_text(a.text, a.path), outline_text(b.text, b.path))
        write_whole(page, render_html(comparison, lang))
        links[k] = page.name
    return links


def _formulae_build(args: argparse.Namespace) -> int:
    from .formulae import build_from_paths
    from .outfile import check_target
    from .scan import collect_files

    target = check_target(args.output, collect_files(args.paths)) if args.output not in (None, "-") else None
    learned = build_from_paths(args.paths, args.min_reports, args.min_share, args.min_groups, reader=_reader(args))
    lines = [f"# learned by reportdiff formulae build from {len(args.paths)} path(s)"]
    lines += [f"{phrase}\t{count}" for phrase, count in learned]
    if target is None:
        _emit_text("\n".join(lines) + "\n")
    else:
        from .outfile import write_whole

        write_whole(target, "\n".join(lines) + "\n")
        _say(f"wrote {len(learned)} formulae to {printable(str(target))}", prefix=False)
    return EXIT_OK


# Terminal and standard output.

def _tolerant_streams() -> None:
    """A console that cannot show a character (a GBK Windows console, PYTHONIOENCODING=gbk)
    gets an escape for it, never a crash."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]


def _say(message: str, prefix: bool = True) -> None:
    """One line on standard error, safe for any terminal (nothing when it is closed)."""
    if sys.stderr is None:
        return
    print(("reportdiff: " if prefix else "") + printable(message), file=sys.stderr)


def _emit_text(text: str) -> None:
    if sys.stdout is None:  # started with standard output closed
        raise ReportdiffError("standard output is closed; give an output file with -o")
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _emit_json(data: dict[str, Any], target: Path | None) -> None:
    """JSON to a file (UTF-8) or to standard output; where standard output cannot encode every
    character, they are written as \\u escapes: still the same JSON, nothing lost."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    if target is not None:
        from .outfile import write_whole

        write_whole(target, text + "\n")
        return
    try:
        text.encode(getattr(sys.stdout, "encoding", None) or "utf-8")
    except UnicodeEncodeError:
        text = json.dumps(data, ensure_ascii=True, indent=1)
    _emit_text(text)


def _terminal_progress(stage: str, done: int, total: int) -> None:
    """A one-line progress bar on stderr."""
    width = 30
    filled = int(width * done / total) if total else width
    sys.stderr.write(f"\r{stage:<9} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()
