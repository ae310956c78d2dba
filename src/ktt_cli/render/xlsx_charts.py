"""The charts sheet of the workbook report: each indicator's figures, required path and
projection as points beside a native Excel chart, dates as date cells."""

from __future__ import annotations

import calendar
import math
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from ktt_cli.progress import Point
from ktt_cli.render.chart import Chart
from ktt_cli.render.look import COLOUR, word
from ktt_cli.render.xlsx_formats import (
    _NUMBER,
    _a4,
    _Formats,
)
from ktt_cli.results import Report
from ktt_cli.units import Unit

if TYPE_CHECKING:
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet
from ktt_cli.render.xlsx_formats import _name


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
