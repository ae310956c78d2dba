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

import calendar
import io
import math
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from ktt_cli import i18n
from ktt_cli.messages import message
from ktt_cli.model import Unit
from ktt_cli.problems import Place, Problem
from ktt_cli.progress import Point, Status
from ktt_cli.render import words
from ktt_cli.render.chart import Chart, chart_points
from ktt_cli.render.look import COLOUR, FILL, word
from ktt_cli.report import Report, Result
from ktt_cli.summary import as_of_words, summary

if TYPE_CHECKING:
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

_NUMBER = {Unit.COUNT: "#,##0", Unit.PERSONS: "#,##0", Unit.PERCENT: '0.0"%"'}
_DECIMALS = {Unit.COUNT: "#,##0.##", Unit.PERSONS: "#,##0.##", Unit.PERCENT: '0.0"%"'}
_PERCENT = '0.0"%"'
_POINTS = "0.0"  # a percent indicator's gap, in percentage points
#: A date cell shown as the month it is in: 11/2026, Nov 2026.
_MONTH = {"vi": "mm/yyyy", "en": "mmm yyyy"}
#: A gap's format: a negative gap, a target passed, shown as passed ("vượt 200").
_PASSED = {"vi": '{0};"vượt "{0};{0}', "en": '{0};{0}" over";{0}'}


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


class _Formats:
    """The workbook's cell formats, made once each."""

    def __init__(self, book: Workbook, lang: str) -> None:
        self.head = book.add_format({"bold": True, "bottom": 1})
        passed = _PASSED[lang].format
        self.gaps = {
            (unit, whole): book.add_format({"num_format": passed(shown)})
            for unit in Unit
            for whole, shown in [
                (True, _POINTS if unit is Unit.PERCENT else _NUMBER[unit]),
                (False, _POINTS if unit is Unit.PERCENT else _DECIMALS[unit]),
            ]
        }
        self.month = book.add_format({"num_format": _MONTH[lang], "align": "left"})
        self.year = book.add_format({"num_format": "yyyy", "align": "left"})
        self.percent = book.add_format({"num_format": _PERCENT})
        self.points = book.add_format({"num_format": _POINTS})
        self.number = {u: book.add_format({"num_format": f}) for u, f in _NUMBER.items()}
        self.decimals = {u: book.add_format({"num_format": f}) for u, f in _DECIMALS.items()}
        self.title = book.add_format({"bold": True, "font_size": 14, "text_wrap": True})
        self.italic = book.add_format({"italic": True})
        self.bold = book.add_format({"bold": True, "font_size": 12})
        self.small = book.add_format({"font_size": 9, "font_color": "#555555"})
        self.right = book.add_format({"align": "right"})
        self.centred = book.add_format({"align": "center"})
        self.wrapped = book.add_format({"text_wrap": True, "valign": "top"})
        self.head_wrapped = book.add_format({"bold": True, "bottom": 1, "text_wrap": True})
        self.status = {
            s: book.add_format({"bold": True, "font_color": COLOUR[s], "bg_color": FILL[s]})
            for s in Status
        }

    def figure(self, unit: Unit, value: float) -> Any:  # noqa: ANN401 - xlsxwriter's Format
        return (self.number if value == int(value) else self.decimals)[unit]

    def gap(self, unit: Unit, value: float) -> Any:  # noqa: ANN401 - xlsxwriter's Format
        """A gap's format: percentage points for a percent indicator; passed in words."""
        return self.gaps[unit, value == int(value)]


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
        _text(sheet, row, 6, _period(result.actual_period, lang))
        if a.gap is not None:
            sheet.write_number(row, 7, a.gap, formats.gap(unit, a.gap))
        if a.percent_achieved is not None:
            sheet.write_number(row, 8, a.percent_achieved, formats.percent)
        sheet.write_string(row, 9, words.status_why(result, lang), formats.status[result.status])
        sheet.write_string(row, 10, result.status.value, formats.status[result.status])
        _number(sheet, row, 11, result.baseline, formats, unit)
        _text(sheet, row, 12, _period(result.baseline_period, lang))
        if (found := report.change_of(result)) is not None:
            moved = found[1].actual
            if moved is not None:
                moved_format = (
                    formats.points if unit is Unit.PERCENT else formats.figure(unit, moved)
                )
                sheet.write_number(row, 13, moved, moved_format)
            sheet.write_string(row, 14, found[1].status_change.value)
    sheet.autofilter(0, 0, max(len(results), 1), len(heads) - 1)


