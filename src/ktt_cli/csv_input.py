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
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain, repeat
from typing import BinaryIO, NamedTuple

#: A line longer than this stops the file: more than any note needs.
FIELD_LIMIT = 4 * 1024 * 1024
DELIMITERS = (",", ";", "\t")
_CHUNK_CHARS = 1 << 20
_CSV_CHUNK_ROWS = 4096
_ESCAPE = "ktt.escape"


def _escape(error: UnicodeError) -> tuple[str, int]:
    """Carry each byte a codec cannot read as U+DC00 + the byte, whatever its value
    (the standard surrogateescape refuses bytes under 0x80, as a UTF-16 file can hold)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(chr(0xDC00 + byte) for byte in bad), error.end


codecs.register_error(_ESCAPE, _escape)

_BOMS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)
_NEEDS_BOM = ("utf-16", "utf-32")  # without a mark these do not say their byte order
_NOT_TEXT = (
    (b"PK\x03\x04", "an Excel workbook (.xlsx) or another zip file"),
    (b"\xd0\xcf\x11\xe0", "an old Excel workbook (.xls)"),
    (b"%PDF", "a PDF document"),
)
_SAVE_AS_CSV = "in Excel, use File > Save As > CSV UTF-8 (Comma delimited)"

Chunk = tuple[Sequence[int], Iterable[list[str]]]
Block = tuple[int, list[str], bool]


class Source(NamedTuple):
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

    def read_line(self, line: int, before: str = "") -> str:
        """The rest of the line that follows physical line `line` and the text `before`,
        as decoded; '' at the end of the file."""
        text = self._text.readline(FIELD_LIMIT)
        if len(text) == FIELD_LIMIT and text[-1] not in "\r\n":
            number = line + _lf(before).count("\n") + 1
            raise InputStop(
                number, "line_too_long", f"a line is longer than {FIELD_LIMIT} characters"
            )
        return text

    def consume(self, text: str, line: int) -> str:
        """`text` (starting after physical line `line`) with LF line ends, once checked;
        raises InputStop at the first byte the codec could not read."""
        bad = self._first_bad(text)
        if bad is not None:
            raise self._stop(text, bad, line)
        return _lf(text)

    def blocks(self, line: int) -> Iterator[Block]:
        """(lines before it, its lines, whether it has a quote) for each block of whole
        lines of the rest of the file, line ends removed; a byte the codec cannot read
        ends them after the lines before it."""
        while block := self._text.read(_CHUNK_CHARS):
            if block[-1] != "\n":
                block += self.read_line(line, block)
            bad = self._first_bad(block)
            if bad is not None:
                good = block[: block.rfind("\n", 0, bad) + 1]
                if good:
                    self._first_bad(good)  # counts its bytes
                    lines = _lines(good)
                    yield line, lines, '"' in good
                    line += len(lines)
                raise self._stop(block[len(good) :], bad - len(good), line)
            lines = _lines(block)
            yield line, lines, '"' in block
            line += len(lines)

    def _first_bad(self, text: str) -> int | None:
        """Where in `text` the first byte the codec could not read is, or None; counts the
        bytes of `text` when it has none. Encoding back is both the check (an escape does
        not encode) and the count, at the speed of the codec."""
        try:
            self._bytes += len(text.encode(self._byte_codec))
        except UnicodeEncodeError as e:
            return e.start
        return None

    def _stop(self, text: str, bad: int, line: int) -> InputStop:
        """The problem of the byte at `bad` in `text`, which follows physical line `line`."""
        before = text[:bad]
        offset = self._bytes + len(before.encode(self._byte_codec))
        return InputStop(
            line + _lf(before).count("\n") + 1,
            "encoding",
            f"byte 0x{ord(text[bad]) - 0xDC00:02x} at offset {offset} is not valid "
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


def _lines(text: str) -> list[str]:
    """The lines of `text`, without their ends."""
    lines = _lf(text).split("\n")
    if lines[-1] == "":
        lines.pop()  # the end of the last line, not a line
    return lines


class CsvText:
    """An opened file: its header fields, and its rows to come."""

    def __init__(
        self, name: str, delimiter: str, header: list[str], header_line: int, decoded: _Decoded
    ) -> None:
        self.name, self.delimiter, self.header = name, delimiter, header
        self.header_line, self._decoded = header_line, decoded

    def chunks(self) -> Iterator[Chunk]:
        """(physical lines, rows) for the rows after the header, a chunk at a time.

        Blank rows come as [''] or [] and comment rows as they are (except in the
        csv module's part, which never sees them). Raises InputStop for a byte the
        encoding cannot read, a quote left open or an endless line, after the
        chunks before it.
        """
        blocks = self._decoded.blocks(self.header_line)
        for line, lines, quoted in blocks:
            if quoted:
                yield from self._csv_chunks(chain([(line, lines, quoted)], blocks))
                return
            # rows are split as the reader takes them: a chunk of live lists costs
            # more in allocation than the splitting itself
            yield (
                range(line + 1, line + 1 + len(lines)),
                map(str.split, lines, repeat(self.delimiter)),
            )

    def _csv_chunks(self, blocks: Iterator[Block]) -> Iterator[Chunk]:
        numbers: deque[int] = deque()  # the physical line of each line not yet in a row

        def physical_lines() -> Iterator[str]:
            in_quotes = False
            for before, texts, _ in blocks:
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
    chosen = codecs.lookup(encoding or "utf-8").name
    bom, byte_codec = b"", "utf-8" if chosen == "utf-8-sig" else chosen
    for mark, codec, plain in _BOMS:
        if head.startswith(mark):  # a byte order mark settles the encoding
            chosen, bom, byte_codec = codec, mark, plain
            break
    else:
        if chosen in _NEEDS_BOM:
            raise InputStop(
                1,
                "encoding",
                f"the file has no byte order mark, so {chosen} cannot tell its byte order: "
                f"name it, --encoding {chosen}-le (as Windows writes it) or {chosen}-be",
            )
    decoded = _Decoded(raw, chosen, bom, byte_codec)
    csv.field_size_limit(FIELD_LIMIT)
    header_line = 0
    while raw_line := decoded.read_line(header_line):
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


def encoding_problem(name: str) -> str | None:
    """Why `name` cannot be the encoding of a text file, or None."""
    try:
        codecs.lookup(name)
        b"a".decode(name, "ignore")  # a codec such as hex or zlib is not a text encoding
    except LookupError as e:
        if "text encoding" in str(e):
            return f"{name} is not a text encoding"
        return f"{name} is not an encoding Python knows"
    return None


def _delimiter_of(header_line: str) -> str:
    """The delimiter that splits the header line most, counting outside quotes only."""
    outside = header_line.split('"')[::2]
    counts = {d: sum(part.count(d) for part in outside) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","
