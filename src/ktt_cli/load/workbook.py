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
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any, BinaryIO, NamedTuple, cast

from ktt_cli.messages import Args, Message, message
from ktt_cli.problems import unreadable

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
        cls, book: str, key: str, /, sheet: str | None = None, **values: object
    ) -> WorkbookStop:
        """The stop of the workbook `book` the catalogue words (messages.MESSAGES)."""
        return cls.told(book, message(key, **values), sheet)

    @classmethod
    def told(cls, book: str, said: Message, sheet: str | None = None) -> WorkbookStop:
        """The stop of the workbook `book` for a message of the catalogue."""
        return cls(said.code, f"{book}: {said.text('en')}", sheet, None, said.args)


class Sheet(NamedTuple):
    name: str
    position: int  # 1-based
    hidden: bool


#: No real sheet inflates beyond this: Excel's 1,048,576 rows of a long file are
#: about 150 MB of XML.
MAX_MEMBER_BYTES = 512 * 1024 * 1024
#: Nor compresses better than this once it is large: sheet XML deflates about
#: 10-30 times; a zip bomb of one repeated byte, about 1,000 times.
MAX_RATIO = 200
#: The ratio is only judged past this size (a tiny styles.xml can deflate well).
RATIO_FLOOR = 8 * 1024 * 1024

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

    # subclasses read the format
    def _list_sheets(self) -> list[Sheet]:
        raise NotImplementedError

    def _rows(self, sheet: Sheet, hidden: list[int]) -> Iterator[tuple[int, list[Cell]]]:
        raise NotImplementedError

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

    def rows(self, sheet: Sheet) -> Iterator[tuple[int, list[Cell]]]:
        """(1-based row number, cells from column A); rows without any cell are left out."""
        hidden: list[int] = []
        try:
            yield from self._rows(sheet, hidden)
        except WorkbookStop as e:
            e.sheet = e.sheet or sheet.name
            raise
        except MemoryError:
            raise
        except Exception as e:  # any failure of a parser inside a damaged file
            if _is_defused_refusal(e):
                raise _hostile(self.name) from e
            raise _corrupt(self.name, e) from e
        self._hidden[sheet.position] = hidden

    def first_rows(self, sheet: Sheet, count: int = 20) -> list[list[Cell]]:
        """The first `count` rows with a cell, to see whether the sheet has a header."""
        found: list[list[Cell]] = []
        for _, cells in self.rows(sheet):
            found.append(cells)
            if len(found) == count:
                break
        return found

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

    def _list_sheets(self) -> list[Sheet]:
        return [
            Sheet(ws.title, i, ws.sheet_state != "visible")
            for i, ws in enumerate(self._worksheets, 1)
        ]

    def _rows(self, sheet: Sheet, hidden: list[int]) -> Iterator[tuple[int, list[Cell]]]:
        ws = self._worksheets[sheet.position - 1]
        book = self._book
        percent = self._percent
        covered = _covered_cells(ws)
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
                        elif kind == "d" and not isinstance(value, datetime.datetime):
                            value = _serial(value)
                        elif kind == "s" and not isinstance(value, str):
                            value = str(value)
                    try:
                        row[cell["column"] - 1] = value
                    except IndexError:  # cells out of order: never from Excel
                        row.extend([None] * (cell["column"] - len(row)))
                        row[cell["column"] - 1] = value
                if covered and number in covered:
                    for first, last in covered[number]:
                        row[first - 1 : last] = [None] * len(row[first - 1 : last])
                yield number, row
            for number, attributes in parser.row_dimensions.items():
                if attributes.get("hidden") in ("1", "true"):
                    hidden.append(int(number))
        hidden.sort()


_MERGE = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\s[^>]*?\bref=[\"']([A-Z]{1,3})([0-9]{1,7})"
    rb"(?::([A-Z]{1,3})([0-9]{1,7}))?[\"']"
)


def _covered_cells(ws: Any) -> dict[int, list[tuple[int, int]]]:  # noqa: ANN401 (openpyxl's)
    """The cells under a merge but its top-left one: row -> [(first, last column)].

    Excel keeps only the top-left value of merged cells, but LibreOffice can keep the
    others' ("keep the contents of the hidden cells"), and a program can write any;
    what the sheet shows is the top-left one, so the others are read as empty. The
    merges are listed after the rows in the sheet's XML, so they are found first by
    a scan of its bytes: about 1 % of the time of parsing, no XML built.
    """
    refs: set[tuple[bytes, ...]] = set()
    tail = b""
    with ws._get_source() as source:
        while chunk := source.read(1 << 20):
            data = tail + chunk
            if b"mergeCell" in data:  # bytes search is far faster than the pattern's
                refs.update(match.groups(b"") for match in _MERGE.finditer(data))
            tail = data[-300:]
    covered: dict[int, list[tuple[int, int]]] = {}
    for first_letters, first_row, last_letters, last_row in refs:
        if not last_letters:
            continue
        top, left = int(first_row), _column(first_letters)
        bottom, right = min(int(last_row), MAX_ROWS), _column(last_letters)
        for number in range(top, bottom + 1):
            start = left + 1 if number == top else left
            if start <= right:
                covered.setdefault(number, []).append((start, right))
    return covered


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


# ---- .ods ------------------------------------------------------------------------

_T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_O = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_X = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_S = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_CALCEXT = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"
_TABLE, _ROW, _CELL = f"{_T}table", f"{_T}table-row", f"{_T}table-cell"
_COVERED = f"{_T}covered-table-cell"
_STYLE = f"{_S}style"
_TIME = re.compile(r"-?PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?")


