"""Problems found in input files, as values with a place, collected and shown together."""

from __future__ import annotations

import errno
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Literal, NamedTuple

from ktt_cli.messages import Args, Message, message, render

Severity = Literal["error", "warning"]


class Place(NamedTuple):
    """Where a figure or a problem is: a file's line, or a workbook's sheet and cell."""

    file: str
    line: int | None
    sheet: str | None = None
    cell: str | None = None
    column: int | None = None  # in a text file, where the line's cells are told apart


#: What `printable` escapes: C0 and C1 control characters, DEL, and surrogates.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


@cache
def _escapes(lines: bool) -> dict[int, str]:
    """C0 and C1 control characters and DEL as `\\x1b`; a byte of a name that was not
    UTF-8 (a surrogate escape, U+DC80 to U+DCFF) as the byte, `\\xff`; any other lone
    surrogate as `\\udXXX`; with `lines`, a line break as itself. Made on first use: two
    thousand entries that most runs never need."""
    escapes = {c: f"\\x{c:02x}" for c in [*range(32), *range(127, 160)]}
    escapes |= {c: f"\\u{c:04x}" for c in range(0xD800, 0xE000)}
    escapes |= {c: f"\\x{c - 0xDC00:02x}" for c in range(0xDC80, 0xDD00)}
    escapes |= {9: "\\t", 10: "\n" if lines else "\\n", 13: "\\r"}
    return escapes


def printable(text: str, *, lines: bool = False) -> str:
    """`text` from a file or the command line made safe to show on a terminal: control
    characters (an escape sequence that would recolour or retitle it) and bytes of a name
    that was not UTF-8 written as escapes. With `lines`, line breaks are kept."""
    if _UNPRINTABLE.search(text) is None:
        return text
    return text.translate(_escapes(lines))


def _visible(character: str) -> str:
    """A character as a message shows it: a control or an invisible format character
    (a BOM, a zero-width space) escaped."""
    if unicodedata.category(character) == "Cf":
        return f"\\u{ord(character):04x}"
    return printable(character)


def shown(text: str, limit: int = 60) -> str:
    """`text` quoted for a message: control and invisible characters escaped, a long text
    cut short, so that a message stays one readable line whatever the input holds."""
    escaped = "".join(map(_visible, text[: limit + 1]))  # escaping only lengthens a text
    if len(escaped) > limit:
        escaped = escaped[:limit] + f"… ({len(text)} characters)"
    return f"'{escaped}'"


#: How many problems a log keeps in full; the rest are only counted, so that a file
#: with a million bad rows cannot exhaust memory.
KEEP_AT_MOST = 10_000


def cell_name(row: int, column: int) -> str:
    """A cell's name in a sheet, from its row and 1-based column: (12, 3) -> 'C12'."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"


class Problem(NamedTuple):
    """A problem and its place: `FILE:LINE:COLUMN` in a text file, `FILE:SHEET!CELL` in a
    workbook (where `line` is the row)."""

    file: str
    line: int | None
    column: int | None
    code: str
    message: str
    severity: Severity = "error"
    sheet: str | None = None
    cell: str | None = None
    args: Args = ()

    def __str__(self) -> str:
        place = self.file
        if self.sheet is not None:
            place += f":{self.sheet}" + (f"!{self.cell}" if self.cell else "")
        elif self.line is not None:
            place += f":{self.line}"
            if self.column is not None:
                place += f":{self.column}"
        label = self.code if self.severity == "error" else f"warning: {self.code}"
        return f"{place}: {label}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        return self._asdict() | {"args": dict(self.args)}

    def in_language(self, lang: str, names: Mapping[str, str] | None = None) -> Problem:
        """The problem with its message in `lang`, indicators named by `names` (id -> name)."""
        return self._replace(message=render(self.code, self.args, lang, names))

    @classmethod
    def of(
        cls, place: Place, said: Message, severity: Severity = "error", column: int | None = None
    ) -> Problem:
        """The one way to make a problem: a message of the catalogue at a place. Its
        `message` is the English text, said again in the user's language when shown."""
        file, line, sheet, cell, at = place
        column = column if column is not None else at
        text = said.text("en")
        return cls(file, line, column, said.code, text, severity, sheet, cell, said.args)


def unreadable(error: OSError) -> Message:
    """Why a file could not be opened, in the catalogue's words (never the system's)."""
    if isinstance(error, PermissionError):
        return message("unreadable.denied")
    if isinstance(error, FileNotFoundError):
        return message("unreadable.gone")
    name = errno.errorcode.get(error.errno or 0, type(error).__name__)
    return message("unreadable", why=name)


def system_error(error: OSError) -> Message:
    """What the machine refused, in the catalogue's words (never the system's English):
    standard output closed, a full disk, a permission, or the error's name."""
    from ktt_cli.output import StdoutClosed

    if isinstance(error, StdoutClosed):
        return message("system.stdout_closed")
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        key = "system.disk_full"
    elif isinstance(error, PermissionError):
        key = "system.denied"
    else:
        key = "system.error"
    name = errno.errorcode.get(error.errno or 0, type(error).__name__)
    said = message(key, why=name)
    return said.on(printable(str(error.filename))) if error.filename else said


class ProblemLog:
    """Collects every problem of a run; keeps the first KEEP_AT_MOST, counts them all."""

    def __init__(self, keep_at_most: int = KEEP_AT_MOST) -> None:
        self._kept: list[Problem] = []
        self._keep_at_most = keep_at_most
        self.counts: Counter[Severity] = Counter()
        self.codes: Counter[str] = Counter()

    def add(self, problem: Problem) -> None:
        self.counts[problem.severity] += 1
        self.codes[problem.code] += 1
        if len(self._kept) < self._keep_at_most:
            self._kept.append(problem)

    def say(
        self,
        place: Place,
        key: str,
        severity: Severity = "error",
        column: int | None = None,
        /,
        **values: object,
    ) -> None:
        """A problem whose message the catalogue's template `key` (its code, or
        `code.way`) makes from `values` (messages.MESSAGES)."""
        self.tell(place, message(key, **values), severity, column)

    def tell(
        self, place: Place, said: Message, severity: Severity = "error", column: int | None = None
    ) -> None:
        """A problem of a message made elsewhere (a period refused, a cell not read)."""
        self.add(Problem.of(place, said, severity, column))

    @property
    def errors(self) -> int:
        return self.counts["error"]

    @property
    def warnings(self) -> int:
        return self.counts["warning"]

    @property
    def total(self) -> int:
        return self.errors + self.warnings

    def unlisted(self, severity: Severity | None = None) -> int:
        """How many problems (of `severity`) were counted but not kept."""
        kept = [p for p in self._kept if severity is None or p.severity == severity]
        counted = self.total if severity is None else self.counts[severity]
        return counted - len(kept)

    def __iter__(self) -> Iterator[Problem]:
        """The kept problems, file by file in the order the files were read, then by line."""
        order = {name: i for i, name in enumerate(dict.fromkeys(p.file for p in self._kept))}
        return iter(sorted(self._kept, key=lambda p: (order[p.file], p.line or 0, p.column or 0)))

    def of_severity(self, severity: Severity) -> list[Problem]:
        return [p for p in self if p.severity == severity]
