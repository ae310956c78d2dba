"""The text of a delimited file -> its rows, in chunks, each with its physical line.

The delimiter (`,`, `;` or tab) is the one under which a header is found in the
first rows, or the one a `sep=;` first line names (Excel writes one). A block
of lines with no quote character is split on its delimiters directly (what the
csv module does with such text, at a fraction of the cost); a block with
quotes goes through the csv module, strictly, so a quote left open is an error
rather than a field that swallows the rows after it, and a quoted field may run
on into the next block.

A line starting with `#` outside a quoted field is a comment: it is taken out
before the csv module sees it, so a quote in a comment opens nothing, while a
`#` at the start of a line inside a quoted note stays part of the note. Whether
a line is inside a quoted field is known exactly, from the csv module itself:
a line asked for before the record it belongs to is complete continues it.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import pairwise, repeat
from typing import Any

from ktt_cli.gc_state import cyclic_gc
from ktt_cli.load.text import FIELD_LIMIT, Decoded, InputStop

DELIMITERS = (",", ";", "\t")
_HEAD_LINES = 40
_SEP_LINE = re.compile(r"sep=(.)\n")
_COMMENT_LINE = re.compile(r"^[ \t]*#", re.MULTILINE)

#: (physical lines, rows): rows of text cells, read by any loader's reader as rows of cells.
Chunk = tuple[Sequence[int], Iterable[list[Any]]]


class CsvTable:
    """A delimited text's rows, as every loader gives them: chunks of (lines, rows)."""

    sheet: str | None = None
    stride = 1

    def merges(self) -> tuple[()]:
        """A text file has no merged cells: a caption spans the empty cells after it."""
        return ()

    def __init__(
        self, name: str, decoded: Decoded, is_header: Callable[[list[list[str]]], bool]
    ) -> None:
        self.name = name
        self._decoded = decoded
        self._blocks = decoded.blocks()
        self._head: list[tuple[int, str]] = []
        self._stop: InputStop | None = None  # met while reading the first lines
        lines = 0
        try:
            while lines < _HEAD_LINES and (block := next(self._blocks, None)) is not None:
                self._head.append(block)
                lines += block[1].count("\n")
        except InputStop as stop:
            if not self._head:
                raise
            self._stop = stop
        text = "".join(t for _, t in self._head)
        if not text.strip():
            raise InputStop.said(1, "empty_file.table")
        self.delimiter = ""
        if m := _SEP_LINE.match(text):
            self.delimiter = m[1]
        head = text.split("\n", _HEAD_LINES)[:_HEAD_LINES]
        content = [line for line in head if line.strip(" \t,;") and line.lstrip()[:1] != "#"]
        if content and "\x00" in content[0]:
            line = head.index(content[0]) + 1
            raise InputStop.said(
                line,
                "not_text",
            )
        if not self.delimiter:
            self.delimiter = _delimiter(content, is_header)
        csv.field_size_limit(FIELD_LIMIT)

    @property
    def position(self) -> int:
        """Bytes of the file read so far: after a chunk, up to its end (or a little past,
        by the lines read ahead to find the header)."""
        return self._decoded.consumed

    def chunks(self) -> Iterator[Chunk]:
        """(physical lines, rows) for every row of the file, a block at a time.

        Blank rows come as [''] and [] and comment rows as they are. Raises InputStop
        for a byte the encoding cannot read, a quote left open or an endless line, after
        the chunks before it.

        The cyclic garbage collector is paused while the rows are read: each row is a
        new list, and their allocation alone would have it scan the whole heap again
        and again (a sixth of the time of a large file), though rows hold no cycles.
        """
        with cyclic_gc(False):
            yield from self._chunks()

    def _chunks(self) -> Iterator[Chunk]:
        delimiter = self.delimiter
        carry, carry_start = "", 0
        blocks = self._all_blocks()
        for before, text in blocks:
            start = before
            if carry:
                text, start, carry = carry + text, carry_start, ""
            if '"' not in text:
                lines = text.split("\n")
                lines.pop()  # after the last line end
                yield (
                    range(start + 1, start + 1 + len(lines)),
                    map(str.split, lines, repeat(delimiter)),
                )
                continue
            if (whole := _one_record_a_line(text, delimiter)) is not None:
                yield range(start + 1, start + 1 + len(whole)), whole
                continue
            try:
                numbers, rows, rest = _quoted_rows(text, start, delimiter)
            except CsvSyntax as e:
                if e.rows:
                    yield e.numbers, e.rows
                raise
            if numbers:
                yield numbers, rows
            if rest is not None:
                carry_start = start + rest
                carry = _after_lines(text, rest)
                if len(carry) > FIELD_LIMIT:
                    raise _unclosed(carry_start)
        if carry:
            raise _unclosed(carry_start)

    def _all_blocks(self) -> Iterator[tuple[int, str]]:
        for k, (before, text) in enumerate(self._head):
            if k == 0 and (m := _SEP_LINE.match(text)):  # Excel's `sep=;` line is no row
                before, text = before + 1, text[m.end() :]
            yield before, text
        if self._stop is not None:
            raise self._stop
        yield from self._blocks


