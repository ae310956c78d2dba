"""An OpenDocument spreadsheet (.ods) read as a stream of its XML: each sheet's rows as
they come, repeated cells and rows kept in bounds, merged and covered cells, hidden
rows."""

from __future__ import annotations

import datetime
from bisect import bisect_left
from collections.abc import Iterator
from typing import TYPE_CHECKING, BinaryIO

from ktt_cli.load.book import (
    MAX_COLUMNS,
    MAX_ROWS,
    MERGES_WITHIN,
    Cell,
    ErrorCell,
    PercentCell,
    Sheet,
    UncomputedFormula,
    Workbook,
    WorkbookStop,
    _corrupt,
    _Reader,
    _shown_date,
)
from ktt_cli.load.ods_styles import (
    _CALCEXT,
    _CELL,
    _CELL_STYLE,
    _COLUMN,
    _COLUMNS_REPEATED,
    _COVERED,
    _DATE_STYLE,
    _DEFAULT_STYLE,
    _O,
    _ROW,
    _ROWS_REPEATED,
    _STYLE,
    _T,
    _TABLE,
    _X,
    FREE_COPIES,
    MAX_REPEATED_CELLS,
    MAX_SPACES,
    _number,
    _ods_time,
    _OdsStyles,
    _span,
)
from ktt_cli.load.zipguard import _GuardedZip
from ktt_cli.problems import cell_name, shown

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element


class _OdsBook(Workbook):
    """An OpenDocument spreadsheet, read from its ``content.xml`` in one pass.

    Sheets are ``table:table`` elements; a hidden one has a table style with
    ``table:display="false"``; a hidden row has ``table:visibility`` other than
    ``visible``. Repeated empty cells and rows (``number-columns-repeated``,
    ``number-rows-repeated``, which LibreOffice uses to fill the grid) only move
    the count on; a repeated cell or row with a value is repeated, within Excel's
    grid and within ``MAX_REPEATED_CELLS``. Covered cells (under a merge) are empty.
    The styles come before the sheets in ``content.xml``; ``styles.xml`` is read
    only when a date cell's style is not found there.
    """

    def __init__(
        self, name: str, stream: BinaryIO, archive: _GuardedZip, owned: BinaryIO | None
    ) -> None:
        super().__init__(name, stream)
        self._owned = owned
        self._archive = archive
        manifest = (
            archive.read("META-INF/manifest.xml")
            if "META-INF/manifest.xml" in archive.namelist()
            else b""
        )
        if b"encryption-data" in manifest:
            raise WorkbookStop.said(name, "workbook_encrypted.ods")
        if "content.xml" not in archive.namelist():
            raise _corrupt(name, "it has no content.xml")
        self._cursor: tuple[int, Iterator[tuple[Sheet, _Reader]]] | None = None
        self.repeated = 0  # cells made by repeats so far (MAX_REPEATED_CELLS)
        self.spaces = 0  # spaces made by text:s so far (MAX_SPACES)

    def _events(self, member: str = "content.xml") -> Iterator[tuple[str, Element]]:
        from defusedxml.ElementTree import iterparse

        with self._archive.open(member) as source:
            yield from iterparse(source, events=("start", "end"))

    def _list_sheets(self) -> list[Sheet]:
        return [sheet for sheet, _ in self.walk()]

    def _rows(self, sheet: Sheet, hidden: list[int]) -> Iterator[tuple[int, list[Cell]]]:
        # The pass that found the sheet before goes on to this one where it lies ahead, so
        # that reading the sheets in their order is one pass.
        if self._cursor is None or self._cursor[0] >= sheet.position:
            self._cursor = (0, self._tables())
        tables = self._cursor[1]
        for found, reader in tables:
            self._cursor = (found.position, tables)
            if found.position == sheet.position:
                yield from reader(hidden)
                return

    def _tables(self) -> Iterator[tuple[Sheet, _Reader]]:
        styles = _OdsStyles()
        events = self._events()
        parents: list[Element] = []
        position = 0
        for event, element in events:
            if event == "start":
                parents.append(element)
                if element.tag == _TABLE:
                    position += 1
                    title, style = element.get(f"{_T}name", ""), element.get(_CELL_STYLE)
                    sheet = Sheet(title, position, style in styles.hidden_tables)
                    table = _OdsTable(self, events, parents, element, sheet, styles)
                    yield sheet, table.rows
                    table.skip()
                continue
            parents.pop()
            styles.take(element)
            _let_go(element, parents)

    def common_styles(self, styles: _OdsStyles) -> None:
        """Learn the styles of ``styles.xml`` (named cell styles and their formats)."""
        styles.common_read = True
        if "styles.xml" not in self._archive.namelist():
            return
        parents: list[Element] = []
        for event, element in self._events("styles.xml"):
            if event == "start":
                parents.append(element)
                continue
            parents.pop()
            styles.take(element)
            _let_go(element, parents)


