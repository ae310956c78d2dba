"""Bytes of a delimited text file -> its header and its rows, in chunks.

Handles what Excel and other tools write: a UTF-8 BOM, UTF-16 with a BOM
("Unicode text"), another encoding named by the user, `,` `;` or tab between
fields, CRLF line ends, comment lines starting with `#`. A byte that is not
valid in the encoding stops the file with its byte offset and line, never
mojibake. Nothing here holds more than a chunk of the file at a time.

Rows come in chunks: the physical line of each row, and the rows, so that the
reader's loop runs over plain sequences. A chunk with no quote character is
split on its line ends and delimiters directly (what the csv module would do
with such text, at a fraction of the cost); from the first quote on, the csv
module reads the rest of the file.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, repeat
from typing import BinaryIO

#: A line or field longer than this stops the file: more than any note needs.
FIELD_LIMIT = 4 * 1024 * 1024
DELIMITERS = (",", ";", "\t")
_CHUNK_CHARS = 1 << 20
_CSV_CHUNK_ROWS = 4096

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_NOT_TEXT = (
    (b"PK\x03\x04", "an Excel workbook (.xlsx) or another zip file"),
    (b"\xd0\xcf\x11\xe0", "an old Excel workbook (.xls)"),
    (b"%PDF", "a PDF document"),
)
_SAVE_AS_CSV = "in Excel, use File > Save As > CSV UTF-8 (Comma delimited)"

Chunk = tuple[Sequence[int], Iterable[list[str]]]


@dataclass(frozen=True)
class Source:
    """A file to read: its name as shown in messages, and how to open it as bytes."""

    name: str
    open: Callable[[], BinaryIO]


class InputStop(Exception):
    """The rest of a file cannot be read; the place and the code say why."""

    def __init__(self, line: int | None, code: str, message: str) -> None:
        super().__init__(message)
        self.line, self.code, self.message = line, code, message


class _CountedBytes(io.BufferedIOBase):
    """Passes bytes to the text layer, counting bytes and line ends to place decode errors.

    Only for streams that cannot seek (a pipe): a plain file is read faster without
    a Python layer in between, and is read again to place an error.
    """

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self.passed = 0
        self.newlines = 0

    def readable(self) -> bool:
        return True

    def read1(self, size: int = -1) -> bytes:
        data = self._raw.read1(size) if hasattr(self._raw, "read1") else self._raw.read(size)
        self.passed += len(data)
        self.newlines += data.count(b"\n")
        return data

    def read(self, size: int | None = -1) -> bytes:
        data = self._raw.read(size)
        self.passed += len(data)
        self.newlines += data.count(b"\n")
        return data


@dataclass
class CsvText:
    """An opened file: its header fields, and its rows to come."""

    name: str
    encoding: str
    delimiter: str
    header: list[str]
    header_line: int
    _raw: BinaryIO
    _text: io.TextIOWrapper
    _counted: _CountedBytes | None

    def chunks(self) -> Iterator[Chunk]:
        """(physical lines, rows) for the rows after the header, a chunk at a time.

        Blank rows come as [''] or [], comment rows as they are. Raises InputStop
        for a byte the encoding cannot read, an unreadable quote or an endless line.
        """
        line = self.header_line
        try:
            while block := self._text.read(_CHUNK_CHARS):
                if block[-1] != "\n":
                    block += self._line_rest(line)
                if "\r" in block:
                    block = block.replace("\r\n", "\n")
                if '"' in block or "\r" in block:
                    yield from self._csv_chunks(block, line)
                    return
                lines = block.split("\n")
                if block[-1] == "\n":
                    lines.pop()
                # rows are split as the reader takes them: a chunk of live lists costs
                # more in allocation than the splitting itself
                yield (
                    range(line + 1, line + 1 + len(lines)),
                    map(str.split, lines, repeat(self.delimiter)),
                )
                line += len(lines)
        except UnicodeDecodeError as e:
            raise self._decode_stop(e) from None

    def _line_rest(self, line: int) -> str:
        rest = self._text.readline(FIELD_LIMIT)
        if len(rest) == FIELD_LIMIT and not rest.endswith("\n"):
            raise InputStop(
                line + 1, "line_too_long", f"a line is longer than {FIELD_LIMIT} characters"
            )
        return rest

    def _csv_chunks(self, block: str, line: int) -> Iterator[Chunk]:
        reader = csv.reader(
            chain(io.StringIO(block, newline=""), self._text), delimiter=self.delimiter
        )
        rows: list[list[str]] = []
        lines: list[int] = []
        ended = 0
        try:
            for row in reader:
                rows.append(row)
                lines.append(line + ended + 1)
                ended = reader.line_num
                if len(rows) == _CSV_CHUNK_ROWS:
                    yield lines, rows
                    rows, lines = [], []
        except csv.Error as e:
            raise InputStop(line + ended + 1, "csv_syntax", str(e)) from None
        if rows:
            yield lines, rows

    def _decode_stop(self, e: UnicodeDecodeError) -> InputStop:
        chunk = e.object if isinstance(e.object, bytes) else b""
        if self._counted is None:
            offset = self._raw.tell() - len(chunk) + e.start
            self._raw.seek(0)
            before = self._raw.read(offset).decode(self.encoding, "replace")
            line = before.count("\n") + 1
        else:
            offset = self._counted.passed - len(chunk) + e.start
            line = self._counted.newlines - chunk[e.start :].count(b"\n") + 1
        hint = (
            "" if self.encoding.startswith("cp") else "; for a Windows file try --encoding cp1258"
        )
        return InputStop(
            line,
            "encoding",
            f"byte {chunk[e.start : e.start + 1]!r} at offset {offset} is not valid "
            f"{self.encoding}{hint}",
        )


def open_csv(source: Source, raw: BinaryIO, encoding: str | None) -> CsvText:
    """Read up to the header of `raw`; raise InputStop when it is not a delimited text."""
    head = raw.peek(8)[:8] if hasattr(raw, "peek") else b""
    for magic, what in _NOT_TEXT:
        if head.startswith(magic):
            raise InputStop(None, "not_csv", f"this is {what}, not CSV: {_SAVE_AS_CSV}")
    chosen = encoding or "utf-8"
    for bom, codec in _BOMS:
        if head.startswith(bom):  # a byte order mark settles the encoding
            chosen = codec
    counted = None if raw.seekable() else _CountedBytes(raw)
    text = io.TextIOWrapper(counted or raw, encoding=chosen, errors="strict", newline="")
    opened = CsvText(source.name, chosen, ",", [], 0, raw, text, counted)
    csv.field_size_limit(FIELD_LIMIT)
    header_line = 0
    try:
        for line in iter(lambda: text.readline(FIELD_LIMIT), ""):
            header_line += 1
            stripped = line.strip()
            if stripped and not stripped.startswith("#"):
                break
        else:
            raise InputStop(1, "empty_file", "the file has no header and no rows")
    except UnicodeDecodeError as e:
        raise opened._decode_stop(e) from None
    if "\x00" in line:
        raise InputStop(
            header_line,
            "not_text",
            "the header holds NUL bytes: a UTF-16 file without a BOM (try --encoding utf-16-le) "
            "or not a text file",
        )
    delimiter = _delimiter_of(line)
    header = next(csv.reader([line], delimiter=delimiter), [])
    opened.delimiter, opened.header, opened.header_line = delimiter, header, header_line
    return opened


def _delimiter_of(header_line: str) -> str:
    """The delimiter that splits the header line most, counting outside quotes only."""
    outside = header_line.split('"')[::2]
    counts = {d: sum(part.count(d) for part in outside) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","
