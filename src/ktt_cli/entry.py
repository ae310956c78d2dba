"""The `ktt` console script and `python -m ktt_cli`: the command line, without the
cyclic garbage collector and without the interpreter's teardown.

A run of ktt allocates a great deal that holds no reference cycle: the modules and
Pydantic schemas of its start-up, then the rows of the files it reads, each freed
as soon as it is used. The cyclic collector finds nothing in them, but it looks,
again and again: about 20 ms of the 220 ms of a small report. It is switched off
before anything is imported, for the one command the process runs. It runs again
where a library does leave cycles behind: in the worker that draws an HTML report's
charts (matplotlib's figures), and while a workbook is read (the XML parser under
openpyxl, about 85 bytes a row otherwise kept: load/collect.py). The peak memory of
every measure in `benchmarks/run.py` is what shows nothing else accumulates.

When the command is done, its output is flushed and the process ends there
(`os._exit`), as mypy's does: the interpreter would otherwise take every module
apart and run a full collection over the objects of Typer, Pydantic and Rich, 30 ms
that change nothing. Every file ktt writes is closed by then (the chart worker is
shut down by its `with`), and no ktt code registers an exit handler. An exception
other than SystemExit ends the process the usual way.

Imported as a library, ktt leaves the collector and the interpreter alone.
"""

from __future__ import annotations

import gc
import os
import sys

#: What Python's own exit gives when standard output cannot be flushed (a closed pipe).
_FLUSH_FAILED = 120


def run() -> int:
    """Run the command line with the collector off; the exit status, output flushed."""
    gc.disable()
    from ktt_cli.cli import main as command_line

    try:
        command_line()
        status = 0
    except SystemExit as e:
        status = _status(e.code)
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # a pipe closed early, a stream closed
            status = status or _FLUSH_FAILED
    return status


def _status(code: object) -> int:
    """The exit status of `sys.exit(code)`, as Python's own exit gives it."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def main() -> None:
    os._exit(run())