class _OdsTable:
    """The rows of one ``table:table``, read from the events of the whole content."""

    def __init__(
        self,
        book: _OdsBook,
        events: Iterator[tuple[str, Element]],
        parents: list[Element],
        element: Element,
        sheet: Sheet,
        styles: _OdsStyles,
    ) -> None:
        self.book, self.events, self.parents = book, events, parents
        self.element, self.sheet, self.styles = element, sheet, styles
        self.done = False
        self.number = 0  # the last row number passed
        self.column_ends: list[int] = []  # the last column of each table:table-column
        self.column_styles: list[str | None] = []  # and its default cell style
        self.cut: tuple[int, int] | None = None  # the first cell right of the header
        self.cut_count = 0
        #: the merged ranges of the first MERGES_WITHIN rows with a cell (a header band's)
        self.merges: list[tuple[int, int, int, int]] = []
        self.looked = 0
        book.keep_merges(sheet, self.merges)

    def rows(self, hidden: list[int]) -> Iterator[tuple[int, list[Cell]]]:
        parents = self.parents
        open_rows = 0  # more than one inside a table in a cell, which is no row of the sheet
        for event, element in self.events:
            tag = element.tag
            if event == "start":
                parents.append(element)
                open_rows += tag == _ROW
                continue
            parents.pop()
            if open_rows and tag != _ROW:
                continue
            if tag == _ROW:
                open_rows -= 1
                if open_rows:
                    continue
                found = self._row(element, hidden)
                self._drop(element)
                if found is not None:
                    first, last, cells = found
                    for number in range(first, last + 1):
                        yield number, cells
            elif tag == _COLUMN:
                self._column(element)
                self._drop(element)
            elif element is self.element:
                self._end()
                return
            else:
                self._drop(element)

    def skip(self) -> None:
        """Pass over the rest of the table (its rows are not read)."""
        if self.done:
            return
        parents = self.parents
        in_row = False
        for event, element in self.events:
            tag = element.tag
            if event == "start":
                parents.append(element)
                in_row = in_row or tag == _ROW
                continue
            parents.pop()
            if element is self.element:
                self._end()
                return
            if tag == _ROW or not in_row:
                in_row = False
                self._drop(element)

    def _end(self) -> None:
        self.done = True
        if self.cut is not None:
            self.book.cut[self.sheet.position] = (*self.cut, self.cut_count)
        self._drop(self.element)

    def _drop(self, element: Element) -> None:
        element.clear()
        if self.parents:
            self.parents[-1].remove(element)

    def _stop(self, key: str, row: int, column: int, **values: object) -> WorkbookStop:
        where = cell_name(row, column)
        return WorkbookStop.said(self.book.name, key, self.sheet.name, where, **values)

    def _repeat(self, element: Element, attribute: str, row: int, column: int) -> int:
        text = element.get(attribute)
        if text is None:
            return 1
        if text.isascii() and text.isdigit() and int(text) >= 1:
            return int(text)
        what = "rows" if attribute == _ROWS_REPEATED else "columns"
        raise self._stop(f"workbook_repeat.{what}", row, column, value=shown(text))

    def _column(self, element: Element) -> None:
        start = self.column_ends[-1] + 1 if self.column_ends else 1
        repeat = self._repeat(element, _COLUMNS_REPEATED, 1, start)
        self.column_ends.append(start + repeat - 1)
        self.column_styles.append(element.get(_DEFAULT_STYLE))

    def _row(self, element: Element, hidden: list[int]) -> tuple[int, int, list[Cell]] | None:
        """The row's (first number, last number, cells); None for a row without a value."""
        first = self.number + 1
        repeat = self._repeat(element, _ROWS_REPEATED, first, 1)
        self.number += repeat
        last = self.number
        cells: list[Cell] = []
        width = 0  # the columns passed
        limit = self.book.width
        cut = cut_count = 0  # the first cell right of `limit`, and how many
        for cell in element:
            tag = cell.tag
            if tag != _CELL and tag != _COVERED:
                continue
            span = self._repeat(cell, _COLUMNS_REPEATED, first, width + 1)
            column = width + 1
            width += span
            if tag == _COVERED:
                continue
            value = self._value(cell, element, first, column)
            if value is None:
                continue
            if last > MAX_ROWS:
                raise self._stop("workbook_grid.rows", first, column, last=last)
            if column > MAX_COLUMNS:  # the cell itself stands past XFD
                raise self._stop("workbook_grid.column", first, column)
            if width > MAX_COLUMNS:
                raise self._stop("workbook_grid.columns", first, column, last=width)
            if width > limit:
                cut = cut or max(column, limit + 1)
                cut_count += width - max(column - 1, limit)
                if column > limit:
                    continue
            end = min(width, limit)
            cells.extend([None] * (column - 1 - len(cells)))
            cells.extend([value] * (end - column + 1))
            self.book.repeated += max(0, end - column - FREE_COPIES)
        if cut:
            self.cut_count += cut_count * repeat
            self.cut = self.cut or (first, cut)
        if not cells:
            return None
        self.book.repeated += max(0, (repeat - 1) * len(cells) - FREE_COPIES)
        if self.book.repeated > MAX_REPEATED_CELLS:
            raise self._stop("workbook_repeats", first, 1, limit=MAX_REPEATED_CELLS)
        if element.get(f"{_T}visibility", "visible") != "visible":
            hidden.extend(range(first, last + 1))
        if self.looked < MERGES_WITHIN:
            self.looked += 1
            self.merges.extend(_ods_merges(element, first))
        return first, last, cells

    def _value(self, cell: Element, row: Element, number: int, column: int) -> Cell:
        try:
            value = _ods_value(cell, self)
        except WorkbookStop as e:
            e.cell = cell_name(number, column)
            raise
        except (ValueError, OverflowError) as e:
            why = "its content cannot be parsed"  # said in words of ours, not the parser's
            raise self._stop("workbook_cell", number, column, why=why) from e
        if isinstance(value, datetime.datetime):
            style = cell.get(_CELL_STYLE) or row.get(_DEFAULT_STYLE) or self._column_style(column)
            shows = self.styles.date_shows(style)
            if shows is None and not self.styles.common_read:
                self.book.common_styles(self.styles)
                shows = self.styles.date_shows(style)
            return _shown_date(value, shows or "day")
        return value

    def _column_style(self, column: int) -> str | None:
        at = bisect_left(self.column_ends, column)  # found in steps of log(columns)
        return self.column_styles[at] if at < len(self.column_styles) else None

    def spaces(self, count: int) -> str:
        self.book.spaces += max(0, count - FREE_COPIES)
        if self.book.spaces > MAX_SPACES:
            raise WorkbookStop.said(self.book.name, "workbook_spaces", limit=MAX_SPACES)
        return " " * count


