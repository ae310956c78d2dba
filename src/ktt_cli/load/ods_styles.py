"""The names and limits of an OpenDocument spreadsheet's XML, and its styles: which date
format a cell shows, and numbers and times as .ods writes them."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ktt_cli.load.book import (
    MAX_ROWS,
)

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element


_T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"


_O = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


_X = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


_S = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"


_N = "{urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0}"


_CALCEXT = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"


_TABLE, _ROW, _CELL = f"{_T}table", f"{_T}table-row", f"{_T}table-cell"


_COVERED, _COLUMN = f"{_T}covered-table-cell", f"{_T}table-column"


_ROWS_REPEATED, _COLUMNS_REPEATED = f"{_T}number-rows-repeated", f"{_T}number-columns-repeated"


_CELL_STYLE, _DEFAULT_STYLE = f"{_T}style-name", f"{_T}default-cell-style-name"


_STYLE, _DATE_STYLE = f"{_S}style", f"{_N}date-style"


_TIME = re.compile(r"-?PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?")


#: Cells an .ods makes by repeating a cell or a row that holds a value
#: (``number-columns-repeated``, ``number-rows-repeated``), in a whole workbook. LibreOffice
#: repeats equal neighbours (a row of ``-``, two equal rows); a real table never comes near.
MAX_REPEATED_CELLS = 1_000_000


#: Spaces made by ``<text:s text:c="N"/>`` in a whole workbook: runs of spaces in real text
#: are a few characters long.
MAX_SPACES = 1_000_000


#: Copies a single repeat (of a cell, a row, or spaces) makes without counting towards the
#: limits above: LibreOffice writes equal neighbours as one repeated element (a row of
#: `-` or `0` cells, two equal rows, a double space), which a large real table holds by
#: the hundred thousand. What is free stays in proportion to the elements in the file.
FREE_COPIES = 64


class _OdsStyles:
    """What the styles of an .ods say that ktt needs: which sheets are hidden, and which
    date cells show no day (the month or the year they show)."""

    def __init__(self) -> None:
        self.hidden_tables: set[str] = set()
        self.data_style: dict[str, str] = {}  # a cell style -> its number style
        self.parent: dict[str, str] = {}  # a cell style -> the style it inherits from
        self.shows: dict[str, str] = {}  # a date style -> "month", "year", "quarter", "day"
        self.common_read = False

    def take(self, element: Element) -> None:
        """Learn from a style element (at its end: its children are there)."""
        if element.tag == _DATE_STYLE:
            self.shows.setdefault(element.get(f"{_S}name", ""), _date_shows(element))
            return
        if element.tag != _STYLE:
            return
        name, family = element.get(f"{_S}name", ""), element.get(f"{_S}family")
        if family == "table":
            if any(p.get(f"{_T}display") == "false" for p in element):
                self.hidden_tables.add(name)
        elif family == "table-cell":
            if (data := element.get(f"{_S}data-style-name")) is not None:
                self.data_style.setdefault(name, data)
            if (parent := element.get(f"{_S}parent-style-name")) is not None:
                self.parent.setdefault(name, parent)

    def date_shows(self, style: str | None) -> str | None:
        """What a date cell of `style` shows: "day" unless its format has no day; None
        where the style or its format is not known (yet: it may be in ``styles.xml``)."""
        for _ in range(8):  # a chain of parents, never a loop
            if style is None:
                return "day"
            data = self.data_style.get(style)
            if data is not None:
                return self.shows.get(data)
            if style not in self.parent:
                return None
            style = self.parent[style]
        return "day"


#: Parts of an .ods date style finer than a month (a week too: its date is kept).
_DAY_PARTS = {
    f"{_N}{t}"
    for t in ("day", "day-of-week", "week-of-year", "hours", "minutes", "seconds", "am-pm")
}


def _date_shows(style: Element) -> str:
    parts = {child.tag for child in style}
    if parts & _DAY_PARTS:
        return "day"
    for part in ("month", "quarter", "year", "era"):
        if f"{_N}{part}" in parts:
            return "year" if part == "era" else part
    return "day"


def _span(text: str | None) -> int:
    """A count of cells an .ods attribute gives: at least 1, at most the grid's width or
    height."""
    try:
        return max(1, min(int(text or "1"), MAX_ROWS))
    except ValueError:
        return 1


def _number(text: str) -> int | float:
    """An ODS value as it is written: an integer stays an int."""
    if text.lstrip("-").isdigit():
        return int(text)
    return float(text)


def _ods_time(text: str) -> float:
    match = _TIME.fullmatch(text)
    if match is None:
        raise ValueError(f"time value {text!r}")
    hours, minutes, seconds = (float(part or 0) for part in match.groups())
    days = (hours * 3600 + minutes * 60 + seconds) / 86400
    return -days if text.startswith("-") else days
