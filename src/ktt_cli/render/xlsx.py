"""The report as an Excel workbook: a sheet per milestone, the figures used, the
warnings, and a native chart per indicator.

Figures are numeric cells holding the same numbers as the JSON (a percentage is
65.5, not 0.655), shown through number formats. A format is stored in Excel's
neutral notation (`#,##0`, `.` for decimals) and each reader shows it in the
style of its own locale: Vietnamese Excel and LibreOffice show `1.200` and
`65,5%`. Percentages use a literal `"%"` rather than Excel's percent format so
that the cell's value stays the figure of the JSON and formulas over it agree.
"""

from __future__ import annotations

import io
import math
from typing import TYPE_CHECKING

from ktt_cli import i18n
from ktt_cli.messages import message
from ktt_cli.problems import Place, Problem
from ktt_cli.render import words
from ktt_cli.render.chart import chart_points
from ktt_cli.render.look import word
from ktt_cli.render.xlsx_charts import _charts_sheet
from ktt_cli.render.xlsx_formats import (
    CELL_LIMIT,
    _Formats,
    _heads,
    _name,
    _number,
    _period,
    _text,
    fitted,
)
from ktt_cli.results import Report, Result
from ktt_cli.summary import summary
from ktt_cli.summary_words import as_of_words
from ktt_cli.units import Unit

if TYPE_CHECKING:
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet


def report_xlsx(report: Report, lang: str) -> bytes:
    """The workbook's bytes (.xlsx), with labels in `lang`."""
    import warnings

    import xlsxwriter

    out = io.BytesIO()
    # xlsxwriter says what it cannot write with Python warnings (a site-packages path on
    # the user's screen); ktt writes nothing it would refuse, and says so itself.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_formulas": False})
        _write(book, report, lang)
        book.close()
    return out.getvalue()


def _write(book: Workbook, report: Report, lang: str) -> None:
    formats = _Formats(book, lang)
    _report_sheet(book, formats, report, lang)
    for year in report.milestones:
        _milestone_sheet(
            book, formats, word(lang, "milestone_sheet", year=year), report, year, lang
        )
    if report.by_region:
        _breakdown_sheet(book, formats, report, lang)
    _figures_sheet(book, formats, report, lang)
    _warnings_sheet(book, formats, report, lang)
    charts = [c for c in (chart_points(report, i) for i in _indicators(report)) if c]
    if charts:
        _charts_sheet(book, formats, report, charts, lang)


def _indicators(report: Report) -> list[str]:
    return list(dict.fromkeys(r.indicator for r in report.results))


def _milestone_sheet(
    book: Workbook, formats: _Formats, name: str, report: Report, year: int, lang: str
) -> None:
    label = i18n.label
    results = [r for r in report.results if r.milestone == year]
    heads = [
        label(lang, "indicator"), "id", label(lang, "unit"), word(lang, "comparator"),
        label(lang, "target"), label(lang, "actual"), word(lang, "period"), label(lang, "gap"),
        label(lang, "achieved"), label(lang, "status"), word(lang, "status_code"),
        word(lang, "baseline"), word(lang, "period"),
    ]  # fmt: skip
    widths = [44, 14, 10, 10, 11, 11, 10, 11, 9, 18, 18, 11, 10]
    if report.compared_with is not None:
        heads += [label(lang, "change"), "status_change"]
        widths += [11, 16]
    sheet = book.add_worksheet(name)
    _heads(sheet, formats, heads, widths)
    for row, result in enumerate(results, 1):
        unit, a = result.unit, result.assessment
        sheet.write_string(row, 0, _name(result, lang))
        sheet.write_string(row, 1, result.indicator)
        sheet.write_string(row, 2, i18n.unit_word(lang, unit))
        sheet.write_string(row, 3, i18n.symbol(result.comparator))
        if result.target is not None:
            sheet.write_number(row, 4, result.target, formats.figure(unit, result.target))
        _number(sheet, row, 5, result.actual, formats, unit)
        _text(sheet, row, 6, _period(result.actual_at, lang))
        if a.gap is not None:
            sheet.write_number(row, 7, a.gap, formats.gap(unit, a.gap))
        if a.percent_achieved is not None:
            sheet.write_number(row, 8, a.percent_achieved, formats.percent)
        sheet.write_string(row, 9, words.status_why(result, lang), formats.status[result.status])
        sheet.write_string(row, 10, result.status.value, formats.status[result.status])
        _number(sheet, row, 11, result.baseline, formats, unit)
        _text(sheet, row, 12, _period(result.baseline_at, lang))
        if (found := report.change_of(result)) is not None:
            moved = found[1].actual
            if moved is not None:
                moved_format = (
                    formats.points if unit is Unit.PERCENT else formats.figure(unit, moved)
                )
                sheet.write_number(row, 13, moved, moved_format)
            sheet.write_string(row, 14, found[1].status_change.value)
    sheet.autofilter(0, 0, max(len(results), 1), len(heads) - 1)


