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

import io
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, cast

from ktt_cli.load.book import (
    MAX_COLUMNS,
    Rows,
    Sheet,
    Workbook,
    WorkbookStop,
)
from ktt_cli.load.ods import _OdsBook
from ktt_cli.load.xlsx import _XlsxBook
from ktt_cli.load.zipguard import _open_zip
from ktt_cli.problems import unreadable

if TYPE_CHECKING:
    pass


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"


# ---- bounded reading of zip members ---------------------------------------------


# ---- workbooks -------------------------------------------------------------------


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


# ---- .ods ------------------------------------------------------------------------


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
