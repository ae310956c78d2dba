"""Rows from every loader -> one data set, each problem placed (SPEC §3, §9).

Loaders (CSV text, workbook sheets) hand over tables: chunks of rows of cells,
each row with its number. This is the one place that finds the header, reads
the layout (long, wide, report table), resolves indicator, period, region and
value cells, applies the duplicate rule and fills the store.

Texts already seen (indicators, periods, regions, value cells) are looked up,
not read again, so the common long row costs a handful of dictionary look-ups
(`_long_rows`); everything unusual leaves that path for methods that explain
themselves.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from itertools import chain, islice
from typing import TYPE_CHECKING, BinaryIO

from ktt_cli.load.collect_state import (
    _BAND_CODES,
    TEXT_TABLE_COLUMNS,
    WORKBOOK_MAGIC,
    ReadOptions,
    Table,
    _Count,
    _filled,
    _names,
    _not_data,
    _split_columns,
)
from ktt_cli.load.columns import Kind, Layout
from ktt_cli.load.csv_rows import CsvTable
from ktt_cli.load.layout import HEADER_WITHIN, Found, find_header, read_layout
from ktt_cli.load.read_bar import ReadBar
from ktt_cli.load.row_reading import _RowReading
from ktt_cli.load.text import InputStop, Source, open_text
from ktt_cli.messages import again
from ktt_cli.model import TargetsFile
from ktt_cli.name_keys import normalise
from ktt_cli.problems import Place, ProblemLog, cell_name, shown, unreadable
from ktt_cli.store import Actuals

if TYPE_CHECKING:
    from ktt_cli.load.book import Cell as SheetCell
    from ktt_cli.load.book import Rows, Sheet, Workbook


def read_actuals(
    sources: Sequence[Source], targets: TargetsFile, options: ReadOptions, log: ProblemLog
) -> Actuals:
    collector = Collector(targets, options, log)
    for source in sources:
        collector.read_source(source)
    return collector.finish()


class Collector(_RowReading):
    # ---- sources ---------------------------------------------------------------

    def read_source(self, source: Source) -> None:
        self.store.add_file(source.name)
        try:
            raw = source.open()
        except OSError as e:
            self.log.tell(Place(source.name, None), unreadable(e))
            return
        with raw:
            head = raw.peek(8)[:8] if hasattr(raw, "peek") else b""
            if head.startswith(WORKBOOK_MAGIC):
                self._read_workbook(source.name, raw)
                return
            try:
                table = CsvTable(
                    source.name, open_text(raw, self.options.encoding), self._has_header
                )
            except InputStop as stop:
                self.log.tell(Place(source.name, stop.line), again(stop.code, stop.args_))
                return
            except UnicodeError:  # a codec refusing the file outright
                encoding = self.options.encoding or "utf-8"
                self.log.say(Place(source.name, 1), "encoding.refused", encoding=encoding)
                return
            with ReadBar.for_file(source.name, raw) as bar:
                self.read_table(table, lambda: bar.advance(table.position))

    def _read_workbook(self, name: str, raw: BinaryIO) -> None:
        """Read every visible sheet whose header reads, or the sheet `--sheet` names (SPEC §9).

        The cyclic collector runs, as everywhere: the XML parser under openpyxl leaves
        reference cycles behind, about 85 bytes a row of a large sheet."""
        self._read_book(name, raw)

    def _read_book(self, name: str, raw: BinaryIO) -> None:
        from ktt_cli.load.book import WorkbookStop
        from ktt_cli.load.workbook import open_workbook

        stream = raw if raw.seekable() else io.BytesIO(raw.read())
        # the bar follows the bytes of the file the sheets' rows are unzipped from
        bar = (
            ReadBar(name, len(stream.getbuffer()))
            if isinstance(stream, io.BytesIO)
            else ReadBar.for_file(name, stream)
        )
        self.book_progress = lambda: bar.advance(stream.tell())
        try:
            with bar, open_workbook(name, stream) as book:
                if self.options.sheet is not None:
                    self._read_named_sheet(book, book.sheet(self.options.sheet))
                else:
                    self._read_sheets(book)
        except WorkbookStop as e:
            where = None if e.code == "no_such_sheet" else e.sheet
            self.log.tell(Place(name, None, where, e.cell), again(e.code, e.args_))

    def _read_named_sheet(self, book: Workbook, wanted: Sheet) -> None:
        for sheet, rows in book.walk():
            if sheet.position == wanted.position:
                self._read_sheet(book, sheet, [], rows)
                return

    def _read_sheets(self, book: Workbook) -> None:
        """Every visible sheet whose header reads, as one data set; one warning names the
        sheets read and those passed over (where there is more than one)."""
        read: list[Sheet] = []
        hidden: list[Sheet] = []
        unread: list[Sheet] = []
        filled = False
        for sheet, rows in book.walk():
            if sheet.hidden:
                hidden.append(sheet)
                continue
            head = list(islice(((n, r) for n, r in rows if _filled(r)), HEADER_WITHIN))
            filled = filled or bool(head)
            if not self._has_header([r for _, r in head]):
                unread.append(sheet)
                continue
            self._read_sheet(book, sheet, head, rows)
            read.append(sheet)
        self._say_sheets(book.name, read, hidden, unread, filled)

    def _say_sheets(
        self, name: str, read: list[Sheet], hidden: list[Sheet], unread: list[Sheet], filled: bool
    ) -> None:
        whole = Place(name, None)
        if not read and not filled and not hidden:
            self.log.say(whole, "workbook_empty.cells")
        elif not read and hidden:
            sheets = _names(unread) or "-"
            key = "no_header.visible"
            self.log.say(whole, key, sheets=sheets, hidden=_names(hidden), within=HEADER_WITHIN)
        elif not read:
            self.log.say(whole, "no_header.book", sheets=_names(unread), within=HEADER_WITHIN)
        elif hidden or unread:
            way = "both" if hidden and unread else "hidden" if hidden else "unread"
            values = {"hidden": _names(hidden)} if hidden else {}
            if unread:
                values.update(unread=_names(unread), within=str(HEADER_WITHIN))
            key = f"sheets_read.{way}"
            self.log.say(whole, key, "warning", count=len(read), read=_names(read), **values)
        elif len(read) > 1:
            self.log.say(whole, "sheets_read", "warning", count=len(read), read=_names(read))

    def _read_sheet(
        self, book: Workbook, sheet: Sheet, head: list[tuple[int, list[SheetCell]]], rows: Rows
    ) -> None:
        from ktt_cli.load.workbook import SheetTable

        self.beyond = _Count()
        self.read_table(SheetTable(book, sheet, chain(head, rows)), self.book_progress)
        name = book.name
        if sheet.hidden:
            self.log.say(Place(name, None, sheet.name, None), "hidden_sheet", "warning")
        hidden_rows = book.read_hidden_rows(sheet)
        if hidden_rows:
            first = hidden_rows[0]
            where = Place(name, first, sheet.name, f"A{first}")
            self.log.say(where, "hidden_rows", "warning", count=len(hidden_rows))
        self._say_beyond(book, sheet)

    def _say_beyond(self, book: Workbook, sheet: Sheet) -> None:
        """One warning for the cells right of the header: those of the rows read before the
        header was known, then those the reader only counted (SPEC §7)."""
        count, where = self.beyond.count, None
        if count:
            where = self.store.places.place(self.beyond.first)
        if sheet.position in book.cut:
            row, column, cut = book.cut[sheet.position]
            count += cut
            where = where or Place(book.name, row, sheet.name, cell_name(row, column))
        if where is not None and count == 1:
            self.log.say(where, "beyond_header", "warning")
        elif where is not None:
            self.log.say(where, "beyond_header.count", "warning", count=count)

    def _has_header(self, rows: Sequence[Sequence[object]]) -> bool:
        content = [r for r in rows if not _not_data(r)]
        found = find_header(content, self.names)
        if found is None:
            return False
        # a report table's header band whose columns do not all read is still the header:
        # its sheet is read, and its problems said
        return found.layout is not None or any(p.code in _BAND_CODES for p in found.problems)

    def read_table(self, table: Table, progress: Callable[[], None] | None = None) -> None:
        """Read the rows of one file or sheet into the store; `progress` is told of each
        chunk read."""
        self.base = self.store.places.begin(table.name, table.sheet, table.stride)
        self.stride = table.stride
        self.text_file = table.sheet is None
        self._start_file()
        head: list[tuple[int, Sequence[object]]] = []
        layout: Layout | None = None
        tried = False
        last = 0
        stop: InputStop | None = None
        rows_before, problems_before = self.store.size, self.log.total
        try:
            for numbers, rows in table.chunks():
                if tried and layout is None:
                    break
                if layout is None:
                    head += [(n, r) for n, r in zip(numbers, rows, strict=True) if not _not_data(r)]
                    if len(head) >= HEADER_WITHIN:
                        tried, layout = True, self._begin(head, table)
                else:
                    self._rows(layout, numbers, rows)
                if numbers:
                    last = numbers[-1]
                if progress is not None:
                    progress()
        except InputStop as e:
            stop = e
        if not tried and head:
            tried, layout = True, self._begin(head, table)
        if not tried and stop is None:
            self._say(self.base + 1, "empty_file.table")
        if stop is not None:
            self.log.tell(Place(table.name, stop.line), again(stop.code, stop.args_))
            last = max(last, stop.line or 0)
        self.store.places.end(last + 1)
        if layout is None:
            return
        self._finish_file()
        if self.store.size == rows_before and self.log.total == problems_before:
            self._say(self.header_place, "no_rows", "warning")

    def _begin(self, head: list[tuple[int, Sequence[object]]], table: Table) -> Layout | None:
        """Find the header among the first rows, then read the rows after it."""
        layout, number, rest = self._header(head, table)
        table_text = layout is not None and layout.kind is Kind.TABLE and self.text_file
        if table_text and layout is not None and 1 < layout.width <= TEXT_TABLE_COLUMNS:
            self.store.places.restride(layout.width)  # placed by line and column from here
            self.stride = layout.width
        self.header_place = self.base + number * self.stride
        narrow = getattr(table, "narrow", None)  # a sheet's rows: cells right of it not made
        if layout is not None and narrow is not None:
            narrow(layout.width)
        self.split_after = []
        if layout is not None and getattr(table, "delimiter", None) == ",":
            self.split_after = _split_columns(layout)
        if layout is not None:
            self._rows(layout, [n for n, _ in rest], [r for _, r in rest])
        return layout

    def _header(
        self, head: list[tuple[int, Sequence[object]]], table: Table
    ) -> tuple[Layout | None, int, list[tuple[int, Sequence[object]]]]:
        """The layout of the table, its header row's number and the rows after it."""
        found = find_header([r for _, r in head], self.names, [n for n, _ in head], table.merges())
        if found is None:
            texts = [c if isinstance(c, str) else "" for c in head[0][1]]
            layout, problems = read_layout(texts, [normalise(t) for t in texts], self.names)
            found = Found(0, None, problems)
        number = head[found.row][0]
        place = self.base + number * table.stride
        for problem in found.problems:
            where = self.store.places.place(place)
            if problem.column is not None:  # at the column's header cell
                if self.text_file:
                    where = where._replace(column=problem.column + 1)
                else:
                    where = self.store.places.place(place + problem.column)
            self.log.tell(where, again(problem.code, problem.args))
        layout = found.layout
        self.no_column_region = ""
        self.region_above, self.region_merges = None, {}
        if layout is not None and (i_reg := layout.columns.get("region")) is not None:
            self.region_merges = {  # top row -> bottom row of a range over the column
                m[0]: m[2] for m in table.merges() if m[1] <= i_reg <= m[3] and m[2] > m[0]
            }
        if layout is not None and "region" not in layout.columns:
            self._title_region(head[: found.row], table, place)
        if layout is not None and layout.bare:
            layout = self._plan_columns(layout, head[: found.row], table, place)
        if layout is not None:
            for name in layout.ignored:
                self._say(place, "ignored_column", "warning", column=shown(name))
            if layout.passed_over:
                names = ", ".join(shown(n, 50) for n in layout.passed_over)
                self._say(place, "not_figures", "warning", columns=names)
        return layout, number, head[found.row + found.rows :]

    def _title_region(
        self, title: list[tuple[int, Sequence[object]]], table: Table, header: int
    ) -> None:
        """The region a table with no region column gets from its title or its sheet's name
        (load/title_region.py): said in a warning, or an error for an unlisted one."""
        from ktt_cli.load.title_region import TitleProblem, title_region

        territory = self.targets.programme.territory
        found = title_region([r for _, r in title], table.sheet, self.region_names, territory)
        if found is None:
            return
        where = header
        if found.row >= 0:
            where = self._cell(self.base + title[found.row][0] * table.stride, found.column)
        if isinstance(found, TitleProblem):
            if not self.region_names.listed:  # a commune's table, and no region to give it
                self._say(where, "region_title.no_list", name=shown(found.name))
                self.region_grouped = True  # its rows are no figures of the territory
                return
            names = {"name": shown(found.name), "territory": territory, "closest": found.suggestion}
            self._say(where, "unknown_region.title", **names)
            return
        key = "region_from_title" if found.row >= 0 else "region_from_sheet"
        self._say(where, key, "warning", region=found.name)
        self.regions[found] = (found.key, found.name)
        self.no_column_region = found

    def _rows(
        self, layout: Layout, numbers: Sequence[int], rows: Iterable[Sequence[object]]
    ) -> None:
        if layout.kind is Kind.LONG:
            self._long_rows(layout, numbers, rows)
        elif layout.kind is Kind.WIDE:
            self._wide_rows(layout, numbers, rows)
        else:
            self._table_rows(layout, numbers, rows)
