"""Where output goes: UTF-8 whatever the locale, colour only on a terminal, files atomically."""

from __future__ import annotations

import io
import os
import sys
import tempfile
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console, RenderableType


def use_utf8_streams() -> None:
    """Write stdout and stderr as UTF-8 even under LC_ALL=C or PYTHONIOENCODING=ascii, so
    that a scheduled job redirecting the output never fails on a Vietnamese letter.

    A stream the process was started without (closed by the caller) writes nowhere.
    """
    if sys.stdout is None:
        sys.stdout = Path(os.devnull).open("w", encoding="utf-8")  # noqa: SIM115 - for good
    if sys.stderr is None:
        sys.stderr = Path(os.devnull).open("w", encoding="utf-8")  # noqa: SIM115 - for good
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.encoding.lower() not in (
            "utf-8",
            "utf8",
        ):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")


def wants_colour(stream: TextIO) -> bool:
    return stream.isatty() and not os.environ.get("NO_COLOR")


def console(stream: TextIO, colour: bool, width: int | None = None) -> Console:
    from rich.console import Console

    return Console(
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


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, then rename it over `path`: a run
    that fails leaves any earlier file as it was and no partial one.

    A path that exists but is not a regular file (/dev/null, a named pipe) is written
    to directly: renaming over it would replace the device with a file.
    """
    if path.exists() and not path.is_file():
        with path.open("wb") as file:
            file.write(data)
        return
    mode = path.stat().st_mode & 0o777 if path.exists() else _default_mode()
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    temporary = Path(name)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
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
