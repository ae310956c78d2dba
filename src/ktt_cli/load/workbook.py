"""Workbooks (.xlsx, .xlsm, .ods) as rows of exact cells (SPEC §9).

A loader of this package hands rows of cells to the collector, which finds the
header, the layout and reads every cell. This one reads workbooks, and keeps
what a reader that flattens cells to text would lose: a percent-formatted
number is a ``PercentCell`` (its stored fraction), an error cell an
``ErrorCell``, a formula that was never computed an ``UncomputedFormula``, a
date cell a ``datetime``, an integer an ``int``.

- ``.xlsx``/``.xlsm`` are read by openpyxl's own sheet parser in its read-only,
  cached-values mode (the fastest exact reader there is: it keeps each cell's
  type and style); see ``_XlsxBook`` for how formulas without values, number
  formats and hidden rows are found at no cost to the plain pass.
- ``.ods`` is read from ``content.xml`` with defusedxml's ``iterparse``: every
  cell states its ``office:value-type`` and ``office:value``.
- A workbook is a zip of XML: every member is read through ``_Bounded``, which
  refuses a member that inflates beyond ``MAX_MEMBER_BYTES`` or beyond
  ``MAX_RATIO`` times its compressed size (declared sizes are checked first, and
  what is actually inflated is counted, so a lying header does not help), and
  XML is parsed by defusedxml, which refuses entity declarations.

openpyxl is imported only when an ``.xlsx`` is opened, never at start-up.
"""

from __future__ import annotations

import datetime
import io
import re
import warnings
import zipfile
import zlib
from bisect import bisect_left
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any, BinaryIO, NamedTuple, cast

from ktt_cli.messages import Args, Message, message
from ktt_cli.problems import cell_name, shown, unreadable

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

    from openpyxl.workbook.workbook import Workbook as _OpenpyxlWorkbook


class ErrorCell(NamedTuple):
    """An error value of a cell: ``#DIV/0!``, ``#N/A``, ``#REF!``, ``#VALUE!``, ..."""

    code: str


class PercentCell(NamedTuple):
    """A number whose format shows it as a percentage: 65,5% is stored 0.655."""

    fraction: float


class UncomputedFormula(NamedTuple):
    """A formula cell that holds no computed value (its file was never calculated)."""

    formula: str


Cell = (
    str
    | int
    | float
    | bool
    | datetime.datetime
    | ErrorCell
    | PercentCell
    | UncomputedFormula
    | None
)


class WorkbookStop(Exception):
    """The workbook cannot be read at all: one clear error that says what to do."""

    def __init__(
        self,
        code: str,
        message: str,
        sheet: str | None = None,
        cell: str | None = None,
        args: Args = (),
    ) -> None:
        super().__init__(message)
        self.code, self.message, self.sheet, self.cell = code, message, sheet, cell
        self.args_ = args

    @classmethod
    def said(
        cls,
        book: str,
        key: str,
        /,
        sheet: str | None = None,
        cell: str | None = None,
        **values: object,
    ) -> WorkbookStop:
        """The stop of the workbook `book` the catalogue words (messages.MESSAGES)."""
        return cls.told(book, message(key, **values), sheet, cell)

    @classmethod
    def told(
        cls, book: str, said: Message, sheet: str | None = None, cell: str | None = None
    ) -> WorkbookStop:
        """The stop of the workbook `book` for a message of the catalogue."""
        return cls(said.code, f"{book}: {said.text('en')}", sheet, cell, said.args)


class Sheet(NamedTuple):
    name: str
    position: int  # 1-based
    hidden: bool


Rows = Iterator[tuple[int, list[Cell]]]
#: A sheet's rows as a format reads them, given the list that gathers its hidden rows.
_Reader = Callable[[list[int]], Rows]


#: No real sheet inflates beyond this: Excel's 1,048,576 rows of a long file are
#: about 150 MB of XML.
MAX_MEMBER_BYTES = 512 * 1024 * 1024
#: Nor compresses better than this once it is large: sheet XML deflates about
#: 10-30 times; a zip bomb of one repeated byte, about 1,000 times.
MAX_RATIO = 200
#: The ratio is only judged past this size (a tiny styles.xml can deflate well).
RATIO_FLOOR = 8 * 1024 * 1024

#: The merged ranges a sheet keeps for its header (the first of them, by top row); and
#: the rows with a cell an .ods is looked at for them.
MERGES_KEPT = 10_000
MERGES_WITHIN = 64

#: Excel's grid; a repeated ODS cell or row is never expanded beyond it.
MAX_COLUMNS = 16_384
MAX_ROWS = 1_048_576

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"


# ---- bounded reading of zip members ---------------------------------------------