def _one_record_a_line(text: str, delimiter: str) -> list[list[str]] | None:
    """The rows of a block with quotes where every line is one record and none is a
    comment (the common block: a quoted source or note on some rows or on all, none
    running over a line end), read with few calls a row; None for any other block, which
    `_quoted_rows` reads record by record.

    The lines with a quote go through the csv module together (where they are many, all
    the lines do, which is then faster than telling them apart). A quoted field that
    runs on makes one record of two of them, and one left open at the end is an error
    here: both are told by the count of records, or the csv module's refusal. A line
    without a quote can then be inside no quoted field, and is split directly."""
    quotes = text.count('"')
    if quotes < text.count("\n") // 20 or ("#" in text and _COMMENT_LINE.search(text)):
        return None  # quotes on a line in forty or fewer: `_quoted_rows` is as fast
    lines = text.split("\n")
    lines.pop()  # after the last line end
    try:
        if quotes >= len(lines) // 2:  # quotes on a quarter of the lines or more
            rows = list(csv.reader(lines, delimiter=delimiter, strict=True))
            return rows if len(rows) == len(lines) else None
        rows = list(map(str.split, lines, repeat(delimiter)))
        quoted = [k for k, line in enumerate(lines) if '"' in line]
        records = list(csv.reader([lines[k] for k in quoted], delimiter=delimiter, strict=True))
    except csv.Error:
        return None
    if len(records) != len(quoted):
        return None
    for k, record in zip(quoted, records, strict=True):
        rows[k] = record
    return rows


def _quoted_rows(
    text: str, start: int, delimiter: str
) -> tuple[Sequence[int], list[list[str]], int | None]:
    """The rows of a block with quotes, their physical lines, and, where the block ends
    inside a quoted field, the index of the line its record starts on (else None).

    Only records that hold a quote go through the csv module: the lines between them,
    which hold none, are split directly as in a block without quotes, so a few quoted
    notes do not put the whole block on the slow path. A record starts on a line that
    holds a quote (a line without one is a record of its own); the csv module reads it,
    and the records after it while their first line holds a quote, pulling the lines
    of a quoted field that runs on."""
    spans: list[range] = []  # the physical lines of the rows, a span of lines at a time
    rows: list[list[str]] = []
    size = len(text)
    pos = 0  # the start of the next record
    line = 0  # lines of `text` before `pos`
    at = 0  # where the csv module reads its next line

    def feed() -> Iterator[str]:
        nonlocal at
        while at < size:
            end = text.index("\n", at) + 1
            piece, at = text[at:end], end
            yield piece

    reader = csv.reader(feed(), delimiter=delimiter, strict=True)
    while pos < size:
        quote = text.find('"', pos)
        cut = size if quote < 0 else text.rfind("\n", pos, quote) + 1 or pos
        if cut > pos:  # lines without a quote: a record each
            lines = text[pos:cut].split("\n")
            lines.pop()  # after the last line end
            first = start + line + 1
            spans.append(range(first, first + len(lines)))
            rows.extend(map(str.split, lines, repeat(delimiter)))
            line, pos = line + len(lines), cut
            if pos >= size:
                break
        end = text.index("\n", pos)
        if text[pos:end].lstrip(" \t")[:1] == "#":  # a comment, outside any record
            spans.append(range(start + line + 1, start + line + 2))
            rows.append(text[pos:end].split(delimiter))
            line, pos = line + 1, end + 1
            continue
        at = pos
        while True:
            read_before = reader.line_num
            try:
                row = next(reader)
            except csv.Error as e:
                if "end of data" in str(e):
                    return _numbers(spans), rows, line
                raise CsvSyntax(start + line + 1, str(e), _numbers(spans), rows) from None
            spans.append(range(start + line + 1, start + line + 2))
            rows.append(row)
            line, pos = line + reader.line_num - read_before, at
            if pos >= size:
                break
            end = text.index("\n", pos)
            if text.find('"', pos, end) < 0 or text[pos:end].lstrip(" \t")[:1] == "#":
                break
    return _numbers(spans), rows, None


def _numbers(spans: list[range]) -> Sequence[int]:
    """The rows' line numbers: one range where they follow each other (no quoted field
    ran over a line end), which the collector numbers its rows from without a call a
    row; else each number."""
    if all(a.stop == b.start for a, b in pairwise(spans)):
        return range(spans[0].start, spans[-1].stop) if spans else range(0)
    return [n for span in spans for n in span]


class CsvSyntax(InputStop):
    """A csv syntax error, with the rows of its block read before it."""

    def __init__(
        self, line: int, message: str, numbers: Sequence[int], rows: list[list[str]]
    ) -> None:
        super().__init__(line, "csv_syntax", message)
        self.numbers, self.rows = numbers, rows


def _unclosed(start: int) -> InputStop:
    return InputStop.said(start + 1, "csv_syntax")


def _after_lines(text: str, count: int) -> str:
    """`text` after its first `count` lines."""
    position = 0
    for _ in range(count):
        position = text.index("\n", position) + 1
    return text[position:]


def _delimiter(lines: list[str], is_header: Callable[[list[list[str]]], bool]) -> str:
    """The delimiter under which the first rows hold a header; else the one that splits
    the first row most, counting outside quotes only."""
    if not lines:
        return ","
    counts = {d: sum(_outside_quotes(line).count(d) for line in lines) for d in DELIMITERS}
    for d in sorted((d for d in DELIMITERS if counts[d]), key=lambda d: -counts[d]):
        try:
            rows = list(csv.reader(lines, delimiter=d))
        except csv.Error:
            continue
        if is_header(rows):
            return d
    first = _outside_quotes(lines[0])
    best = max(DELIMITERS, key=first.count)
    return best if first.count(best) else ","


def _outside_quotes(line: str) -> str:
    return "".join(line.split('"')[::2])
