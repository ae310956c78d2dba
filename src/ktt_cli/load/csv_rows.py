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
import io
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import repeat

from ktt_cli.load.text import FIELD_LIMIT, Decoded, InputStop

DELIMITERS = (",", ";", "\t")
_HEAD_LINES = 40
_COMMENT_LINE = re.compile(r"^[ \t]*#", re.MULTILINE)
_SEP_LINE = re.compile(r"sep=(.)\n")

Chunk = tuple[Sequence[int], Iterable[list[str]]]


class CsvTable:
    """A delimited text's rows, as every loader gives them: chunks of (lines, rows)."""

    sheet: str | None = None
    stride = 1

    def __init__(
        self, name: str, decoded: Decoded, is_header: Callable[[list[list[str]]], bool]
    ) -> None:
        self.name = name
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

    def chunks(self) -> Iterator[Chunk]:
        """(physical lines, rows) for every row of the file, a block at a time.

        Blank rows come as [''] or [] and comment rows (only in blocks without quotes)
        as they are. Raises InputStop for a byte the encoding cannot read, a quote left
        open or an endless line, after the chunks before it.
        """
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


def _quoted_rows(
    text: str, start: int, delimiter: str
) -> tuple[list[int], list[list[str]], int | None]:
    """The rows of a block with quotes, their physical lines, and, where the block ends
    inside a quoted field, the index of the line its record starts on (else None)."""
    numbers: list[int] = []
    rows: list[list[str]] = []
    lines = text.split("\n")
    lines.pop()
    opened = -1  # the index of the line the record being read starts on; -1: none

    def feed() -> Iterator[str]:
        nonlocal opened
        for k, line in enumerate(lines):
            if opened < 0:
                if line.lstrip(" \t")[:1] == "#":
                    continue  # a comment, outside any record
                opened = k
            yield line + "\n"

    has_comments = _COMMENT_LINE.search(text) is not None
    reader = csv.reader(
        feed() if has_comments else io.StringIO(text), delimiter=delimiter, strict=True
    )
    try:
        for row in reader:
            if has_comments:
                numbers.append(start + opened + 1)
                opened = -1
            else:  # the reader's own count of lines tells where each record starts
                numbers.append(start + max(opened, 0) + 1)
                opened = reader.line_num
            rows.append(row)
    except csv.Error as e:
        at = max(opened, 0) if opened >= 0 or not has_comments else len(lines)
        if "end of data" in str(e):
            return numbers, rows, at
        raise CsvSyntax(start + at + 1, str(e), numbers, rows) from None
    return numbers, rows, None


class CsvSyntax(InputStop):
    """A csv syntax error, with the rows of its block read before it."""

    def __init__(self, line: int, message: str, numbers: list[int], rows: list[list[str]]) -> None:
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