class _Bounded(io.RawIOBase):
    """A zip member's stream that stops at the first byte beyond the bounds."""

    def __init__(self, raw: IO[bytes], info: zipfile.ZipInfo, book: str) -> None:
        super().__init__()
        self._raw, self._name, self._book = raw, info.filename, book
        self._limit = min(MAX_MEMBER_BYTES, max(RATIO_FLOOR, MAX_RATIO * info.compress_size))
        self._out = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0:
            return b"".join(iter(lambda: self.read(1 << 20), b""))
        data = self._raw.read(size)
        self._out += len(data)
        if self._out > self._limit:
            raise _too_large(self._book, self._name)
        return data

    def readinto(self, buffer: Any) -> int:  # noqa: ANN401 (any writable buffer)
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._raw.close()
        super().close()


def _too_large(book: str, member: str) -> WorkbookStop:
    return WorkbookStop.said(book, "workbook_too_large", member=member)


class _GuardedZip(zipfile.ZipFile):
    """A zip whose members can only be read through ``_Bounded``."""

    book = ""

    def open(
        self,
        name: str | zipfile.ZipInfo,
        mode: str = "r",
        pwd: bytes | None = None,
        *,
        force_zip64: bool = False,  # noqa: ARG002 (only reading is ever asked)
    ) -> IO[bytes]:
        if mode != "r":
            raise _corrupt(self.book, "its content cannot be parsed")
        info = name if isinstance(name, zipfile.ZipInfo) else self.getinfo(name)
        return cast("IO[bytes]", _Bounded(super().open(info, "r", pwd), info, self.book))


def _open_zip(name: str, stream: BinaryIO, size: int) -> _GuardedZip:
    try:
        archive = _GuardedZip(stream)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError) as e:
        raise _corrupt(name, e) from e
    archive.book = name
    for info in archive.infolist():
        if info.compress_size > size:
            raise _corrupt(name, "a part of it is larger than the file")
        too_big = info.file_size > MAX_MEMBER_BYTES
        if too_big or info.file_size > max(RATIO_FLOOR, MAX_RATIO * info.compress_size):
            raise _too_large(name, info.filename)
    return archive


def _corrupt(name: str, why: BaseException | str) -> WorkbookStop:
    """A damaged workbook, said by the kind of damage (messages.WORDS_VI): never in the
    words of zipfile, zlib or openpyxl, which are English whatever the user's language."""
    if isinstance(why, str):
        kind = why
    elif isinstance(why, zipfile.BadZipFile) and "not a zip file" not in str(why):
        kind = "a compressed part of it is damaged"  # a bad CRC-32, a bad magic number
    elif isinstance(why, zipfile.BadZipFile):
        kind = "it is not a zip archive"
    elif isinstance(why, (zlib.error, EOFError)):
        kind = "a compressed part of it is damaged"
    elif "no valid workbook part" in str(why):
        kind = "it has no workbook part"
    else:
        kind = "its content cannot be parsed"
    return WorkbookStop.said(name, "workbook_corrupt", why=kind)


def _hostile(name: str) -> WorkbookStop:
    return WorkbookStop.said(name, "hostile_xml")


def _is_defused_refusal(error: BaseException) -> bool:
    from defusedxml import DefusedXmlException

    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, DefusedXmlException):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


# ---- workbooks -------------------------------------------------------------------


