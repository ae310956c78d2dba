"""A progress bar for a long read (SPEC §7): Rich, on standard error, only when standard
error is a terminal, and only once the read has lasted a second.

The reader calls `ReadBar.advance` once a chunk with the bytes read so far; until the
second has passed that is one clock reading, and Rich is not even imported, so a short
read (and every run whose standard error is a file or a pipe) costs nothing and prints
nothing. The bar is transient: it leaves no line behind once the read is done.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from types import TracebackType
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

#: A read shorter than this shows no bar.
DELAY_S = 1.0


class ReadBar:
    """The progress of reading one file of `total` bytes (None: not known, as of a pipe)."""

    def __init__(
        self,
        name: str,
        total: int | None,
        *,
        stream: IO[str] | None = None,
        delay: float = DELAY_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.name, self.total = name, total
        self._stream = stream if stream is not None else sys.stderr
        self._shown = _is_terminal(self._stream)  # else it never shows
        self._clock = clock
        self._due = clock() + delay
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    @classmethod
    def for_file(cls, name: str, raw: object, **kwargs: object) -> ReadBar:
        """The bar of a file opened as `raw`, its size taken from the file where it has one."""
        return cls(name, _size(raw), **kwargs)  # type: ignore[arg-type]

    def advance(self, done: int) -> None:
        """The hook: `done` bytes of the file have been read."""
        if not self._shown:
            return
        if self._progress is None:
            if self._clock() < self._due:
                return
            self._start()
        assert self._progress is not None
        assert self._task is not None
        self._progress.update(self._task, completed=done)

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
        self._shown = False

    def __enter__(self) -> ReadBar:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            DownloadColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
            TransferSpeedColumn,
        )
        from rich.text import Text

        console = Console(file=self._stream, stderr=self._stream is sys.stderr)
        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            DownloadColumn(),
            TransferSpeedColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
        )
        # A file's name is text, never markup.
        description = Text(self.name).markup if self.name else "-"
        self._task = self._progress.add_task(description, total=self.total)
        self._progress.start()


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or a strange stream
        return False


def _size(raw: object) -> int | None:
    """The size of a regular file behind `raw`; None for a pipe, a terminal or no file."""
    try:
        status = os.fstat(raw.fileno())  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return None
    import stat

    return status.st_size if stat.S_ISREG(status.st_mode) and status.st_size else None
