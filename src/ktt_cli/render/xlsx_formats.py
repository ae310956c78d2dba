"""The cell formats of the workbook report and how a cell is written: numbers with their
format, texts never a formula and cut to a cell's length, periods as people write them,
a sheet set to print on A4."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ktt_cli.periods import Period
from ktt_cli.progress import Status
from ktt_cli.render import words
from ktt_cli.render.look import COLOUR, FILL
from ktt_cli.results import Result
from ktt_cli.units import Unit

if TYPE_CHECKING:
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

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


def _period(period: Period | None, lang: str) -> str | None:
    """A period as people write it (`11/2026`, `Quý II/2026`), never `2026-11`."""
    return None if period is None else words.period(period, lang)


def _name(result: Result, lang: str) -> str:
    share = words.share_of(result, lang)
    return words.name(result, lang) + (f" ({share})" if share else "")
