"""Files named on the command line: checked before any work is done, then opened.

A path that cannot be read is a usage problem (exit 2) reported before reading
anything, all such problems together.
"""

from __future__ import annotations

import io
import os
import re
import stat
import sys
from pathlib import Path
from typing import BinaryIO

from ktt_cli.bundled import DEFAULT, bundled_ids, bundled_path
from ktt_cli.load.text import Source
from ktt_cli.messages import Message, usage
from ktt_cli.problems import printable

STDIN = "-"
TARGETS_SUFFIXES = (".yaml", ".yml", ".json")
ACTUALS_SUFFIXES = (".csv", ".tsv", ".txt")
# a YAML or JSON document (as `ktt targets --format json` writes one) of a programme
_TARGETS_START = re.compile(
    rb'^\s*(\{|"?(schema_version|programme|indicators)"?\s*:)', re.MULTILINE
)


class UsageProblem(Exception):
    """Arguments that cannot be acted on: messages of the catalogue, each one line for the
    user in the language the command line says them in (`lines`)."""

    def __init__(self, *messages: Message) -> None:
        super().__init__("\n".join(m.text("en") for m in messages))
        self.messages = messages

    def lines(self, lang: str) -> list[str]:
        """Each message in `lang`, the control characters of a name typed on the command
        line escaped."""
        return [printable(m.text(lang)) for m in self.messages]


def path_problem(name: str) -> Message | None:
    """Why `name` cannot be read as an input file, or None."""
    path = Path(name)
    if not path.exists():
        return usage("usage.no_such_file", name=name)
    if path.is_dir():
        return usage("usage.folder", name=name)
    if not os.access(path, os.R_OK):
        return usage("usage.unreadable", name=name)
    return None


def sources(names: list[str], *, what: str) -> list[Source]:
    """Sources for `names` ('-' is standard input), or UsageProblem naming every bad one."""
    if not names:
        raise UsageProblem(usage("usage.no_files", what=what))
    problems = [p for n in names if n != STDIN and (p := path_problem(n))]
    if names.count(STDIN) > 1:
        problems.append(usage("usage.stdin_twice"))
    if problems:
        raise UsageProblem(*problems)
    return [stdin_source() if n == STDIN else file_source(n) for n in names]


def file_source(name: str) -> Source:
    """The file `name`, opened by that name but shown by one that is safe to print and
    to write as UTF-8 (a byte of the name that is not UTF-8 as `\\xff`)."""
    path = Path(name)
    return Source(printable(name), lambda: path.open("rb"))  # the reader closes it


def stdin_source() -> Source:
    # One reader over descriptor 0, which leaves the descriptor open when closed; the
    # same reader every time, so that bytes peeked at to sniff the content are not lost.
    if sys.stdin is None:
        raise UsageProblem(usage("usage.stdin_closed"))
    try:
        stream = open(sys.stdin.fileno(), "rb", closefd=False)  # noqa: SIM115
    except (OSError, ValueError, io.UnsupportedOperation):
        # stdin without a descriptor (replaced by a test runner or a host program)
        stream = io.BufferedReader(io.BytesIO(sys.stdin.buffer.read()))
    return Source(STDIN, lambda: stream)


def targets_source(value: str | None) -> tuple[str, Path]:
    """The targets file that `--targets` (or KTT_TARGETS, or the default) names.

    Returns the name to show and the path: a file path as given, or a bundled
    programme's id, shown as `bundled:ID`.
    """
    chosen = value or DEFAULT
    path = Path(chosen)
    if path.exists() or os.sep in chosen or chosen.endswith(TARGETS_SUFFIXES):
        if problem := path_problem(chosen):
            raise UsageProblem(problem)
        return printable(chosen), path
    bundled = bundled_path(chosen)
    if bundled is None:
        raise UsageProblem(usage("usage.targets", chosen=chosen, ids=", ".join(bundled_ids())))
    return f"bundled:{chosen}", bundled


def looks_like_targets(name: str, stream: BinaryIO) -> bool:
    """Whether `name` is a targets file: by its extension, else by its first bytes,
    peeked at in `stream` without consuming them."""
    suffix = Path(name).suffix.lower()
    if suffix in TARGETS_SUFFIXES:
        return True
    if suffix in ACTUALS_SUFFIXES:
        return False
    head = stream.peek(4096)[:4096] if hasattr(stream, "peek") else b""
    return bool(_TARGETS_START.search(head.removeprefix(b"\xef\xbb\xbf")))


def output_problem(output: Path | str, inputs: list[str]) -> Message | None:
    """Why `--output` cannot be written, or None. An input is never overwritten, not even
    one read from standard input (`- -o data.csv < data.csv`).

    Give `output` as typed: a trailing slash (`newdir/`) names a folder, never a file.
    """
    name = str(output)
    path = Path(output)
    if path.is_dir() or name.endswith(("/", os.sep)):
        return usage("usage.output_folder", name=name)
    folder = path.parent
    if not folder.is_dir():
        return usage("usage.output_no_folder", name=name, folder=folder)
    if any(_is_stdin(path) if n == STDIN else _same_file(path, Path(n)) for n in inputs):
        return usage("usage.output_is_input", name=name)
    return None


def _same_file(a: Path, b: Path) -> bool:
    if a.exists() and b.exists():
        return a.samefile(b)
    return a.resolve() == b.resolve()


def _is_stdin(path: Path) -> bool:
    """Whether `path` is the regular file that standard input reads."""
    try:
        given, there = os.fstat(0), path.stat()
    except OSError:
        return False
    return stat.S_ISREG(given.st_mode) and os.path.samestat(given, there)