def _let_go(element: Element, parents: list[Element]) -> None:
    """Free an element read to its end, unless a style still needs it (its parent is one)."""
    if parents and parents[-1].tag not in (_STYLE, _DATE_STYLE):
        element.clear()  # nothing of what was read stays in memory, not even its shell
        parents[-1].remove(element)


def _ods_merges(row: Element, number: int) -> list[tuple[int, int, int, int]]:
    """The merged ranges whose top-left cell is in the row numbered `number`
    (`table:number-columns-spanned`, `table:number-rows-spanned`)."""
    found = []
    column = 0
    for cell in row:
        if cell.tag not in (_CELL, _COVERED):
            continue
        across = cell.get(f"{_T}number-columns-spanned")
        down = cell.get(f"{_T}number-rows-spanned")
        if across is not None or down is not None:
            width, height = _span(across), _span(down)
            if width > 1 or height > 1:
                found.append((number, column, number + height - 1, column + width - 1))
        column += _span(cell.get(f"{_T}number-columns-repeated"))
        if column >= MAX_COLUMNS:
            break
    return found


def _ods_value(cell: Element, table: _OdsTable) -> Cell:
    kind = cell.get(f"{_O}value-type")
    if cell.get(f"{_CALCEXT}value-type") == "error":
        return ErrorCell(_ods_text(cell, table) or "#VALUE!")
    if kind is None:
        formula = cell.get(f"{_T}formula")
        if formula is not None:
            return UncomputedFormula(formula)
        return _ods_text(cell, table) or None
    if kind in ("float", "currency"):
        return _number(cell.get(f"{_O}value", ""))
    if kind == "percentage":
        return PercentCell(float(cell.get(f"{_O}value", "")))
    if kind == "date":
        return datetime.datetime.fromisoformat(cell.get(f"{_O}date-value", ""))
    if kind == "time":
        return _ods_time(cell.get(f"{_O}time-value", ""))
    if kind == "boolean":
        return cell.get(f"{_O}boolean-value") == "true"
    text = cell.get(f"{_O}string-value")
    return text if text is not None else _ods_text(cell, table)


def _ods_text(cell: Element, table: _OdsTable) -> str:
    """The text of a cell's paragraphs, as shown (``text:s`` spaces, tabs, line breaks)."""
    return "\n".join(_paragraph(p, table) for p in cell if p.tag == f"{_X}p")


def _paragraph(element: Element, table: _OdsTable) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag == f"{_X}s":
            parts.append(table.spaces(int(child.get(f"{_X}c", "1"))))
        elif child.tag == f"{_X}tab":
            parts.append("\t")
        elif child.tag == f"{_X}line-break":
            parts.append("\n")
        elif child.tag != f"{_O}annotation":
            parts.append(_paragraph(child, table))
        parts.append(child.tail or "")
    return "".join(parts)
