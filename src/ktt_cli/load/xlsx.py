"""An .xlsx or .xlsm workbook read with openpyxl in read-only mode: its cells typed by
their number formats, its merged ranges found by a scan of the sheet's bytes."""

from __future__ import annotations

import datetime
import re
import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, BinaryIO, cast

from ktt_cli.load.book import (
    MAX_COLUMNS,
    MAX_ROWS,
    MERGES_KEPT,
    Cell,
    ErrorCell,
    PercentCell,
    Sheet,
    UncomputedFormula,
    Workbook,
    WorkbookStop,
    _corrupt,
    _hostile,
    _is_defused_refusal,
    date_shows,
    percent_format,
)
from ktt_cli.load.zipguard import _GuardedZip
from ktt_cli.problems import cell_name

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

    from openpyxl.workbook.workbook import Workbook as _OpenpyxlWorkbook
from ktt_cli.load.book import _shown_date


class _XlsxBook(Workbook):
    """An Office Open XML workbook.

    Rows come from openpyxl's ``WorkSheetParser`` (what its read-only worksheet
    uses under ``iter_rows``), cached values (``data_only``), driven here so that
    each cell's data type and style come with its value at the cost of
    ``values_only``; and:

    - a percent cell is known by its style: the set of style ids whose number
      format has a bare ``%`` is made once per workbook;
    - a formula without a cached value: only when a cell has no ``<v>`` does the
      parser look for an ``<f>`` in it (``_Parser.parse_cell``);
    - hidden rows: the parser keeps every ``<row>``'s attributes that are more
      than its number (``row_dimensions``), ``hidden="1"`` among them, while
      it streams; read-only worksheets just do not expose them.
    """

    def __init__(
        self, name: str, stream: BinaryIO, archive: _GuardedZip, owned: BinaryIO | None
    ) -> None:
        super().__init__(name, stream)
        self._owned = owned
        # openpyxl's private state (styles, date formats, the worksheets' sources) has
        # no types: it is held as Any, and used only in this class.
        self._book: Any = _load_openpyxl(name, archive)
        self._worksheets: list[Any] = [
            ws for ws in self._book.worksheets if hasattr(ws, "_get_source")
        ]
        self._percent = _percent_styles(self._book)
        self._dates = _date_styles(self._book)

    def _list_sheets(self) -> list[Sheet]:
        return [
            Sheet(ws.title, i, ws.sheet_state != "visible")
            for i, ws in enumerate(self._worksheets, 1)
        ]

    def _rows(self, sheet: Sheet, hidden: list[int]) -> Iterator[tuple[int, list[Cell]]]:
        ws = self._worksheets[sheet.position - 1]
        book = self._book
        percent, dates = self._percent, self._dates
        from ktt_cli.load.merges import Merges, MergesOutOfOrder

        ranges = _merged_ranges(ws, self.name, sheet.name)
        kept = ranges[:MERGES_KEPT]  # for a header band: columns from 0
        self._merges[sheet.position] = [(t, left - 1, b, r - 1) for t, left, b, r in kept]
        merges = Merges(ranges)
        cut: tuple[int, int] | None = None
        cut_count = 0
        with ws._get_source() as source:
            parser = _xlsx_parser()(
                source,
                ws._shared_strings,
                data_only=True,
                epoch=book.epoch,
                date_formats=book._date_formats,
                timedelta_formats=book._timedelta_formats,
            )
            for number, cells in parser.parse():
                if not cells:
                    continue
                if number > MAX_ROWS:
                    where = cell_name(number, cells[0]["column"])
                    raise WorkbookStop.said(self.name, "workbook_grid.cell", sheet.name, where)
                if number < 1:  # <row r="0">, <row r="-1">: the cell has no place
                    raise WorkbookStop.said(
                        self.name, "workbook_grid.row", sheet.name, number=number
                    )
                if cells[-1]["column"] > MAX_COLUMNS:  # r="XFE2": openpyxl reads to ZZZ
                    past = [c["column"] for c in cells if c["column"] > MAX_COLUMNS]
                    where = cell_name(number, past[0])
                    raise WorkbookStop.said(self.name, "workbook_grid.column", sheet.name, where)
                if cells[-1]["column"] > self.width:
                    width = self.width
                    gone = [
                        c["column"] for c in cells if c["column"] > width and c["value"] is not None
                    ]
                    if gone:
                        cut_count += len(gone)
                        cut = cut or (number, gone[0])
                    cells = [cell for cell in cells if cell["column"] <= width]
                    if not cells:
                        continue
                row: list[Cell] = [None] * cells[-1]["column"]
                for cell in cells:
                    value = cell["value"]
                    if value is not None:
                        kind = cell["data_type"]
                        if kind == "n":
                            if cell["style_id"] in percent:
                                value = PercentCell(float(value))
                        elif kind == "e":
                            value = ErrorCell(value)
                        elif kind == "f":
                            value = UncomputedFormula(value)
                        elif kind == "d":
                            if not isinstance(value, datetime.datetime):
                                value = _serial(value)
                            elif cell["style_id"] in dates:
                                value = _shown_date(value, dates[cell["style_id"]])
                        elif kind == "s" and not isinstance(value, str):
                            value = str(value)
                    try:
                        row[cell["column"] - 1] = value
                    except IndexError:  # cells out of order: never from Excel
                        row.extend([None] * (cell["column"] - len(row)))
                        row[cell["column"] - 1] = value
                if merges:
                    try:
                        merges.blank(number, cast("list[object]", row))
                    except MergesOutOfOrder as e:
                        where = cell_name(number, cells[0]["column"])
                        raise WorkbookStop.said(
                            self.name, "workbook_order", sheet.name, where, previous=e.previous
                        ) from e
                yield number, row
            for number, attributes in parser.row_dimensions.items():
                if attributes.get("hidden") in ("1", "true"):
                    hidden.append(int(number))
        hidden.sort()
        if cut is not None:
            self.cut[sheet.position] = (*cut, cut_count)


