"""The findings as tables for the office: a workbook (`--format xlsx`: summary, figures, new,
dropped, recycled passages, promises, inconsistencies; openpyxl) and the figure table as CSV
(`--format csv`, UTF-8 with a BOM so that Excel reads Chinese). Every table is built from the
page's view-model, so the workbook and the page never disagree."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from ..model import Comparison
from .view import PageView, build_view


@dataclass
class Table:
    name: str
    headers: list[str]
    rows: list[list[object]]
    widths: list[int]
    """Column widths in characters (a Chinese character counts two)."""


def findings_tables(comparison: Comparison, lang: str = "zh") -> list[Table]:
    page = build_view(comparison, lang)
    words = EXPORT_WORDS[lang]
    return [_summary(page, words), _figures(page, words), _items(page, words, "new"), _items(page, words, "dropped"),
            _passages(page, words), _promises(page, words), _inconsistencies(page, words)]


def figure_table(comparison: Comparison, lang: str = "zh") -> Table:
    """The figure table alone (what `--format csv` writes)."""
    return _figures(build_view(comparison, lang), EXPORT_WORDS[lang])


def _summary(page: PageView, words: dict[str, str]) -> Table:
    rows: list[list[object]] = [[words["last_report"], f"{page.old.title or page.old.name} ({page.old.name})"],
                                [words["this_report"], f"{page.new.title or page.new.name} ({page.new.name})"],
                                [page.labels["headline"].format(page.recycled_total), ""]]
    rows += [[label, f"{pct}%"] for _, label, pct in page.recycled]
    rows += [[label, n] for _, label, n, _ in page.counts]
    rows += [[f'{page.labels["figures"]} · {label}', n] for _, label, n in page.figure_counts]
    return Table(words["summary"], [words["item"], words["value"]], rows, [40, 60])


def _figures(page: PageView, words: dict[str, str]) -> Table:
    rows: list[list[object]] = [[group_label, m.subject, m.key, m.old, m.new, m.label, m.section]
                                for _, group_label, views in page.metric_groups for m in views]
    rows += [[page.labels["masked_both_list"], m.subject, m.key, m.old, m.new, m.label, m.section] for m in page.masked_both]
    labels = page.labels
    return Table(words["figures"], [words["group"], labels["subject"], words["kind"], labels["last_year"], labels["this_year"],
                                    labels["change"], labels["section"]], rows, [22, 36, 10, 16, 16, 20, 30])


def _items(page: PageView, words: dict[str, str], which: str) -> Table:
    items = page.added if which == "new" else page.removed
    name = page.labels["new_items"] if which == "new" else page.labels["dropped_items"]
    return Table(name, [page.labels["section"], words["text"]], [[i.section, i.text] for i in items], [30, 120])


def _passages(page: PageView, words: dict[str, str]) -> Table:
    """The longest runs of this year's text copied from last year's, each with where it stands in both."""
    rows: list[list[object]] = [[p.label, p.chars, p.new_place, p.old_place, p.text] for p in page.passages]
    return Table(words["passages"], [words["kind"], words["chars"], page.labels["this_year"], page.labels["last_year"],
                                     words["text"]], rows, [12, 8, 30, 30, 120])


def _promises(page: PageView, words: dict[str, str]) -> Table:
    labels = page.labels
    rows: list[list[object]] = [[p.label, p.indicator, p.target, p.plan_text, p.outcome, p.evidence_text] for p in page.promises]
    return Table(words["promises"], [words["status"], labels["subject"], labels["target"], labels["last_year_text"],
                                     labels["outcome"], words["this_year_text"]], rows, [12, 30, 20, 60, 20, 60])


def _inconsistencies(page: PageView, words: dict[str, str]) -> Table:
    return Table(page.labels["inconsistencies"], [words["finding"], words["this_year_text"]],
                 [[message, text] for message, text, _, _ in page.inconsistencies], [70, 90])


def to_xlsx(tables: list[Table]) -> bytes:
    """A workbook of the tables: one sheet each, bold frozen headers, set column widths, filters on."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.properties.creator = "reportdiff"  # how a later run knows the file is ours to replace (outfile.py)
    book.remove(book.active)
    for table in tables:
        sheet = book.create_sheet(_sheet_name(table.name))
        sheet.append(table.headers)
        for row in table.rows:
            sheet.append(row)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        if table.rows:
            sheet.auto_filter.ref = sheet.dimensions
        for k, width in enumerate(table.widths, start=1):
            sheet.column_dimensions[get_column_letter(k)].width = width
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if cell.data_type == "f":  # report text opening with "=" is text, never a formula
                    cell.data_type = "s"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def to_csv(table: Table) -> str:
    """One table as CSV, with a BOM: Excel opens UTF-8 without one as the local code page."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.headers)
    writer.writerows([[_as_text(v) for v in row] for row in table.rows])
    return out.getvalue()


def _as_text(value: object) -> object:
    """Text that a spreadsheet would run as a formula (=, +, -, @ first) is kept as text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def _sheet_name(name: str) -> str:
    """Excel's limits on a sheet name: 31 characters, none of []:*?/\\."""
    for ch in "[]:*?/\\":
        name = name.replace(ch, " ")
    return name[:31]


EXPORT_WORDS = {
    "zh": {"summary": "概览", "item": "项目", "value": "数值", "figures": "数字变化", "group": "分组", "kind": "类别",
           "text": "原文", "passages": "沿用段落", "chars": "字数", "promises": "承诺兑现", "status": "结论",
           "this_year_text": "本年原文", "finding": "问题", "last_report": "上一年报告", "this_report": "本年报告"},
    "en": {"summary": "Summary", "item": "Item", "value": "Value", "figures": "Figures", "group": "Group", "kind": "Kind",
           "text": "Text", "passages": "Recycled passages", "chars": "Characters", "promises": "Promises",
           "status": "Status", "this_year_text": "This year's text", "finding": "Finding",
           "last_report": "Last year's report", "this_report": "This year's report"},
}
