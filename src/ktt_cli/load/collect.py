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
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from itertools import chain, islice
from operator import itemgetter
from typing import TYPE_CHECKING, BinaryIO, NamedTuple, Protocol

from ktt_cli.gc_state import cyclic_gc
from ktt_cli.load.csv_rows import CsvTable
from ktt_cli.load.figures import (
    Cell,
    FigureError,
    cell_figure,
    checked,
    figure_of,
    split_cell,
)
from ktt_cli.load.layout import (
    HEADER_WITHIN,
    Found,
    Kind,
    Layout,
    Merge,
    find_header,
    read_layout,
)
from ktt_cli.load.pending import PendingRows
from ktt_cli.load.resolve import begins_after, regions_to_territory
from ktt_cli.load.text import InputStop, Source, open_text
from ktt_cli.messages import again
from ktt_cli.model import TargetsFile, Unit
from ktt_cli.names import TOTALS_WORDS, IndicatorNames, RegionNames, normalise
from ktt_cli.numbers import NumberStyle, is_no_figure, plain_figure, plain_number
from ktt_cli.periods import PeriodError, parse_period
from ktt_cli.problems import Place, ProblemLog, Severity, cell_name, shown, unreadable
from ktt_cli.progress_bar import ReadBar
from ktt_cli.store import (
    Actuals,
    Cells,
    Extra,
    Store,
    build_actuals,
)

#: The first bytes of a zip (.xlsx, .xlsm, .ods) and of an OLE file (.xls, or a workbook
#: with a password).
WORKBOOK_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")

if TYPE_CHECKING:
    from ktt_cli.load.workbook import Cell as SheetCell
    from ktt_cli.load.workbook import Rows, Sheet, Workbook

#: What a report table writes before a row's name: `Trong đó:` (of which), a number or
#: letter (`1.`, `1.2`, `a)`, `II.`), a dash or a plus.
_ROW_LABEL = re.compile(
    r"\s*(?:trong\s+(?:đó|do)\s*[:,]?\s*)?"
    r"(?:(?:\d{1,2}(?:\.\d{1,2})*|[a-zđ]|[ivx]{1,4})\s*[.)]\s*|[-+*•–—]\s*)?",
    re.IGNORECASE,
)

#: The rows outside the programme its warning names (it counts them all).
OUTSIDE_LISTED = 10

#: The widest report table of a text file whose problems are placed by line and column
#: (a place number a cell: 2**32 of them cover 16 million lines of this width).
TEXT_TABLE_COLUMNS = 256


class ReadOptions(NamedTuple):
    number_style: NumberStyle = NumberStyle.AUTO
    encoding: str | None = None
    sheet: str | None = None
    today: date | None = None  # the day of the run (None: the machine's): no period after it


class Table(Protocol):
    """What a loader hands over: a file's (or a sheet's) rows, in chunks."""

    @property
    def name(self) -> str: ...
    @property
    def sheet(self) -> str | None: ...
    @property
    def stride(self) -> int:  # place numbers a row takes: 1 in a text file, a sheet's width
        ...

    def chunks(self) -> Iterator[tuple[Sequence[int], Iterable[Sequence[object]]]]: ...

    def merges(self) -> Sequence[Merge]:  # a sheet's merged ranges among the rows read
        ...


#: A fast-path reader keeps the extra of this many (source, note) cells as written.
_EXTRAS_KEPT = 10_000
_NO_EXTRA = Extra(None, None, None)  # not yet read


class _Indicator:
    __slots__ = ("figures", "id", "regions", "unit", "waiting")

    def __init__(self, indicator_id: str, unit: Unit) -> None:
        self.id, self.unit = indicator_id, unit
        self.regions: dict[object, Cells] = {}  # a region cell as written -> its cells
        self.figures: dict[object, float] = {}  # a value cell as written -> its figure
        #: a value cell as written -> its reading, while it waits for the file's style
        self.waiting: dict[object, Cell] = {}


class _Waits(Exception):
    """A value cell the fast path leaves waiting for its file's number style."""

    def __init__(self, cell: Cell) -> None:
        self.cell = cell


class _Pending(NamedTuple):
    """A value cell that waits for its file to show its number style."""

    indicator: _Indicator
    period: int
    cells: Cells
    cell: Cell
    place: int
    extra: Extra | None


class _Count:
    """Rows passed over for one reason in one file: how many, and the first."""

    def __init__(self) -> None:
        self.count, self.first = 0, 0

    def add(self, place: int) -> None:
        self.count += 1
        self.first = self.first or place


def read_actuals(
    sources: Sequence[Source], targets: TargetsFile, options: ReadOptions, log: ProblemLog
) -> Actuals:
    collector = Collector(targets, options, log)
    for source in sources:
        collector.read_source(source)
    return collector.finish()