_MERGE = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\s[^>]*?\bref=[\"']([A-Z]{1,3})([0-9]{1,7})"
    rb"(?::([A-Z]{1,3})([0-9]{1,7}))?[\"']"
)


def _merged_ranges(ws: Any, book: str, sheet: str) -> list[tuple[int, int, int, int]]:  # noqa: ANN401 (openpyxl's)
    """The sheet's merged ranges, (top, left, bottom, right), rows and columns from 1
    (merges.py says what they cover); more than MAX_MERGES of them are refused.

    The merges are listed after the rows in the sheet's XML, so they are found first by
    a scan of its bytes: about 1 % of the time of parsing, no XML built. A range is four
    numbers however many cells it spans (`A1:A1048576` included).
    """
    from ktt_cli.load.merges import MAX_MERGES

    refs: set[tuple[bytes, ...]] = set()
    tail = b""
    with ws._get_source() as source:
        while chunk := source.read(1 << 20):
            data = tail + chunk
            if b"mergeCell" in data:  # bytes search is far faster than the pattern's
                refs.update(match.groups(b"") for match in _MERGE.finditer(data))
                if len(refs) > MAX_MERGES:
                    raise WorkbookStop.said(book, "workbook_merges", sheet, limit=MAX_MERGES)
            tail = data[-300:]
    ranges = []
    for first_letters, first_row, last_letters, last_row in refs:
        if last_letters:
            top, bottom = sorted((int(first_row), int(last_row)))
            left, right = sorted((_column(first_letters), _column(last_letters)))
            if (top, left) != (bottom, right):
                ranges.append((top, left, bottom, right))
    return sorted(ranges)


