"""Bytes of a delimited text file -> its header and its rows, in chunks.

Handles what Excel and other tools write: a UTF-8 BOM, UTF-16 with a BOM
("Unicode text"), another encoding named by the user, `,` `;` or tab between
fields, CRLF or CR line ends, comment lines starting with `#`. A byte that is
not valid in the encoding stops the file at its line, with its byte offset,
after every row before it has been read; it never becomes mojibake. Nothing
here holds more than a chunk of the file at a time.

Rows come in chunks: the physical line of each row, and the rows, so that the
reader's loop runs over plain sequences. A chunk with no quote character is
split on its line ends and delimiters directly (what the csv module would do
with such text, at a fraction of the cost); from the first quote on, the csv
module reads the rest of the file, strictly, so that a quote left open is an
error rather than a field that swallows the rows after it.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, repeat
from typing import BinaryIO

#: A line longer than this stops the file: more than any note needs.
FIELD_LIMIT = 4 * 1024 * 1024
DELIMITERS = (",", ";", "\t")
_CHUNK_CHARS = 1 << 20
_CSV_CHUNK_ROWS = 4096
_UNDECODABLE = re.compile("[\udc00-\udcff]")  # bytes the codec could not read, escaped
_ESCAPE = "ktt.escape"


def _escape(error: UnicodeError) -> tuple[str, int]:
    """Carry each byte a codec cannot read as U+DC00 + the byte, whatever its value
    (the standard surrogateescape refuses bytes under 0x80, as a UTF-16 file can hold)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(chr(0xDC00 + byte) for byte in bad), error.end


codecs.register_error(_ESCAPE, _escape)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
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