class Collector:
    def __init__(self, targets: TargetsFile, options: ReadOptions, log: ProblemLog) -> None:
        self.targets, self.options, self.log = targets, options, log
        self.names = IndicatorNames(targets)
        self.region_names = RegionNames(targets)
        self.indicators = {i.id: _Indicator(i.id, i.unit) for i in targets.indicators}
        self.store = Store(list(self.indicators))
        self.by_text: dict[object, _Indicator] = {}
        self.by_text.update(self.indicators)
        self.by_period: dict[object, int] = {}  # a period cell as written -> its index
        self.regions: dict[object, tuple[str, str]] = {}  # a region cell -> (key, as shown)
        self.today = options.today or date.today()
        self.no_column_region: object = ""  # without a region column: the title's (SPEC §11)
        #: a report table's region column: the last named region above (row, cell), and
        #: the merged ranges over that column (a region merged over its rows)
        self.region_above: tuple[int, object] | None = None
        self.region_merges: dict[int, int] = {}
        self.region_grouped = False  # a group row named a region in a table without a column
        self.unknown: dict[str, str] = {}  # an indicator text not in the programme -> closest
        self.texts: dict[str, str] = {}  # source and note texts, as shown
        self.book_progress: Callable[[], None] | None = None  # the read bar of a workbook
        self.extras: dict[Extra, Extra] = {}  # each (source, note) met, kept once
        #: the extra of a row's (source, note) cells as written, for the fast path
        self.extra_of: dict[tuple[object, object], Extra | None] = {}
        self.neutral: dict[Unit, dict[object, float]] = {unit: {} for unit in Unit}
        self.figures: dict[Unit, dict[object, float]] = {unit: {} for unit in Unit}
        # the state of the file being read (_start_file)
        self.pending = PendingRows()
        self.waiting: dict[Unit, dict[object, Cell]] = {unit: {} for unit in Unit}
        self.style: NumberStyle | None = None
        self.style_fixed = False
        self.decided_by: tuple[str, int] | None = None
        self.conflict_told = False
        self.no_figure, self.passed, self.plan_rows = _Count(), _Count(), _Count()
        self.beyond = _Count()  # a sheet's cells right of its header the reader made
        # a report table's rows outside the programme (text, place), and the indicators
        # its other rows name
        self.outside: list[tuple[str, int]] = []
        self.named: set[str] = set()
        # in a comma-delimited file: (value column, the text column after it, its role)
        self.split_after: list[tuple[int, int, str]] = []
        self.fraction_seen = False  # a percent figure of 1 or less was kept
        self.table_over = False  # a second table's header was met: no more rows are read
        self.base = 0
        self.stride = 1
        self.text_file = True
        self.header_place = 0

    # ---- sources ---------------------------------------------------------------

    def read_source(self, source: Source) -> None:
        self.store.files.append(source.name)
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

        The cyclic collector runs while a workbook is read, even where the command line
        has switched it off (entry.py): the XML parser under openpyxl leaves reference
        cycles behind, about 85 bytes a row of a large sheet that nothing else frees.
        """
        with cyclic_gc(True):
            self._read_book(name, raw)

    def _read_book(self, name: str, raw: BinaryIO) -> None:
        from ktt_cli.load.workbook import WorkbookStop, open_workbook

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

    def _plan_columns(
        self, layout: Layout, title: list[tuple[int, Sequence[object]]], table: Table, header: int
    ) -> Layout:
        """A column headed by a period alone (`Năm 2026`) under a title or in a sheet that
        names a plan for that period (`KẾ HOẠCH … NĂM 2026`, a sheet `KH 2026`): the plan,
        not the actuals (SPEC §3 "Layouts"); refused at its header cell, naming the title,
        and not read."""
        from ktt_cli.load.plan_title import plan_title

        found = plan_title([r for _, r in title], table.sheet)
        if found is None:
            return layout
        if found.row >= 0:
            row_place = self.base + title[found.row][0] * table.stride
            at = self.store.places.place(self._cell(row_place, found.column))
            said = at.cell if at.cell is not None else f"{at.file}:{at.line}"
        else:
            said = shown(found.text)
        periods = dict(layout.periods)
        for col in layout.bare:
            period = periods[col][0]
            if found.years and period.year not in found.years:
                continue
            del periods[col]
            where = self.store.places.place(header)
            if self.text_file:
                where = where._replace(column=col + 1)
            else:
                where = self.store.places.place(header + col)
            self.log.say(
                where, "plan_column", period=period.text, title=shown(found.text, 80), cell=said
            )
        return layout._replace(periods=periods)

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

    # ---- layouts ---------------------------------------------------------------

    def _long_rows(
        self, layout: Layout, numbers: Sequence[int], rows: Iterable[Sequence[object]]
    ) -> None:
        columns = layout.columns
        if "unit" in columns or "kind" in columns:  # a cell to check on every row
            for number, row in zip(numbers, rows, strict=True):
                self._long_row(layout, number, row)
            return
        i_ind, i_per, i_val = columns["indicator"], columns["period"], columns["value"]
        i_reg = columns.get("region")
        texts = [columns[c] for c in ("source", "note") if c in columns]
        # Whether a row's source and note cells are empty (the common row), so that
        # `_extra` has nothing to make of them: in a text file every cell is a str, and
        # truth says it; a sheet's cells are compared with empty ones.
        i_text, i_text2 = (texts + texts)[:2] if texts else (0, 0)
        text_cells = self.stride == 1
        texts_of = itemgetter(*texts) if texts else None
        no_texts: object = ("",) * len(texts) if len(texts) > 1 else ""
        # A comment's first cell is in no look-up table, so a comment row with it in a
        # column looked up goes to `_long_row`; only a text column first is checked.
        width, comments_elsewhere = layout.width, 0 not in (i_ind, i_per, i_val, i_reg)
        by_text, by_period = self.by_text, self.by_period
        no_region = self.no_column_region
        stride = self.stride
        offset = self.base + (i_val if stride > 1 else 0)  # a line of text is one place
        places: Iterable[int]
        if isinstance(numbers, range) and stride == 1:  # a text file's block of lines
            places = range(numbers.start + offset, numbers.stop + offset)
        else:
            places = map(offset.__add__, numbers if stride == 1 else map(stride.__mul__, numbers))
        # The fast path takes a row whose every cell has been seen before; it runs a
        # million times, so it is plain look-ups. Anything else goes to `_long_row`. Rows
        # come grouped by indicator or period, so a cell equal to the row before's is
        # not looked up again (comparing two strings is cheaper than hashing one).
        # A row whose figure is set in the arrays here is counted as the rows of the
        # chunk less those that went elsewhere (which count their own, if any).
        last_ind = last_per = last_text = last_text2 = last_texts = None
        last_extra: Extra | None = None
        extra_of = self.extra_of
        split_after = self.split_after
        indicator: _Indicator
        figures: dict[object, float] = {}
        regions: dict[object, Cells] = {}
        p = elsewhere = 0
        for place, row in zip(places, rows, strict=True):
            try:
                if row[i_ind] != last_ind:
                    indicator = by_text[row[i_ind]]
                    figures, regions = indicator.figures, indicator.regions
                    last_ind = row[i_ind]
                if row[i_per] != last_per:
                    p = by_period[row[i_per]]
                    last_per = row[i_per]
                cells = regions[row[i_reg] if i_reg is not None else no_region]
                try:
                    value = figures[row[i_val]]
                except KeyError:  # a figure not seen before: most are written plainly
                    value = self._plain_figure(indicator, row[i_val])
            except _Waits as waits:
                elsewhere += 1
                if not self._wait(layout, row, indicator, p, cells, waits.cell, place):
                    self._long_row(layout, (place - offset) // stride, row)
                continue
            except (KeyError, IndexError, TypeError):
                elsewhere += 1
                self._long_row(layout, (place - offset) // stride, row)
                continue
            if len(row) != width:
                # a sheet's row ends at its last cell: a short one has empty cells after
                if text_cells or len(row) > width:
                    elsewhere += 1
                    self._long_row(layout, (place - offset) // stride, row)
                    continue
                row = [*row, *(None,) * (width - len(row))]
            if comments_elsewhere and isinstance(row[0], str) and row[0].lstrip()[:1] == "#":
                elsewhere += 1
                self._long_row(layout, (place - offset) // stride, row)
                continue
            slots = cells.dense
            if p < len(slots) and not slots[p]:
                cells.values[p] = value
                slots[p] = place
            else:
                elsewhere += 1
                if cells.get(p) is None:
                    self.store.put(cells, p, value, place)
                else:
                    self._again(indicator, cells, p, value, place)
                    continue
            if texts_of is None:
                continue
            if text_cells:
                if not (row[i_text] or row[i_text2]):
                    continue
                if split_after:  # on every row with a text cell, as `_extra` would
                    self._split_decimal(row, place)
                # the same source on many rows one after another is read once
                if row[i_text] != last_text or row[i_text2] != last_text2:
                    last_text, last_text2 = row[i_text], row[i_text2]
                    last_extra = extra_of.get((last_text, last_text2), _NO_EXTRA)
                    if last_extra is _NO_EXTRA:
                        last_extra = self._extra(row, layout)
                        if len(extra_of) < _EXTRAS_KEPT:
                            extra_of[last_text, last_text2] = last_extra
            else:
                texts = texts_of(row)
                if texts == no_texts:
                    continue
                if split_after:
                    self._split_decimal(row, place)
                if texts != last_texts:
                    last_texts, last_extra = texts, self._extra(row, layout)
            if last_extra is not None:
                listed = cells.extras.listed
                if p < len(listed):  # as `Extras.__setitem__`, without the call
                    listed[p] = last_extra
                else:
                    cells.extras[p] = last_extra
        self.store.size += len(numbers) - elsewhere

    def _plain_figure(self, indicator: _Indicator, cell: object) -> float:
        """The figure of a value cell written plainly (`numbers.plain_figure`), kept for the
        rows after; KeyError for any other, which `_long_row` reads in full. Decimals in
        a file of thousands of communes are mostly new texts, each of which would
        otherwise take the long way once."""
        value = (
            plain_figure(cell, self.style, percent=indicator.unit is Unit.PERCENT)
            if isinstance(cell, str)
            else None
        )
        if value is None:
            if self.style is None and (parts := indicator.waiting.get(cell)) is not None:
                raise _Waits(parts)
            raise KeyError(cell)
        indicator.figures[cell] = value
        return value

    def _wait(
        self,
        layout: Layout,
        row: Sequence[object],
        indicator: _Indicator,
        p: int,
        cells: Cells,
        cell: Cell,
        place: int,
    ) -> bool:
        """A text row whose value cell is one seen waiting for the file's style: it waits
        too, as `_long_row` would have it; False for a row `_long_row` must read (of
        another width, a comment, a sheet's)."""
        if self.stride != 1 or len(row) != layout.width or str(row[0]).lstrip()[:1] == "#":
            return False
        self.pending.append(indicator, p, cells, cell, place, self._extra(row, layout, place))
        return True

    def _long_row(self, layout: Layout, number: int, row: Sequence[object]) -> None:
        """A long row the fast path could not take."""
        fitted = self._fitted(row, layout, number)
        if fitted is None:
            return
        columns = layout.columns
        i_val = columns["value"]
        place = self.base + number * self.stride
        value_cell = fitted[i_val]
        if _empty(value_cell) or _no_figure(value_cell):
            if _empty(fitted[columns["period"]]):  # a signature or a date of signing
                self.passed.add(place)
            else:
                self.no_figure.add(self._cell(place, i_val))
            return
        indicator = self._indicator(
            fitted[columns["indicator"]], self._cell(place, columns["indicator"])
        )
        if indicator is None:
            return
        p = self._period(fitted[columns["period"]], self._cell(place, columns["period"]))
        if p is None:
            return
        cells = self._cells(indicator, fitted, layout, place)
        if cells is None:
            return
        estimate = False
        if (i_kind := columns.get("kind")) is not None:
            said = self._row_kind(fitted[i_kind], self._cell(place, i_kind))
            if said is None:
                return
            estimate = said
        self._check_unit(indicator, fitted, layout, place)
        self._figure(
            indicator,
            p,
            cells,
            value_cell,
            self._cell(place, i_val),
            self._extra(fitted, layout, place),
            estimate,
        )

    def _wide_rows(
        self, layout: Layout, numbers: Sequence[int], rows: Iterable[Sequence[object]]
    ) -> None:
        i_per = layout.columns["period"]
        indicators = [(col, self.indicators[i]) for col, i in layout.indicators.items()]
        stride = self.stride
        for number, row in zip(numbers, rows, strict=True):
            fitted = self._fitted(row, layout, number)
            if fitted is None:
                continue
            place = self.base + number * stride
            filled = [(col, ind) for col, ind in indicators if not _empty(fitted[col])]
            if not filled:  # blank cells: no figure for that period, so no period either
                self.passed.add(place)
                continue
            p = self._period(fitted[i_per], self._cell(place, i_per))
            if p is None:
                continue
            extra = self._extra(fitted, layout, place)
            for col, indicator in filled:
                if _no_figure(fitted[col]):
                    self.no_figure.add(self._cell(place, col))
                    continue
                cells = self._cells(indicator, fitted, layout, place)
                if cells is not None:
                    self._figure(indicator, p, cells, fitted[col], self._cell(place, col), extra)

    def _table_rows(
        self, layout: Layout, numbers: Sequence[int], rows: Iterable[Sequence[object]]
    ) -> None:
        if self.table_over:  # rows after a second table's header
            return
        i_ind = layout.columns["indicator"]
        i_reg = layout.columns.get("region")
        i_kind = layout.columns.get("kind")
        stride = self.stride
        periods = [
            (col, self.store.period(period), est) for col, (period, est) in layout.periods.items()
        ]
        for number, row in zip(numbers, rows, strict=True):
            fitted = self._fitted(row, layout, number)
            if fitted is None:
                continue
            place = self.base + number * stride
            filled = [(col, p, est) for col, p, est in periods if not _empty(fitted[col])]
            figures = [(col, p, est) for col, p, est in filled if _holds_figure(fitted[col])]
            name = fitted[i_ind]
            if not figures and _header_again(fitted, layout):
                # a second table under the first: its columns may hold other periods or
                # kinds than the first's, so no row of it is read under the first's header
                self._say(self._cell(place, i_ind), "header_again")
                self.table_over = True
                return
            if i_kind is not None and figures:
                said = self._row_kind(fitted[i_kind], self._cell(place, i_kind))
                if said is None:
                    continue
                filled = [(col, p, est or said) for col, p, est in filled]
            if i_reg is not None and not self._region_filled(
                fitted, i_reg, number, place, bool(figures)
            ):
                continue
            if not figures and self._region_group(name, i_reg, number, place):
                continue
            if self.region_grouped:
                continue
            if not figures:  # a group row ("I. Tổ hợp tác"), a signature, or "-" only
                marks = [col for col, _, _ in filled if _no_figure(fitted[col])]
                if marks and len(marks) == len(filled):
                    for col in marks:
                        self.no_figure.add(self._cell(place, col))
                else:
                    self.passed.add(place)
                continue
            indicator = self._table_indicator(name, self._cell(place, i_ind))
            if indicator is None:
                continue
            cells = self._cells(indicator, fitted, layout, place)
            if cells is None:
                continue
            self._check_unit(indicator, fitted, layout, place)
            extra = self._extra(fitted, layout, place)
            for col, p, estimate in filled:
                if _no_figure(fitted[col]):
                    self.no_figure.add(self._cell(place, col))
                    continue
                self._figure(
                    indicator, p, cells, fitted[col], self._cell(place, col), extra, estimate
                )

    def _row_kind(self, cell: object, place: int) -> bool | None:
        """What a row's kind cell (`Loại số liệu`) says its figures are: an estimate (True),
        actuals (False, also for a blank cell), or None for a row not read: a plan or a
        comparison (`Kế hoạch`, `Mục tiêu`: counted in one warning) or a kind that does not
        read (an error)."""
        from ktt_cli.load.band import _kind_words
        from ktt_cli.load.layout import header_key, not_figures

        text = cell.strip() if isinstance(cell, str) else "" if cell is None else str(cell)
        if not text:
            return False
        if not_figures(text):
            self.plan_rows.add(place)
            return None
        key = header_key(text)
        words, kind = _kind_words(key)
        if kind is not None and words == len(key.split("_")):
            return kind == "estimate"
        self._say(place, "unknown_kind", text=shown(text))
        return None

    def _region_filled(
        self, row: list[object], i_reg: int, number: int, place: int, figures: bool
    ) -> bool:
        """A report table's region cell, blank under a named region (SPEC §3 "Regions of a
        report table"): where a merged range over the region column covers it, the range's
        region, as the sheet shows it; else refused (False, an error logged): a CSV saved
        from a merged sheet leaves the cells under the name blank, and a blank region is
        the whole territory, so reading it would put a commune's figures on the province."""
        cell = row[i_reg]
        if not _empty(cell):
            text = cell if isinstance(cell, str) else str(cell)
            known = self.regions.get(cell)  # a region cell read before
            named = (known or self.region_names.find(text).region) != ("", "")
            self.region_above = (number, cell) if named else None
            return True
        if self.region_above is None or not figures:
            return True
        top, above = self.region_above
        if top < number <= self.region_merges.get(top, 0):  # under a merged region
            row[i_reg] = above
            return True
        self._say(
            self._cell(place, i_reg),
            "blank_region",
            region=shown(str(above)),
            above=_at(self.store.places.place(self._cell(self.base + top * self.stride, i_reg))),
        )
        return False

    def _region_group(self, cell: object, i_reg: int | None, number: int, place: int) -> bool:
        """A group row that names a region (`I | Xã Mường Lai`) over indicator rows: with no
        region column, the rows under it would go to the whole territory, so it is refused
        (True, an error logged); with a region column, blank region cells under it are."""
        text = _ROW_LABEL.sub("", cell, count=1) if isinstance(cell, str) else ""
        if not text.strip() or self.names.find(text) is not None:
            return False
        region = self.region_names.find(text).region
        if region is None and not self.region_names.listed:
            region = ("?", text) if normalise(text).startswith(_REGION_WORDS) else None
        if region is None or region == ("", ""):
            return False
        if i_reg is not None:
            self.region_above = (number, region[1])
            return False
        self._say(place, "region_group_row", region=shown(text.strip()))
        self.region_grouped = True  # the rows under it are not the territory's either
        return True

    # ---- cells -----------------------------------------------------------------

    def _fitted(self, row: Sequence[object], layout: Layout, number: int) -> list[object] | None:
        """`row` with as many cells as the header, or None for a row to pass over."""
        if _not_data(row):
            return None
        width = len(row)
        if width > layout.width:
            extra = row[layout.width :]
            if self.text_file:
                # Even empty extra fields are refused: an unquoted 65,5 in a row whose last
                # cells are empty would otherwise shift 5 into the next column unnoticed.
                place = self.base + number * self.stride
                self._say(place, "extra_fields", width=width, header=layout.width)
                return None
            for i, cell in enumerate(extra, layout.width):  # one warning, _say_beyond
                if not _empty(cell):
                    self.beyond.add(self.base + number * self.stride + i)
            return list(row[: layout.width])
        if width < layout.width and self.text_file and width <= _last_required(layout):
            place = self.base + number * self.stride
            if width == 1 and not any(d in str(row[0]) for d in ",;\t"):
                self.passed.add(place)  # a line of text: a signature, a date
                return None
            self._say(place, "short_row", width=width, header=layout.width)
            return None
        return [*row, *[""] * (layout.width - width)]

    def _table_indicator(self, cell: object, place: int) -> _Indicator | None:
        """A report table row's indicator; a row that names none of the programme's is kept
        aside (`_outside_rows`), as a report table holds more rows than the programme."""
        text = cell if isinstance(cell, str) else "" if cell is None else str(cell)
        found_id = self.names.find(text)
        if found_id is not None:
            self.named.add(found_id)
            return self._indicator(cell, place)
        bare = _ROW_LABEL.sub("", text, count=1)
        if bare != text and (found_id := self.names.find(bare)) is not None:
            self.named.add(found_id)  # `1. Số hợp tác xã`, `Trong đó: - Số HTX …`
            return self._indicator(bare, place)
        key = normalise(text)
        if not key or key in TOTALS_WORDS:
            return self._indicator(cell, place)
        self.outside.append((text.strip(), place))
        return None

    def _outside_rows(self) -> None:
        """Rows of a report table outside the programme: passed over with one warning that
        lists them, but a likely typo of an indicator no other row names is an error."""
        listed: list[str] = []
        count = first = 0
        for text, place in self.outside:
            near = self.names.near(_ROW_LABEL.sub("", text, count=1))
            if near is not None and near[1] not in self.named:
                programme = self.targets.programme.id
                key = "unknown_indicator"
                self._say(place, key, text=shown(text), programme=programme, closest=near[0])
                continue
            count += 1
            first = first or place
            if len(listed) < OUTSIDE_LISTED:
                where = self.store.places.place(place)
                closest = self.names.closest(text)
                asked = f"; {shown(closest)}?" if closest else ""
                listed.append(f"{shown(text)} ({where.cell or where.line}{asked})")
        if count:
            more = f", … (+{count - len(listed)})" if count > len(listed) else ""
            self._say(
                first,
                "outside_programme",
                "warning",
                count=count,
                programme=self.targets.programme.id,
                rows=", ".join(listed) + more,
            )

    def _indicator(self, cell: object, place: int) -> _Indicator | None:
        text = cell if isinstance(cell, str) else "" if cell is None else str(cell)
        found_id = self.names.find(text)
        if found_id is None and normalise(text) in TOTALS_WORDS:
            self._say(place, "totals_row", "warning", text=shown(text.strip()))
            return None
        if found_id is None and len(ids := self.names.candidates(text)) > 1:
            self._say(place, "ambiguous_indicator", text=shown(text.strip()), names=", ".join(ids))
            return None
        if found_id is None:
            closest = self.unknown.get(text)
            if closest is None:  # the suggestion is worked out once per text, not per row
                closest = self.unknown[text] = self.names.closest(text.strip())
            if written := text.strip():
                programme = self.targets.programme.id
                key = "unknown_indicator"
                self._say(place, key, text=shown(written), programme=programme, closest=closest)
            else:
                self._say(place, "unknown_indicator.empty")
            return None
        found = self.indicators[found_id]
        if cell is not None:
            self.by_text[cell] = found
        return found

    def _period(self, cell: object, place: int) -> int | None:
        known = self.by_period.get(cell)
        if known is not None:
            return known
        try:
            if isinstance(cell, date | str):
                period = parse_period(cell)
            elif isinstance(cell, int) and not isinstance(cell, bool):
                period = parse_period(str(cell))  # a year typed as a number
            else:
                _cell_problem(cell)  # an error cell, a formula never computed
                raise PeriodError("cell", text=shown(str(cell)))
        except FigureError as e:
            self.log.tell(self.store.places.place(place), again(e.code, e.args_))
            return None
        except PeriodError as e:
            where = self.store.places.place(place)
            self.log.tell(where, again("invalid_period", e.args_))
            return None
        if begins_after(period, self.today):  # SPEC §3: a mistyped year, 2052 for 2025
            self._say(place, "future_period", period=period, today=self.today.isoformat())
            return None
        index = self.store.period(period)
        self.by_period[cell] = index
        return index

    def _cells(
        self, indicator: _Indicator, row: Sequence[object], layout: Layout, place: int
    ) -> Cells | None:
        """The cells of the row's region; None (an error logged) for a region the
        programme does not list."""
        i_reg = layout.columns.get("region")
        cell = row[i_reg] if i_reg is not None else self.no_column_region
        cells = indicator.regions.get(cell)
        if cells is not None:
            return cells
        region = self.regions.get(cell)
        if region is None:
            text = "" if cell is None else str(cell)
            meaning = self.region_names.find(text)
            region = meaning.region
            if region is None and (self.region_names.listed or meaning.candidates):
                assert i_reg is not None  # a blank region is the territory
                if meaning.candidates:
                    names = ", ".join(f"'{n}'" for n in meaning.candidates)
                    self._say(
                        self._cell(place, i_reg), "ambiguous_region", text=shown(text), names=names
                    )
                    return None
                self._say(
                    self._cell(place, i_reg),
                    "unknown_region.listed",
                    text=shown(text),
                    territory=self.targets.programme.territory,
                    closest=self.region_names.closest(text),
                )
                return None
            if region is None:  # no list: any name is a region (SPEC §8)
                region, like = self.region_names.unlisted(text)
                if like is not None and i_reg is not None:
                    where = self._cell(place, i_reg)
                    self._say(
                        where,
                        "regions_differ_by_marks",
                        "warning",
                        name=shown(region[1]),
                        other=shown(like),
                    )
            self.regions[cell] = region
        cells = self.store.region_cells(indicator.id, *region)
        indicator.regions[cell] = cells
        return cells

    def _check_unit(
        self, indicator: _Indicator, row: Sequence[object], layout: Layout, place: int
    ) -> None:
        i_unit = layout.columns.get("unit")
        if i_unit is None or _empty(row[i_unit]):
            return
        written = str(row[i_unit])
        if ("%" in written) != (indicator.unit is Unit.PERCENT):
            self._say(
                self._cell(place, i_unit),
                "unit_mismatch",
                "warning",
                unit=shown(written),
                indicator=indicator.id,
                kind=indicator.unit.value,
            )

    def _extra(self, row: Sequence[object], layout: Layout, place: int = 0) -> Extra | None:
        if self.split_after and place:
            self._split_decimal(row, place)
        i_src, i_note = layout.columns.get("source"), layout.columns.get("note")
        source = self._text(row[i_src]) if i_src is not None else None
        note = self._text(row[i_note]) if i_note is not None else None
        if not (source or note):
            return None
        extra = Extra(None, source, note)  # one object for each source and note met
        return self.extras.setdefault(extra, extra)

    def _split_decimal(self, row: Sequence[object], place: int) -> None:
        """An unquoted `65,5` in a comma-delimited file splits into `65` and `5`: a figure
        followed by a cell of digits only in a note, source or region column is refused
        (SPEC §3 "Figures"). Only rows with such a text cell come here, so the common row
        pays nothing; the figure may already be kept, but the error stops any report."""
        for i_value, i_text, role in self.split_after:
            value, digits = row[i_value], row[i_text]
            if not (isinstance(value, str) and isinstance(digits, str)):
                continue
            digits, value = digits.strip(), value.strip()
            if not (digits.isdigit() and _PLAIN.fullmatch(value)):
                continue
            if role == "region" and self.region_names.region(digits) is not None:
                continue  # a listed region's code, such as 04567
            where = self._cell(place, i_text)
            self._say(where, "split_decimal", value=value, digits=digits, column=role)

    def _text(self, cell: object) -> str | None:
        if _empty(cell):
            return None
        text = cell if isinstance(cell, str) else str(cell)
        shown_text = self.texts.get(text)
        if shown_text is None:
            # composed: Windows-1258 decodes to combining marks
            shown_text = self.texts[text] = unicodedata.normalize("NFC", text.strip())
        return shown_text or None

    def _figure(
        self,
        indicator: _Indicator,
        p: int,
        cells: Cells,
        cell: object,
        place: int,
        extra: Extra | None,
        estimate: bool = False,
    ) -> None:
        """Read a value cell and keep its figure."""
        qualifier: str | None = "≈" if estimate else None
        if isinstance(cell, str):
            try:
                parts = split_cell(cell, indicator.unit)
            except FigureError as e:
                self._figure_error(place, indicator.id, e)
                return
            if parts is None:
                self.no_figure.add(place)
                return
            qualifier = parts.qualifier or qualifier
            fits, style = self._style_of(parts, place)
            if not fits:
                return
            if style is None and parts.reading.ambiguous:
                extra = _with_qualifier(extra, qualifier)
                self.pending.append(indicator, p, cells, parts, place, extra)
                if qualifier is None and not estimate:  # the fast path sends its rows here
                    indicator.waiting[cell] = parts
                return
            try:
                value = figure_of(parts, indicator.unit, style)
            except FigureError as e:
                self._figure_error(place, indicator.id, e)
                return
            if qualifier is None and not estimate:
                indicator.figures[cell] = value
        else:
            number = self._number(indicator, cell, place)
            if number is None:
                return
            value = number
        self._keep(indicator, p, cells, value, place, _with_qualifier(extra, qualifier))

    def _number(self, indicator: _Indicator, cell: object, place: int) -> float | None:
        """A workbook's typed cell as a figure (SPEC §9): a number is the number it holds."""
        try:
            value = checked(cell_figure(cell, indicator.unit), indicator.unit)
        except FigureError as e:
            self._figure_error(place, indicator.id, e)
            return None
        if cell not in (0, 1):  # True and False equal 1 and 0: never cached as keys
            indicator.figures[cell] = value
        return value

    def _style_of(self, parts: Cell, place: int) -> tuple[bool, NumberStyle | None]:
        """Whether `parts` fits the file's number style, and that style once it is seen."""
        if self.style_fixed:
            return True, self.style
        deciding = parts.reading.deciding
        if deciding is None:
            return True, self.style
        if self.style is None:
            self.style, self.decided_by = deciding, (parts.reading.text, place)
            self._resolve_pending()
            return True, deciding
        if deciding is not self.style:
            assert self.decided_by is not None
            if not self.conflict_told:
                self.conflict_told = True
                first, first_place = self.decided_by
                where = self.store.places.place(first_place)
                self._say(
                    place,
                    "mixed_number_styles",
                    text=shown(parts.reading.text),
                    style=deciding.value,
                    first=shown(first),
                    where=_where(where),
                    first_style=self.style.value,
                )
            return False, self.style
        return True, deciding

    def _keep(
        self,
        indicator: _Indicator,
        p: int,
        cells: Cells,
        value: float,
        place: int,
        extra: Extra | None,
    ) -> None:
        if cells.get(p) is not None:
            self._again(indicator, cells, p, value, place)
            return
        if 0 < value <= 1 and indicator.unit is Unit.PERCENT:
            self.fraction_seen = True  # every figure's text is first read here
        self.store.put(cells, p, value, place)
        if extra is not None:
            cells.extras[p] = extra

    def _again(self, indicator: _Indicator, cells: Cells, p: int, value: float, place: int) -> None:
        """A second figure for the same indicator, region and period."""
        got = cells.get(p)
        assert got is not None
        old, first_place = got
        first = self.store.places.place(first_place)
        # the file is named when the first figure is in another file, a sheet before this
        # one, or the same file given twice
        region = cells.region or "the whole territory"
        on = _where(first, with_file=first_place < self.base)
        i, period = indicator.id, self.store.periods[p]
        if old == value:
            self._say(
                place, "repeated_row", "warning", indicator=i, period=period, region=region, on=on
            )
        else:
            self._say(
                place,
                "conflicting_values",
                indicator=i,
                period=period,
                region=region,
                value=plain_number(value),
                old=plain_number(old),
                on=on,
            )

    # ---- files -------------------------------------------------------------------

    def _start_file(self) -> None:
        fixed = self.options.number_style
        self.style_fixed = fixed is not NumberStyle.AUTO
        self.style = fixed if self.style_fixed else None
        self.decided_by, self.conflict_told = None, False
        self.extra_of = {}  # its keys are the cells of this file's text columns
        self.pending = PendingRows()
        self.no_figure, self.passed, self.plan_rows = _Count(), _Count(), _Count()
        self.waiting = {unit: {} for unit in Unit}
        self.outside, self.named = [], set()
        self.table_over = self.region_grouped = False
        self.figures = {unit: dict(known) for unit, known in self.neutral.items()}
        for indicator in self.indicators.values():  # texts read alike by a unit's indicators
            indicator.figures = self.figures[indicator.unit]
            indicator.waiting = self.waiting[indicator.unit]

    def _resolve_pending(self) -> None:
        pending, self.pending = self.pending, PendingRows()
        for waiting in self.waiting.values():  # the style is known from here on
            waiting.clear()
        # a text's rows share its reading (`waiting`): each reading is resolved once
        read: dict[tuple[int, Unit], float | FigureError] = {}
        for item in map(_Pending._make, pending):
            key = (id(item.cell), item.indicator.unit)
            value = read.get(key)
            if value is None:
                try:
                    value = figure_of(item.cell, item.indicator.unit, self.style)
                except FigureError as e:
                    value = e
                read[key] = value
            if isinstance(value, FigureError):
                self._figure_error(item.place, item.indicator.id, value)
                continue
            self._keep(item.indicator, item.period, item.cells, value, item.place, item.extra)

    def _finish_file(self) -> None:
        self._outside_rows()
        self._resolve_pending()
        for unit, figures in self.figures.items():  # what every file reads alike
            neutral = self.neutral[unit]
            for text, value in figures.items():
                if isinstance(text, str) and text not in neutral and _neutral(text):
                    neutral[text] = value
        if self.no_figure.count:
            self._say(
                self.no_figure.first, "no_figure.count", "warning", count=self.no_figure.count
            )
        if self.passed.count:
            self._say(self.passed.first, "rows_passed_over", "warning", count=self.passed.count)
        if self.plan_rows.count:
            self._say(self.plan_rows.first, "plan_rows", "warning", count=self.plan_rows.count)

    def finish(self) -> Actuals:
        if self.fraction_seen:
            self._percent_fractions()
        names = {i.id: i.id for i in self.targets.indicators}
        regions_to_territory(self.store, self.targets, self.region_names.order, self.log)
        return build_actuals(self.store, names, self.log)

    def _percent_fractions(self) -> None:
        """A percent figure of 1 or less among the indicator's figures above 1: Excel saves
        a percentage cell without its format as 0,655 (SPEC §3 "Figures"). Looked for only
        once such a figure was kept, over the percent indicators' figures."""
        for indicator in self.indicators.values():
            if indicator.unit is not Unit.PERCENT:
                continue
            fraction: tuple[float, int] | None = None
            above: float | None = None
            for cells in self.store.cells[indicator.id].values():
                for _, value, place in cells.items():
                    if 0 < value <= 1:
                        if fraction is None or place < fraction[1]:
                            fraction = (value, place)
                    elif value > 1 and above is None:
                        above = value
            if fraction is not None and above is not None:
                self._say(
                    fraction[1],
                    "percent_fraction",
                    "warning",
                    indicator=indicator.id,
                    value=plain_number(fraction[0]),
                    other=plain_number(above),
                )

    # ---- problems ------------------------------------------------------------------

    def _cell(self, row_place: int, column: int) -> int:
        """The place of a cell of a row: a sheet's cells are places, a text's lines are."""
        return row_place + column if self.stride > 1 else row_place

    def _figure_error(self, place: int, indicator: str, e: FigureError) -> None:
        """A figure's error, said about its indicator (named by the renderer)."""
        where = self.store.places.place(place)
        self.log.tell(where, again(e.code, (*e.args_, ("about", indicator))))

    def _say(self, place: int, key: str, severity: Severity = "error", /, **values: object) -> None:
        """A problem the catalogue words (messages.MESSAGES)."""
        self.log.say(self.store.places.place(place), key, severity, **values)


def _with_qualifier(extra: Extra | None, qualifier: str | None) -> Extra | None:
    if qualifier is None:
        return extra
    return Extra(qualifier, *(extra[1:] if extra else (None, None)))


def _at(place: Place) -> str:
    """A cell as a message names it: `B8` in a sheet, `8:2` (line and column) in a text."""
    if place.cell is not None:
        return place.cell
    return f"{place.line}:{place.column}" if place.column else str(place.line)


def _where(place: Place, *, with_file: bool = True) -> str:
    if place.sheet is not None:
        return f"{place.file}:{place.sheet}!{place.cell}" if with_file else f"cell {place.cell}"
    return f"line {place.line}" + (f" of {place.file}" if with_file else "")


#: Problems of a header band that still make it the sheet's header.
_BAND_CODES = frozenset(("unclear_column", "no_actuals_column"))
_PLAIN = re.compile(r"-?\d[\d.]*")


def _split_columns(layout: Layout) -> list[tuple[int, int, str]]:
    """(value column, text column, role) where a text column follows a value column."""
    roles = {i: role for role, i in layout.columns.items()}
    values = [layout.columns["value"]] if "value" in layout.columns else []
    values += list(layout.indicators) + list(layout.periods)
    return [
        (i, i + 1, roles[i + 1]) for i in values if roles.get(i + 1) in ("note", "source", "region")
    ]


def _header_again(row: Sequence[object], layout: Layout) -> bool:
    """Whether a report table's row is the header of another table: its indicator cell
    names the indicator column (`Chỉ tiêu`), or its period cells say what columns hold
    (`KH | TH`)."""
    from ktt_cli.load.band import says_kind
    from ktt_cli.load.layout import ROLES, header_key

    cell = row[layout.columns["indicator"]]
    if isinstance(cell, str) and header_key(cell) in ROLES["indicator"]:
        return True
    return says_kind([row[i] for i in layout.periods], set())


def _last_required(layout: Layout) -> int:
    """The index of the last column a row of `layout` cannot do without."""
    roles = {Kind.LONG: ("indicator", "period", "value"), Kind.WIDE: ("period",)}
    needed = [layout.columns[r] for r in roles.get(layout.kind, ("indicator",))]
    needed += list(layout.periods) if layout.kind is Kind.TABLE else []
    return max(needed)


#: Sheets a warning names one by one; past them it gives their count (a workbook of
#: thousands of sheets would make a warning of thousands of names).
_NAMED_SHEETS = 30


def _names(sheets: list[Sheet]) -> str:
    named = ", ".join(f"'{s.name}'" for s in sheets[:_NAMED_SHEETS])
    more = len(sheets) - _NAMED_SHEETS
    return f"{named}, … (+{more})" if more > 0 else named


def _cell_problem(cell: object) -> None:
    """Raise the error a workbook's error cell or uncomputed formula is, wherever it stands
    (SPEC §9: an error placed by its cell, in its own words)."""
    from ktt_cli.load.workbook import ErrorCell, UncomputedFormula

    if isinstance(cell, ErrorCell):
        raise FigureError.said("error_cell", error=cell.code)
    if isinstance(cell, UncomputedFormula):
        raise FigureError.said("uncomputed_formula", formula=shown(cell.formula))


#: Unit words of a commune-level region (normal form, followed by `_`).
_REGION_WORDS = ("xa_", "phuong_", "thi_tran_", "dac_khu_")


def _filled(row: Sequence[object]) -> bool:
    return any(cell is not None for cell in row)


def _empty(cell: object) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _holds_figure(cell: object) -> bool:
    """Whether a cell of a report table's period column is meant as a figure: a number, an
    error, or a text that reads as one; not a signature or a date of signing."""
    if not isinstance(cell, str):
        return cell is not None
    if is_no_figure(cell):
        return False
    try:
        return split_cell(cell, Unit.PERCENT) is not None
    except FigureError as e:
        return e.code != "not_a_number"


def _no_figure(cell: object) -> bool:
    return isinstance(cell, str) and is_no_figure(cell)


def _not_data(row: Sequence[object]) -> bool:
    """A blank row, a row of empty cells, or a comment."""
    if not row:
        return True
    first = row[0]
    if isinstance(first, str) and first.lstrip()[:1] == "#":
        return True
    return all(_empty(c) for c in row)


def _neutral(text: str) -> bool:
    """Whether every number style reads `text` alike (no mark in it): safe for any file."""
    return "." not in text and "," not in text