def _column(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _serial(value: object) -> float:
    """A time-of-day or duration cell: the number it holds (days), as Excel stores it."""
    if isinstance(value, datetime.timedelta):
        return value / datetime.timedelta(days=1)
    if isinstance(value, datetime.time):
        seconds = value.hour * 3600 + value.minute * 60 + value.second
        return (seconds + value.microsecond / 1e6) / 86400
    if isinstance(value, datetime.date):
        return float(value.toordinal() - datetime.date(1899, 12, 30).toordinal())
    raise TypeError(f"unexpected date value {value!r}")


_PARSER: type | None = None


def _xlsx_parser() -> type:
    """openpyxl's sheet parser, with a formula cell that has no ``<v>`` marked as such."""
    global _PARSER  # made once, on first use: openpyxl is imported late
    if _PARSER is None:
        from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

        class _Parser(WorkSheetParser):
            def parse_cell(self, element: Element) -> dict[str, Any]:
                cell: dict[str, Any] = super().parse_cell(element)
                # No value: a formula left uncomputed has no <v>, or an empty one (openpyxl
                # writes <v/>); only a formula whose result is text ("str") can be empty.
                if cell["value"] is None and element.get("t") != "str":
                    formula = element.find(FORMULA_TAG)
                    if formula is not None:
                        cell["data_type"] = "f"
                        cell["value"] = "=" + (formula.text or "")
                return cell

        _PARSER = _Parser
    return _PARSER


def _load_openpyxl(name: str, archive: _GuardedZip) -> _OpenpyxlWorkbook:
    import openpyxl
    from openpyxl.reader.excel import ExcelReader

    # openpyxl warns on stderr about what it drops (extensions of data validation and
    # conditional formatting, which Excel writes often) and about a date cell out of
    # range, which it yields as #VALUE!: none of it concerns the figures, and the
    # out-of-range date reaches the collector as an ErrorCell.
    warnings.filterwarnings("ignore", category=UserWarning, module=r"openpyxl\.")

    if not openpyxl.DEFUSEDXML:  # OPENPYXL_DEFUSEDXML=False in the environment
        raise WorkbookStop.said(name, "hostile_xml.unguarded")
    reader = ExcelReader.__new__(ExcelReader)
    reader.archive = archive
    reader.valid_files = archive.namelist()
    reader.read_only = True
    reader.keep_vba = False
    reader.data_only = True
    reader.keep_links = False
    reader.rich_text = False
    reader.shared_strings = []
    try:
        reader.read()
    except WorkbookStop:
        raise
    except MemoryError:
        raise
    except Exception as e:  # openpyxl raises many kinds on a damaged file
        if _is_defused_refusal(e):
            raise _hostile(name) from e
        raise _corrupt(name, e) from e
    book: _OpenpyxlWorkbook = reader.wb
    return book


def _percent_styles(book: Any) -> frozenset[int]:  # noqa: ANN401 (openpyxl's private style tables)
    from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

    custom = book._number_formats
    found: set[int] = set()
    for style_id, style in enumerate(book._cell_styles):
        number = style.numFmtId
        if number < BUILTIN_FORMATS_MAX_SIZE:
            shown = BUILTIN_FORMATS.get(number, "General")
        else:
            shown = custom[number - 164]
        if percent_format(shown):
            found.add(style_id)
    return frozenset(found)


def _date_styles(book: Any) -> dict[int, str]:  # noqa: ANN401 (openpyxl's private style tables)
    """Style id -> what a date cell of that style shows, for the formats that show no day:
    "month" (``mm/yyyy``, ``mmm-yy``, ``[$-42A]mmmm yyyy``) or "year" (``yyyy``)."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

    custom = book._number_formats
    found: dict[int, str] = {}
    for style_id, style in enumerate(book._cell_styles):
        number = style.numFmtId
        if number < BUILTIN_FORMATS_MAX_SIZE:
            shown_as = BUILTIN_FORMATS.get(number, "General")
        else:
            shown_as = custom[number - 164]
        if (shows := date_shows(shown_as)) != "day":
            found[style_id] = shows
    return found