class _OdsBook(Workbook):
    """An OpenDocument spreadsheet, read from its ``content.xml``.

    Sheets are ``table:table`` elements; a hidden one has a table style with
    ``table:display="false"``; a hidden row has ``table:visibility`` other than
    ``visible``. Repeated empty cells and rows (``number-columns-repeated``,
    ``number-rows-repeated``, which LibreOffice uses to fill the grid) only move
    the count on; a repeated cell or row with a value is repeated, within Excel's
    grid. Covered cells (under a merge) are empty.
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

    def _events(self) -> Iterator[tuple[str, Element]]:
        from defusedxml.ElementTree import iterparse

        with self._archive.open("content.xml") as source:
            yield from iterparse(source, events=("start", "end"))

    def _list_sheets(self) -> list[Sheet]:
        hidden_styles: set[str] = set()
        found: list[tuple[str, str]] = []
        parents: list[Element] = []
        try:
            for event, element in self._events():
                if event == "start":
                    if element.tag == _TABLE:
                        found.append(
                            (element.get(f"{_T}name", ""), element.get(f"{_T}style-name", ""))
                        )
                    parents.append(element)
                    continue
                parents.pop()
                if element.tag == _STYLE and element.get(f"{_S}family") == "table":
                    for properties in element:
                        if properties.get(f"{_T}display") == "false":
                            hidden_styles.add(element.get(f"{_S}name", ""))
                if element.tag in (_ROW, _STYLE, _TABLE):
                    element.clear()
                    if parents:  # nothing of a read row stays in memory, not even its shell
                        parents[-1].remove(element)
        except WorkbookStop:
            raise
        except Exception as e:  # a damaged content.xml
            if _is_defused_refusal(e):
                raise _hostile(self.name) from e
            raise _corrupt(self.name, e) from e
        return [
            Sheet(title, i, style in hidden_styles) for i, (title, style) in enumerate(found, 1)
        ]

    def _rows(self, sheet: Sheet, hidden: list[int]) -> Iterator[tuple[int, list[Cell]]]:
        position = 0
        number = 0
        inside = False
        parents: list[Element] = []
        for event, element in self._events():
            tag = element.tag
            if event == "start":
                if tag == _TABLE:
                    position += 1
                    inside = position == sheet.position
                    number = 0
                parents.append(element)
                continue
            parents.pop()
            if tag == _TABLE and inside:
                return
            if tag != _ROW:
                continue
            if not inside:
                element.clear()
                continue
            repeat = min(int(element.get(f"{_T}number-rows-repeated", "1")), MAX_ROWS)
            row = _ods_row(element)
            if element.get(f"{_T}visibility", "visible") != "visible" and row:
                hidden.extend(range(number + 1, number + 1 + repeat))
            if row:
                for n in range(number + 1, min(number + repeat, MAX_ROWS) + 1):
                    yield n, list(row)
            number += repeat
            element.clear()
            if parents:
                parents[-1].remove(element)


def _ods_row(row: Element) -> list[Cell]:
    cells: list[Cell] = []
    width = 0
    for cell in row:
        if cell.tag not in (_CELL, _COVERED):
            continue
        repeat = min(int(cell.get(f"{_T}number-columns-repeated", "1")), MAX_COLUMNS)
        value = _ods_value(cell) if cell.tag == _CELL else None
        if value is not None:
            cells.extend([None] * (width - len(cells)))
            cells.extend([value] * min(repeat, MAX_COLUMNS - width))
        width += repeat
    return cells


def _ods_value(cell: Element) -> Cell:
    kind = cell.get(f"{_O}value-type")
    if cell.get(f"{_CALCEXT}value-type") == "error":
        return ErrorCell(_ods_text(cell) or "#VALUE!")
    if kind is None:
        formula = cell.get(f"{_T}formula")
        if formula is not None:
            return UncomputedFormula(formula)
        return _ods_text(cell) or None
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
    return text if text is not None else _ods_text(cell)


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


def _ods_text(cell: Element) -> str:
    """The text of a cell's paragraphs, as shown (``text:s`` spaces, tabs, line breaks)."""
    return "\n".join(_paragraph(p) for p in cell if p.tag == f"{_X}p")


def _paragraph(element: Element) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag == f"{_X}s":
            parts.append(" " * int(child.get(f"{_X}c", "1")))
        elif child.tag == f"{_X}tab":
            parts.append("\t")
        elif child.tag == f"{_X}line-break":
            parts.append("\n")
        elif child.tag != f"{_O}annotation":
            parts.append(_paragraph(child))
        parts.append(child.tail or "")
    return "".join(parts)


class SheetTable:
    """A sheet's rows as the collector takes every loader's: chunks of (rows, cells)."""

    stride = 1024  # place numbers a row takes: a cell each, up to column AMJ

    def __init__(self, book: Workbook, sheet: Sheet) -> None:
        self.book, self.name, self.sheet = book, book.name, sheet.name
        self._sheet = sheet

    def chunks(self) -> Iterator[tuple[list[int], list[list[object]]]]:
        numbers: list[int] = []
        rows: list[list[object]] = []
        for number, cells in self.book.rows(self._sheet):
            numbers.append(number)
            rows.append(cast("list[object]", cells))
            if len(rows) == _CHUNK_ROWS:
                yield numbers, rows
                numbers, rows = [], []
        if rows:
            yield numbers, rows


_CHUNK_ROWS = 2048
