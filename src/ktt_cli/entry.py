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
import signal
import sys

#: What Python's own exit gives when standard output cannot be flushed.
_FLUSH_FAILED = 120
#: How a shell reports a program ended by a signal: 128 + its number (SPEC §6).
EXIT_INTERRUPTED, EXIT_TERMINATED, EXIT_PIPE = 130, 143, 141


class Terminated(BaseException):
    """SIGTERM (a scheduler's kill): raised where the program stands, so that every `with`
    unwinds (the chart worker stopped, a temporary output file removed) before exit 143."""


def _terminated(_signal: int, _frame: object) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a second SIGTERM ends ktt at once
    raise Terminated


def run() -> int:
    """Run the command line with the collector off; the exit status, output flushed."""
    gc.disable()
    signal.signal(signal.SIGTERM, _terminated)
    try:
        from ktt_cli.cli import main as command_line

        command_line()
        status = 0
    except SystemExit as e:
        status = _status(e.code)
    except KeyboardInterrupt:  # Ctrl-C outside a command (while starting): no traceback
        status = EXIT_INTERRUPTED
    except Terminated:
        status = EXIT_TERMINATED
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except BrokenPipeError:  # the reader closed the pipe early (`| head`)
            status = status or EXIT_PIPE
        except (OSError, ValueError):  # a stream closed, a disk full
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


def quiet_stdout() -> None:
    """Standard output to nowhere once its reader is gone: nothing more is written, and
    the interpreter's last flush finds nothing to fail on."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass


def main() -> None:
    os._exit(run())