class Workbook:
    """A workbook opened for reading; use as a context manager.

    ``hidden_rows(sheet)`` is known once ``rows(sheet)`` has been read to its end
    (the rows' ``hidden`` attribute is seen on the way); called before, it reads
    the sheet once to find them.
    """

    def __init__(self, name: str, raw: BinaryIO | str | Path) -> None:
        self.name = name
        self._owned: BinaryIO | None = None
        if isinstance(raw, str | Path):
            try:
                raw = self._owned = Path(raw).open("rb")  # noqa: SIM115 (closed by close())
            except OSError as e:
                raise WorkbookStop.told(name, unreadable(e)) from e
        self._stream: BinaryIO = raw
        self._hidden: dict[int, list[int]] = {}
        self._sheets: list[Sheet] | None = None
        #: The columns read of the sheet being read: once its header is known, cells right of
        #: it are not made into rows (a row then costs what its table's columns cost, not
        #: the width of the grid), only counted: sheet position -> (row, column, count) of
        #: those cells, for one warning that places the first.
        self.width = MAX_COLUMNS
        self.cut: dict[int, tuple[int, int, int]] = {}
        #: each sheet's merged ranges (top, left, bottom, right: rows by number, columns
        #: from 0) among its first MERGES_WITHIN rows with a cell, as its rows are read
        self._merges: dict[int, list[tuple[int, int, int, int]]] = {}

    # subclasses read the format
    def _list_sheets(self) -> list[Sheet]:
        raise NotImplementedError

    def _rows(self, sheet: Sheet, hidden: list[int]) -> Rows:
        raise NotImplementedError

    def _tables(self) -> Iterator[tuple[Sheet, _Reader]]:
        """Each sheet and the reader of its rows, in order; a sheet's rows are read (or
        not) before the next sheet is asked for."""
        for sheet in self._list_sheets():
            yield sheet, partial(self._rows, sheet)

    def sheets(self) -> list[Sheet]:
        """The worksheets in their order; a workbook without any cell is refused."""
        if self._sheets is None:
            sheets = self._list_sheets()
            if not any(_filled(row) for sheet in sheets for _, row in self.rows(sheet)):
                raise WorkbookStop.said(self.name, "workbook_empty.cells")
            self._sheets = sheets
        return self._sheets

    def sheet(self, choice: str | int) -> Sheet:
        """A sheet by name (case and spaces as written) or by 1-based position."""
        sheets = self.sheets()
        for sheet in sheets:
            if isinstance(choice, str) and sheet.name == choice:
                return sheet
        wanted = choice.strip() if isinstance(choice, str) else choice
        if isinstance(wanted, str) and wanted.isdigit():
            wanted = int(wanted)
        if isinstance(wanted, int) and 1 <= wanted <= len(sheets):
            return sheets[wanted - 1]
        names = ", ".join(f"{s.position}: {s.name}" for s in sheets)
        raise WorkbookStop.said(
            self.name, "no_such_sheet", sheet=str(choice), choice=repr(choice), names=names
        )

    def rows(self, sheet: Sheet) -> Rows:
        """(1-based row number, cells from column A); rows without any cell are left out.

        The same list may come for several rows (an .ods repeats a row): read, never change.
        """
        return self._read(sheet, partial(self._rows, sheet))

    def walk(self) -> Iterator[tuple[Sheet, Rows]]:
        """Every sheet in its order with its rows, in one pass over the file: a sheet's rows
        are read as far as wanted before the next sheet is asked for, and not after."""
        tables = self._tables()
        while True:
            try:
                sheet, reader = next(tables)
            except StopIteration:
                return
            except (WorkbookStop, MemoryError):
                raise
            except Exception as e:  # any failure of a parser inside a damaged file
                raise self._damaged(e) from e
            yield sheet, self._read(sheet, reader)

    def _read(self, sheet: Sheet, reader: _Reader) -> Rows:
        hidden: list[int] = []
        self.width = MAX_COLUMNS
        try:
            yield from reader(hidden)
        except WorkbookStop as e:
            e.sheet = e.sheet or sheet.name
            raise
        except MemoryError:
            raise
        except Exception as e:  # any failure of a parser inside a damaged file
            raise self._damaged(e) from e
        self._hidden[sheet.position] = hidden

    def _damaged(self, error: Exception) -> WorkbookStop:
        if _is_defused_refusal(error):
            return _hostile(self.name)
        return _corrupt(self.name, error)

    def read_hidden_rows(self, sheet: Sheet) -> list[int] | None:
        """The hidden rows of a sheet whose rows were all read; None for another."""
        return self._hidden.get(sheet.position)

    def keep_merges(self, sheet: Sheet, merges: list[tuple[int, int, int, int]]) -> None:
        """The list a reader fills with the sheet's merged ranges as its rows come."""
        self._merges[sheet.position] = merges

    def merges(self, sheet: Sheet) -> list[tuple[int, int, int, int]]:
        """The merged ranges whose top-left cell lies among the sheet's rows read so far,
        within its first MERGES_WITHIN rows with a cell (where a header band can be)."""
        return self._merges.get(sheet.position, [])

    def hidden_rows(self, sheet: Sheet) -> list[int]:
        """Row numbers marked hidden in the sheet (for a warning: they are read all the same)."""
        if sheet.position not in self._hidden:
            for _ in self.rows(sheet):
                pass
        return self._hidden[sheet.position]

    def close(self) -> None:
        if self._owned is not None:
            self._owned.close()

    def __enter__(self) -> Workbook:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def _filled(row: list[Cell]) -> bool:
    return any(cell is not None for cell in row)