def _name(result: Result, lang: str) -> str:
    share = words.share_of(result, lang)
    return words.name(result, lang) + (f" ({share})" if share else "")


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


def _charts_sheet(
    book: Workbook, formats: _Formats, report: Report, charts: list[Chart], lang: str
) -> None:
    """A chart per indicator, each beside the table of the points it draws.

    Charts are scatter charts with straight lines: Excel's line chart spaces its
    categories evenly, which would put 2020-07, 2020 and 2023 equally apart.
    """
    sheet = book.add_worksheet(word(lang, "charts")[:31])
    _a4(sheet)
    sheet.set_column(0, 0, 28)
    sheet.set_column(1, 1, 9)
    sheet.set_column(2, 2, 11)
    # a chart draws the territory's target: named as the indicator, not its each_region
    # result ("… (mỗi xã)"), which may come later
    names = {r.indicator: _name(r, lang) for r in report.results if r.target_scope == "territory"}
    top = 0
    for chart in charts:
        sheet.write_string(top, 0, names[chart.indicator], formats.head)
        sheet.write_string(top, 1, word(lang, "period"), formats.head)
        sheet.write_string(top, 2, word(lang, "value"), formats.head)
        groups = [(word(lang, "observations"), chart.observations, "#333333", "line")]
        for track in chart.tracks:
            colour = COLOUR[track.status]
            groups.append((word(lang, "target", year=track.milestone), (track.target,), colour, ""))
            groups.append((word(lang, "required"), track.required, "#8c8c8c", "dash"))
            groups.append((word(lang, "projection"), track.projection, colour, "round_dot"))
        drawing = book.add_chart({"type": "scatter", "subtype": "straight_with_markers"})
        row = top + 1
        for title, points, colour, dash in groups:
            if not points:
                continue
            first = row
            row = _points(sheet, formats, row, title, points, chart.unit)
            drawing.add_series(_series(sheet.name, title, first, row - 1, colour, dash))
        # the title is the text of the cell above the points: a name such as `Biểu 01!B12`
        # given as the title itself would be read as a reference to a cell
        drawing.set_title({"name": [sheet.name, top, 0], "name_font": {"size": 11}})
        drawing.set_x_axis(_years_axis(chart))
        drawing.set_y_axis({"num_format": _NUMBER[chart.unit]})
        drawing.set_legend({"position": "bottom"})
        drawing.set_size({"width": 620, "height": 300})
        sheet.insert_chart(top, 4, drawing)
        top = max(row, top + 16) + 1


def _points(
    sheet: Worksheet, formats: _Formats, row: int, title: str, points: tuple[Point, ...], unit: Unit
) -> int:
    """The points of a line: the day each stands for (a date cell, never the decimal year
    the maths measures time in), the value as people count it (whole cooperatives, a
    percentage to a tenth)."""
    for point in points:
        sheet.write_string(row, 0, title)
        # a whole year's end is written as the year (a target for 2030 is not "12/2030")
        whole = point.time == math.floor(point.time)
        sheet.write_datetime(row, 1, _day(point.time), formats.year if whole else formats.month)
        value = round(point.value, 1) if unit is Unit.PERCENT else round(point.value)
        sheet.write_number(row, 2, value, formats.number[unit])
        row += 1
    return row


