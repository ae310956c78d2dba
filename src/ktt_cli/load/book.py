"""What every workbook reader gives and refuses: its typed cells (errors, percentages,
formulas never computed), its sheets, its limits, and the refusal placed at a sheet's
cell."""

from __future__ import annotations

import datetime
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, BinaryIO, NamedTuple

from ktt_cli.messages import Args, Message, message
from ktt_cli.problems import unreadable

if TYPE_CHECKING:
    pass


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


#: The merged ranges a sheet keeps for its header (the first of them, by top row); and
#: the rows with a cell an .ods is looked at for them.
MERGES_KEPT = 10_000


MERGES_WITHIN = 64


#: Excel's grid; a repeated ODS cell or row is never expanded beyond it.
MAX_COLUMNS = 16_384


MAX_ROWS = 1_048_576


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


_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def percent_format(number_format: str) -> bool:
    """Does this number format show a number times 100 with a % sign?

    Only a bare ``%`` scales: ``0.0"%"`` and ``0.0\\%`` show the % sign next to
    the number as it is stored, so such a cell is the number it holds.
    """
    return "%" in _QUOTED.sub("", number_format)


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


def _shown_date(value: datetime.datetime, shows: str) -> Cell:
    """A date cell whose format shows no day: the period it shows, written as §3 reads it."""
    if shows == "month":
        return f"{value.month:02d}/{value.year}"
    if shows == "quarter":
        return f"Q{(value.month - 1) // 3 + 1}/{value.year}"
    if shows == "year":
        return f"{value.year}"
    return value