def open_workbook(name: str, path_or_stream: BinaryIO | str | Path) -> Workbook:
    """Open a workbook by what it holds, whatever its name ends with.

    ``name`` is the file as shown in messages; ``path_or_stream`` a path or a seekable
    binary stream (a zip is read from its end: buffer standard input first). Raises
    ``WorkbookStop``.
    """
    book = Workbook(name, path_or_stream)
    stream = book._stream
    try:
        head = stream.read(8)
        size = stream.seek(0, io.SEEK_END)
        stream.seek(0)
    except OSError as e:
        book.close()
        raise WorkbookStop.told(name, unreadable(e)) from e
    try:
        if not head:
            raise WorkbookStop.said(name, "workbook_empty.bytes")
        if head == _OLE:
            raise _ole_refusal(name, stream)
        if not head.startswith(_ZIP):
            raise WorkbookStop.said(name, "workbook_format.unknown")
        archive = _open_zip(name, stream, size)
        names = set(archive.namelist())
        if "mimetype" in names and archive.read("mimetype").strip() == _ODS_MIME:
            return _OdsBook(name, stream, archive, book._owned)
        if "xl/workbook.bin" in names:
            raise WorkbookStop.said(name, "workbook_format.xlsb")
        if "[Content_Types].xml" in names:
            return _XlsxBook(name, stream, archive, book._owned)
        raise WorkbookStop.said(name, "workbook_format.zip")
    except BaseException:
        book.close()
        raise


def _ole_refusal(name: str, stream: BinaryIO) -> WorkbookStop:
    """An OLE file: a password-protected workbook of any kind, or Excel 97-2003.

    Excel and LibreOffice put an encrypted .xlsx in an OLE file whose streams are
    ``EncryptionInfo`` and ``EncryptedPackage`` (names stored in UTF-16 in its
    directory). No well-kept library reads .xls with its number formats (xlrd is
    kept alive only for .xls, with formats optional), so .xls is refused too.
    """
    stream.seek(0)
    found = False
    needle = "EncryptedPackage".encode("utf-16-le")
    tail = b""
    while chunk := stream.read(1 << 20):
        if needle in tail + chunk:
            found = True
            break
        tail = chunk[-len(needle) :]
    if found:
        return WorkbookStop.said(name, "workbook_encrypted.excel")
    return WorkbookStop.said(name, "workbook_xls")


# ---- .xlsx / .xlsm ---------------------------------------------------------------

_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def percent_format(number_format: str) -> bool:
    """Does this number format show a number times 100 with a % sign?

    Only a bare ``%`` scales: ``0.0"%"`` and ``0.0\\%`` show the % sign next to
    the number as it is stored, so such a cell is the number it holds.
    """
    return "%" in _QUOTED.sub("", number_format)


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


_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|[_*].')


def date_shows(number_format: str) -> str:
    """What a date cell in this Excel number format shows: "month" where the format shows
    a month and no day, "year" where it shows only the year, else "day" (a date, a time,
    or no date format at all). Quoted text, escaped characters and ``[...]`` (a locale
    such as ``[$-42A]``, a colour) say nothing of the date."""
    codes = _LITERALS.sub("", number_format.partition(";")[0]).lower()
    if "d" in codes or "h" in codes or "s" in codes:
        return "day"
    if "m" in codes:
        return "month"
    return "year" if "y" in codes else "day"


# ---- .ods ------------------------------------------------------------------------

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


def _shown_date(value: datetime.datetime, shows: str) -> Cell:
    """A date cell whose format shows no day: the period it shows, written as §3 reads it."""
    if shows == "month":
        return f"{value.month:02d}/{value.year}"
    if shows == "quarter":
        return f"Q{(value.month - 1) // 3 + 1}/{value.year}"
    if shows == "year":
        return f"{value.year}"
    return value


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


def _span(text: str | None) -> int:
    """A count of cells an .ods attribute gives: at least 1, at most the grid's width or
    height."""
    try:
        return max(1, min(int(text or "1"), MAX_ROWS))
    except ValueError:
        return 1


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


class SheetTable:
    """A sheet's rows as the collector takes every loader's: chunks of (rows, cells)."""

    stride = MAX_COLUMNS  # place numbers a row takes: a cell each, up to column XFD

    def __init__(self, book: Workbook, sheet: Sheet, rows: Rows | None = None) -> None:
        self.book, self.name, self.sheet = book, book.name, sheet.name
        self._sheet = sheet
        self._rows = book.rows(sheet) if rows is None else rows

    def narrow(self, width: int) -> None:
        """The header is `width` columns wide: cells right of it are no longer made."""
        self.book.width = width

    def merges(self) -> list[tuple[int, int, int, int]]:
        """The sheet's merged ranges among its first rows read (top, left, bottom, right:
        rows by number, columns from 0)."""
        return self.book.merges(self._sheet)

    def chunks(self) -> Iterator[tuple[list[int], list[list[object]]]]:
        numbers: list[int] = []
        rows: list[list[object]] = []
        cells = 0
        for number, row in self._rows:
            numbers.append(number)
            rows.append(cast("list[object]", row))
            cells += len(row)
            if len(rows) == _CHUNK_ROWS or cells > _CHUNK_CELLS:
                yield numbers, rows
                numbers, rows, cells = [], [], 0
        if rows:
            yield numbers, rows


_CHUNK_ROWS = 2048
_CHUNK_CELLS = 64 * 1024  # a chunk of wide rows holds no more cells than this