def _figures_sheet(book: Workbook, formats: _Formats, report: Report, lang: str) -> None:
    heads = [
        i18n.label(lang, "indicator"), "id", word(lang, "period"), word(lang, "value"),
        word(lang, "file"), word(lang, "line"), word(lang, "source"), word(lang, "note"),
    ]  # fmt: skip
    sheet = book.add_worksheet(word(lang, "figures"))
    _heads(sheet, formats, heads, [34, 14, 10, 12, 24, 8, 30, 30])
    units = {r.indicator: (r.unit, _name(r, lang)) for r in report.results}
    row = 0
    for indicator, (unit, name) in units.items():
        for observation in report.series.get(indicator, ()):
            row += 1
            sheet.write_string(row, 0, name)
            sheet.write_string(row, 1, indicator)
            sheet.write_string(row, 2, observation.period.text)
            sheet.write_number(row, 3, observation.value, formats.figure(unit, observation.value))
            sheet.write_string(row, 4, observation.file)
            sheet.write_number(row, 5, observation.line)
            _text(sheet, row, 6, observation.source)
            _text(sheet, row, 7, observation.note)
    sheet.autofilter(0, 0, max(row, 1), len(heads) - 1)


def _warnings_sheet(book: Workbook, formats: _Formats, report: Report, lang: str) -> None:
    heads = [word(lang, "file"), word(lang, "line"), word(lang, "code"), word(lang, "message")]
    sheet = book.add_worksheet(word(lang, "warnings"))
    _heads(sheet, formats, heads, [24, 8, 18, 90])
    for row, problem in enumerate(report.warnings, 1):
        sheet.write_string(row, 0, problem.file)
        if problem.line is not None:
            sheet.write_number(row, 1, problem.line)
        sheet.write_string(row, 2, problem.code)
        sheet.write_string(row, 3, fitted(problem.message))
    if report.unlisted_warnings:
        row = len(report.warnings) + 1
        sheet.write_string(row, 3, word(lang, "unlisted", count=report.unlisted_warnings))
    sheet.autofilter(0, 0, max(len(report.warnings), 1), len(heads) - 1)


def _breakdown_sheet(book: Workbook, formats: _Formats, report: Report, lang: str) -> None:
    """A row per region for each indicator and milestone, after the territory's row:
    figures as numbers, filterable by indicator, milestone or region."""
    label = i18n.label
    heads = [
        label(lang, "indicator"), "id", label(lang, "year"), "target_scope",
        label(lang, "region"), "region_id", label(lang, "target"), label(lang, "actual"),
        word(lang, "period"), label(lang, "gap"), label(lang, "achieved"), label(lang, "status"),
        word(lang, "status_code"), label(lang, "share_of_territory"),
    ]  # fmt: skip
    sheet = book.add_worksheet(label(lang, "breakdown")[:31])
    _heads(sheet, formats, heads, [36, 12, 7, 12, 28, 10, 10, 11, 10, 10, 9, 18, 16, 9])
    totals = {(r.indicator, r.milestone, r.target_scope): r for r in report.results}
    row = 0
    for key, rows in words.groups(report.breakdown).items():
        total = totals.get(key)
        for result in ([total] if total is not None else []) + rows:
            row += 1
            unit, a = result.unit, result.assessment
            sheet.write_string(row, 0, _name(result, lang))
            sheet.write_string(row, 1, result.indicator)
            sheet.write_number(row, 2, result.milestone)
            sheet.write_string(row, 3, result.target_scope)
            region = label(lang, "territory_total") if result.region is None else result.region
            sheet.write_string(row, 4, region, formats.head if result.region is None else None)
            _text(sheet, row, 5, result.region_id)
            _number(sheet, row, 6, result.target, formats, unit)
            _number(sheet, row, 7, result.actual, formats, unit)
            _text(sheet, row, 8, _period(result.actual_at, lang))
            if a.gap is not None:
                gap_format = formats.points if unit is Unit.PERCENT else formats.figure(unit, a.gap)
                sheet.write_number(row, 9, a.gap, gap_format)
            if a.percent_achieved is not None:
                sheet.write_number(row, 10, a.percent_achieved, formats.percent)
            elif words.against_threshold(result) and a.met is not None:
                sheet.write_string(row, 10, words.achieved(result, lang))
            said = words.status_why(result, lang)
            sheet.write_string(row, 11, said, formats.status[result.status])
            sheet.write_string(row, 12, result.status.value, formats.status[result.status])
            if result.share_of_territory is not None:
                sheet.write_number(row, 13, result.share_of_territory, formats.percent)
    sheet.autofilter(0, 0, max(row, 1), len(heads) - 1)


