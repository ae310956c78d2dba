"""Where output goes: UTF-8 whatever the locale, colour only on a terminal, files atomically."""

from __future__ import annotations

import codecs
import errno
import io
import os
import sys
from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console, RenderableType


#: The error handler that writes a byte of a name that was not UTF-8 (held by Python as
#: a surrogate escape) as `\xff`, and any other character that cannot be encoded as `\u…`.
ESCAPE_UNDECODABLE = "ktt.show-undecodable"


def _escape_undecodable(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    bad = error.object[error.start : error.end]
    escaped = "".join(
        f"\\x{ord(c) - 0xDC00:02x}" if 0xDC80 <= ord(c) <= 0xDCFF else f"\\u{ord(c):04x}"
        for c in bad
    )
    return escaped, error.end


codecs.register_error(ESCAPE_UNDECODABLE, _escape_undecodable)


class _Closed(io.TextIOWrapper):
    """What stands for a standard output the process was started without (`>&-`): a
    report written there would be lost while the run looked successful, so writing to it
    is an OSError, which the CLI turns into exit 2."""

    def write(self, _text: str, /) -> int:
        raise _closed()


class StdoutClosed(OSError):
    """Standard output was closed by the caller (`>&-`): the report cannot be written."""


def _closed() -> OSError:
    return StdoutClosed(errno.EBADF, "standard output is closed; the report was not written")


def use_utf8_streams() -> None:
    """Write stdout and stderr as UTF-8 even under LC_ALL=C or PYTHONIOENCODING=ascii, so
    that a scheduled job redirecting the output never fails on a Vietnamese letter nor
    on a file name that is not UTF-8.

    A standard output the process was started without refuses every write; a standard
    error, which only tells, writes nowhere.
    """
    if sys.stdout is None:
        sys.stdout = _Closed(_null(), encoding="utf-8")
    if sys.stderr is None:
        sys.stderr = io.TextIOWrapper(_null(), encoding="utf-8")
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8", errors=ESCAPE_UNDECODABLE)


def _null() -> io.BufferedWriter:
    return Path(os.devnull).open("wb")


def check_stdout() -> None:
    """Raise OSError (EBADF) when standard output was closed by the caller (`>&-`), before
    a report is made for it."""
    if sys.stdout is None or isinstance(sys.stdout, _Closed) or sys.stdout.closed:
        raise _closed()


#: A report: text, the bytes of a workbook, or text in parts (written as they are made).
Report = str | bytes | Iterable[str]


def write_stdout(data: Report) -> None:
    """Write a report to standard output and flush it, so that a closed or failing stdout
    is an OSError here, not a lost report."""
    check_stdout()
    if isinstance(data, bytes):
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    for part in [data] if isinstance(data, str) else data:
        sys.stdout.write(part)
    sys.stdout.flush()


def encoded(data: str | bytes) -> bytes:
    """`data` as UTF-8 bytes; a byte of a name that was not UTF-8 is written as `\\xff`."""
    return data if isinstance(data, bytes) else data.encode("utf-8", ESCAPE_UNDECODABLE)


def write_output(data: Report, output: Path | None) -> None:
    """A report to `output` (atomically), or to standard output without one."""
    if output is None:
        write_stdout(data)
    elif isinstance(data, str | bytes):
        write_atomic(output, encoded(data))
    else:
        write_atomic(output, map(encoded, data))


def wants_colour(stream: TextIO) -> bool:
    return stream.isatty() and not os.environ.get("NO_COLOR")


def console(stream: TextIO, colour: bool, width: int | None = None) -> Console:
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            """A reader that closed the pipe early: told to the command line, which ends
            quietly with 141 (SPEC §6), where Rich's own way would exit 1, the status of
            `--fail-on` matched."""
            raise BrokenPipeError(errno.EPIPE, "the reader closed the pipe")

    return _Console(
        file=stream,
        color_system="auto" if colour else None,
        force_terminal=colour,
        highlight=False,
        emoji=False,
        width=width,
    )


def render_text(renderable: RenderableType, width: int | None = None) -> str:
    """A renderable as plain text (no colour), as a file gets it."""
    buffer = io.StringIO()
    console(buffer, colour=False, width=width or 100).print(renderable)
    return buffer.getvalue()


#: How much of the output's name the temporary file's name repeats: enough to tell
#: whose it is, short enough that the whole stays within NAME_MAX (255 bytes).
_NAME_KEPT = 32


def write_atomic(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Write `data` (or its parts) to a temporary file beside `path`, then rename it over
    `path`: a run that fails leaves any earlier file as it was and no partial one.

    A path that exists but is not a regular file (/dev/null, a named pipe, a link to
    /proc/self/fd/1) is written through: renaming over it would replace the device with
    a file. A link to a file keeps being a link: its target gets the new contents.
    """
    parts = [data] if isinstance(data, bytes) else data
    if path.exists() and not path.is_file():
        with path.open("wb") as file:
            file.writelines(parts)
        return
    import tempfile  # here: most runs write to standard output, and it costs 2 ms to import

    path = path.resolve()
    mode = path.stat().st_mode & 0o777 if path.exists() else _default_mode()
    fd, name = tempfile.mkstemp(
        prefix=f".{path.name[:_NAME_KEPT]}.", suffix=".part", dir=path.parent
    )
    temporary = Path(name)
    try:
        with os.fdopen(fd, "wb") as file:
            file.writelines(parts)
            file.flush()
            os.fsync(file.fileno())
        temporary.chmod(mode)
        temporary.replace(path)
    except BaseException:
        with suppress(OSError):
            temporary.unlink()
        raise


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