def _years_axis(chart: Chart) -> dict[str, Any]:
    """A time axis with a mark a year (every few years where they are many), each labelled
    with its year.

    Excel and LibreOffice step a date axis by a whole number of days: a mark every 365
    days slips back a day at each 29 February, and a mark that slips onto 31 December
    would be labelled with the year before. So the first mark stands as many days after
    1 January as there are leap days on the axis: every mark then falls between
    1 January and that many days later, in the year it is labelled with.
    """
    times = [p.time for p in chart.observations]
    times += [p.time for t in chart.tracks for p in (t.target, *t.required, *t.projection)]
    earliest, latest = _day(min(times)), _day(max(times))
    first, last = earliest.year, latest.year + 1
    step = max(1, math.ceil((last - first) / 12))
    leap = sum(calendar.isleap(y) for y in range(first - 1, last))
    if earliest < datetime(first, 1, 1) + timedelta(days=leap):  # it would be off the axis
        first -= 1
    start = datetime(first, 1, 1) + timedelta(days=leap)
    return {
        "num_format": "yyyy",
        "major_gridlines": {"visible": False},
        "min": float((start - _EXCEL_EPOCH).days),
        "max": float((datetime(last, 1, 1) + timedelta(days=leap) - _EXCEL_EPOCH).days),
        "major_unit": 365 * step,
    }


_EXCEL_EPOCH = datetime(1899, 12, 30)


def _day(time: float) -> datetime:
    """The day a time in years stands for (SPEC §4: a period's end, `Y − 1 + d/n`)."""
    whole = math.floor(time)
    if time == whole:
        return datetime(whole, 12, 31)
    year = whole + 1
    days = 366 if calendar.isleap(year) else 365
    return datetime(year, 1, 1) + timedelta(days=round((time - whole) * days) - 1)


def _series(
    sheet: str, title: str, first: int, last: int, colour: str, dash: str
) -> dict[str, Any]:
    series: dict[str, Any] = {
        "name": title,
        "categories": [sheet, first, 1, last, 1],
        "values": [sheet, first, 2, last, 2],
        "marker": {"type": "circle" if dash == "line" else "none", "size": 5},
        "line": {"color": colour, "width": 1.5},
    }
    if not dash:  # a target: a point, no line
        series["marker"] = {"type": "diamond", "size": 9, "fill": {"color": colour}}
        series["line"] = {"none": True}
    elif dash != "line":
        series["line"]["dash_type"] = dash
    return series


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
            _text(sheet, row, 8, _period(result.actual_period, lang))
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


def _heads(sheet: Worksheet, formats: _Formats, heads: list[str], widths: list[int]) -> None:
    for column, (head, width) in enumerate(zip(heads, widths, strict=True)):
        sheet.write_string(0, column, head, formats.head)
        sheet.set_column(column, column, width)
    sheet.freeze_panes(1, 0)
    _a4(sheet)


def _a4(sheet: Worksheet) -> None:
    """Printed on A4 across, as wide as one page."""
    sheet.set_paper(9)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)


def _number(
    sheet: Worksheet, row: int, column: int, value: float | None, formats: _Formats, unit: Unit
) -> None:
    if value is not None:
        sheet.write_number(row, column, value, formats.figure(unit, value))


def _text(sheet: Worksheet, row: int, column: int, value: str | None) -> None:
    if value:
        sheet.write_string(row, column, fitted(value))


#: The most characters an Excel cell holds.
CELL_LIMIT = 32767
_CUT = " […]"


def fitted(text: str) -> str:
    """`text` as a cell holds it: a longer one cut, marked `[…]` (`cut_cells` warns)."""
    return text if len(text) <= CELL_LIMIT else text[: CELL_LIMIT - len(_CUT)] + _CUT


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


def _period(text: str | None, lang: str) -> str | None:
    """A period as people write it (`11/2026`, `Quý II/2026`), never `2026-11`."""
    return None if text is None else words.period(text, lang)


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
    period = _period(result.actual_period, lang)
    if period:
        sheet.write_string(row, 3, period, formats.centred)
    if a.gap is not None:
        sheet.write_number(row, 4, a.gap, formats.gap(unit, a.gap))
    if a.percent_achieved is not None:
        sheet.write_number(row, 5, a.percent_achieved, formats.percent)
    sheet.write_string(row, 6, words.status_why(result, lang), formats.status[result.status])
    if report.compared_with is not None:
        sheet.write_string(row, 7, words.change(report, result, lang), formats.right)