def cut_cells(report: Report) -> list[Problem]:
    """A warning for each note or source too long for a cell of the workbook (the JSON and
    the CSV keep it whole), placed at the row it came from."""
    found: list[Problem] = []
    for observations in report.series.values():
        for o in observations:
            for what, text in (("note", o.note), ("source", o.source)):
                if text is not None and len(text) > CELL_LIMIT:
                    said = message(f"cell_cut.{what}", length=len(text), limit=CELL_LIMIT)
                    found.append(Problem.of(Place(o.file, o.line), said, "warning"))
    return found


# ---- the first sheet: what a leader prints -------------------------------------------

_SHEET_HEADS = ("indicator", "target", "actual", "period", "gap", "achieved", "status")
_SHEET_WIDTHS = (46, 13, 13, 15, 14, 10, 19)
_CHARS_A_LINE = 1.0  # characters of 11 pt text a unit of column width holds, roughly


def _report_sheet(book: Workbook, formats: _Formats, report: Report, lang: str) -> None:
    """Title, as of, the summary in words, and a table per milestone with status words
    and colours; printed on one A4 page wide, landscape."""
    label = i18n.label
    heads = [word(lang, h) if h == "period" else label(lang, h) for h in _SHEET_HEADS]
    widths = list(_SHEET_WIDTHS)
    if report.compared_with is not None:
        since = word(lang, "since", period=words.period(report.compared_with, lang))
        heads.append(f"{label(lang, 'change')} {since}")
        widths.append(16)
    sheet = book.add_worksheet(word(lang, "report_sheet"))
    last = len(heads) - 1
    for column, width in enumerate(widths):
        sheet.set_column(column, column, width)
    line = sum(widths) * _CHARS_A_LINE
    programme = report.programme
    title = report.programme_name.pick(lang)
    sheet.merge_range(0, 0, 0, last, fitted(title), formats.title)
    sheet.set_row(0, 20 * max(1, math.ceil(len(title) * 1.3 / line)))
    place = programme.territory if programme else ""
    sheet.merge_range(1, 0, 1, last, f"{place} · {as_of_words(report.as_of, lang)}", formats.italic)
    row = 3
    for sentence in summary(report, lang):
        sheet.merge_range(row, 0, row, last, fitted(sentence), formats.wrapped)
        sheet.set_row(row, 15 * max(1, math.ceil(len(sentence) / line)))
        row += 1
    for year in report.milestones:
        row += 1
        sheet.write_string(row, 0, label(lang, "milestone", year=year), formats.bold)
        row += 1
        for column, head in enumerate(heads):
            sheet.write_string(row, column, head, formats.head_wrapped)
        for result in (r for r in report.results if r.milestone == year):
            row += 1
            _report_row(sheet, formats, report, result, row, lang)
    row += 2
    files = f"{label(lang, 'actuals_files')}: {', '.join(report.actuals_files)}"
    sheet.merge_range(row, 0, row, last, fitted(files), formats.small)
    sheet.set_paper(9)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.center_horizontally()
    sheet.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    sheet.print_area(0, 0, row, last)
    sheet.hide_gridlines(2)


def _report_row(
    sheet: Worksheet, formats: _Formats, report: Report, result: Result, row: int, lang: str
) -> None:
    unit, a = result.unit, result.assessment
    name = _name(result, lang)
    sheet.write_string(row, 0, fitted(name), formats.wrapped)
    sheet.set_row(row, 15 * max(1, math.ceil(len(name) / (_SHEET_WIDTHS[0] * _CHARS_A_LINE))))
    sheet.write_string(row, 1, words.target(result, lang), formats.right)
    _number(sheet, row, 2, result.actual, formats, unit)
    period = _period(result.actual_at, lang)
    if period:
        sheet.write_string(row, 3, period, formats.centred)
    if a.gap is not None:
        sheet.write_number(row, 4, a.gap, formats.gap(unit, a.gap))
    if a.percent_achieved is not None:
        sheet.write_number(row, 5, a.percent_achieved, formats.percent)
    sheet.write_string(row, 6, words.status_why(result, lang), formats.status[result.status])
    if report.compared_with is not None:
        sheet.write_string(row, 7, words.change(report, result, lang), formats.right)