class _Decoded:
    """The text of a file, line by line or in blocks of whole lines, with a count of the
    bytes consumed so that a byte the codec cannot read is placed exactly."""

    def __init__(self, raw: BinaryIO, encoding: str, bom: bytes, byte_codec: str) -> None:
        self.encoding = encoding
        self._text = io.TextIOWrapper(raw, encoding=encoding, errors=_ESCAPE, newline="")
        self._byte_codec = byte_codec  # the codec that gives each character's bytes back
        self._bytes = len(bom)
        self._head = raw.peek(64)[:64] if hasattr(raw, "peek") else b""

    def read_line(self, number: int) -> str:
        """The rest of physical line `number`, as decoded; '' at the end of the file."""
        text = self._text.readline(FIELD_LIMIT)
        if len(text) == FIELD_LIMIT and text[-1] not in "\r\n":
            raise InputStop(
                number, "line_too_long", f"a line is longer than {FIELD_LIMIT} characters"
            )
        return text

    def consume(self, text: str, line: int) -> str:
        """`text` (starting after physical line `line`) with LF line ends, once checked;
        raises InputStop at the first byte the codec could not read."""
        if not text.isascii() and _UNDECODABLE.search(text):
            raise self._stop(text, line)
        self._bytes += len(text.encode(self._byte_codec, "surrogateescape"))
        return _lf(text)

    def blocks(self, line: int) -> Iterator[tuple[int, str]]:
        """(lines before it, block) for the rest of the file: blocks of whole lines; a
        byte the codec cannot read ends them after the lines before it."""
        while block := self._text.read(_CHUNK_CHARS):
            if block[-1] != "\n":
                block += self.read_line(line + _lf(block).count("\n") + 1)
            bad = None if block.isascii() else _UNDECODABLE.search(block)
            if bad is not None:
                good = block[: block.rfind("\n", 0, bad.start()) + 1]
                if good:
                    yield line, self.consume(good, line)
                    line += good.count("\n")
                raise self._stop(block[len(good) :], line)
            block = self.consume(block, line)
            yield line, block
            line += block.count("\n")

    def _stop(self, text: str, line: int) -> InputStop:
        """The problem of the first undecodable byte of `text`, which follows `line`."""
        bad = _UNDECODABLE.search(text)
        assert bad is not None
        before = text[: bad.start()]
        offset = self._bytes + len(before.encode(self._byte_codec, "surrogateescape"))
        return InputStop(
            line + _lf(before).count("\n") + 1,
            "encoding",
            f"byte 0x{ord(bad.group()) - 0xDC00:02x} at offset {offset} is not valid "
            f"{self.encoding}{self._hint()}",
        )

    def _hint(self) -> str:
        if self._head.count(b"\x00") >= max(1, len(self._head) // 4):
            return "; the file looks like UTF-16 without a BOM: try --encoding utf-16-le"
        if self.encoding.startswith(("utf-8", "utf8")):
            return "; for an older Windows file try --encoding cp1258"
        return ""


def _lf(text: str) -> str:
    """`text` with CRLF and CR line ends made LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


@dataclass
class CsvText:
    """An opened file: its header fields, and its rows to come."""

    name: str
    delimiter: str
    header: list[str]
    header_line: int
    _decoded: _Decoded

    def chunks(self) -> Iterator[Chunk]:
        """(physical lines, rows) for the rows after the header, a chunk at a time.

        Blank rows come as [''] or [] and comment rows as they are (except in the
        csv module's part, which never sees them). Raises InputStop for a byte the
        encoding cannot read, a quote left open or an endless line, after the
        chunks before it.
        """
        blocks = self._decoded.blocks(self.header_line)
        for line, block in blocks:
            if '"' in block:
                yield from self._csv_chunks(chain([(line, block)], blocks))
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

    def _csv_chunks(self, blocks: Iterator[tuple[int, str]]) -> Iterator[Chunk]:
        numbers: deque[int] = deque()  # the physical line of each line not yet in a row

        def physical_lines() -> Iterator[str]:
            in_quotes = False
            for before, block in blocks:
                texts = block.split("\n")
                if block[-1] == "\n":
                    texts.pop()
                for k, text in enumerate(texts):
                    if not in_quotes and text.lstrip()[:1] == "#":
                        continue  # a comment: the csv module never sees its quotes
                    numbers.append(before + k + 1)
                    in_quotes ^= text.count('"') % 2 == 1
                    yield text + "\n"

        reader = csv.reader(physical_lines(), delimiter=self.delimiter, strict=True)
        rows: list[list[str]] = []
        lines: list[int] = []
        taken = 0
        try:
            for row in reader:
                lines.append(numbers[0])
                rows.append(row)
                for _ in range(reader.line_num - taken):
                    numbers.popleft()
                taken = reader.line_num
                if len(rows) == _CSV_CHUNK_ROWS:
                    yield lines, rows
                    rows, lines = [], []
        except csv.Error as e:
            if rows:
                yield lines, rows
            line = numbers[0] if numbers else (lines[-1] + 1 if lines else None)
            message = str(e)
            if "end of data" in message:
                message = "a quote opened here is never closed"
            raise InputStop(line, "csv_syntax", message) from None
        except InputStop:
            if rows:
                yield lines, rows
            raise
        if rows:
            yield lines, rows


def open_csv(source: Source, raw: BinaryIO, encoding: str | None) -> CsvText:
    """Read up to the header of `raw`; raise InputStop when it is not a delimited text."""
    head = raw.peek(8)[:8] if hasattr(raw, "peek") else b""
    for magic, what in _NOT_TEXT:
        if head.startswith(magic):
            raise InputStop(None, "not_csv", f"this is {what}, not CSV: {_SAVE_AS_CSV}")
    chosen, bom, byte_codec = encoding or "utf-8", b"", encoding or "utf-8"
    for mark, codec, plain in _BOMS:
        if head.startswith(mark):  # a byte order mark settles the encoding
            chosen, bom, byte_codec = codec, mark, plain
    decoded = _Decoded(raw, chosen, bom, byte_codec)
    csv.field_size_limit(FIELD_LIMIT)
    header_line = 0
    while raw_line := decoded.read_line(header_line + 1):
        text = decoded.consume(raw_line, header_line)
        header_line += 1
        if text.strip(" \t\n,;") and not text.lstrip().startswith("#"):
            break  # blank lines, comments and rows of empty cells come before the header
    else:
        raise InputStop(1, "empty_file", "the file has no header and no rows")
    if "\x00" in text:
        raise InputStop(
            header_line,
            "not_text",
            "the header holds NUL bytes: a UTF-16 file without a BOM (try --encoding utf-16-le) "
            "or not a text file",
        )
    delimiter = _delimiter_of(text)
    header = next(csv.reader([text], delimiter=delimiter), [])
    return CsvText(source.name, delimiter, header, header_line, decoded)


def _delimiter_of(header_line: str) -> str:
    """The delimiter that splits the header line most, counting outside quotes only."""
    outside = header_line.split('"')[::2]
    counts = {d: sum(part.count(d) for part in outside) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","
